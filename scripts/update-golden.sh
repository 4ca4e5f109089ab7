#!/usr/bin/env bash
# Regenerates the golden extraction output: the annotation JSON of every example article
# (Examples/articles/*.txt), as `newsgraph extract --format annotation <file>` prints it, into
# Tests/Golden/examples/<id>.json. GoldenOutputTests compares the extractor with these files.
#
#   scripts/update-golden.sh                         # builds newsgraph (debug, scratch .build) and writes the files
#   scripts/update-golden.sh --scratch-path .build-me
#   scripts/update-golden.sh --bin path/to/newsgraph # an already built binary
#
# Extraction changed on purpose → run this, review `git diff Tests/Golden`, commit the files with the change.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=.build
BIN=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scratch-path) SCRATCH="$2"; shift 2 ;;
    --bin) BIN="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "update-golden.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$BIN" ]; then
  swift build --scratch-path "$SCRATCH" --product newsgraph >&2
  BIN="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/newsgraph"
fi
OUT=Tests/Golden/examples
mkdir -p "$OUT"
rm -f "$OUT"/*.json
n=0
for f in Examples/articles/*.txt; do
  id="$(basename "$f" .txt)"
  "$BIN" extract --format annotation "$f" > "$OUT/$id.json"
  n=$((n + 1))
done
echo "wrote $n golden files to $OUT; review them with: git diff --stat $OUT && git diff $OUT" >&2
