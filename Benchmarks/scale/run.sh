#!/usr/bin/env bash
# The scale benchmark (issue 4), in one command. See docs/benchmarks-scale.md.
#
#   Benchmarks/scale/run.sh [--facts 1000000] [--seed 42] [--runs 20] [--repeat 3] [--batch 500]
#                           [--formats pickle,pickle-nogc,nodelink[,graphml]] [--rev REV] [--keep] [--out FILE.md]
#   Benchmarks/scale/run.sh --facts 100000        # quick mode (about 5 minutes with a full build; adds GraphML)
#
# 1. builds the benchmark package (release) against a snapshot of this work tree (or of --rev REV);
# 2. generates --facts facts of synthetic annotation JSON Lines (gen.py, deterministic for --seed) into a
#    temp dir, never committed;
# 3. ingests them into a new store by the annotation ingest path (ArticleGraph(annotation:contentHash:) →
#    GraphStore.ingest, one transaction per --batch articles) — informational;
# 4. builds the equivalent networkx MultiDiGraph from the same files and saves it in each format;
# 5. cold processes: newsgraph opens the store and loads the KnowledgeGraph — once right after the ingest
#    (it resolves the stored records and writes the store's graph cache), then from the graph cache —
#    and networkx loads each format; each then runs the same three queries (median of --runs). The
#    cached open and networkx's fastest load are repeated in --repeat cold processes (median reported);
#    an open without the cache (--cache off) and its phases are reported for information;
# 6. prints the table (absolute figures and newsgraph / networkx ratios) and writes it to --out.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
FACTS=1000000 SEED=42 RUNS=20 REPEAT=3 BATCH=500 FORMATS="" REV="" KEEP=0 OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --facts) FACTS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --batch) BATCH="$2"; shift 2 ;;
    --formats) FORMATS="$2"; shift 2 ;;
    --rev) REV="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
# GraphML is by far networkx's slowest format (minutes to write and read at a million facts): quick mode only,
# unless asked for.
if [ -z "$FORMATS" ]; then
  if [ "$FACTS" -le 200000 ]; then FORMATS="pickle,pickle-nogc,nodelink,graphml"; else FORMATS="pickle,pickle-nogc,nodelink"; fi
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-scale.XXXXXX")"
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
say() { echo "== $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_BEFORE="$(loadavg)"

# --- Python with networkx (PyPI) ------------------------------------------------------------------
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import networkx' 2>/dev/null; then
  VENV="${PEERS_DIR:-$HOME/.cache/newsgraph-peers}/networkx-venv"
  if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import networkx' 2>/dev/null; then
    say "installing networkx from PyPI into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "networkx==3.6.1"
  fi
  PY="$VENV/bin/python"
fi

# --- build ---------------------------------------------------------------------------------------
# A snapshot of the main package (copied, timestamps kept, so rebuilds are incremental): others may be
# editing the work tree, and SwiftPM refuses sources that change during a build.
SNAP="$HERE/.build-scale-src/newsgraph"
mkdir -p "$SNAP"
if [ -n "$REV" ]; then
  COMMIT="$(git -C "$REPO" rev-parse --short "$REV")"
  rm -rf "$SNAP"; mkdir -p "$SNAP"
  git -C "$REPO" archive "$REV" Package.swift Sources | tar -x -C "$SNAP"
  if [ -f "$REPO/Package.resolved" ]; then cp "$REPO/Package.resolved" "$SNAP/"; fi
else
  COMMIT="$(git -C "$REPO" rev-parse --short HEAD)+worktree"
  rm -rf "$SNAP/Sources.new"
  cp -a "$REPO/Sources" "$SNAP/Sources.new"
  rm -rf "$SNAP/Sources"; mv "$SNAP/Sources.new" "$SNAP/Sources"
  cp -a "$REPO/Package.swift" "$SNAP/"
  if [ -f "$REPO/Package.resolved" ]; then cp -a "$REPO/Package.resolved" "$SNAP/"; fi
fi
export NEWSGRAPH_PATH="$SNAP"
SCRATCH="$HERE/.build-scale"
# SwiftPM may reuse its build plan when the snapshot gains or loses files (their times are not newer than the
# plan's, e.g. from git archive): drop the plan when the list of source files changed.
LIST="$(cd "$SNAP" && find Sources -type f | sort | cksum)"
if [ "$(cat "$SCRATCH/.newsgraph-sources" 2>/dev/null)" != "$LIST" ]; then
  rm -f "$SCRATCH/release.yaml" "$SCRATCH/release/description.json"
  mkdir -p "$SCRATCH"; echo "$LIST" > "$SCRATCH/.newsgraph-sources"
fi
say "building (release, scratch $SCRATCH, main package $COMMIT)"
if ! (cd "$HERE" && swift build -c release --scratch-path "$SCRATCH" > "$WORK/build.log" 2>&1); then
  grep -E 'error:' "$WORK/build.log" | head -n 20 >&2 || tail -n 20 "$WORK/build.log" >&2
  echo "run.sh: the release build failed (try --rev HEAD to benchmark the last commit)" >&2
  exit 1
fi
BIN="$(cd "$HERE" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/scale-bench"

# --- data ----------------------------------------------------------------------------------------
say "generating $FACTS facts (seed $SEED)"
"$PY" "$HERE/gen.py" --facts "$FACTS" --seed "$SEED" --out "$WORK/data" > "$WORK/gen.json"
FILES=$(ls "$WORK"/data/articles-*.jsonl)

say "ingesting into a new store (batches of $BATCH)"
# shellcheck disable=SC2086
"$BIN" ingest --db "$WORK/store.sqlite" --batch "$BATCH" $FILES > "$WORK/ingest.json"

say "building the networkx graph and saving it ($FORMATS)"
SAVE_FORMATS="$(echo "$FORMATS" | tr ',' '\n' | sed 's/^pickle-nogc$/pickle/' | sort -u | paste -sd, -)"
"$PY" "$HERE/nx_bench.py" build --data "$WORK/data" --out "$WORK/nx" --formats "$SAVE_FORMATS" > "$WORK/nx-build.json"
cp "$WORK/nx/queries.json" "$WORK/queries.json"

# --- cold processes: open / load + queries ---------------------------------------------------------
say "newsgraph: first open after the ingest (resolves the stored records, writes the graph cache)"
"$BIN" open --db "$WORK/store.sqlite" --queries "$WORK/queries.json" --runs 0 > "$WORK/ours-first-open.json"
say "newsgraph: open (graph cache) + queries (cold process)"
"$BIN" open --db "$WORK/store.sqlite" --queries "$WORK/queries.json" --runs "$RUNS" > "$WORK/ours.json"
for fmt in $(echo "$FORMATS" | tr ',' ' '); do
  say "networkx: load $fmt + queries (cold process)"
  EGO=""; if [ "$FACTS" -le 200000 ]; then EGO="--ego"; fi
  "$PY" "$HERE/nx_bench.py" load --format "$fmt" --dir "$WORK/nx" --runs "$RUNS" $EGO > "$WORK/nx-load-$fmt.json"
done
BEST="$("$PY" -c "
import json, sys
best = min(sys.argv[1:], key=lambda f: json.load(open('$WORK/nx-load-' + f + '.json'))['load_ms'])
print(best)" $(echo "$FORMATS" | tr ',' ' '))"
for i in $(seq 2 "$REPEAT"); do
  say "repeat $i/$REPEAT: newsgraph open, networkx $BEST load (cold processes)"
  "$BIN" open --db "$WORK/store.sqlite" --queries "$WORK/queries.json" --runs 0 > "$WORK/ours-open-$i.json"
  "$PY" "$HERE/nx_bench.py" load --format "$BEST" --dir "$WORK/nx" --no-queries > "$WORK/nx-reload-$BEST-$i.json"
done
say "newsgraph: open without the graph cache, and where that time goes (informational)"
"$BIN" open --db "$WORK/store.sqlite" --queries "$WORK/queries.json" --runs 0 --cache off > "$WORK/ours-nocache.json"
"$BIN" phases --db "$WORK/store.sqlite" > "$WORK/phases.json"

# --- report --------------------------------------------------------------------------------------
"$PY" - "$WORK/machine.json" "$LOAD_BEFORE" "$(loadavg)" "$COMMIT" <<'EOF'
import json, os, platform, subprocess, sys, datetime
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
swift = swift.split("version")[1].split()[0] if "version" in swift else swift
json.dump({"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "machine": f"{platform.system()} {platform.machine()}, {cpu}",
           "nproc": os.cpu_count(), "mem": f"{int(mem) / 1048576:.0f} GiB RAM", "load_before": sys.argv[2],
           "load_after": sys.argv[3], "commit": sys.argv[4], "swift": swift}, open(sys.argv[1], "w"))
EOF
CMD="Benchmarks/scale/run.sh --facts $FACTS"
MD_ARGS=()
if [ -n "$OUT" ]; then MD_ARGS=(--md "$OUT"); fi
echo
"$PY" "$HERE/summarise.py" --work "$WORK" --command "$CMD" "${MD_ARGS[@]}"
