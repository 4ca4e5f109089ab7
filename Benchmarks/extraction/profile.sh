#!/usr/bin/env bash
# Where the extractor spends its instructions: callgrind over a small corpus, counting only inside
# Extractor.extract (lexicon loading and the benchmark's own reading are not counted).
# Instruction counts do not depend on what else the machine is doing, so this is the number to
# compare between two versions of the extractor on a busy machine.
#
#   Benchmarks/extraction/profile.sh [--mb 0.3] [--isolate] [--top 40]
#
# Prints instructions per byte and per article, the top functions by inclusive cost, and the top
# source lines of Sources/ (file:line). Keeps callgrind.out in the printed directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SHARED="${NEWSGRAPH_SHARED:-$REPO/../shared}"
MB=0.3 ISOLATE=0 TOP=40
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) MB="$2"; shift 2 ;;
    --isolate) ISOLATE=1; shift ;;
    --top) TOP="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "profile.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v valgrind >/dev/null || { echo "profile.sh: needs valgrind (apt-get install valgrind)" >&2; exit 1; }

. "$HERE/lib.sh"
SCRATCH="$HERE/.build-bench-prof"
if [ "$ISOLATE" = 1 ]; then
  SCRATCH="$HERE/.build-bench-prof-iso"
  prepare_isolated "$REPO" "$HERE/.build-bench-prof-iso-src" "$SCRATCH"
fi
echo "== building (release with debug info, scratch $SCRATCH)"
clean_project_modules "$SCRATCH"
(cd "$HERE" && swift build -c release -Xswiftc -g --scratch-path "$SCRATCH" > /tmp/newsgraph-profile-build.log 2>&1) || {
  grep -E 'error:' /tmp/newsgraph-profile-build.log | head -n 20 >&2; exit 1; }
BIN="$(cd "$HERE" && swift build -c release -Xswiftc -g --scratch-path "$SCRATCH" --show-bin-path)/extraction-bench"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-profile.XXXXXX")"
SOURCES=("$REPO/Examples/articles")
[ -d "$SHARED/corpus/dev" ] && SOURCES+=("$SHARED/corpus/dev")
[ -d "$SHARED/corpus/seed" ] && SOURCES+=("$SHARED/corpus/seed")
"$BIN" generate --out "$WORK/corpus" --mb "$MB" --seed 7 "${SOURCES[@]}"
BYTES="$(awk -F'\t' '{b += $2} END {print b}' "$WORK/corpus/index.tsv")"
ARTICLES="$(wc -l < "$WORK/corpus/index.tsv")"

echo "== callgrind (about a minute per 0.3 MB)"
(cd "$WORK" && valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" \
  --toggle-collect='*9ExtractorV7extract*' "$BIN" run --corpus "$WORK/corpus" --threads 1 --label profile > "$WORK/run.log" 2> "$WORK/valgrind.log")
grep -E '^\[profile\] ' "$WORK/run.log" | head -n 1 || true
IR="$(callgrind_annotate "$WORK/callgrind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ && !ir {gsub(",", "", $1); ir = $1} END {print ir}')"
awk -v ir="$IR" -v b="$BYTES" -v a="$ARTICLES" 'BEGIN {
  printf "== inside Extractor.extract: %.0f M instructions for %d bytes, %d articles: %.0f instructions/byte, %.1f M/article\n", ir / 1e6, b, a, ir / b, ir / a / 1e6 }'

echo "== top functions, inclusive (share of the instructions inside extract)"
callgrind_annotate --inclusive=yes "$WORK/callgrind.out" 2>/dev/null \
  | awk '/^-+$/ {s++} s >= 4 && /^ *[0-9,]+ \(/' \
  | grep -Ev 'extraction-bench/Bench\.swift|\(below main\)|ld-linux|libc-start|libc_start' \
  | sed -E "s#/[^ ]*/Sources/#Sources/#; s# \[[^]]*\]$##" \
  | head -n "$TOP" | cut -c1-200

echo "== top source lines of the extractor, inclusive"
# debug info names some files relative to the package (Sources/…) and some absolute: give both
PKG="${NEWSGRAPH_PATH:-$REPO}"
mapfile -t FILES < <(cd "$PKG" && find Sources/NewsGraphExtraction Sources/NewsGraphCore -name '*.swift')
(cd "$PKG" && callgrind_annotate --inclusive=yes --threshold=100 --auto=no "$WORK/callgrind.out" "${FILES[@]}" "${FILES[@]/#/$PKG/}" \
  2>/dev/null > "$WORK/annotated.txt")
python3 - "$WORK/annotated.txt" "$IR" "$TOP" <<'PY'
import re, sys
path, total, top = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cost, src, f, ln = {}, {}, None, None
for raw in open(path, encoding="utf-8", errors="replace"):
    line = raw.rstrip("\n")
    m = re.match(r"-- (User|Auto)-annotated source: (.*)", line)
    if m:
        f, ln = "Sources/" + re.split(r"(?:^|/)Sources/", m.group(2))[-1], 1
        continue
    m = re.match(r"-- line (\d+) -+", line)
    if m:
        ln = int(m.group(1)); continue
    if f is None:
        continue
    m = re.match(r"\s*([\d,]+|\.)\s+(\([ \d.]+%\))?\s{1,2}(=>.*|.*)$", line)
    if not m or line.startswith("Ir") :
        continue
    c = 0 if m.group(1) == "." else int(m.group(1).replace(",", ""))
    rest = m.group(3)
    if rest.startswith("=>"):
        key = (f, ln - 1)
    else:
        key = (f, ln); src[key] = rest.strip(); ln += 1
    cost[key] = cost.get(key, 0) + c
# a line's inclusive cost includes the lines it calls; list the costly ones
for (fi, l), c in sorted(cost.items(), key=lambda kv: -kv[1])[:top]:
    print(f"{100 * c / total:5.1f}%  {fi}:{l}  {src.get((fi, l), '')[:110]}")
PY
echo "(kept $WORK; callgrind_annotate $WORK/callgrind.out for more)"
