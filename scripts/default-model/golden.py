"""Golden outputs of Optimum's ORTModelForSeq2SeqLM.generate on the embedded default model, for
the Java engine's parity test (sdk-local-gpu OptimumParityTest).

Usage: .venv-ml/bin/python scripts/default-model/golden.py MODEL_DIR TEST_CSV OUT_JSONL
"""
import csv
import json
import sys
from pathlib import Path

from optimum.onnxruntime import ORTModelForSeq2SeqLM
from transformers import AutoTokenizer

COMMON = dict(min_new_tokens=0, length_penalty=1.0, repetition_penalty=1.0)
SETTINGS = {  # every parameter explicit, so the model's generation_config.json plays no part
    "greedy": dict(num_beams=1, max_new_tokens=48, no_repeat_ngram_size=0, early_stopping=False, **COMMON),
    "beam4": dict(num_beams=4, max_new_tokens=48, no_repeat_ngram_size=3, early_stopping=True, **COMMON),
}
SEED_NOTE = ("Patient presented to the emergency department with severe chest pain radiating to the"
             " left arm, accompanied by shortness of breath and diaphoresis. ECG showed ST elevation"
             " in the anterior leads. Troponin elevated. Taken for emergent cardiac catheterization"
             " with PCI to the LAD.")


def main(model_dir: Path, test_csv: Path, out: Path) -> None:
    tok = AutoTokenizer.from_pretrained(model_dir)
    model = ORTModelForSeq2SeqLM.from_pretrained(model_dir)
    with open(test_csv, newline="", encoding="utf-8") as f:
        notes = [r["note"] for _, r in zip(range(12), csv.DictReader(f))]
    inputs = [SEED_NOTE, "Summarize the symptoms that the patient is experiencing.\n" + SEED_NOTE] + notes
    folder = "embedded"  # the parity test loads it through EmbeddedModel, as users do
    with open(out, "w", encoding="utf-8") as f:
        for name, params in SETTINGS.items():
            for text in inputs:
                ids = tok(text)["input_ids"]
                gen = model.generate(input_ids=__import__("torch").tensor([ids]), do_sample=False, **params)
                row = {"model": folder, "setting": name, "params": params,
                       "input": text, "input_ids": ids, "output_ids": gen[0].tolist(),
                       "text": tok.decode(gen[0], skip_special_tokens=True)}
                f.write(json.dumps(row) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
