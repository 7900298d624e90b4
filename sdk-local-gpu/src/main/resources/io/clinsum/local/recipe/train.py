#!/usr/bin/env python3
"""ClinSum training recipe: fine-tune or train from scratch a seq2seq summariser of clinical notes.

One entry point for both a SageMaker Hugging Face training job (``sagemaker_program=train.py``) and
a local job. It follows the SageMaker training-toolkit contract:

* hyperparameters arrive as command-line arguments (``--epochs 3 --learning_rate 5e-4``; booleans as
  the strings ``True``/``False``);
* the data channels, the model folder and the output folder come from ``SM_CHANNEL_TRAIN``,
  ``SM_CHANNEL_VALIDATION``, ``SM_MODEL_DIR``, ``SM_OUTPUT_DATA_DIR`` and the GPU count from
  ``SM_NUM_GPUS``; every one of them can also be given as an argument (local defaults otherwise).

Pipeline: CSV channels (``note,summary`` and an optional ``instruction`` column) loaded with
``datasets`` -> tokenizer -> ``AutoModelForSeq2SeqLM`` (a checkpoint given by ``--model_name_or_path``,
or a fresh T5/BART config with a tokenizer trained on the training text when ``--from_scratch True``)
-> ``DataCollatorForSeq2Seq`` -> ``Seq2SeqTrainer`` (torch AdamW and a ``transformers.get_scheduler``
schedule with warm-up, run through Accelerate), ROUGE on the validation set after every epoch.

Every logged scalar is printed on its own line as ``name=value`` (``train_loss=2.31``,
``eval_rouge1=0.41``, ``epoch=1.0``, ``step=120``, ``progress=0.25``) for SageMaker metric
definitions and the Java job runner. The model, its tokenizer and ``generation_config.json`` are
saved to the model folder, ``metrics.json`` (final metrics and the whole log history) to the output
folder, and with ``--export_onnx True`` the Optimum ONNX export goes to ``<model folder>/onnx``.
See README.md next to this file.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402

# --------------------------------------------------------------------------------------
# arguments
# --------------------------------------------------------------------------------------

ON_SAGEMAKER = "SM_TRAINING_ENV" in os.environ  # set by the SageMaker training toolkit


def str2bool(value: str | bool) -> bool:
    """Parse a boolean hyperparameter; SageMaker passes Python booleans as the strings True/False."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "y", "on"):
        return True
    if text in ("false", "0", "no", "n", "off"):
        return False
    raise argparse.ArgumentTypeError(f"expected True or False, got {value!r}")


def _env_path(name: str, default: str | None) -> Path | None:
    value = os.environ.get(name, default)
    return Path(value) if value else None


def build_parser() -> argparse.ArgumentParser:
    """The recipe's arguments; README.md documents each of them."""
    p = argparse.ArgumentParser(
        description="Train or fine-tune a seq2seq summariser (SageMaker training-toolkit contract).",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    io = p.add_argument_group("data and folders (SageMaker environment variables, or local defaults)")
    io.add_argument("--train", type=Path, default=_env_path("SM_CHANNEL_TRAIN", "data/train"),
                    help="training channel: a folder of CSV files (or one CSV file)")
    io.add_argument("--validation", type=Path, default=_env_path("SM_CHANNEL_VALIDATION", None),
                    help="validation channel; without it --validation_fraction of the training rows are held out")
    io.add_argument("--model_dir", type=Path, default=_env_path("SM_MODEL_DIR", "model"),
                    help="where the model, tokenizer and generation_config.json are saved")
    io.add_argument("--output_data_dir", type=Path, default=_env_path("SM_OUTPUT_DATA_DIR", "output"),
                    help="where metrics.json is written")
    io.add_argument("--num_gpus", type=int, default=int(os.environ.get("SM_NUM_GPUS", "-1")),
                    help="GPUs to use; 0 forces the CPU, -1 uses whatever is there")
    io.add_argument("--validation_fraction", type=float, default=0.1,
                    help="share of the training rows held out when there is no validation channel")
    io.add_argument("--max_eval_samples", type=int, default=0,
                    help="evaluate on at most this many validation rows (0: all)")

    m = p.add_argument_group("model")
    m.add_argument("--model_name_or_path", default=None,
                   help="checkpoint to start from: a hub id (e.g. google/pegasus-xsum) or a local folder")
    m.add_argument("--from_scratch", type=str2bool, default=False,
                   help="build a fresh model from --architecture and the size arguments, with a tokenizer "
                        "trained on the training text")
    m.add_argument("--architecture", choices=("t5", "bart"), default="t5", help="architecture for --from_scratch")
    m.add_argument("--vocab_size", type=int, default=8000, help="tokenizer size for --from_scratch (an upper bound)")
    m.add_argument("--d_model", type=int, default=256)
    m.add_argument("--num_layers", type=int, default=4, help="encoder layers")
    m.add_argument("--num_decoder_layers", type=int, default=0, help="decoder layers (0: same as --num_layers)")
    m.add_argument("--num_heads", type=int, default=4)
    m.add_argument("--d_ff", type=int, default=1024, help="feed-forward width")
    m.add_argument("--dropout", type=float, default=0.1)
    m.add_argument("--source_prefix", default="",
                   help="text put before every input, e.g. 'summarize: ' for T5 checkpoints (the Java "
                        "backend's 'prefix' option must be the same)")

    t = p.add_argument_group("training")
    t.add_argument("--epochs", type=float, default=3.0)
    t.add_argument("--max_steps", type=int, default=-1, help="stop after this many optimizer steps (-1: epochs decide)")
    t.add_argument("--train_batch_size", type=int, default=16, help="per device")
    t.add_argument("--eval_batch_size", type=int, default=32, help="per device")
    t.add_argument("--gradient_accumulation_steps", type=int, default=1)
    t.add_argument("--learning_rate", type=float, default=5e-4)
    t.add_argument("--weight_decay", type=float, default=0.01)
    t.add_argument("--adam_beta1", type=float, default=0.9)
    t.add_argument("--adam_beta2", type=float, default=0.999)
    t.add_argument("--adam_epsilon", type=float, default=1e-8)
    t.add_argument("--lr_scheduler", choices=("linear", "cosine"), default="linear")
    t.add_argument("--warmup_ratio", type=float, default=0.05, help="share of the steps spent warming up")
    t.add_argument("--warmup_steps", type=int, default=0, help="warm-up steps (overrides --warmup_ratio when > 0)")
    t.add_argument("--max_grad_norm", type=float, default=1.0)
    t.add_argument("--label_smoothing", type=float, default=0.0)
    t.add_argument("--max_source_length", type=int, default=512, help="input tokens kept")
    t.add_argument("--max_target_length", type=int, default=128, help="summary tokens kept")
    t.add_argument("--logging_steps", type=int, default=10)
    t.add_argument("--seed", type=int, default=42)
    t.add_argument("--full_determinism", type=str2bool, default=False,
                   help="deterministic algorithms (slower; for bitwise-repeatable GPU runs)")
    t.add_argument("--fp16", type=str2bool, default=False, help="mixed precision fp16 (GPU; unstable for T5)")
    t.add_argument("--bf16", type=str2bool, default=False, help="mixed precision bf16 (recent GPUs)")

    g = p.add_argument_group("generation (evaluation, and the defaults saved in generation_config.json)")
    g.add_argument("--eval_num_beams", type=int, default=1, help="beams when generating for the ROUGE evaluation")
    g.add_argument("--num_beams", type=int, default=4)
    g.add_argument("--max_new_tokens", type=int, default=0, help="0: --max_target_length")
    g.add_argument("--no_repeat_ngram_size", type=int, default=3)
    g.add_argument("--length_penalty", type=float, default=1.0)

    e = p.add_argument_group("ONNX export")
    e.add_argument("--export_onnx", type=str2bool, default=not ON_SAGEMAKER,
                   help="export to <model_dir>/onnx and check it against PyTorch (default: True locally, "
                        "False on SageMaker)")
    e.add_argument("--quantize", choices=("none", "int8"), default="none",
                   help="int8: dynamic int8 quantization of the exported files")
    return p


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse and cross-check the arguments."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.from_scratch == bool(args.model_name_or_path):
        parser.error("give exactly one of --model_name_or_path and --from_scratch True")
    if args.fp16 and args.bf16:
        parser.error("--fp16 and --bf16 exclude each other")
    if args.num_decoder_layers <= 0:
        args.num_decoder_layers = args.num_layers
    if args.max_new_tokens <= 0:
        args.max_new_tokens = args.max_target_length
    return args


# --------------------------------------------------------------------------------------
# metric lines
# --------------------------------------------------------------------------------------

_KEY = re.compile(r"[^A-Za-z0-9_./-]+")


def format_value(value: float | int) -> str:
    """Plain decimal notation (5e-05 becomes 0.00005, 1.0 stays 1.0), so that a regex like ``([0-9.]+)`` matches."""
    if isinstance(value, (bool, np.bool_)):
        return str(int(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    value = float(value)
    if not math.isfinite(value):
        return str(value)  # nan, inf, -inf
    return np.format_float_positional(value, unique=True, trim="0")


def metric_lines(values: dict[str, Any]) -> list[str]:
    """``name=value`` lines for the numeric entries of ``values`` (other entries are skipped)."""
    lines = []
    for name, value in values.items():
        if isinstance(value, (int, float, np.integer, np.floating)):
            lines.append(f"{_KEY.sub('_', name)}={format_value(value)}")
    return lines


def emit(values: dict[str, Any]) -> None:
    """Print metric lines and flush, so that a reader of the log sees them at once."""
    for line in metric_lines(values):
        print(line, flush=True)


# --------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------

def build_source(note: str, instruction: str | None, prefix: str = "") -> str:
    """The model input, built exactly as the Java OnnxBackend does: prefix [+ instruction + newline] + note."""
    if instruction:
        return f"{prefix}{instruction}\n{note}"
    return f"{prefix}{note}"


def csv_files(channel: Path) -> list[str]:
    """The CSV files of a channel folder (sorted), or the channel itself when it is one file."""
    if channel.is_file():
        return [str(channel)]
    files = sorted(str(f) for f in channel.glob("*.csv"))
    if not files:
        raise SystemExit(f"ERROR: no .csv file in channel {channel}")
    return files


def load_channel(channel: Path):
    """Load a CSV channel with ``datasets``; every cell is read as text (empty cells as "")."""
    from datasets import Features, Value, load_dataset

    ds = load_dataset("csv", data_files={"data": csv_files(channel)}, keep_default_na=False)["data"]
    ds = ds.cast(Features({name: Value("string") for name in ds.column_names}))
    missing = {"note", "summary"} - set(ds.column_names)
    if missing:
        raise SystemExit(f"ERROR: channel {channel} lacks the column(s) {sorted(missing)}; "
                         f"expected note,summary[,instruction], found {ds.column_names}")
    return ds.filter(lambda row: bool(row["note"].strip()) and bool(row["summary"].strip()))


def add_source_column(ds, prefix: str):
    """Add the model input ``source`` (instruction and prefix applied) and keep it with ``summary`` only."""
    has_instruction = "instruction" in ds.column_names

    def source(row: dict) -> dict:
        instruction = row["instruction"].strip() if has_instruction else ""
        return {"source": build_source(row["note"], instruction, prefix)}

    return ds.map(source, remove_columns=[c for c in ds.column_names if c != "summary"])


@dataclass
class Splits:
    """Training and validation rows, each with ``source`` and ``summary`` columns."""

    train: Any
    validation: Any


def load_splits(args: argparse.Namespace) -> Splits:
    """Read the channels; hold out part of the training rows when there is no validation channel."""
    train = add_source_column(load_channel(args.train), args.source_prefix)
    if args.validation is not None:
        validation = add_source_column(load_channel(args.validation), args.source_prefix)
    else:
        parts = train.train_test_split(test_size=args.validation_fraction, seed=args.seed)
        train, validation = parts["train"], parts["test"]
    if args.max_eval_samples > 0 and len(validation) > args.max_eval_samples:
        validation = validation.select(range(args.max_eval_samples))
    return Splits(train, validation)


# --------------------------------------------------------------------------------------
# tokenizer and model
# --------------------------------------------------------------------------------------

def canonical_unigram_vocab(pieces: list[list]) -> list[tuple[str, float]]:
    """Make a trained Unigram vocabulary reproducible.

    The ``tokenizers`` Unigram trainer sums floats in hash-map order, so the last digits of the scores
    and the order of equal-score pieces change from run to run. Round the scores, sort the pieces
    (the three special tokens stay first), and give the rare single characters the trainer appends at
    the end their scores in character order.
    """
    specials = [(p, s) for p, s in pieces[:3]]
    rest = [(p, round(s, 6)) for p, s in pieces[3:]]
    rest.sort(key=lambda ps: (-ps[1], ps[0]))
    tail = next((i for i in range(len(rest), 0, -1) if len(rest[i - 1][0]) > 1), len(rest))
    rest[tail:] = zip(sorted(p for p, _ in rest[tail:]), sorted((s for _, s in rest[tail:]), reverse=True))
    return specials + rest


def train_t5_tokenizer(texts: Sequence[str], vocab_size: int, max_length: int):
    """A SentencePiece-style Unigram tokenizer in T5's layout: ``<pad>``=0, ``</s>``=1, ``<unk>``=2.

    Whitespace runs (newlines included) become one space, so the instruction/note newline is kept as
    a word boundary; ``</s>`` is appended to every sequence.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import T5TokenizerFast

    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.Sequence(
        [normalizers.NFKC(), normalizers.Replace(Regex(r"\s+"), " "), normalizers.Strip()]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    trainer = trainers.UnigramTrainer(
        vocab_size=vocab_size,
        special_tokens=["<pad>", "</s>", "<unk>"],
        unk_token="<unk>",
        max_piece_length=16,
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    pieces = json.loads(tok.to_str())["model"]["vocab"]
    tok.model = models.Unigram(canonical_unigram_vocab(pieces), unk_id=2, byte_fallback=False)
    tok.post_processor = processors.TemplateProcessing(
        single="$A </s>", pair="$A </s> $B </s>", special_tokens=[("</s>", 1)]
    )
    return T5TokenizerFast(
        tokenizer_object=tok,
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        extra_ids=0,
        additional_special_tokens=[],
        model_max_length=max_length,
        clean_up_tokenization_spaces=False,
    )


def train_bart_tokenizer(texts: Sequence[str], vocab_size: int, max_length: int):
    """A byte-level BPE tokenizer in BART's layout: ``<s>``=0, ``<pad>``=1, ``</s>``=2, ``<unk>``=3, ``<mask>``=4."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import BartTokenizerFast

    tok = Tokenizer(models.BPE(unk_token=None, continuing_subword_prefix="", end_of_word_suffix="", fuse_unk=False))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, trim_offsets=True, use_regex=True)
    tok.decoder = decoders.ByteLevel(add_prefix_space=True, trim_offsets=True, use_regex=True)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    tok.post_processor = processors.RobertaProcessing(
        sep=("</s>", 2), cls=("<s>", 0), trim_offsets=True, add_prefix_space=False
    )
    return BartTokenizerFast(
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
        model_max_length=max_length,
        clean_up_tokenization_spaces=False,
    )


def scratch_model(args: argparse.Namespace, vocab_size: int):
    """A freshly initialised T5 or BART of the requested size, with the special ids its tokenizer uses."""
    from transformers import BartConfig, BartForConditionalGeneration, T5Config, T5ForConditionalGeneration

    if args.architecture == "t5":
        config = T5Config(
            vocab_size=vocab_size,
            d_model=args.d_model,
            d_kv=args.d_model // args.num_heads,
            d_ff=args.d_ff,
            num_layers=args.num_layers,
            num_decoder_layers=args.num_decoder_layers,
            num_heads=args.num_heads,
            dropout_rate=args.dropout,
            feed_forward_proj="relu",
            tie_word_embeddings=True,
            pad_token_id=0,
            eos_token_id=1,
            decoder_start_token_id=0,
        )
        return T5ForConditionalGeneration(config)
    config = BartConfig(
        vocab_size=vocab_size,
        d_model=args.d_model,
        encoder_layers=args.num_layers,
        decoder_layers=args.num_decoder_layers,
        encoder_attention_heads=args.num_heads,
        decoder_attention_heads=args.num_heads,
        encoder_ffn_dim=args.d_ff,
        decoder_ffn_dim=args.d_ff,
        max_position_embeddings=max(args.max_source_length, args.max_target_length),
        dropout=args.dropout,
        # BART's default 0.02 suits d_model 768/1024; small models initialised that way tend to learn a
        # language model that ignores the encoder. 1/sqrt(d_model) keeps cross-attention in use.
        init_std=min(0.1, args.d_model ** -0.5),
        tie_word_embeddings=True,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
    )
    return BartForConditionalGeneration(config)


def tokenizer_and_model(args: argparse.Namespace, splits: Splits):
    """Load the checkpoint's tokenizer and model, or build both from scratch on the training text."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    if args.model_name_or_path:
        tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
        model = AutoModelForSeq2SeqLM.from_pretrained(args.model_name_or_path)
        return tokenizer, model
    texts = list(splits.train["source"]) + list(splits.train["summary"])
    train_tokenizer = train_t5_tokenizer if args.architecture == "t5" else train_bart_tokenizer
    tokenizer = train_tokenizer(texts, args.vocab_size, args.max_source_length)
    model = scratch_model(args, len(tokenizer))
    return tokenizer, model


def tokenize(ds, tokenizer, args: argparse.Namespace):
    """input_ids/attention_mask of the sources and labels of the summaries, truncated, not padded."""

    def encode(batch: dict) -> dict:
        enc = tokenizer(batch["source"], max_length=args.max_source_length, truncation=True)
        enc["labels"] = tokenizer(
            text_target=batch["summary"], max_length=args.max_target_length, truncation=True
        )["input_ids"]
        return enc

    return ds.map(encode, batched=True, remove_columns=ds.column_names)


def save_tokenizer(tokenizer, folder: Path) -> None:
    """Save without the truncation/padding state that encoding left on the fast tokenizer.

    A fast tokenizer remembers the truncation and padding of its last call and ``save_pretrained``
    writes them into tokenizer.json, where the Java engine would obey them.
    """
    backend = tokenizer.backend_tokenizer
    backend.no_truncation()
    backend.no_padding()
    tokenizer.save_pretrained(folder)


def final_generation_config(model, args: argparse.Namespace):
    """The model's generation config with the recipe's decoding defaults (beam settings only with beams)."""
    gen = model.generation_config
    gen.max_new_tokens = args.max_new_tokens  # wins over a max_length, in transformers and in the Java engine
    gen.num_beams = args.num_beams
    gen.do_sample = False
    gen.no_repeat_ngram_size = args.no_repeat_ngram_size
    if args.num_beams > 1:
        gen.length_penalty = args.length_penalty
        gen.early_stopping = True
    else:
        gen.length_penalty = 1.0
        gen.early_stopping = False
    return gen


# --------------------------------------------------------------------------------------
# ROUGE and logging
# --------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def split_sentences(text: str) -> str:
    """One sentence per line, the form the rougeLsum scorer expects (a regex: no NLTK data needed)."""
    return "\n".join(s for s in _SENTENCE_END.split(text.strip()) if s)


def make_compute_metrics(tokenizer) -> Callable:
    """compute_metrics for Seq2SeqTrainer: mean ROUGE-1/2/L/Lsum F1 (0..1) and mean generated length."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
    pad = tokenizer.pad_token_id

    def compute_metrics(eval_prediction) -> dict[str, float]:
        preds, labels = eval_prediction.predictions, eval_prediction.label_ids
        if isinstance(preds, tuple):
            preds = preds[0]
        preds = np.where(preds < 0, pad, preds)  # -100 pads predictions of different lengths
        labels = np.where(labels < 0, pad, labels)
        pred_texts = tokenizer.batch_decode(preds, skip_special_tokens=True)
        ref_texts = tokenizer.batch_decode(labels, skip_special_tokens=True)
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0, "rougeLsum": 0.0}
        for pred, ref in zip(pred_texts, ref_texts):
            scores = scorer.score(split_sentences(ref), split_sentences(pred))
            for key in totals:
                totals[key] += scores[key].fmeasure
        n = max(1, len(pred_texts))
        metrics = {key: value / n for key, value in totals.items()}
        metrics["gen_len"] = float(np.mean([np.count_nonzero(p != pad) for p in preds])) if len(preds) else 0.0
        return metrics

    return compute_metrics


def metrics_callback():
    """A TrainerCallback that prints every logged scalar as ``name=value`` and the progress as ``progress=``.

    Step logs carry the training loss under ``train_loss`` (the Trainer calls it ``loss``); the average
    over the whole run that the Trainer logs at the end as ``train_loss`` becomes ``train_loss_avg``.
    """
    from transformers import TrainerCallback

    class MetricLinesCallback(TrainerCallback):
        def __init__(self) -> None:
            self._last_progress = -1.0

        def on_log(self, args, state, control, logs=None, **kwargs):
            if not state.is_world_process_zero or not logs:
                return
            values: dict[str, Any] = {"step": state.global_step}
            for name, value in logs.items():
                if name == "train_loss":
                    name = "train_loss_avg"
                elif name == "loss":
                    name = "train_loss"
                values[name] = value
            emit(values)

        def on_step_end(self, args, state, control, **kwargs):
            if state.is_world_process_zero and state.max_steps > 0:
                progress = round(state.global_step / state.max_steps, 3)
                if progress > self._last_progress:
                    self._last_progress = progress
                    emit({"progress": progress})

    return MetricLinesCallback()


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------

def training_arguments(args: argparse.Namespace, has_validation: bool):
    """Seq2SeqTrainingArguments: AdamW ('adamw_torch'), a get_scheduler schedule, eval every epoch."""
    import torch
    from transformers import Seq2SeqTrainingArguments

    kwargs = dict(
        output_dir=str(args.output_data_dir / "trainer"),
        num_train_epochs=args.epochs,
        max_steps=args.max_steps,
        per_device_train_batch_size=args.train_batch_size,
        per_device_eval_batch_size=args.eval_batch_size,
        gradient_accumulation_steps=args.gradient_accumulation_steps,
        optim="adamw_torch",
        learning_rate=args.learning_rate,
        weight_decay=args.weight_decay,
        adam_beta1=args.adam_beta1,
        adam_beta2=args.adam_beta2,
        adam_epsilon=args.adam_epsilon,
        lr_scheduler_type=args.lr_scheduler,
        warmup_ratio=args.warmup_ratio,
        warmup_steps=args.warmup_steps,
        max_grad_norm=args.max_grad_norm,
        label_smoothing_factor=args.label_smoothing,
        eval_strategy="epoch" if has_validation else "no",
        save_strategy="no",
        logging_strategy="steps",
        logging_steps=args.logging_steps,
        logging_first_step=True,
        predict_with_generate=True,
        generation_max_length=args.max_target_length,
        generation_num_beams=args.eval_num_beams,
        seed=args.seed,
        data_seed=args.seed,
        full_determinism=args.full_determinism,
        fp16=args.fp16,
        bf16=args.bf16,
        use_cpu=args.num_gpus == 0,
        report_to="none",
        disable_tqdm=True,
        dataloader_num_workers=0,
        dataloader_pin_memory=torch.cuda.is_available() and args.num_gpus != 0,
    )
    # SageMaker containers ship different transformers versions: keep only the arguments this
    # one knows (transformers 5 takes the warm-up ratio as a fractional warmup_steps).
    known = {f.name for f in dataclasses.fields(Seq2SeqTrainingArguments)}
    if "warmup_ratio" not in known and not kwargs["warmup_steps"] and kwargs["warmup_ratio"]:
        kwargs["warmup_steps"] = kwargs["warmup_ratio"]
    dropped = sorted(k for k in kwargs if k not in known)
    for key in dropped:
        del kwargs[key]
    if dropped:
        print(f"note: this transformers version has no {', '.join(dropped)}; not set", flush=True)
    return Seq2SeqTrainingArguments(**kwargs)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Train, evaluate, save and optionally export; returns what is written to metrics.json."""
    import datasets
    import transformers
    from transformers import DataCollatorForSeq2Seq, PrinterCallback, Seq2SeqTrainer, set_seed

    datasets.disable_progress_bars()  # keep the log to metric lines and warnings
    transformers.utils.logging.set_verbosity_warning()
    set_seed(args.seed)
    args.model_dir.mkdir(parents=True, exist_ok=True)
    args.output_data_dir.mkdir(parents=True, exist_ok=True)

    splits = load_splits(args)
    tokenizer, model = tokenizer_and_model(args, splits)
    emit({
        "train_examples": len(splits.train),
        "eval_examples": len(splits.validation),
        "num_parameters": sum(p.numel() for p in model.parameters()),
        "vocab_size": len(tokenizer),
    })
    has_validation = len(splits.validation) > 0
    train_ds = tokenize(splits.train, tokenizer, args)
    eval_ds = tokenize(splits.validation, tokenizer, args) if has_validation else None

    trainer = Seq2SeqTrainer(
        model=model,
        args=training_arguments(args, has_validation),
        train_dataset=train_ds,
        eval_dataset=eval_ds,
        data_collator=DataCollatorForSeq2Seq(tokenizer, model=model, label_pad_token_id=-100),
        compute_metrics=make_compute_metrics(tokenizer) if has_validation else None,
        callbacks=[metrics_callback()],
    )
    trainer.remove_callback(PrinterCallback)  # its dict lines would duplicate the name=value lines
    train_result = trainer.train()

    final: dict[str, Any] = dict(train_result.metrics)
    final["train_loss_avg"] = final.pop("train_loss")
    evals = [entry for entry in trainer.state.log_history if "eval_loss" in entry]
    if evals:
        final.update({k: v for k, v in evals[-1].items() if k.startswith("eval_")})
    report: dict[str, Any] = {
        "final": final,
        "log_history": trainer.state.log_history,
        "hyperparameters": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
    }
    model.generation_config = final_generation_config(model, args)
    trainer.save_model(str(args.model_dir))  # on every process (distributed back-ends gather there)
    if not trainer.is_world_process_zero():
        return report
    save_tokenizer(tokenizer, args.model_dir)
    export = export_to_onnx(args, splits) if args.export_onnx else None
    if export is not None:
        report["onnx"] = export.to_json()
    (args.output_data_dir / "metrics.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if export is not None and not export.fp32_parity_ok:
        raise SystemExit(f"ERROR: the ONNX export does not match PyTorch: {export.describe_mismatches()}")
    return report


def export_to_onnx(args: argparse.Namespace, splits: Splits):
    """Export the saved model to <model_dir>/onnx and check its greedy output against PyTorch's."""
    import export_onnx  # next to this file (the script's folder is on sys.path)

    inputs = list(splits.validation["source"][:4]) or list(splits.train["source"][:4])
    result = export_onnx.export(
        args.model_dir,
        args.model_dir / "onnx",
        quantize=None if args.quantize == "none" else args.quantize,
        check_inputs=inputs,
    )
    emit(result.metrics())
    return result


def main(argv: Sequence[str] | None = None) -> int:
    run(parse_args(argv))
    return 0


if __name__ == "__main__":
    from export_onnx import pin_hash_seed

    pin_hash_seed()
    sys.exit(main())
