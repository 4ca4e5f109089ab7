#!/usr/bin/env bash
# The extraction benchmark, in one command. See docs/benchmarks-extraction.md.
#
#   Benchmarks/extraction/run.sh [--mb 10] [--small-mb 2] [--sample-mb 1] [--threads N] [--seed 42]
#                                [--no-peer] [--isolate] [--keep] [--out FILE.md]
#   Benchmarks/extraction/run.sh setup      # create the spaCy peer venv (PyPI), then exit
#
# 1. builds the benchmark package (release) against this checkout;
# 2. writes a corpus of --mb MB of news-sized articles into a temp dir (Examples/articles/*.txt,
#    ../shared/corpus/dev/*.txt and the seed, shuffled paragraphs, varied ids), never committed;
# 3. extracts it streaming, one article at a time, with the dependency parse: on one core over the first
#    --small-mb MB and over all of it (peak RSS of both, to show memory stays flat), then on --threads
#    cores;
# 4. runs the spaCy peer with --bench on the first --sample-mb MB of the same corpus, and our
#    extractor on the same sample, and prints words/s for both and the ratio.
#
# --isolate builds against a temp copy of only Sources/NewsGraphCore and Sources/NewsGraphExtraction
# (with a NewsGraph product that re-exports them), for when another module of the work tree does not
# compile at the moment; the extractor measured is the same code.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SHARED="${NEWSGRAPH_SHARED:-$REPO/../shared}"
PEERS_DIR="${PEERS_DIR:-$HOME/.cache/newsgraph-peers}"
PEER_SCRIPT="${PEER_SCRIPT:-$SHARED/peers/spacy_baseline.py}"

if [ "${1:-}" = "setup" ]; then exec "$HERE/setup-peer.sh"; fi

MB=10 SMALL_MB=2 SAMPLE_MB=1 THREADS="$(nproc 2>/dev/null || echo 2)" SEED=42
PEER=1 ISOLATE=0 KEEP=0 OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) MB="$2"; shift 2 ;;
    --small-mb) SMALL_MB="$2"; shift 2 ;;
    --sample-mb) SAMPLE_MB="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --no-peer) PEER=0; shift ;;
    --isolate) ISOLATE=1; shift ;;
    --keep) KEEP=1; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-bench.XXXXXX")"
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
LOG="$WORK/results.log"
: > "$LOG"

# --- build -------------------------------------------------------------------------------------
. "$HERE/lib.sh"
SCRATCH="$HERE/.build-bench"
if [ "$ISOLATE" = 1 ]; then
  SCRATCH="$HERE/.build-bench-iso"
  prepare_isolated "$REPO" "$HERE/.build-bench-iso-src" "$SCRATCH"
fi
echo "== building (release, scratch $SCRATCH)"
clean_project_modules "$SCRATCH"
if ! (cd "$HERE" && swift build -c release --scratch-path "$SCRATCH" > "$WORK/build.log" 2>&1); then
  grep -E 'error:' "$WORK/build.log" | head -n 20 >&2 || tail -n 20 "$WORK/build.log" >&2
  echo "run.sh: the release build failed. If the failing module is not NewsGraphCore or NewsGraphExtraction, try --isolate." >&2
  exit 1
fi
BIN="$(cd "$HERE" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/extraction-bench"

TIMEV=()
if /usr/bin/time -v true >/dev/null 2>&1; then TIMEV=(/usr/bin/time -v); fi

# run LABEL CMD…: runs a command under /usr/bin/time -v, keeps its stdout, logs its peak RSS
run() {
  local label="$1"; shift
  local err="$WORK/$label.time"
  if [ ${#TIMEV[@]} -gt 0 ]; then "${TIMEV[@]}" -o "$err" "$@"; else "$@"; fi
  if [ -f "$err" ]; then
    echo "TIMEV $label $(awk -F': ' '/Maximum resident set size/ {print $2}' "$err")" >> "$LOG"
  fi
}

echo "== machine: $(nproc) cores, $(lscpu 2>/dev/null | awk -F': *' '/Model name/ {print $2; exit}'), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

# --- corpus ------------------------------------------------------------------------------------
SOURCES=("$REPO/Examples/articles")
[ -d "$SHARED/corpus/dev" ] && SOURCES+=("$SHARED/corpus/dev")
[ -d "$SHARED/corpus/seed" ] && SOURCES+=("$SHARED/corpus/seed")
CORPUS="$WORK/corpus"
echo "== corpus: $MB MB from ${SOURCES[*]}"
"$BIN" generate --out "$CORPUS" --mb "$MB" --seed "$SEED" "${SOURCES[@]}"

# --- ours ----------------------------------------------------------------------------------------
echo "== newsgraph extractor, 1 thread, first $SMALL_MB MB"
run ours-1t-small "$BIN" run --corpus "$CORPUS" --limit-mb "$SMALL_MB" --threads 1 --label ours-1t-small | tee -a "$LOG"
echo "== newsgraph extractor, 1 thread, all $MB MB"
run ours-1t "$BIN" run --corpus "$CORPUS" --threads 1 --label ours-1t | tee -a "$LOG"
echo "== newsgraph extractor, 1 thread, first $SMALL_MB MB, content hash included (SHA-256, as ingest computes it; newsgraph extract does not)"
run ours-1t-hash "$BIN" run --corpus "$CORPUS" --limit-mb "$SMALL_MB" --threads 1 --hash 1 --label ours-1t-hash | tee -a "$LOG"
if [ "$THREADS" -gt 1 ]; then
  echo "== newsgraph extractor, $THREADS threads, all $MB MB"
  run ours-nt "$BIN" run --corpus "$CORPUS" --threads "$THREADS" --label ours-nt | tee -a "$LOG"
fi

# --- the spaCy peer on a sample of the same corpus -----------------------------------------------
SAMPLE="$WORK/sample"
mkdir -p "$SAMPLE"
# the first articles of the index until their bytes reach SAMPLE_MB (the rule of `run --limit-mb`)
awk -F'\t' -v lim="$(awk -v m="$SAMPLE_MB" 'BEGIN {printf "%d", m * 1000000}')" \
  'tot < lim { print $1; tot += $2 }' "$CORPUS/index.tsv" | while read -r f; do ln "$CORPUS/$f" "$SAMPLE/$f"; done
echo "== newsgraph extractor, 1 thread, the $SAMPLE_MB MB peer sample (5 passes)"
run ours-sample "$BIN" run --corpus "$CORPUS" --limit-mb "$SAMPLE_MB" --threads 1 --repeat 5 --label ours-sample | tee -a "$LOG"

PY="$PEERS_DIR/venv/bin/python"
if [ "$PEER" = 0 ]; then
  echo "== spaCy peer skipped (--no-peer)"
  echo "PEER skipped --no-peer" >> "$LOG"
elif [ ! -f "$PEER_SCRIPT" ]; then
  echo "== spaCy peer skipped: $PEER_SCRIPT not found (the shared/ folder beside the repo)"
  echo "PEER skipped no-script" >> "$LOG"
elif [ ! -x "$PY" ]; then
  echo "== spaCy peer skipped: no venv at $PEERS_DIR/venv; create it with: Benchmarks/extraction/run.sh setup"
  echo "PEER skipped no-venv" >> "$LOG"
else
  echo "== spaCy peer ($PEER_SCRIPT --bench), the same $SAMPLE_MB MB sample, $(ls "$SAMPLE" | wc -l) articles"
  # peer_cpu.py runs the peer script unchanged and adds the CPU seconds of its parse loop
  run peer "$PY" "$HERE/peer_cpu.py" "$PEER_SCRIPT" "$SAMPLE" --bench > /dev/null 2> "$WORK/peer.err" || { cat "$WORK/peer.err" >&2; echo "PEER failed" >> "$LOG"; }
  grep -E '^(model|documents|peer-cpu):' "$WORK/peer.err" | tee -a "$LOG" || true
fi

# --- summary -------------------------------------------------------------------------------------
echo
python3 "$HERE/summarise.py" "$LOG" --mb "$MB" --small-mb "$SMALL_MB" --sample-mb "$SAMPLE_MB" --threads "$THREADS" \
  ${OUT:+--out "$OUT"}
