#!/usr/bin/env bash
# Install saidwho into a virtualenv and analyse the example articles.
# Usage: bash scripts/demo.sh [FILES...]   (default: the two seed articles in tests/data)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PY=${PYTHON:-python3}
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q .
if [ "$#" -eq 0 ]; then set -- tests/data/*.txt; fi
"$VENV/bin/python" examples/analyze.py "$@"
