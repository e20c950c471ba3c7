#!/usr/bin/env bash
# Fuzz saidwho's Rust core with cargo-fuzz (libFuzzer): each target for a bounded time, then a results table.
#
#   bash scripts/fuzz.sh                 # every target, 120 s each
#   SECS=600 bash scripts/fuzz.sh quotes # one target, 10 minutes
#
# Targets (fuzz/fuzz_targets/): normalize (normaliser, segmentation, code-unit sources, surrogate checks),
# gazetteer (matcher, the four string layouts, save/load round trip), quotes (scanner + attributor + people),
# load (the saved-gazetteer loader on raw, re-checksummed and edited files).
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain, or RUSTC_BOOTSTRAP=1 on stable.
# Not part of CI. Writes fuzz/RESULTS.md (committed: executions and findings per target, with the command);
# the growing corpus (fuzz/corpus) and crash artifacts (fuzz/artifacts) are git-ignored.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECS=${SECS:-120}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(normalize gazetteer quotes load)
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz missing: cargo install cargo-fuzz" >&2; exit 1; }
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  FUZZ=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  FUZZ=(cargo fuzz)
fi

# Seeds: the example articles, in the input layout of each target (see the targets' docs).
make_seeds() {
  local t=$1 dir=seeds/$1
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return
  local k=0
  for f in ../tests/data/*.txt; do
    case $t in
      normalize) cp "$f" "$dir/seed$k" ;;
      quotes) { printf '\x00'; cat "$f"; } > "$dir/seed$k"; { printf '\x01'; head -c 1500 "$f"; } > "$dir/seed${k}b" ;;
      gazetteer)
        { printf '\x00'; head -c 3000 "$f"; printf '\x01Zelenskiy\x01Vladimir Putin\x01Putin\x01Bakhmut\x01US\x01Ukraine\x01Kremlin'; } > "$dir/seed$k"
        { printf '\x2d'; head -c 1000 "$f"; printf '\x01Kyiv\x01Kiev\x01Wagner\x01Russia\x01Russian\x01Donetsk'; } > "$dir/seed${k}b" ;;
      load) printf '\x02\x00' > "$dir/seed0"; printf '\x02\x05\x10\x00\x01' > "$dir/seed1"; printf '\x00SAIDWHO-GAZ\x00' > "$dir/seed2" ;;
    esac
    k=$((k + 1))
  done
  if [ "$t" = quotes ]; then
    # Reported speech (quotes of kind indirect): the forward, closing, source and passive forms, with and without
    # fuzzer-chosen entity spans (mode bit 0), reported on and (mode bit 1) off.
    local s=0
    for line in "Kyiv said the move was illegal." "Flows were cut, they said." \
      "According to the ministry, 30 drones were shot down." \
      "Officials were quoted by RBC as saying the pipe burst." \
      "Putin told reporters on Tuesday that talks had stalled, and added the war could be a “long process”." \
      "The plan, Ms. Bigbee said, is that 26% say no; shelling hit a hospital, according to Reuters, officials said." \
      "Mr Zelenskiy vowed to fight on, saying Ukraine would win.\n\nAs The Kremlin reported, the US denied that."; do
      for m in '\x00' '\x01' '\x02'; do printf "$m%b" "$line" > "$dir/reported$s"; s=$((s + 1)); done
    done
  fi
}

# Release code with debug assertions and overflow checks; no sanitizer (the core has no unsafe code).
FLAGS=(-O -a -s none)
"${FUZZ[@]}" build "${FLAGS[@]}"
rows=()
for t in "${TARGETS[@]}"; do
  make_seeds "$t"
  mkdir -p "corpus/$t" "artifacts/$t"
  log=$(mktemp)
  before=$(ls "artifacts/$t" | wc -l)
  set +e
  "${FUZZ[@]}" run "${FLAGS[@]}" "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$SECS" -max_len=8192 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="artifacts/$t/" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{print $2}' | tail -1)
  speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | awk '{print $2}' | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  units=$(ls "corpus/$t" | wc -l)
  found=$(( $(ls "artifacts/$t" | wc -l) - before ))
  what="none"
  if [ "$rc" -ne 0 ] || [ "$found" -gt 0 ]; then
    what="exit $rc, $found new artifact(s): $(ls -t "artifacts/$t" | head -3 | tr '\n' ' ')"
    grep -m3 -E 'panicked at|ERROR: libFuzzer|SUMMARY' "$log" | sed 's/^/    /' >&2 || true
  fi
  echo "$t: ${runs:-?} runs (${speed:-?}/s), cov ${cov:-?}, corpus $units, findings: $what" >&2
  rows+=("| $t | $SECS | ${runs:-?} | ${speed:-?} | ${cov:-?} | $units | $what |")
  cp "$log" "artifacts/$t/last-run.log"
  rm -f "$log"
done

{
  echo "# Fuzzing results"
  echo
  echo "Latest run of \`SECS=$SECS bash scripts/fuzz.sh ${*:-}\` on $(date -u +%Y-%m-%d) at commit"
  echo "$(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(nproc) cores shared with other work; one libFuzzer process at a time)."
  echo "Executions and coverage are libFuzzer's final stats; findings are new crash/timeout/oom artifacts."
  echo
  echo "| target | seconds | executions | exec/s | coverage (edges) | corpus units | findings |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  if [ -f FINDINGS.md ]; then cat FINDINGS.md; fi
} > RESULTS.md
echo "wrote fuzz/RESULTS.md" >&2
