#!/usr/bin/env bash
# Hostile-input check for the extractor (a script, not a unit test). See docs/benchmarks-extraction.md.
#
#   Benchmarks/extraction/hostile.sh [--timeout SECONDS] [--big-mb 20] [--no-cli] [--isolate] [--bin EXTRACTION-BENCH] [--keep]
#
# Makes, in a temp dir: a --big-mb MB file with no newline at all (every article is parsed now, so
# 200 MB takes about ten times as long as 20); 10 MB of NUL bytes; 10 MB of text with invalid UTF-8
# sprinkled in; a 10,000-character capitalised "name" (one word, and a span of capitalised words
# ending in a group head); 4,000 distinct capitalised names in one article (in-article coreference
# compares names pairwise); a 10,000-token "sentence" with no sentence end, and 10,000 repeats of one
# word. Each is fed, under `timeout` and /usr/bin/time -v, to
#   * the release `newsgraph extract FILE --format annotation` (the CLI validates input first, so NUL
#     bytes and invalid UTF-8 should get a one-line error and exit 1), and `newsgraph parse FILE`,
#     unless --no-cli or the CLI does not build; and
#   * the library directly (`extraction-bench hostile FILE`: raw bytes into Extractor.extract, no
#     validation), so the extractor itself sees every input.
# It prints one line per run: exit status (OK, error exit, TIMEOUT, CRASH), seconds, peak RSS.
# The script exits 1 if any run crashed or timed out.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
TIMEOUT=900 BIG_MB=20 CLI=1 ISOLATE=0 KEEP=0 LIB=""
while [ $# -gt 0 ]; do
  case "$1" in
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --big-mb) BIG_MB="$2"; shift 2 ;;
    --no-cli) CLI=0; shift ;;
    --isolate) ISOLATE=1; shift ;;
    --keep) KEEP=1; shift ;;
    --bin) LIB="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "hostile.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-hostile.XXXXXX")"
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# --- binaries ------------------------------------------------------------------------------------
. "$HERE/lib.sh"
SCRATCH="$HERE/.build-bench"
if [ -n "$LIB" ]; then
  echo "== using the library benchmark binary $LIB (no build)"
elif [ "$ISOLATE" = 1 ]; then
  SCRATCH="$HERE/.build-bench-iso-hostile"
  prepare_isolated "$REPO" "$HERE/.build-bench-iso-hostile-src" "$SCRATCH"
fi
if [ -z "$LIB" ]; then
  echo "== building the library benchmark (release)"
  clean_project_modules "$SCRATCH"
  (cd "$HERE" && swift build -c release --scratch-path "$SCRATCH" > "$WORK/build.log" 2>&1) || {
    grep -E 'error:' "$WORK/build.log" | head -n 20 >&2
    echo "hostile.sh: the benchmark package does not build (see above; --isolate may help)" >&2; exit 1; }
  LIB="$(cd "$HERE" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/extraction-bench"
fi

NG=""
if [ "$CLI" = 1 ]; then
  echo "== building newsgraph (release, scratch .build-bench)"
  clean_project_modules "$REPO/.build-bench"
  if (cd "$REPO" && swift build -c release --product newsgraph --scratch-path .build-bench > "$WORK/cli-build.log" 2>&1); then
    NG="$(cd "$REPO" && swift build -c release --scratch-path .build-bench --show-bin-path)/newsgraph"
    "$NG" extract --help >/dev/null 2>&1 || { echo "   newsgraph has no working 'extract' command: CLI runs skipped"; NG=""; }
  else
    echo "   the newsgraph CLI does not build at the moment (first error below): CLI runs skipped"
    grep -m1 -E 'error:' "$WORK/cli-build.log" | cut -c1-200 || true
  fi
fi

# --- inputs ----------------------------------------------------------------------------------------
echo "== making inputs in $WORK"
SEED="$REPO/Examples/articles/story-a-zhob-checkpost-wire.txt"
python3 - "$WORK" "$BIG_MB" "$SEED" <<'PY'
import os, random, sys
work, big_mb, seed = sys.argv[1], float(sys.argv[2]), sys.argv[3]
prose = open(seed, encoding="utf-8").read().replace("\n", " ").encode()
random.seed(7)
# 1. one line, no newline anywhere: news prose repeated up to BIG_MB MB
with open(os.path.join(work, "one-line-%gMB.txt" % big_mb), "wb") as f:
    target, n = int(big_mb * 1_000_000), 0
    while n < target:
        chunk = prose[: min(len(prose), target - n)]
        f.write(chunk); n += len(chunk)
# 2. NUL bytes
with open(os.path.join(work, "nul-10MB.bin"), "wb") as f:
    f.write(b"\0" * 10_000_000)
# 3. text with invalid UTF-8: lone continuation bytes, truncated sequences, overlongs, 0xFF
bad = [b"\x80", b"\xbf", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xc0\xaf", b"\xed\xa0\x80", b"\xff", b"\xfe"]
with open(os.path.join(work, "invalid-utf8-10MB.txt"), "wb") as f:
    n = 0
    while n < 10_000_000:
        cut = random.randrange(1, len(prose))
        piece = prose[:cut] + random.choice(bad) + prose[cut:cut + 200] + b"\n\n"
        f.write(piece); n += len(piece)
# 4a. a 10,000-character capitalised single-word "name"
with open(os.path.join(work, "long-name-word.txt"), "wb") as f:
    f.write(b"Militants of the " + b"K" + b"a" * 9_999 + b" attacked a police station in Quetta on Monday, killing four.\n")
# 4b. a 10,000-character span of capitalised words ending with a group head ("... Front")
words, n = [], 0
while n < 10_000 - len(" Front"):
    w = random.choice("BCDFGHKLMNPRSTVZ") + "".join(random.choice("aeiou" if i % 2 else "lmnrst") for i in range(random.randint(3, 9)))
    words.append(w); n += len(w) + 1
name = " ".join(words)[: 10_000 - len(" Front")] .rstrip() + " Front"
with open(os.path.join(work, "long-name-span.txt"), "wb") as f:
    f.write(("The " + name + " claimed responsibility for the attack on the army camp in Kalat, in which seven soldiers were killed.\n\n"
             + "A spokesman of the " + name + " said the attack was in response to the killing of its leader.\n").encode())
# 5. 4,000 distinct capitalised two-word names in one article
with open(os.path.join(work, "many-names.txt"), "wb") as f:
    lines = []
    for i in range(4_000):
        a = random.choice("BCDFGHKLMNPRSTVZ") + "".join(random.choice("aeiou" if j % 2 else "lmnrst") for j in range(6))
        b = random.choice("BCDFGHKLMNPRSTVZ") + "".join(random.choice("aeiou" if j % 2 else "lmnrst") for j in range(7))
        lines.append(f"{a} {b} said gunmen attacked a checkpoint near the {b} Brigade camp.")
    f.write((" date 2025-01-02 Quetta, Jan 2 " + " ".join(lines) + "\n").encode())
# 6a. a 10,000-token "sentence": clauses joined by commas and "and", never ended
clauses = ["gunmen attacked a checkpoint near the camp", "the army said troops returned fire",
           "residents fled the market in Zhob", "two officers were wounded in the exchange"]
with open(os.path.join(work, "long-sentence-10k-tokens.txt"), "wb") as f:
    out, n = [], 0
    while n < 10_000:
        c = random.choice(clauses); out.append(c); n += len(c.split()) + 1
    f.write((", and ".join(out)).encode())
# 6b. one word 10,000 times
with open(os.path.join(work, "one-word-10k-times.txt"), "wb") as f:
    f.write(" ".join(["attack"] * 10_000).encode())
PY
ls -l "$WORK" | awk 'NR > 1 && $NF !~ /log$/ {printf "   %12d  %s\n", $5, $NF}'

# --- runs ------------------------------------------------------------------------------------------
FAILED=0
measure() { # LABEL FILE CMD…
  local label="$1" file="$2"; shift 2
  local tv="$WORK/time.txt" err="$WORK/stderr.txt" rc=0
  /usr/bin/time -v -o "$tv" timeout --kill-after=10 "$TIMEOUT" "$@" > "$WORK/stdout.txt" 2> "$err" || rc=$?
  local secs rss status
  secs="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tv")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$tv")"
  case "$rc" in
    0) status="OK" ;;
    124|137) status="TIMEOUT after ${TIMEOUT}s"; FAILED=1 ;;
    1|2|64|65|66) status="error exit $rc: $(head -c 160 "$err" | head -n1)" ;;
    *) status="CRASH (exit $rc): $(tail -n 3 "$err" | head -c 300)"; FAILED=1 ;;
  esac
  printf '%-8s %-24s %-s  wall %s  peak RSS %s MiB\n' "$label" "$(basename "$file")" "$status" "$secs" "$rss"
  if [ "$label" = library ] && [ "$rc" = 0 ]; then sed 's/^/           /' "$WORK/stdout.txt"; fi
}

echo "== results (timeout ${TIMEOUT}s each)"
for f in "$WORK"/one-line-*.txt "$WORK"/nul-10MB.bin "$WORK"/invalid-utf8-10MB.txt "$WORK"/long-name-word.txt \
         "$WORK"/long-name-span.txt "$WORK"/many-names.txt "$WORK"/long-sentence-10k-tokens.txt "$WORK"/one-word-10k-times.txt; do
  if [ -n "$NG" ]; then
    measure cli "$f" "$NG" extract "$f" --format annotation
    measure parse "$f" "$NG" parse "$f" --format conllu
  fi
  measure library "$f" "$LIB" hostile "$f"
done
if [ "$FAILED" = 1 ]; then echo "hostile.sh: a run crashed or timed out"; exit 1; fi
echo "hostile.sh: no crash, no hang"
