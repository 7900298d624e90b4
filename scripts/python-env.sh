#!/usr/bin/env bash
# Creates or refreshes the project-local Python environment (.venv) from the pinned
# python/requirements-test.txt (the reference tools the tests run; the ML requirements are for
# .venv-ml, made by hand, and never needed by the build). Re-running is cheap: it reinstalls only when a requirement
# file changed. Used by the Maven build before integration tests that compare ClinSum with
# reference Python tools (rouge-score, ...).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
reqs=("$root/python/requirements-test.txt")
stamp="$venv/.requirements.sha256"
want="$(cat "${reqs[@]}" | sha256sum | cut -d' ' -f1)"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
python="${CLINSUM_PYTHON:-python3}"
echo "python-env: creating $venv from ${reqs[*]##*/}" >&2
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2 || true
for r in "${reqs[@]}"; do
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$r" >&2
done
echo "$want" > "$stamp"
