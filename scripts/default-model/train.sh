#!/usr/bin/env bash
# Retrains the embedded default model clinsum-nursing-t5-mini from scratch with the shipped
# recipe, exports it to ONNX (int8), checks it, and packages it into sdk-local-gpu's resources.
#
#   scripts/default-model/train.sh gpu   # as released: 6 epochs, bf16 (245 s on one H200)
#   scripts/default-model/train.sh cpu   # this 2-core machine: 1/8 of the steps, see the model card
#
# Needs .venv-ml (python/requirements-recipe.txt) and the clinsum CLI (built on first use).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mode="${1:-gpu}"
py="${CLINSUM_ML_PYTHON:-$root/.venv-ml/bin/python}"
work="$root/build/default-model"
recipe="$root/sdk-local-gpu/src/main/resources/io/clinsum/local/recipe"

[[ -f "$work/data/SHA256SUMS" ]] || bash "$root/scripts/default-model/prepare-data.sh" "$work/data"

common=(--from_scratch True --train_batch_size 64 --eval_batch_size 64 --learning_rate 1e-3
        --warmup_ratio 0.05 --max_eval_samples 64 --export_onnx False --seed 42)
if [[ "$mode" == gpu ]]; then
  extra=(--epochs 6 --bf16 True)
  gpus=1
else
  extra=(--max_steps 150)   # ~19 s a step on 2 cores: about 48 minutes; see the model card
  gpus=0
fi
SM_CHANNEL_TRAIN="$work/data/train" SM_CHANNEL_VALIDATION="$work/data/validation" \
SM_MODEL_DIR="$work/run/model" SM_OUTPUT_DATA_DIR="$work/run" SM_NUM_GPUS="$gpus" PYTHONUNBUFFERED=1 \
  "$py" "$recipe/train.py" "${common[@]}" "${extra[@]}" | tee "$work/run/train.log" | grep -vE "^progress="

"$py" "$recipe/export_onnx.py" --quantize int8 "$work/run/model" "$work/run/onnx-int8"
python3 "$root/scripts/default-model/package.py" "$work/run/onnx-int8" clinsum-nursing-t5-mini "${CLINSUM_MODEL_VERSION:-1.0.0}"
echo "Packaged. Rebuild (mvn -pl sdk-local-gpu -am install), then evaluate:"
echo "  ./clinsum evaluate $work/data/test/synthetic-test.csv -b lead -b extractive -b onnx"
echo "  ./clinsum evaluate $work/data/test/mtsamples-test.jsonl -b lead -b extractive -b onnx"
