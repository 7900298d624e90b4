#!/usr/bin/env python3
"""Export a saved seq2seq model folder to the Optimum ONNX layout that ClinSum's Java engine loads.

The output folder holds ``encoder_model.onnx`` and ``decoder_model_merged.onnx`` (one decoder graph
whose ``use_cache_branch`` input selects the first step or a cached step; the two split decoders
Optimum also writes are deleted), with ``config.json``, ``generation_config.json`` and the tokenizer
files (``tokenizer.json`` ...) copied from the model folder.

``--quantize int8`` quantizes dynamically (int8 weights, ONNX Runtime's ``quantize_dynamic``); the
output folder then holds the int8 files under the same names. The two split decoders are quantized
and then merged (``quantize_dynamic`` leaves the weights of an already merged decoder in fp32: they
sit outside the ``If`` branches that use them).

A check follows every export: greedy ``generate`` (``max_new_tokens`` 20) of the PyTorch model and of
``optimum.onnxruntime.ORTModelForSeq2SeqLM`` on the exported folder must give identical token ids
on a few inputs. For fp32 a difference is an error (exit status 1); for int8 the agreement rate is
reported.

Usage (also importable: ``export(model_dir, output_dir, ...)``)::

    python export_onnx.py MODEL_DIR OUTPUT_DIR [--quantize int8] [--check_input TEXT ...]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

TASK = "text2text-generation-with-past"
SPLIT_DECODERS = ("decoder_model.onnx", "decoder_with_past_model.onnx")
MERGED_DECODER = "decoder_model_merged.onnx"
# Copied from the model folder as they are (the ones that exist): the Java engine reads config.json,
# generation_config.json and tokenizer.json; the others let transformers/Optimum load the folder too.
MODEL_FILES = (
    "config.json",
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "spiece.model",
    "vocab.json",
    "merges.txt",
    "source.spm",
    "target.spm",
)
CHECK_MAX_NEW_TOKENS = 20
DEFAULT_CHECK_INPUTS = (
    "Patient is a 45-year-old male with chest pain radiating to the left arm for two hours.",
    "History of type 2 diabetes and hypertension. Blood pressure 150/90, heart rate 88.",
    "She reports a dry cough and fever for three days; the chest X-ray shows no infiltrate.",
    "Plan: start lisinopril 10 mg daily and recheck the basic metabolic panel in one week.",
)
_EXTERNAL_DATA_BYTES = 1_800_000_000  # graphs near protobuf's 2 GB limit keep their weights in a side file


@dataclass
class Parity:
    """How many inputs gave the same greedy token ids in PyTorch and ONNX Runtime."""

    equal: int
    total: int
    mismatches: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.equal / self.total if self.total else 1.0


@dataclass
class ExportResult:
    """What an export produced and how its output compares with PyTorch."""

    output_dir: str
    files: list[str]
    seconds: float
    fp32: Parity
    int8: Parity | None = None

    @property
    def fp32_parity_ok(self) -> bool:
        return self.fp32.equal == self.fp32.total

    def metrics(self) -> dict[str, float]:
        """Numbers for the ``name=value`` metric lines."""
        values = {"onnx_parity_fp32": self.fp32.rate, "onnx_export_seconds": round(self.seconds, 1)}
        if self.int8 is not None:
            values["onnx_parity_int8"] = self.int8.rate
        return values

    def describe_mismatches(self) -> str:
        lines = [f"{self.fp32.total - self.fp32.equal} of {self.fp32.total} inputs differ (fp32)"]
        for m in self.fp32.mismatches:
            lines.append(f"  input {m['input']!r}: pytorch {m['pytorch']} onnx {m['onnx']}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def pin_hash_seed() -> None:
    """Re-execute the script once with PYTHONHASHSEED=0.

    Optimum's decoder merge names shared initializers while iterating over Python sets, whose order
    depends on the per-process string hash seed; a fixed seed makes the merged file reproducible.
    """
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])


def onnx_export(model_dir: Path, out_dir: Path, opset: int | None = None, keep_split: bool = False) -> None:
    """Optimum export with the merged decoder.

    The split decoders Optimum writes next to the merged one are deleted (unless ``keep_split``) so that
    the folder holds one layout only; they stay when the merge did not happen.
    """
    from optimum.exporters.onnx import main_export

    main_export(
        str(model_dir),
        output=str(out_dir),
        task=TASK,
        opset=opset,
        device="cpu",
        library_name="transformers",
        do_validation=True,
    )
    if (out_dir / MERGED_DECODER).exists() and not keep_split:
        for name in SPLIT_DECODERS:
            (out_dir / name).unlink(missing_ok=True)
    for path in out_dir.iterdir():
        if path.suffix in (".safetensors", ".bin"):
            path.unlink()
    copy_model_files(model_dir, out_dir)


def copy_model_files(src: Path, dest: Path) -> None:
    """Copy the configuration and tokenizer files the model folder has (they win over Optimum's copies)."""
    for name in MODEL_FILES:
        if (src / name).is_file():
            shutil.copyfile(src / name, dest / name)


def quantize_int8(src: Path, dest: Path) -> None:
    """Dynamic int8 quantization of the export in ``src`` into ``dest``, under the same file names.

    ``src`` must still hold the split decoders when it holds a merged one: they are quantized one by one
    and merged again, as Optimum merges them.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from optimum.onnx import merge_decoders

    def quantize(path: Path, out: Path) -> None:
        quantize_dynamic(
            model_input=str(path),
            model_output=str(out),
            weight_type=QuantType.QInt8,
            use_external_data_format=path.stat().st_size > _EXTERNAL_DATA_BYTES,
        )

    dest.mkdir(parents=True, exist_ok=True)
    merged = (src / MERGED_DECODER).exists()
    graphs = [p for p in sorted(src.glob("*.onnx")) if p.name != MERGED_DECODER]
    with tempfile.TemporaryDirectory(prefix="clinsum-onnx-int8-") as tmp:
        for path in graphs:
            out = Path(tmp) / path.name if merged and path.name in SPLIT_DECODERS else dest / path.name
            quantize(path, out)
        if merged:
            # the decoder with past has no cross-attention outputs, hence strict=False (as in Optimum)
            merge_decoders(
                decoder=Path(tmp) / SPLIT_DECODERS[0],
                decoder_with_past=Path(tmp) / SPLIT_DECODERS[1],
                save_path=dest / MERGED_DECODER,
                strict=False,
            )
    copy_model_files(src, dest)


def greedy_ids(model, tokenizer, texts: Sequence[str], generation_config) -> list[list[int]]:
    """Greedy generation one input at a time (no padding involved); the token ids of each output."""
    import torch

    outputs = []
    with torch.no_grad():
        for text in texts:
            enc = tokenizer(text, return_tensors="pt", truncation=True)  # to the tokenizer's model_max_length
            seq = model.generate(**enc, generation_config=generation_config)
            outputs.append(seq[0].tolist())
    return outputs


def greedy_config(model):
    """The model's generation config reduced to plain greedy decoding of CHECK_MAX_NEW_TOKENS tokens."""
    gen = model.generation_config.__class__.from_dict(model.generation_config.to_dict())
    gen.update(
        do_sample=False,
        num_beams=1,
        max_new_tokens=CHECK_MAX_NEW_TOKENS,
        max_length=None,
        min_length=0,
        min_new_tokens=None,
        no_repeat_ngram_size=0,
        repetition_penalty=1.0,
        length_penalty=1.0,
        early_stopping=False,
    )
    return gen


def compare(reference: list[list[int]], onnx_dir: Path, tokenizer, texts: Sequence[str], generation_config) -> Parity:
    """Greedy token ids of the ONNX folder versus the PyTorch reference."""
    from optimum.onnxruntime import ORTModelForSeq2SeqLM

    ort_model = ORTModelForSeq2SeqLM.from_pretrained(str(onnx_dir), provider="CPUExecutionProvider", use_cache=True)
    got = greedy_ids(ort_model, tokenizer, texts, generation_config)
    mismatches = [
        {"input": text, "pytorch": ref, "onnx": out}
        for text, ref, out in zip(texts, reference, got)
        if ref != out
    ]
    return Parity(equal=len(texts) - len(mismatches), total=len(texts), mismatches=mismatches)


def export(
    model_dir: Path | str,
    output_dir: Path | str,
    quantize: str | None = None,
    check_inputs: Sequence[str] | None = None,
    opset: int | None = None,
) -> ExportResult:
    """Export ``model_dir`` into ``output_dir`` (replaced if it exists) and check it against PyTorch.

    With ``quantize="int8"`` the fp32 export is checked first (in a temporary folder), then quantized
    into ``output_dir``, and the int8 agreement rate is measured as well.
    """
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    if quantize not in (None, "int8"):
        raise ValueError(f"unsupported quantization {quantize!r} (supported: int8)")
    model_dir, output_dir = Path(model_dir), Path(output_dir)
    texts = list(check_inputs) if check_inputs else list(DEFAULT_CHECK_INPUTS)
    if output_dir.exists():
        shutil.rmtree(output_dir)
    start = time.time()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModelForSeq2SeqLM.from_pretrained(str(model_dir)).eval()
    gen = greedy_config(model)
    reference = greedy_ids(model, tokenizer, texts, gen)
    with tempfile.TemporaryDirectory(prefix="clinsum-onnx-fp32-") as tmp:
        fp32_dir = Path(tmp) if quantize else output_dir
        onnx_export(model_dir, fp32_dir, opset, keep_split=bool(quantize))
        fp32 = compare(reference, fp32_dir, tokenizer, texts, gen)
        int8 = None
        if quantize:
            quantize_int8(fp32_dir, output_dir)
            int8 = compare(reference, output_dir, tokenizer, texts, gen)
    files = sorted(p.name for p in output_dir.iterdir() if p.is_file())
    return ExportResult(str(output_dir), files, time.time() - start, fp32, int8)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export a seq2seq model folder to Optimum ONNX and check it.")
    parser.add_argument("model_dir", type=Path, help="folder saved by save_pretrained (model, tokenizer, configs)")
    parser.add_argument("output_dir", type=Path, help="ONNX folder to write (replaced if it exists)")
    parser.add_argument("--quantize", choices=("none", "int8"), default="none")
    parser.add_argument("--opset", type=int, default=None, help="ONNX opset (default: Optimum's choice)")
    parser.add_argument("--check_input", action="append", default=None,
                        help="an input text for the PyTorch/ONNX check (repeatable; default: built-in notes)")
    args = parser.parse_args(argv)

    import logging

    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    logging.getLogger("optimum").setLevel(logging.ERROR)

    result = export(
        args.model_dir,
        args.output_dir,
        quantize=None if args.quantize == "none" else args.quantize,
        check_inputs=args.check_input,
        opset=args.opset,
    )
    for name, value in result.metrics().items():
        print(f"{name}={value}", flush=True)
    print(f"exported {', '.join(result.files)} to {result.output_dir}", flush=True)
    if not result.fp32_parity_ok:
        print(f"ERROR: the ONNX export does not match PyTorch: {result.describe_mismatches()}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    pin_hash_seed()
    sys.exit(main())
