#!/usr/bin/env bash
# Side-by-side gazetteer benchmark: saidwho and the Python peers in the same harness and the same run
# (../shared/bench/peers_bench.py, each case in a fresh process pinned to one CPU), then find_batch on 1 vs 2
# threads, then the markdown table with the issue-2 targets.
#
# Usage: bash bench/run_gazetteer_bench.sh [--peers-only | --saidwho-only] [--no-batch] [--no-install]
# Environment (all optional):
#   SIZES=g1k,g30k,g250k  REPS=3  OUT=bench/results.jsonl (truncated first unless APPEND=1)
#   CASES=lib:variant,... instead of the default peers + saidwho cases (e.g. a quick focused comparison)
#   ROUNDS=1              run the whole case list this many times, interleaved; the table then keeps each
#                         case's fastest round (--best): on a shared machine other work only ever slows a case
#   VENV=.venv-bench      the bench virtualenv (created with the pinned peers of bench/requirements.txt)
#   SAIDWHO_SRC=.         the saidwho source tree built into the venv (pip install; rebuilt when a file of its
#                         src/, python/, Cargo.*, pyproject.toml changed since the last install)
#   SHARED=../shared      where bench/ (corpus source, gazetteers, harness) lives
#   BATCH_SIZE=g250k      the gazetteer of the find_batch thread-scaling run
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PEERS=pyahocorasick:ww_exact,ahocorasick_rs:ww_exact,daachorse:ww_exact,hyperscan:ww_exact
PEERS=$PEERS,spacy:phrasematcher,flashtext:native
SAIDWHO=saidwho:find_spans,saidwho:tsv_find

what=all batch=1 install=1
for arg in "$@"; do
    case "$arg" in
        --peers-only) what=peers batch=0 ;;
        --saidwho-only) what=saidwho ;;
        --no-batch) batch=0 ;;
        --no-install) install=0 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done
case "$what" in
    all) CASES=${CASES:-$PEERS,$SAIDWHO} ;;
    peers) CASES=${CASES:-$PEERS} ;;
    saidwho) CASES=${CASES:-$SAIDWHO} ;;
esac

SHARED=${SHARED:-../shared}
BENCH_SRC=$SHARED/bench
VENV=${VENV:-.venv-bench}
DATA=${BENCH_DATA:-bench/data}
SIZES=${SIZES:-g1k,g30k,g250k}
REPS=${REPS:-3}
OUT=${OUT:-bench/results.jsonl}
BATCH_OUT=${BATCH_OUT:-${OUT%.jsonl}_batch.jsonl}
BATCH_SIZE=${BATCH_SIZE:-g250k}
SAIDWHO_SRC=${SAIDWHO_SRC:-.}

if [ ! -f "$BENCH_SRC/peers_bench.py" ]; then
    echo "no $BENCH_SRC/peers_bench.py: set SHARED to the folder holding bench/ (corpus, gazetteers, harness)" >&2
    exit 1
fi

# --- the bench virtualenv with the pinned peers -----------------------------------------------------------
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
PY=$ROOT/$VENV/bin/python
[[ "$VENV" = /* ]] && PY=$VENV/bin/python
stamp=$VENV/.bench-requirements
if ! cmp -s bench/requirements.txt "$stamp"; then
    "$PY" -m pip install -q --upgrade pip
    "$PY" -m pip install -q -r bench/requirements.txt
    cp bench/requirements.txt "$stamp"
fi

# --- saidwho, built from SAIDWHO_SRC (release wheel via maturin) --------------------------------------------
if [ "$what" != peers ] && [ "$install" = 1 ]; then
    state=$(cd "$SAIDWHO_SRC" && find src python Cargo.toml Cargo.lock pyproject.toml -type f \
        -not -name '*.so' -not -path '*/__pycache__/*' | sort | xargs sha1sum | sha1sum | cut -c1-40)
    if [ "$state" != "$(cat "$VENV/.bench-saidwho" 2>/dev/null)" ]; then
        echo "building saidwho from $SAIDWHO_SRC into $VENV (release) ..."
        "$PY" -m pip install -q --force-reinstall --no-deps "$SAIDWHO_SRC"
        "$PY" -m pip install -q pandas tqdm  # saidwho's dependencies, without upgrading the pinned numpy
        echo "$state" > "$VENV/.bench-saidwho"
    fi
fi
if [ "$what" != peers ]; then
    "$PY" -c "import saidwho, sys; print('saidwho', getattr(saidwho, '__version__', '?'), 'from', saidwho.__file__)"
fi

# --- data: the 50 MB corpus and the unpacked gazetteers -----------------------------------------------------
mkdir -p "$DATA"
[ -s "$DATA/corpus.txt" ] || "$PY" "$BENCH_SRC/make_corpus.py" "$DATA/corpus.txt"
for size in ${SIZES//,/ } ${BATCH_SIZE}; do
    [ -s "$DATA/$size.tsv" ] && continue
    if [ -f "$BENCH_SRC/$size.tsv" ]; then
        cat "$BENCH_SRC/$size.tsv" > "$DATA/$size.tsv"
    else
        xz -dc "$BENCH_SRC/$size.tsv.xz" > "$DATA/$size.tsv"
    fi
done

# --- the side-by-side run (one CPU per case, fresh process per case) ---------------------------------------
[ "${APPEND:-0}" = 1 ] || : > "$OUT"
ROUNDS=${ROUNDS:-1}
for round in $(seq "$ROUNDS"); do
    echo "round $round/$ROUNDS: cases: $CASES; sizes: $SIZES; reps: $REPS -> $OUT; $(uptime | sed 's/.*load/load/')"
    BENCH_DATA=$DATA BENCH_PLUGINS=bench/saidwho_cases.py \
        "$PY" "$BENCH_SRC/peers_bench.py" run --sizes "$SIZES" --cases "$CASES" --reps "$REPS" --out "$OUT"
done

# --- find_batch, 1 vs 2 threads -----------------------------------------------------------------------------
table_args=("$OUT")
[ "$ROUNDS" = 1 ] || table_args+=(--best)
if [ "$batch" = 1 ]; then
    [ "${APPEND:-0}" = 1 ] || : > "$BATCH_OUT"
    BENCH_DATA=$DATA "$PY" bench/batch_threads.py --size "$BATCH_SIZE" --reps "$REPS" --out "$BATCH_OUT"
    table_args+=(--batch "$BATCH_OUT")
fi

"$PY" bench/gazetteer_table.py "${table_args[@]}"
