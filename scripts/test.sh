#!/usr/bin/env bash
# Install saidwho as users get it (a wheel in a fresh virtualenv) and run the whole test suite: Rust + Python.
# Usage: bash scripts/test.sh          (VENV=path to choose the virtualenv; default .venv-test)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-test}
PY=${PYTHON:-python3}
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip "maturin>=1.9.4,<2"
rm -rf dist && "$VENV/bin/maturin" build --release --out dist -q
WHEEL=$(ls dist/saidwho-*.whl)
"$VENV/bin/python" -m pip install -q "$WHEEL[test]"
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps "$WHEEL"
cargo test -q
# Run pytest against the installed package, never the source tree (python/ is not on sys.path).
"$VENV/bin/python" -m pytest -q tests "$@"
