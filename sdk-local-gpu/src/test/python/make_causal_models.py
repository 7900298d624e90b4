#!/usr/bin/env python3
"""Build tiny random decoder-only models (GPT-2, Llama, Qwen2, an MQA Llama), export them with
optimum-onnx to the ORTModelForCausalLM layout and write golden greedy outputs of transformers
``generate`` (float32 PyTorch, CPU).

The models are meant for parity tests of the Java decoder loop (module sdk-local-gpu,
CausalParityTest), not for summarising anything: hidden size 64, two layers, random weights (a
wide initializer range so that logits are far apart and argmax ties do not occur).

Usage (from the repository root, see README.md next to this file):

    .venv-ml/bin/python sdk-local-gpu/src/test/python/make_causal_models.py

Everything is seeded; no data or network is needed: the tokenizer is the committed byte-level
BPE tokenizer of bart-tiny-merged (1,024 entries) with each family's special-token handling.
"""
from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import torch  # noqa: E402
from tokenizers import Tokenizer, processors  # noqa: E402
from transformers import (  # noqa: E402
    AutoModelForCausalLM,
    GenerationConfig,
    GPT2Config,
    GPT2LMHeadModel,
    LlamaConfig,
    LlamaForCausalLM,
    PreTrainedTokenizerFast,
    Qwen2Config,
    Qwen2ForCausalLM,
)

SEED = 20261204
OPSET = 18
TASK = "text-generation-with-past"
HERE = Path(__file__).resolve().parent
RESOURCES = HERE.parent / "resources" / "models"
OUT = RESOURCES / "causal"
BASE_TOKENIZER = RESOURCES / "bart-tiny-merged" / "tokenizer.json"
# <s>=0, <pad>=1, </s>=2, <unk>=3 in the base tokenizer
BOS, PAD, EOS = 0, 1, 2

LOG = logging.getLogger("make_causal_models")

PROMPTS = [
    "Fever.",
    "BP 120/80, HR 72, RR 16, SpO2 98% on room air, temp 98.6 F.",
    "Patient is a 45-year-old male with chest pain radiating to the left arm.",
    "Plan:\n1. Start lisinopril 10 mg daily.\n2. Recheck BMP in one week.\n",
    "Temp 38.5 \u00b0C; metoprolol 25 mg b.i.d.; caf\u00e9 \U0001F600.",
    "Summary:",
]
BATCH = [PROMPTS[0], PROMPTS[2], PROMPTS[4]]
MAX_NEW = 20


def tokenizer_for(family: str) -> PreTrainedTokenizerFast:
    tok = Tokenizer.from_file(str(BASE_TOKENIZER))
    if family == "llama":
        # Llama prepends BOS; GPT-2 and Qwen2 add no special tokens.
        tok.post_processor = processors.TemplateProcessing(single="<s> $A", pair="<s> $A <s> $B", special_tokens=[("<s>", BOS)])
    else:
        tok.post_processor = processors.ByteLevel(trim_offsets=False)
    kwargs = dict(tokenizer_object=tok, bos_token="<s>", eos_token="</s>", unk_token="<unk>", clean_up_tokenization_spaces=False,
                  model_input_names=["input_ids", "attention_mask"])
    # GPT-2 has no pad token: padding uses </s>, as users of GPT-2 do (its config has no pad_token_id).
    kwargs["pad_token"] = "</s>" if family == "gpt2" else "<pad>"
    fast = PreTrainedTokenizerFast(**kwargs)
    fast.padding_side = "left"
    return fast


def build(family: str, vocab: int):
    torch.manual_seed(SEED)
    common = dict(vocab_size=vocab, bos_token_id=BOS, eos_token_id=EOS, initializer_range=0.5)
    if family == "gpt2":
        cfg = GPT2Config(n_embd=64, n_layer=2, n_head=4, n_positions=128, n_inner=128, **common)
        return GPT2LMHeadModel(cfg)
    if family in ("llama", "llama-mqa"):
        cfg = LlamaConfig(
            hidden_size=64,
            intermediate_size=128,
            num_hidden_layers=2,
            num_attention_heads=4,
            num_key_value_heads=1 if family == "llama-mqa" else 2,
            max_position_embeddings=256,
            rope_theta=10000.0,
            tie_word_embeddings=False,
            pad_token_id=PAD,
            **common,
        )
        return LlamaForCausalLM(cfg)
    if family == "qwen2":
        cfg = Qwen2Config(
            hidden_size=64,
            intermediate_size=128,
            num_hidden_layers=2,
            num_attention_heads=4,
            num_key_value_heads=2,
            max_position_embeddings=256,
            tie_word_embeddings=True,
            pad_token_id=PAD,
            **common,
        )
        return Qwen2ForCausalLM(cfg)
    raise ValueError(family)


def export(src: Path, out: Path) -> None:
    from optimum.exporters.onnx import main_export

    if out.exists():
        shutil.rmtree(out)
    main_export(str(src), output=str(out), task=TASK, opset=OPSET, device="cpu", do_validation=True,
                library_name="transformers")
    for p in out.iterdir():
        if p.suffix in (".safetensors", ".bin"):
            p.unlink()
    names = sorted(p.name for p in out.iterdir())
    assert "model.onnx" in names and not any(n.startswith("decoder") for n in names), names


def io_names(path: Path) -> str:
    m = onnx.load(str(path), load_external_data=False)
    dims = lambda v: [d.dim_value if d.HasField("dim_value") else d.dim_param for d in v.type.tensor_type.shape.dim]  # noqa: E731
    lines = [f"{path.parent.name}/{path.name}: opset={m.opset_import[0].version} nodes={len(m.graph.node)}"]
    lines += [f"  input  {v.name:28} {dims(v)}" for v in m.graph.input]
    lines += [f"  output {v.name:28} {dims(v)}" for v in m.graph.output]
    return "\n".join(lines)


def greedy(model, tok, texts: list[str], params: dict, eos: list[int], pad: int) -> tuple[list, list, list, float]:
    enc = tok(texts, return_tensors="pt", padding=True)
    with torch.no_grad():
        out = model.generate(**enc, do_sample=False, num_beams=1, eos_token_id=eos, pad_token_id=pad,
                             output_scores=True, return_dict_in_generate=True, **params)
    width = enc["input_ids"].shape[1]
    margin = float("inf")
    for step in out.scores:  # processed scores of each step
        top2 = torch.topk(step.float(), 2, dim=-1).values
        finite = torch.isfinite(top2[:, 1])
        if finite.any():
            margin = min(margin, float((top2[finite, 0] - top2[finite, 1]).min()))
    return enc["input_ids"].tolist(), enc["attention_mask"].tolist(), out.sequences[:, width:].tolist(), margin


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    torch.use_deterministic_algorithms(True)
    OUT.mkdir(parents=True, exist_ok=True)
    golden = []
    manifest = {"seed": SEED, "opset": OPSET, "task": TASK, "torch": torch.__version__,
                "transformers": __import__("transformers").__version__, "models": {}}
    io_lines = []
    for family in ("gpt2", "llama", "qwen2", "llama-mqa"):
        name = f"{family}-tiny"
        tok = tokenizer_for(family)
        model = build(family, len(tok)).eval()
        # A second stop id besides </s>: a token these random models do produce, so that stopping on
        # any id of generation_config.json's eos_token_id list is exercised.
        probe = greedy(model, tok, PROMPTS, dict(max_new_tokens=MAX_NEW), [EOS], PAD)[2]
        counts = {}
        for row in probe:
            for t in row[3:12]:
                counts[t] = counts.get(t, 0) + 1
        extra_eos = max(sorted(counts), key=lambda t: (counts[t], -t))
        eos = [EOS, extra_eos]
        pad = PAD if family != "gpt2" else EOS
        model.generation_config = GenerationConfig(
            bos_token_id=BOS, eos_token_id=eos, pad_token_id=None if family == "gpt2" else PAD,
            max_new_tokens=MAX_NEW, do_sample=False, num_beams=1)
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / name
            model.save_pretrained(src, safe_serialization=True)
            tok.save_pretrained(src)
            export(src, OUT / name)
        # Optimum writes config.json, generation_config.json and the tokenizer files beside model.onnx.
        assert (OUT / name / "generation_config.json").exists()
        if family == "llama":
            # SmolLM2's ChatML template, so that the backend's chat path runs end to end
            # (OnnxChatTemplateTest; goldens by make_chat_goldens.py).
            cfg_path = OUT / name / "tokenizer_config.json"
            cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
            cfg["chat_template"] = (OUT.parent.parent / "chat-templates" / "smollm2-chatml.jinja").read_text(encoding="utf-8")
            cfg_path.write_text(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        io_lines.append(io_names(OUT / name / "model.onnx"))
        params_list = {
            "greedy": dict(max_new_tokens=MAX_NEW),
            "greedy_rep_penalty_1.3": dict(max_new_tokens=MAX_NEW, repetition_penalty=1.3),
            "greedy_max_new_24": dict(max_new_tokens=24),
        }
        min_margin = float("inf")
        for setting, params in params_list.items():
            for text in PROMPTS:
                ids, _, outs, margin = greedy(model, tok, [text], params, eos, pad)
                min_margin = min(min_margin, margin)
                golden.append(dict(model=name, setting=setting, params=params, batch=False, input=text,
                                   input_ids=ids[0], output_ids=outs[0], eos_token_id=eos,
                                   text=tok.decode(outs[0], skip_special_tokens=True), min_score_margin=margin))
        ids, mask, outs, margin = greedy(model, tok, BATCH, dict(max_new_tokens=MAX_NEW), eos, pad)
        min_margin = min(min_margin, margin)
        golden.append(dict(model=name, setting="greedy", params=dict(max_new_tokens=MAX_NEW), batch=True,
                           input=BATCH, input_ids=ids, attention_mask=mask, output_ids=outs, eos_token_id=eos,
                           pad_token_id=pad, min_score_margin=margin))
        stops = sum(1 for g in golden if g["model"] == name and not g["batch"] and len(g["output_ids"]) < g["params"]["max_new_tokens"])
        LOG.info("%s: %d parameters, extra eos %d, %d single rows stop early, min margin %.4f", name,
                 sum(p.numel() for p in model.parameters()), extra_eos, stops, min_margin)
        assert min_margin > 1e-3, (name, min_margin)
        files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((OUT / name).iterdir())}
        manifest["models"][name] = dict(family=family, parameters=sum(p.numel() for p in model.parameters()),
                                        extra_eos=extra_eos, min_score_margin=min_margin, files=files)
    with (OUT / "golden.jsonl").open("w", encoding="utf-8") as f:
        for g in golden:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    (OUT / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (OUT / "onnx-io.txt").write_text("\n\n".join(io_lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
