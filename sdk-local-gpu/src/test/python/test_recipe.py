"""Tests of the training recipe (train.py, export_onnx.py) on CPU with tiny from-scratch models.

Run from the repository root (about a minute and a half on two CPU cores):

    .venv-ml/bin/python -m pytest sdk-local-gpu/src/test/python/test_recipe.py -q

The environment is python/requirements-recipe.txt. The shared run (fixture ``tiny_run`` in
conftest.py) trains a T5 with d_model 32 on 200 synthetic note/summary pairs for 3 epochs through
the SageMaker contract and exports it to ONNX.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

import train
from conftest import RECIPE_DIR, TINY_T5, Channels, RecipeRun, recipe_env, run_recipe, synthetic_pairs, write_csv

REPO = Path(__file__).resolve().parents[4]
METRIC_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_./-]*)=(.*)$")


def assert_ok(run: RecipeRun) -> None:
    assert run.returncode == 0, f"recipe failed ({run.returncode}):\n{run.stderr[-4000:]}"


# --------------------------------------------------------------------------------------
# arguments and helpers (no training)
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("True", True), ("False", False), ("true", True), ("false", False), ("1", True), ("0", False), (True, True),
])
def test_booleans_parse(text, expected):
    assert train.str2bool(text) is expected


def test_bad_boolean_is_rejected():
    with pytest.raises(SystemExit):
        train.parse_args(["--from_scratch", "maybe"])


def test_sagemaker_environment_and_hyperparameters(monkeypatch, tmp_path):
    monkeypatch.setenv("SM_MODEL_DIR", str(tmp_path / "model"))
    monkeypatch.setenv("SM_CHANNEL_TRAIN", str(tmp_path / "train"))
    monkeypatch.setenv("SM_CHANNEL_VALIDATION", str(tmp_path / "validation"))
    monkeypatch.setenv("SM_OUTPUT_DATA_DIR", str(tmp_path / "output"))
    monkeypatch.setenv("SM_NUM_GPUS", "0")
    args = train.parse_args([
        "--model_name_or_path", "google/pegasus-xsum", "--epochs", "3", "--learning_rate", "5e-4",
        "--export_onnx", "False", "--fp16", "True", "--num_layers", "3",
    ])
    assert args.model_dir == tmp_path / "model"
    assert args.train == tmp_path / "train"
    assert args.validation == tmp_path / "validation"
    assert args.output_data_dir == tmp_path / "output"
    assert args.num_gpus == 0
    assert (args.epochs, args.learning_rate, args.export_onnx, args.fp16) == (3.0, 5e-4, False, True)
    assert args.num_decoder_layers == 3  # 0 means "as many as the encoder"
    assert args.max_new_tokens == args.max_target_length
    # an argument wins over the environment
    assert train.parse_args(["--from_scratch", "True", "--model_dir", "elsewhere"]).model_dir == Path("elsewhere")


def test_model_source_must_be_unambiguous():
    with pytest.raises(SystemExit):
        train.parse_args([])
    with pytest.raises(SystemExit):
        train.parse_args(["--from_scratch", "True", "--model_name_or_path", "t5-small"])


def test_source_is_built_like_the_java_summarizer():
    # OnnxBackend: prefix + instruction + "\n" + note, or prefix + note without an instruction
    assert train.build_source("Chest pain.", "Summarize.", "summarize: ") == "summarize: Summarize.\nChest pain."
    assert train.build_source("Chest pain.", "", "summarize: ") == "summarize: Chest pain."
    assert train.build_source("Chest pain.", None) == "Chest pain."


def test_metric_values_are_plain_decimals():
    assert train.metric_lines({"learning_rate": 5e-05, "step": 120, "epoch": 1.0, "note": "text"}) == [
        "learning_rate=0.00005", "step=120", "epoch=1.0"]
    assert train.format_value(float("nan")) == "nan"


def test_channel_without_summary_column_is_rejected(tmp_path):
    write_csv(tmp_path / "bad" / "x.csv", [{"note": "n", "text": "t"}], ("note", "text"))
    with pytest.raises(SystemExit, match="summary"):
        train.load_channel(tmp_path / "bad")


def test_channel_rows_are_text_and_empty_rows_dropped(tmp_path):
    rows = [{"note": "123", "summary": "456", "instruction": ""},
            {"note": "", "summary": "no note", "instruction": ""},
            {"note": "Fever.", "summary": "Fever.", "instruction": "Be brief."}]
    write_csv(tmp_path / "ch" / "a.csv", rows, ("note", "summary", "instruction"))
    ds = train.add_source_column(train.load_channel(tmp_path / "ch"), "")
    assert ds["source"] == ["123", "Be brief.\nFever."]
    assert ds["summary"] == ["456", "Fever."]


def test_recipe_requirements_match_the_repository_lists():
    def pins(path: Path) -> set[str]:
        lines = (l.split("#")[0].strip() for l in path.read_text().splitlines())
        return {l.replace(" ", "") for l in lines if l and not l.startswith("-r")}

    shipped = pins(RECIPE_DIR / "requirements.txt")
    recipe = pins(REPO / "python" / "requirements-recipe.txt")
    tests_only = {p for p in recipe if p.split("==")[0].lower() in ("pytest", "iniconfig", "pluggy", "pygments")}
    assert shipped == pins(REPO / "python" / "requirements-ml.txt") | (recipe - tests_only)


# --------------------------------------------------------------------------------------
# the shared tiny T5 run
# --------------------------------------------------------------------------------------

def test_run_succeeds(tiny_run: RecipeRun):
    assert_ok(tiny_run)
    print(f"tiny T5 run: {tiny_run.seconds:.1f}s")


def test_metric_lines_parse(tiny_run: RecipeRun, channels: Channels):
    assert_ok(tiny_run)
    lines = [l for l in tiny_run.stdout.splitlines() if "=" in l]
    assert lines
    for line in lines:
        match = METRIC_LINE.match(line)
        assert match, f"not a name=value line: {line!r}"
        float(match.group(2))  # every value is a number
    names = {name for name, _ in tiny_run.metric_lines()}
    for required in ("train_loss", "eval_loss", "eval_rouge1", "eval_rouge2", "eval_rougeL", "eval_rougeLsum",
                     "epoch", "step", "progress", "learning_rate", "train_loss_avg", "onnx_parity_fp32"):
        assert required in names, required
    assert len(tiny_run.values("eval_rouge1")) == 3  # once per epoch
    assert all(0.0 <= v <= 1.0 for v in tiny_run.values("eval_rougeL"))
    assert tiny_run.values("train_examples") == [channels.n_train]
    assert tiny_run.values("eval_examples") == [channels.n_validation]
    progress = tiny_run.values("progress")
    assert progress == sorted(progress) and progress[-1] == 1.0 and all(0 <= p <= 1 for p in progress)
    # the SageMaker metric-definition regexes of README.md match
    for name in ("train_loss", "eval_loss", "eval_rouge1", "epoch"):
        assert re.search(rf"{name}=([0-9.]+)", tiny_run.stdout)


def test_loss_goes_down(tiny_run: RecipeRun):
    assert_ok(tiny_run)
    train_loss = tiny_run.values("train_loss")
    eval_loss = tiny_run.values("eval_loss")
    assert len(train_loss) >= 5
    assert train_loss[0] > train_loss[-1] + 1.0, train_loss
    assert eval_loss[0] > eval_loss[-1], eval_loss
    assert tiny_run.values("eval_rouge1")[-1] > 0.2


def test_model_folder(tiny_run: RecipeRun):
    assert_ok(tiny_run)
    model_dir = tiny_run.model_dir
    for name in ("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
                 "model.safetensors"):
        assert (model_dir / name).is_file(), name
    config = json.loads((model_dir / "config.json").read_text())
    assert config["model_type"] == "t5" and config["d_model"] == 32
    assert (config["pad_token_id"], config["eos_token_id"], config["decoder_start_token_id"]) == (0, 1, 0)
    gen = json.loads((model_dir / "generation_config.json").read_text())
    assert gen["max_new_tokens"] == 24 and gen["num_beams"] == 2 and gen["no_repeat_ngram_size"] == 3
    assert gen["early_stopping"] is True and gen["decoder_start_token_id"] == 0 and gen["eos_token_id"] == 1
    assert "max_length" not in gen  # the Java engine would read a null
    tokenizer = json.loads((model_dir / "tokenizer.json").read_text())
    assert tokenizer["truncation"] is None and tokenizer["padding"] is None
    vocab = tokenizer["model"]["vocab"]
    assert [piece for piece, _ in vocab[:3]] == ["<pad>", "</s>", "<unk>"]
    assert config["vocab_size"] == len(vocab) <= 500


def test_metrics_json(tiny_run: RecipeRun):
    assert_ok(tiny_run)
    report = json.loads((tiny_run.output_dir / "metrics.json").read_text())
    final = report["final"]
    assert final["epoch"] == 3.0 and 0 <= final["eval_rouge1"] <= 1 and math.isfinite(final["train_loss_avg"])
    losses = [e["loss"] for e in report["log_history"] if "loss" in e]
    assert losses == tiny_run.values("train_loss")
    assert report["hyperparameters"]["seed"] == 7
    assert report["onnx"]["fp32"]["equal"] == report["onnx"]["fp32"]["total"] == 4


def test_onnx_export(tiny_run: RecipeRun):
    assert_ok(tiny_run)
    onnx_dir = tiny_run.model_dir / "onnx"
    files = {p.name for p in onnx_dir.iterdir()}
    assert {"encoder_model.onnx", "decoder_model_merged.onnx", "tokenizer.json", "config.json",
            "generation_config.json"} <= files
    assert not files & {"decoder_model.onnx", "decoder_with_past_model.onnx", "model.safetensors"}
    assert tiny_run.values("onnx_parity_fp32") == [1.0]
    assert (onnx_dir / "tokenizer.json").read_bytes() == (tiny_run.model_dir / "tokenizer.json").read_bytes()


def test_plain_tokenizers_library_encodes_like_transformers(tiny_run: RecipeRun):
    """The Java side reads tokenizer.json with the tokenizers library (through DJL), not transformers."""
    from tokenizers import Tokenizer
    from transformers import AutoTokenizer

    assert_ok(tiny_run)
    onnx_dir = tiny_run.model_dir / "onnx"
    raw = Tokenizer.from_file(str(onnx_dir / "tokenizer.json"))
    hf = AutoTokenizer.from_pretrained(str(onnx_dir))
    for row in synthetic_pairs(5, seed=99):
        text = train.build_source(row["note"], "Summarize the note in one sentence.")
        ids = raw.encode(text).ids
        assert ids == hf(text)["input_ids"] and ids[-1] == 1
        assert raw.decode(ids, skip_special_tokens=True) == hf.decode(ids, skip_special_tokens=True)


def test_int8_export(tiny_run: RecipeRun, tmp_path):
    import onnx

    assert_ok(tiny_run)
    out = tmp_path / "int8"
    proc = run_recipe("export_onnx.py", [str(tiny_run.model_dir), str(out), "--quantize", "int8"], recipe_env(tmp_path))
    assert proc.returncode == 0, proc.stderr[-4000:]
    values = dict(line.split("=", 1) for line in proc.stdout.splitlines() if line.startswith("onnx_parity"))
    assert float(values["onnx_parity_fp32"]) == 1.0
    assert 0.0 <= float(values["onnx_parity_int8"]) <= 1.0
    assert {"encoder_model.onnx", "decoder_model_merged.onnx", "tokenizer.json", "config.json"} <= {
        p.name for p in out.iterdir()}
    for name in ("encoder_model.onnx", "decoder_model_merged.onnx"):
        graph = onnx.load(str(out / name)).graph
        assert any(t.data_type == onnx.TensorProto.INT8 for t in graph.initializer), f"{name} has no int8 weights"


# --------------------------------------------------------------------------------------
# other runs
# --------------------------------------------------------------------------------------

def test_finetune_from_checkpoint_with_local_arguments(tiny_run: RecipeRun, channels: Channels, tmp_path):
    """A local job: folders as arguments, a checkpoint folder to start from, no validation channel."""
    assert_ok(tiny_run)
    model_dir, output_dir = tmp_path / "model", tmp_path / "output"
    proc = run_recipe("train.py", [
        "--model_name_or_path", str(tiny_run.model_dir),
        "--train", str(channels.train), "--model_dir", str(model_dir), "--output_data_dir", str(output_dir),
        "--num_gpus", "0", "--epochs", "1", "--learning_rate", "1e-3", "--validation_fraction", "0.2",
        "--max_source_length", "96", "--max_target_length", "32", "--logging_steps", "2",
        "--export_onnx", "False", "--seed", "7",
    ], recipe_env(tmp_path))
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "train_examples=160" in proc.stdout.splitlines() and "eval_examples=40" in proc.stdout.splitlines()
    assert re.search(r"^eval_rouge1=", proc.stdout, re.M)
    assert (model_dir / "model.safetensors").is_file() and not (model_dir / "onnx").exists()
    assert (model_dir / "tokenizer.json").read_bytes() == (tiny_run.model_dir / "tokenizer.json").read_bytes()


def test_bart_from_scratch(channels: Channels, tmp_path):
    model_dir = tmp_path / "model"
    args = ["bart" if a == "t5" else a for a in TINY_T5]
    proc = run_recipe("train.py", [*args, "--epochs", "1", "--export_onnx", "True"], recipe_env(
        tmp_path, SM_MODEL_DIR=model_dir, SM_OUTPUT_DATA_DIR=tmp_path / "output",
        SM_CHANNEL_TRAIN=channels.train, SM_CHANNEL_VALIDATION=channels.validation, SM_NUM_GPUS="0"))
    assert proc.returncode == 0, proc.stderr[-4000:]
    config = json.loads((model_dir / "config.json").read_text())
    assert config["model_type"] == "bart" and config["max_position_embeddings"] == 96
    gen = json.loads((model_dir / "generation_config.json").read_text())
    assert (gen["decoder_start_token_id"], gen["forced_bos_token_id"], gen["forced_eos_token_id"]) == (2, 0, 2)
    assert "onnx_parity_fp32=1.0" in proc.stdout.splitlines()
    assert (model_dir / "onnx" / "decoder_model_merged.onnx").is_file()
