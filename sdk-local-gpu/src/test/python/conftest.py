"""Fixtures for the training-recipe tests: synthetic CSV channels and one tiny training run.

The recipe (``src/main/resources/io/clinsum/local/recipe``) is run the way SageMaker runs it: as a
script, with the ``SM_*`` environment variables and hyperparameters as string arguments. The run
is shared by the tests of a session (it takes about half a minute on two CPU cores).

Set ``CLINSUM_RECIPE_KEEP=/some/folder`` to keep a copy of the trained model folder (with its ONNX
export under ``onnx/``) after the tests.
"""
from __future__ import annotations

import csv
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

RECIPE_DIR = Path(__file__).resolve().parents[2] / "main" / "resources" / "io" / "clinsum" / "local" / "recipe"
sys.path.insert(0, str(RECIPE_DIR))

SEED = 20261127

AGES = list(range(19, 91))
SEXES = ("male", "female")
COMPLAINTS = (
    "chest pain", "shortness of breath", "abdominal pain", "headache", "fever", "cough",
    "back pain", "dizziness", "nausea", "palpitations", "leg swelling", "fatigue",
)
DURATIONS = ("two hours", "one day", "three days", "one week", "two weeks", "one month")
HISTORIES = ("hypertension", "type 2 diabetes", "asthma", "atrial fibrillation", "no significant history",
             "hyperlipidemia", "COPD", "chronic kidney disease")
FINDINGS = ("ECG shows ST elevation", "chest X-ray is clear", "troponin is elevated", "CT shows appendicitis",
            "labs show leukocytosis", "vital signs are stable", "MRI is unremarkable", "urinalysis is positive")
PLANS = ("cardiac catheterization", "antibiotics", "admission for observation", "discharge home",
         "surgical consult", "inhaler therapy", "pain control", "follow-up in clinic")
INSTRUCTION = "Summarize the note in one sentence."


def synthetic_pairs(n: int, seed: int = SEED) -> list[dict[str, str]]:
    """``n`` note/summary pairs drawn from fixed vocabularies; every third row carries an instruction."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        age, sex = rng.choice(AGES), rng.choice(SEXES)
        complaint, duration = rng.choice(COMPLAINTS), rng.choice(DURATIONS)
        history, finding, plan = rng.choice(HISTORIES), rng.choice(FINDINGS), rng.choice(PLANS)
        note = (
            f"The patient is a {age}-year-old {sex} who presents with {complaint} for {duration}. "
            f"Past medical history: {history}. On examination {finding}. "
            f"The patient was counselled and agrees with the plan of {plan}."
        )
        summary = f"{age}-year-old {sex} with {complaint}; {finding}. Plan: {plan}."
        rows.append({"note": note, "summary": summary, "instruction": INSTRUCTION if i % 3 == 0 else ""})
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@dataclass
class Channels:
    train: Path
    validation: Path
    n_train: int
    n_validation: int


@pytest.fixture(scope="session")
def channels(tmp_path_factory) -> Channels:
    """A training channel of two CSV files (with an instruction column) and a note,summary validation channel."""
    root = tmp_path_factory.mktemp("channels")
    rows = synthetic_pairs(240)
    train, validation = rows[:200], rows[200:]
    write_csv(root / "train" / "part-1.csv", train[:120], ("note", "summary", "instruction"))
    write_csv(root / "train" / "part-2.csv", train[120:], ("note", "summary", "instruction"))
    write_csv(root / "validation" / "validation.csv", validation, ("note", "summary"))
    return Channels(root / "train", root / "validation", len(train), len(validation))


@dataclass
class RecipeRun:
    """One run of train.py: its folders, exit status, standard output and wall time."""

    model_dir: Path
    output_dir: Path
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    def metric_lines(self) -> list[tuple[str, str]]:
        """(name, value) of every ``name=value`` line of the standard output."""
        pairs = []
        for line in self.stdout.splitlines():
            name, sep, value = line.partition("=")
            if sep and name and " " not in name and "{" not in name:
                pairs.append((name, value))
        return pairs

    def values(self, name: str) -> list[float]:
        return [float(v) for k, v in self.metric_lines() if k == name]


def recipe_env(tmp: Path, **sm: Path | str) -> dict[str, str]:
    """The process environment of a recipe run: offline, reproducible, two threads, plus the SM_* variables."""
    env = dict(os.environ)
    env.update(
        HF_HOME=str(tmp / "hf-home"),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        PYTHONHASHSEED="0",
        OMP_NUM_THREADS="2",
        PYTHONUNBUFFERED="1",
    )
    env.pop("SM_TRAINING_ENV", None)
    env.update({k: str(v) for k, v in sm.items()})
    return env


def run_recipe(script: str, args: list[str], env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(RECIPE_DIR / script), *args],
        env=env, capture_output=True, text=True, timeout=timeout,
    )


TINY_T5 = [
    "--from_scratch", "True",
    "--architecture", "t5",
    "--vocab_size", "500",
    "--d_model", "32",
    "--num_layers", "2",
    "--num_heads", "2",
    "--d_ff", "64",
    "--max_source_length", "96",
    "--max_target_length", "32",
    "--train_batch_size", "16",
    "--eval_batch_size", "40",
    "--learning_rate", "5e-3",
    "--warmup_ratio", "0.1",
    "--lr_scheduler", "cosine",
    "--logging_steps", "4",
    "--num_beams", "2",
    "--max_new_tokens", "24",
    "--fp16", "False",
    "--seed", "7",
]


@pytest.fixture(scope="session")
def tiny_run(channels: Channels, tmp_path_factory) -> RecipeRun:
    """Train the tiny T5 from scratch for 3 epochs through the SageMaker contract, then export it to ONNX."""
    tmp = tmp_path_factory.mktemp("tiny-run")
    model_dir, output_dir = tmp / "model", tmp / "output"
    env = recipe_env(
        tmp,
        SM_MODEL_DIR=model_dir,
        SM_OUTPUT_DATA_DIR=output_dir,
        SM_CHANNEL_TRAIN=channels.train,
        SM_CHANNEL_VALIDATION=channels.validation,
        SM_NUM_GPUS="0",
    )
    start = time.time()
    proc = run_recipe("train.py", [*TINY_T5, "--epochs", "3", "--export_onnx", "True"], env)
    run = RecipeRun(model_dir, output_dir, proc.returncode, proc.stdout, proc.stderr, time.time() - start)
    keep = os.environ.get("CLINSUM_RECIPE_KEEP")
    if keep and run.returncode == 0:
        shutil.rmtree(keep, ignore_errors=True)
        shutil.copytree(model_dir, keep)
    return run
