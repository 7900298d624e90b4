"""Copies an exported ONNX model folder into sdk-local-gpu's resources as the embedded default
model and writes the manifest that EmbeddedModel reads (file names, sizes, SHA-256).

Usage: python3 scripts/default-model/package.py ONNX_DIR NAME VERSION
"""
import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "sdk-local-gpu/src/main/resources/io/clinsum/local/models"
FILES = ["encoder_model.onnx", "decoder_model_merged.onnx", "config.json",
         "generation_config.json", "tokenizer.json", "clinsum-model.json"]


def main(onnx_dir: Path, name: str, version: str) -> None:
    folder = f"{name}-{version}"
    target = RESOURCES / folder
    if RESOURCES.exists():
        for old in RESOURCES.iterdir():
            if old.is_dir():
                shutil.rmtree(old)
    target.mkdir(parents=True)
    for f in FILES[:-1]:
        shutil.copy2(onnx_dir / f, target / f)
    gen = json.loads((target / "generation_config.json").read_text())
    gen["max_new_tokens"] = 48  # summaries average 16 tokens; a shorter cap bounds chunked notes
    (target / "generation_config.json").write_text(json.dumps(gen, indent=2) + "\n")
    (target / "clinsum-model.json").write_text(json.dumps({"name": name, "version": version}) + "\n")
    files = []
    for f in FILES:
        data = (target / f).read_bytes()
        files.append({"name": f, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    manifest = {"name": name, "version": version, "folder": folder, "files": files}
    (RESOURCES / "default.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
