"""A stand-in for train.py that honours the same SM_* contract and output format, so the Java
job runner can be tested without PyTorch. --mode ok|fail|sleep."""
import argparse
import csv
import os
import sys
import time
from pathlib import Path

p = argparse.ArgumentParser()
p.add_argument("--mode", default="ok")
p.add_argument("--epochs", default="1")
p.add_argument("--model_name_or_path", default="")
p.add_argument("--copy_onnx_from", default="", help="an ONNX model folder to hand back as the result")
args = p.parse_args()
train = Path(os.environ["SM_CHANNEL_TRAIN"]) / "train.csv"
rows = list(csv.DictReader(open(train, encoding="utf-8")))
print(f"rows={len(rows)}")
print(f"first_summary_words={len(rows[0]['summary'].split())}")
if args.mode == "sleep":
    print("progress=0.1", flush=True)
    time.sleep(120)
for step, loss in enumerate([2.5, 1.5, 0.75], start=1):
    print(f"train_loss={loss}")
    print(f"progress={step / 3:.3f}")
if args.mode == "fail":
    print("Traceback (most recent call last):\nRuntimeError: CUDA out of memory", flush=True)
    sys.exit(3)
print("eval_rougeL=0.61")
model = Path(os.environ["SM_MODEL_DIR"])
(model / "config.json").write_text('{"model_type": "t5"}')
if args.copy_onnx_from:
    import shutil
    shutil.copytree(args.copy_onnx_from, model / "onnx", dirs_exist_ok=True)
else:
    (model / "onnx").mkdir(exist_ok=True)
    (model / "onnx" / "config.json").write_text('{"model_type": "t5"}')
if args.model_name_or_path:
    print(f"started_from_files={len(list(Path(args.model_name_or_path).iterdir()))}")
print(f"epochs={args.epochs}")
