#!/usr/bin/env python3
"""Build tiny T5 and BART test models, export them with Hugging Face Optimum to ONNX
(split and merged decoder layouts) and write golden generation outputs.

The models are meant for parity tests of the Java ONNX Runtime seq2seq engine
(module sdk-local-gpu), not for summarising anything: they have d_model 64, two
encoder and two decoder layers, and are trained for a few hundred steps only so
that they emit EOS some of the time.

Usage (from the repository root, see README.md next to this file):

    .venv-ml/bin/python sdk-local-gpu/src/test/python/make_test_models.py \
        --mtsamples /work/shared/data/mtsamples-dev.jsonl \
        --mts-dialog /work/shared/data/mts-dialog/MTS-Dialog-TrainingSet.csv

Everything is seeded. The golden outputs are computed from the exported ONNX files
themselves (ORTModelForSeq2SeqLM on CPU), so models and golden.jsonl always agree,
even if PyTorch training on another CPU produced slightly different weights.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import logging
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

# Python's string hashing is randomised per process, and Optimum's decoder merge picks initializer names
# by iterating over sets: pin the hash seed (re-executing once) so that the merged ONNX files are
# byte-for-byte reproducible.
if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import torch  # noqa: E402
from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers  # noqa: E402
from transformers import (  # noqa: E402
    BartConfig,
    BartForConditionalGeneration,
    BartTokenizerFast,
    GenerationConfig,
    T5Config,
    T5ForConditionalGeneration,
    T5TokenizerFast,
)

SEED = 20261127
OPSET = 18  # Optimum's default for T5/BART; at most 21 so that older ONNX Runtime versions load it too
VOCAB_SIZE = 1024
MAX_INPUT_TOKENS = 256  # BART max_position_embeddings; every golden input stays below it
TASK = "text2text-generation-with-past"

LOG = logging.getLogger("make_test_models")


# --------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------

def read_mtsamples(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def read_mts_dialog(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT_SPLIT.split(text.strip()) if s.strip()]


def tidy(text: str) -> str:
    """MTSamples writes section headers as 'HEADER:,' - turn that into readable text."""
    text = text.replace(":,", ": ").replace(".,", ". ")
    return re.sub(r"\s+", " ", text).strip()


def training_text(mtsamples: list[dict], dialog: list[dict]) -> list[str]:
    texts = [r["transcription"] for r in mtsamples if r.get("transcription")]
    texts += [r["description"] for r in mtsamples if r.get("description")]
    texts += [r["section_text"] for r in dialog if r.get("section_text")]
    return texts


# --------------------------------------------------------------------------------------
# tokenizers
# --------------------------------------------------------------------------------------

def train_t5_tokenizer(texts: list[str]) -> T5TokenizerFast:
    """SentencePiece-style Unigram tokenizer laid out like T5's tokenizer.json."""
    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    trainer = trainers.UnigramTrainer(
        vocab_size=VOCAB_SIZE,
        special_tokens=["<pad>", "</s>", "<unk>"],
        unk_token="<unk>",
        shrinking_factor=0.75,
        max_piece_length=16,
        n_sub_iterations=2,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    # The Unigram trainer sums floats in hash-map order, so the last digits of the scores and the order of
    # pieces with equal scores change from run to run; round the scores and sort the pieces (specials
    # first) so that tokenizer.json, the token ids and the tokenization are reproducible.
    pieces = json.loads(tok.to_str())["model"]["vocab"]
    specials, rest = pieces[:3], [(p, round(score, 6)) for p, score in pieces[3:]]
    rest.sort(key=lambda ps: (-ps[1], ps[0]))
    # The trainer appends the rare single characters it must keep with scores min-0.0001*k in hash-map
    # order: give them those scores in character order instead.
    tail = next(i for i in range(len(rest), 0, -1) if len(rest[i - 1][0]) > 1)
    rest[tail:] = zip(sorted(p for p, _ in rest[tail:]), sorted((sc for _, sc in rest[tail:]), reverse=True))
    tok.model = models.Unigram([tuple(x) for x in specials] + rest, unk_id=2, byte_fallback=False)
    assert tok.token_to_id("<pad>") == 0 and tok.token_to_id("</s>") == 1 and tok.token_to_id("<unk>") == 2
    tok.post_processor = processors.TemplateProcessing(
        single="$A </s>", pair="$A </s> $B </s>", special_tokens=[("</s>", 1)]
    )
    fast = T5TokenizerFast(
        tokenizer_object=tok,
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        extra_ids=0,
        additional_special_tokens=[],
        model_max_length=512,
        clean_up_tokenization_spaces=False,
    )
    return fast


def train_bart_tokenizer(texts: list[str]) -> BartTokenizerFast:
    """Byte-level BPE laid out like BART's (RoBERTa/GPT-2 style) tokenizer.json."""
    tok = Tokenizer(models.BPE(unk_token=None, continuing_subword_prefix="", end_of_word_suffix="", fuse_unk=False))
    tok.normalizer = None
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, trim_offsets=True, use_regex=True)
    tok.decoder = decoders.ByteLevel(add_prefix_space=True, trim_offsets=True, use_regex=True)
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB_SIZE,
        min_frequency=2,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    for name, i in (("<s>", 0), ("<pad>", 1), ("</s>", 2), ("<unk>", 3)):
        assert tok.token_to_id(name) == i, (name, tok.token_to_id(name))
    tok.post_processor = processors.RobertaProcessing(
        sep=("</s>", 2), cls=("<s>", 0), trim_offsets=True, add_prefix_space=False
    )
    fast = BartTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        sep_token="</s>",
        cls_token="<s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        add_prefix_space=False,
        trim_offsets=True,
        model_max_length=MAX_INPUT_TOKENS,
        clean_up_tokenization_spaces=False,
    )
    return fast


# --------------------------------------------------------------------------------------
# models
# --------------------------------------------------------------------------------------

def build_t5(vocab_size: int) -> T5ForConditionalGeneration:
    torch.manual_seed(SEED)
    cfg = T5Config(
        vocab_size=vocab_size,
        d_model=64,
        d_kv=16,
        d_ff=128,
        num_layers=2,
        num_decoder_layers=2,
        num_heads=4,
        relative_attention_num_buckets=32,
        relative_attention_max_distance=128,
        dropout_rate=0.1,
        layer_norm_epsilon=1e-6,
        feed_forward_proj="relu",
        tie_word_embeddings=True,
        is_encoder_decoder=True,
        use_cache=True,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
    )
    return T5ForConditionalGeneration(cfg)


def build_bart(vocab_size: int) -> BartForConditionalGeneration:
    torch.manual_seed(SEED)
    cfg = BartConfig(
        vocab_size=vocab_size,
        d_model=64,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=128,
        decoder_ffn_dim=128,
        max_position_embeddings=MAX_INPUT_TOKENS,
        activation_function="gelu",
        dropout=0.1,
        attention_dropout=0.0,
        activation_dropout=0.0,
        # BART's default init_std 0.02 leaves cross-attention almost unused at d_model 64 (the decoder then
        # learns a plain language model that ignores the input); ~1/sqrt(d_model) makes it learn to copy.
        init_std=0.1,
        scale_embedding=False,
        tie_word_embeddings=True,
        use_cache=True,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
    )
    return BartForConditionalGeneration(cfg)


def generation_config_for(kind: str) -> GenerationConfig:
    common = dict(max_new_tokens=20, num_beams=1, do_sample=False, use_cache=True)
    if kind == "t5":
        return GenerationConfig(decoder_start_token_id=0, eos_token_id=1, pad_token_id=0, **common)
    return GenerationConfig(
        decoder_start_token_id=2,
        bos_token_id=0,
        eos_token_id=2,
        pad_token_id=1,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
        **common,
    )


def training_pairs(mtsamples: list[dict], dialog: list[dict]) -> list[tuple[str, str]]:
    """note section -> its first sentence (MTS-Dialog), transcription opening -> description (MTSamples),
    plus a copy task (a window of a note section -> its first 3..10 words) that makes the decoder look at
    the encoder output, so that outputs depend on the input and EOS comes early some of the time."""
    rng = random.Random(SEED + 2)
    pairs = []
    for r in dialog:
        words = r["section_text"].split()
        if len(words) < 6:
            continue
        for _ in range(2):
            start = rng.randrange(0, max(1, len(words) - 4))
            window = words[start:start + rng.randint(4, 40)]
            pairs.append((" ".join(window), " ".join(window[: rng.randint(3, 10)])))
    for r in dialog:
        s = sentences(r["section_text"])
        if s:
            pairs.append((r["section_text"], s[0]))
    for r in mtsamples:
        if r.get("transcription") and r.get("description"):
            pairs.append((tidy(r["transcription"]), r["description"].strip()))
    return pairs


TRAIN = {"t5": dict(steps=400, lr=5e-3), "bart": dict(steps=300, lr=2e-3)}


def train(model, tokenizer, pairs, steps: int, lr: float, label: str) -> float:
    """A few hundred deterministic AdamW steps so that the model emits EOS some of the time."""
    rng = random.Random(SEED)
    torch.manual_seed(SEED)
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 30) * max(0.1, 1 - s / steps))
    batch_size = 16
    order: list[int] = []
    t0 = time.time()
    loss_val = float("nan")
    for step in range(steps):
        if len(order) < batch_size:
            extra = list(range(len(pairs)))
            rng.shuffle(extra)
            order += extra
        idx, order = order[:batch_size], order[batch_size:]
        src = [pairs[i][0] for i in idx]
        tgt = [pairs[i][1] for i in idx]
        enc = tokenizer(src, max_length=64, truncation=True, padding=True, return_tensors="pt")
        lab = tokenizer(text_target=tgt, max_length=24, truncation=True, padding=True, return_tensors="pt")
        labels = lab["input_ids"].masked_fill(lab["attention_mask"] == 0, -100)
        out = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"], labels=labels)
        opt.zero_grad(set_to_none=True)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        loss_val = out.loss.item()
        if step % 100 == 0 or step == steps - 1:
            LOG.info("%s step %d loss %.3f (%.1fs)", label, step, loss_val, time.time() - t0)
    model.eval()
    return loss_val


# --------------------------------------------------------------------------------------
# export
# --------------------------------------------------------------------------------------

def export(src_dir: Path, out_dir: Path, merged: bool) -> None:
    from optimum.exporters.onnx import main_export

    if out_dir.exists():
        shutil.rmtree(out_dir)
    main_export(
        str(src_dir),
        output=str(out_dir),
        task=TASK,
        opset=OPSET,
        device="cpu",
        no_post_process=not merged,
        do_validation=True,
        library_name="transformers",
    )
    if merged:
        # Optimum leaves the two separate decoders next to the merged one; keep only the merged
        # layout in this folder so that it cannot silently fall back to the split files.
        for name in ("decoder_model.onnx", "decoder_with_past_model.onnx"):
            p = out_dir / name
            if p.exists():
                p.unlink()
        assert (out_dir / "decoder_model_merged.onnx").exists()
    else:
        assert not (out_dir / "decoder_model_merged.onnx").exists()
    # Optimum copies the training snapshot's weights only into the ONNX files; drop anything heavy.
    for p in out_dir.iterdir():
        if p.suffix in (".safetensors", ".bin"):
            p.unlink()


def _dims(t) -> list:
    out = []
    for d in t.type.tensor_type.shape.dim:
        if d.HasField("dim_value"):
            out.append(d.dim_value)
        elif d.HasField("dim_param"):
            out.append(d.dim_param)
        else:
            out.append("?")
    return out


def describe_onnx(path: Path) -> str:
    m = onnx.load(str(path), load_external_data=False)
    lines = [
        f"{path.parent.name}/{path.name}: ir_version={m.ir_version} opset="
        + ",".join(f"{o.domain or 'ai.onnx'}:{o.version}" for o in m.opset_import)
        + f" producer={m.producer_name} {m.producer_version} nodes={len(m.graph.node)}"
    ]
    for kind, vals in (("input", m.graph.input), ("output", m.graph.output)):
        for v in vals:
            et = onnx.TensorProto.DataType.Name(v.type.tensor_type.elem_type)
            lines.append(f"  {kind:6} {v.name:45} {et:6} {_dims(v)}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------
# golden inputs and settings
# --------------------------------------------------------------------------------------

EDGE_CASES = [
    "",
    "Fever.",
    "BP 120/80, HR 72, RR 16, SpO2 98% on room air, temp 98.6 F.",
    "Temp 38.5 \u00b0C; SpO\u2082 94 %; metoprolol 25\u00a0mg p.o. b.i.d.; na\u00efve caf\u00e9 owner \u2014 \u2265 5 \u00b5g/kg \U0001F600.",
    "HISTORY OF PRESENT ILLNESS:,  THE PATIENT IS A 45-YEAR-OLD MALE WITH CHEST PAIN.",
    "Plan:\n1. Start lisinopril 10 mg daily.\n\t2. Recheck BMP in   one   week.\n",
    "pain pain pain pain pain pain pain pain pain pain pain pain",
]


def select_inputs(mtsamples, dialog, t5_tok, bart_tok, n_target: int = 56) -> list[str]:
    rng = random.Random(SEED + 1)

    def ntok(text: str) -> int:
        return max(len(t5_tok(text)["input_ids"]), len(bart_tok(text)["input_ids"]))

    chosen: list[str] = []
    seen = set()

    def add(text: str) -> bool:
        if text in seen:
            return False
        seen.add(text)
        chosen.append(text)
        return True

    for e in EDGE_CASES:
        add(e)

    # MTS-Dialog note sections, bucketed by length so that 5..200 tokens are all covered
    buckets = [(5, 15), (15, 30), (30, 60), (60, 100), (100, 150), (150, 200)]
    per_bucket = 5
    texts = [r["section_text"].strip() for r in dialog if r.get("section_text", "").strip()]
    rng.shuffle(texts)
    lengths = {t: ntok(t) for t in texts}
    for lo, hi in buckets:
        k = 0
        for t in texts:
            if lo <= lengths[t] < hi and add(t):
                k += 1
                if k == per_bucket:
                    break

    # MTSamples: first sentences / openings of transcriptions, raw (odd commas included) and tidied
    rows = list(mtsamples)
    rng.shuffle(rows)
    for i, r in enumerate(rows):
        if len(chosen) >= n_target - 1:
            break
        raw = r["transcription"]
        if i % 3 == 0:
            text = sentences(tidy(raw))[0] if sentences(tidy(raw)) else tidy(raw)
        elif i % 3 == 1:
            s = sentences(tidy(raw))
            text = " ".join(s[: 2 + i % 4])
        else:
            text = raw[: 200 + 60 * (i % 7)].rsplit(" ", 1)[0]
        if 5 <= ntok(text) <= 200:
            add(text)

    # one long input close to BART's 256-position limit (but below it)
    long_text = ""
    for s in sentences(tidy(" ".join(r["transcription"] for r in mtsamples[:5]))):
        cand = (long_text + " " + s).strip()
        if ntok(cand) > 245:
            break
        long_text = cand
    add(long_text)

    for t in chosen:
        n = ntok(t)
        assert n < MAX_INPUT_TOKENS, (n, t[:80])
    return chosen


def base_params(kind: str) -> dict:
    """Every generation parameter that matters, stated explicitly (generation_config.json plays no role)."""
    p = dict(
        do_sample=False,
        num_beams=1,
        num_return_sequences=1,
        max_new_tokens=20,
        min_length=0,
        min_new_tokens=0,
        length_penalty=1.0,
        early_stopping=False,
        no_repeat_ngram_size=0,
        repetition_penalty=1.0,
        use_cache=True,
    )
    if kind == "bart":
        p.update(forced_bos_token_id=0, forced_eos_token_id=2)
    else:
        p.update(forced_bos_token_id=None, forced_eos_token_id=None)
    return p


SETTINGS_ALL = {
    "greedy": dict(num_beams=1),
    "beam4": dict(num_beams=4, length_penalty=1.0, early_stopping=True),
}
SETTINGS_SUBSET = {
    "greedy_no_repeat_2": dict(num_beams=1, no_repeat_ngram_size=2),
    "greedy_rep_penalty_1.3": dict(num_beams=1, repetition_penalty=1.3),
    "greedy_min_new_5_max_new_30": dict(num_beams=1, min_new_tokens=5, max_new_tokens=30),
    "greedy_max_new_64": dict(num_beams=1, max_new_tokens=64),
    "beam4_lp_0.6_no_early_stop": dict(num_beams=4, length_penalty=0.6, early_stopping=False),
    "beam4_lp_2.0_never": dict(num_beams=4, length_penalty=2.0, early_stopping="never"),
    "beam3_no_repeat_3_rep_1.2": dict(num_beams=3, no_repeat_ngram_size=3, repetition_penalty=1.2, early_stopping=True),
}


# --------------------------------------------------------------------------------------
# golden generation
# --------------------------------------------------------------------------------------

def load_ort(folder: Path):
    from optimum.onnxruntime import ORTModelForSeq2SeqLM
    from transformers import AutoTokenizer

    model = ORTModelForSeq2SeqLM.from_pretrained(str(folder), provider="CPUExecutionProvider", use_cache=True)
    tok = AutoTokenizer.from_pretrained(str(folder))
    return model, tok


def run_generate(model, input_ids, attention_mask, params: dict):
    with torch.no_grad():
        out = model.generate(
            input_ids=input_ids,
            attention_mask=attention_mask,
            return_dict_in_generate=True,
            output_scores=True,
            **params,
        )
    return out


def greedy_margin(scores) -> float | None:
    """Smallest gap between the best and the second-best processed score over non-forced steps."""
    best = None
    for s in scores:
        row = s[0].float()
        finite = row[torch.isfinite(row)]
        if finite.numel() < 2:
            continue  # forced token
        top = torch.topk(finite, 2).values
        gap = float(top[0] - top[1])
        best = gap if best is None else min(best, gap)
    return best


def strip_batched(row: list[int], single: list[int], fill: set[int]) -> bool:
    return row[: len(single)] == single and all(t in fill for t in row[len(single):])


def golden_for_folder(folder: Path, kind: str, inputs: list[str], subset: list[str], batch_inputs: list[str]):
    model, tok = load_ort(folder)
    rows = []
    singles: dict[tuple[str, str], list[int]] = {}
    for setting, extra in list(SETTINGS_ALL.items()) + list(SETTINGS_SUBSET.items()):
        params = base_params(kind)
        params.update(extra)
        texts = inputs if setting in SETTINGS_ALL else subset
        for text in texts:
            enc = tok(text, return_tensors="pt")
            out = run_generate(model, enc["input_ids"], enc["attention_mask"], params)
            seq = out.sequences[0].tolist()
            row = {
                "model": folder.name,
                "setting": setting,
                "params": params,
                "input": text,
                "input_ids": enc["input_ids"][0].tolist(),
                "output_ids": seq,
                "text": tok.decode(seq, skip_special_tokens=True),
            }
            if params["num_beams"] == 1:
                row["min_score_margin"] = greedy_margin(out.scores)
            else:
                row["sequence_score"] = float(out.sequences_scores[0])
            rows.append(row)
            singles[(setting, text)] = seq

    # batched runs: right padding, one call for 8 inputs of different lengths
    for setting in ("greedy", "beam4"):
        params = base_params(kind)
        params.update(SETTINGS_ALL[setting])
        enc = tok(batch_inputs, return_tensors="pt", padding=True)
        out = run_generate(model, enc["input_ids"], enc["attention_mask"], params)
        seqs = out.sequences.tolist()
        pad = tok.pad_token_id
        eos = tok.eos_token_id
        # greedy pads finished rows with pad_token_id; beam search fills with `pad_token_id or eos_token_id`
        # (T5's pad id 0 is falsy, so T5 beam rows are filled with </s>=1)
        fill = {pad} if params["num_beams"] == 1 else {pad or eos}
        matches = [strip_batched(s, singles[(setting, t)], fill) for s, t in zip(seqs, batch_inputs)]
        rows.append(
            {
                "model": folder.name,
                "setting": setting,
                "batch": True,
                "params": params,
                "padding_side": tok.padding_side,
                "input": batch_inputs,
                "input_ids": enc["input_ids"].tolist(),
                "attention_mask": enc["attention_mask"].tolist(),
                "output_ids": seqs,
                "text": tok.batch_decode(seqs, skip_special_tokens=True),
                "fill_token_id": sorted(fill)[0],
                "matches_unbatched": matches,
            }
        )
    return rows


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------

def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv=None) -> int:
    here = Path(__file__).resolve().parent
    default_out = here.parent / "resources" / "models"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mtsamples", type=Path, required=True, help="mtsamples-dev.jsonl")
    ap.add_argument("--mts-dialog", type=Path, required=True, help="MTS-Dialog-TrainingSet.csv")
    ap.add_argument("--out", type=Path, default=default_out, help=f"output folder (default {default_out})")
    ap.add_argument("--train-steps", type=int, default=None,
                    help=f"training steps per model (default {TRAIN}; 0: keep the random initial weights)")
    ap.add_argument("--subset-every", type=int, default=3, help="varied settings run on every n-th input")
    args = ap.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    for noisy in ("optimum", "transformers", "onnxruntime"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()

    t_start = time.time()
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)  # bitwise-reproducible CPU training
    torch.use_deterministic_algorithms(True)

    mtsamples = read_mtsamples(args.mtsamples)
    dialog = read_mts_dialog(args.mts_dialog)
    texts = training_text(mtsamples, dialog)
    LOG.info("training text: %d documents, %d characters", len(texts), sum(map(len, texts)))

    t5_tok = train_t5_tokenizer(texts)
    bart_tok = train_bart_tokenizer(texts)
    LOG.info("tokenizers: t5 %d, bart %d entries", len(t5_tok), len(bart_tok))

    pairs = training_pairs(mtsamples, dialog)
    out_root: Path = args.out
    out_root.mkdir(parents=True, exist_ok=True)
    manifest = {"seed": SEED, "opset": OPSET, "task": TASK, "train": TRAIN if args.train_steps is None else args.train_steps, "models": {}}

    with tempfile.TemporaryDirectory(prefix="clinsum-tiny-") as tmp:
        for kind, tok, build in (("t5", t5_tok, build_t5), ("bart", bart_tok, build_bart)):
            src = Path(tmp) / kind
            # Save the tokenizer before it is used: a fast tokenizer remembers the truncation/padding of its
            # last call and save_pretrained writes them into tokenizer.json (where the Java side would obey them).
            tok.save_pretrained(src)
            model = build(len(tok))
            model.generation_config = generation_config_for(kind)
            loss = None
            steps = TRAIN[kind]["steps"] if args.train_steps is None else args.train_steps
            if steps > 0:
                loss = train(model, type(tok).from_pretrained(src), pairs, steps, TRAIN[kind]["lr"], kind)
            model.eval()
            model.save_pretrained(src, safe_serialization=True)
            n_params = sum(p.numel() for p in model.parameters())
            for layout in ("split", "merged"):
                dest = out_root / f"{kind}-tiny-{layout}"
                t0 = time.time()
                export(src, dest, merged=(layout == "merged"))
                LOG.info("exported %s in %.1fs (%d bytes)", dest.name, time.time() - t0, folder_size(dest))
                manifest["models"][dest.name] = {
                    "kind": kind,
                    "layout": layout,
                    "parameters": n_params,
                    "final_train_loss": loss,
                    "files": {p.name: sha256(p) for p in sorted(dest.iterdir()) if p.is_file()},
                }

    # ONNX graph signatures
    io_lines = []
    for name in sorted(manifest["models"]):
        for p in sorted((out_root / name).glob("*.onnx")):
            io_lines.append(describe_onnx(p))
    (out_root / "onnx-io.txt").write_text("\n".join(io_lines) + "\n", encoding="utf-8")

    # golden outputs
    inputs = select_inputs(mtsamples, dialog, t5_tok, bart_tok)
    subset = inputs[:: args.subset_every]
    by_len = sorted(inputs[1:], key=lambda t: len(t5_tok(t)["input_ids"]))
    batch_inputs = [by_len[round(i * (len(by_len) - 1) / 7)] for i in range(8)]
    LOG.info("golden inputs: %d (subset %d, batch %d)", len(inputs), len(subset), len(batch_inputs))

    all_rows = []
    per_folder: dict[str, list[dict]] = {}
    for name in ("t5-tiny-split", "t5-tiny-merged", "bart-tiny-split", "bart-tiny-merged"):
        t0 = time.time()
        rows = golden_for_folder(out_root / name, name.split("-")[0], inputs, subset, batch_inputs)
        per_folder[name] = rows
        all_rows += rows
        LOG.info("golden %s: %d rows in %.1fs", name, len(rows), time.time() - t0)

    with (out_root / "golden.jsonl").open("w", encoding="utf-8") as f:
        for r in all_rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # checks and statistics
    stats = {}
    for kind in ("t5", "bart"):
        split = per_folder[f"{kind}-tiny-split"]
        merged = per_folder[f"{kind}-tiny-merged"]
        same = sum(a["output_ids"] == b["output_ids"] for a, b in zip(split, merged))
        batched = [r for r in split if r.get("batch")]
        single = [r for r in split if not r.get("batch")]
        # stopped on EOS before max_new_tokens (BART's forced EOS at the last step does not count)
        ended = sum(len(r["output_ids"]) - 1 < r["params"]["max_new_tokens"] for r in single)
        raw = Tokenizer.from_file(str(out_root / f"{kind}-tiny-split" / "tokenizer.json"))
        raw_enc = sum(raw.encode(r["input"]).ids == r["input_ids"] for r in single)
        raw_dec = sum(raw.decode(r["output_ids"], skip_special_tokens=True) == r["text"] for r in single)
        stats[kind] = {
            "raw_tokenizers_encode_equal": f"{raw_enc}/{len(single)}",
            "raw_tokenizers_decode_equal": f"{raw_dec}/{len(single)}",
            "rows_per_layout": len(split),
            "split_equals_merged": f"{same}/{len(split)}",
            "batched_equals_single": {r["setting"]: f"{sum(r['matches_unbatched'])}/8" for r in batched},
            "rows_stopping_before_max_new_tokens": f"{ended}/{len(single)}",
            "distinct_outputs": len({tuple(r["output_ids"]) for r in single}),
            "beam4_differs_from_greedy": "%d/%d" % (
                sum(g["output_ids"] != b["output_ids"] for g, b in zip(
                    [r for r in single if r["setting"] == "greedy"], [r for r in single if r["setting"] == "beam4"])),
                sum(r["setting"] == "greedy" for r in single)),
        }
    manifest["golden"] = {"inputs": len(inputs), "subset": len(subset), "rows": len(all_rows), "stats": stats}
    import importlib.metadata as md

    manifest["versions"] = {
        p: md.version(p)
        for p in ("torch", "transformers", "tokenizers", "optimum", "optimum-onnx", "onnx", "onnxruntime")
    }
    (out_root / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")

    print("\n".join(io_lines))
    print(json.dumps(stats, indent=2))
    for name in manifest["models"]:
        print(f"{name}: {folder_size(out_root / name)} bytes")
    print(f"total {folder_size(out_root)} bytes; took {time.time() - t_start:.1f}s")
    def full(v: str) -> bool:
        a, b = v.split("/")
        return a == b

    problems = [
        f"{kind}: {key} {st[key]}"
        for kind, st in stats.items()
        for key in ("split_equals_merged", "raw_tokenizers_encode_equal", "raw_tokenizers_decode_equal")
        if not full(st[key])
    ]
    if problems:
        print("ERROR: " + "; ".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
