#!/usr/bin/env bash
# Fault injection on this machine: kill -9 during ingest, concurrent writers creating and filling one store,
# a full disk, a read-only mount, damaged graph caches. Prints what was tried and the counts; exit 1 when
# anything was lost, half-written or crashed. See docs/reliability.md.
#
#   scripts/faults.sh                 # defaults: 30 kills, 10 rounds of 4 writers, 20 cache flips
#   KILLS=60 ROUNDS=20 scripts/faults.sh
#   NEWSGRAPH=.build/release/newsgraph scripts/faults.sh
#
# The disk-full and read-only checks need root (a small tmpfs is mounted and unmounted); without it they are
# skipped with a message. Uses only the repository's Examples/articles (no third-party text).
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
NG=${NEWSGRAPH:-$ROOT/.build/debug/newsgraph}
KILLS=${KILLS:-30}
ROUNDS=${ROUNDS:-10}
WRITERS=${WRITERS:-4}
FLIPS=${FLIPS:-20}
ARTICLES=${ARTICLES:-240}
if [ ! -x "$NG" ]; then
    echo "building newsgraph (debug)…"
    swift build --product newsgraph >/dev/null || { echo "faults.sh: build failed"; exit 1; }
fi
command -v python3 >/dev/null || { echo "faults.sh: needs python3 (for the corpus and the SQLite checks)"; exit 1; }
WORK=$(mktemp -d /tmp/newsgraph-faults.XXXXXX)
MOUNT=""
cleanup() {
    if [ -n "$MOUNT" ]; then umount "$MOUNT" 2>/dev/null; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
problems=0
fail() { echo "  PROBLEM: $*"; problems=$((problems + 1)); }

# A corpus: the example articles, each repeated with distinct ids and a distinct closing sentence.
python3 - "$ROOT/Examples/articles" "$WORK/corpus.jsonl" "$ARTICLES" <<'PY'
import json, os, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src)) if f.endswith(".txt")]
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"fault-{i:05d}", "text": texts[i % len(texts)] + f"\nReport number {i}.\n"}) + "\n")
PY

# What a store holds per article: entity, event, triple and causal rows, and sentences.
cat > "$WORK/counts.py" <<'PY'
import sqlite3, sys, json
rows = {}
try:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=30)
    ok = db.execute("PRAGMA integrity_check").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "article" in tables:
        for key, aid in db.execute("SELECT key, id FROM article"):
            rows[key] = [db.execute(f"SELECT COUNT(*) FROM {t} WHERE article_id = ?", (aid,)).fetchone()[0]
                         for t in ("entity", "event", "triple", "causal", "sentence")]
except sqlite3.Error as e:
    ok = f"error: {e}"
    print(f"  counts.py: {sys.argv[1]}: {e}", file=sys.stderr)
print(json.dumps({"integrity": ok, "articles": rows}))
PY
counts() { python3 "$WORK/counts.py" "$1"; }

echo "newsgraph fault injection: $NG"
echo "corpus: $ARTICLES generated JSON Lines articles from Examples/articles"

# Reference: the whole corpus ingested once, undisturbed.
t0=$(date +%s%N)
"$NG" ingest "$WORK/corpus.jsonl" --db "$WORK/ref.sqlite" -q --no-cache-refresh >/dev/null || { echo "reference ingest failed"; exit 1; }
# Kills land anywhere in a run: a random moment within the time an undisturbed ingest takes.
ingest_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "reference ingest: $ingest_ms ms"
counts "$WORK/ref.sqlite" > "$WORK/ref.json"

# 1. kill -9 during ingest, again and again into one store; after each kill every stored article must be whole
#    (same rows as in the reference) and no article committed before may be missing.
echo
echo "1. kill -9 during ingest ($KILLS kills)"
killed=0; survived=0; half=0; lost=0; last=0; early=0
for k in $(seq 1 "$KILLS"); do
    "$NG" ingest "$WORK/corpus.jsonl" --db "$WORK/kill.sqlite" -q --batch-size 4 >/dev/null 2>&1 &
    pid=$!
    ms=$(( (RANDOM * 32768 + RANDOM) % (ingest_ms + 1) ))
    sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null
    [ -f "$WORK/kill.sqlite" ] || { early=$((early + 1)); continue; }
    counts "$WORK/kill.sqlite" > "$WORK/kill.json"
    read -r n bad intact < <(python3 - "$WORK/ref.json" "$WORK/kill.json" <<'PY'
import json, sys
ref = json.load(open(sys.argv[1]))["articles"]; got = json.load(open(sys.argv[2]))
bad = sum(1 for k, v in got["articles"].items() if ref.get(k) != v)
print(len(got["articles"]), bad, 1 if got["integrity"] == "ok" else 0)
PY
)
    if [ "$intact" = 1 ] && [ "$bad" = 0 ]; then survived=$((survived + 1)); fi
    [ "$bad" = 0 ] || { half=$((half + bad)); fail "kill $k: $bad article(s) differ from the reference (half written)"; }
    [ "$intact" = 1 ] || fail "kill $k: integrity_check failed"
    if [ "$n" -lt "$last" ]; then lost=$((lost + last - n)); fail "kill $k: $((last - n)) committed article(s) lost"; fi
    last=$n
done
"$NG" ingest "$WORK/corpus.jsonl" --db "$WORK/kill.sqlite" -q >/dev/null 2>"$WORK/final.err" || fail "the ingest after the kills failed: $(head -2 "$WORK/final.err")"
counts "$WORK/kill.sqlite" > "$WORK/kill.json"
cmp -s <(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["articles"], sort_keys=True))' "$WORK/ref.json") \
       <(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["articles"], sort_keys=True))' "$WORK/kill.json") \
    || fail "after the kills and a final ingest the store differs from the reference"
echo "   kills: $killed ($early before the first commit), stores intact after a kill: $survived, articles stored at the last kill: $last, half articles: $half, committed articles lost: $lost"

# 2. Concurrent writers: WRITERS processes create one new store at the same moment and fill it with
#    different slices of the corpus.
echo
echo "2. concurrent writers ($ROUNDS rounds of $WRITERS processes creating and filling one new store)"
split -n "l/$WRITERS" -d --additional-suffix=.jsonl "$WORK/corpus.jsonl" "$WORK/slice-"
writer_failures=0; rounds_ok=0
for r in $(seq 1 "$ROUNDS"); do
    db="$WORK/conc-$r.sqlite"
    pids=()
    for s in "$WORK"/slice-*.jsonl; do
        "$NG" ingest "$s" --db "$db" -q --batch-size 8 >/dev/null 2>"$WORK/conc-err-$r-$(basename "$s")" &
        pids+=($!)
    done
    round_ok=1
    for p in "${pids[@]}"; do wait "$p" || { writer_failures=$((writer_failures + 1)); round_ok=0; }; done
    n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["articles"]))' <(counts "$db"))
    [ "$n" = "$ARTICLES" ] || { round_ok=0; fail "round $r: $n of $ARTICLES articles stored"; }
    if [ "$round_ok" = 1 ]; then rounds_ok=$((rounds_ok + 1)); else cat "$WORK"/conc-err-$r-* | sed 's/^/     /' | head -3; fi
done
echo "   writers: $((ROUNDS * WRITERS)), failed: $writer_failures, rounds with every article stored: $rounds_ok of $ROUNDS"

# 3. Damaged graph cache: flip one byte, the answer must be the same as from an undamaged store.
echo
echo "3. damaged graph cache ($FLIPS single-byte flips)"
"$NG" ingest "$WORK/corpus.jsonl" --db "$WORK/cache.sqlite" -q >/dev/null 2>&1
expected=$("$NG" export --format annotation --db "$WORK/cache.sqlite" 2>/dev/null | md5sum)
expected_dot=$("$NG" export --format graphml --db "$WORK/cache.sqlite" 2>/dev/null | md5sum)
cp "$WORK/cache.sqlite.graphcache" "$WORK/good.graphcache"
same=0; noted=0; crashed=0
for f in $(seq 1 "$FLIPS"); do
    python3 - "$WORK/good.graphcache" "$WORK/cache.sqlite.graphcache" "$f" <<'PY'
import random, sys
b = bytearray(open(sys.argv[1], "rb").read()); rnd = random.Random(int(sys.argv[3]))
i = rnd.randrange(len(b)); b[i] ^= rnd.randrange(1, 256)
open(sys.argv[2], "wb").write(b)
PY
    got=$("$NG" export --format graphml --db "$WORK/cache.sqlite" 2>"$WORK/flip.err" | md5sum); status=${PIPESTATUS[0]}
    [ "$status" -ge 128 ] && { crashed=$((crashed + 1)); fail "flip $f: crashed (status $status)"; }
    [ "$got" = "$expected_dot" ] && same=$((same + 1)) || fail "flip $f: a different answer"
    grep -q "damaged" "$WORK/flip.err" && noted=$((noted + 1))
done
echo "   flips: $FLIPS, same answer: $same, damage noted: $noted (the others hit the header: a stale cache, rebuilt silently), crashes: $crashed"

# 4 and 5 need a small file system of their own.
if [ "$(id -u)" != 0 ] || ! mkdir -p "$WORK/mnt" || ! mount -t tmpfs -o size=1m tmpfs "$WORK/mnt" 2>/dev/null; then
    echo
    echo "4. disk full and 5. read-only mount: skipped (needs root to mount a small tmpfs)"
else
    MOUNT="$WORK/mnt"
    echo
    echo "4. disk full (a 1 MB tmpfs)"
    "$NG" ingest "$WORK/corpus.jsonl" --db "$MOUNT/full.sqlite" -q --batch-size 8 --no-cache-refresh >"$WORK/full.out" 2>"$WORK/full.err"
    status=$?
    sed 's/^/   stderr: /' "$WORK/full.err" | head -3
    stored=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["articles"]), d["integrity"])' <(counts "$MOUNT/full.sqlite"))
    said=$(grep -o '^newsgraph: [0-9]* article' "$WORK/full.err" | grep -o '[0-9]*' | head -1)
    echo "   exit status $status; articles in the store: ${stored% *} (integrity ${stored#* }); the message says: ${said:-nothing} committed"
    [ "$status" = 1 ] || fail "disk full: exit status $status, expected 1"
    [ "${said:-0}" = "${stored% *}" ] || fail "disk full: the message says ${said:-0} articles were committed, the store holds ${stored% *}"
    grep -q "full" "$WORK/full.err" || fail "disk full: the message does not say the disk is full"
    umount "$MOUNT"

    echo
    echo "5. read-only mount"
    mount -t tmpfs -o size=64m tmpfs "$MOUNT"
    cp "$WORK/cache.sqlite" "$MOUNT/ro.sqlite"
    mount -o remount,ro "$MOUNT"
    ro_ok=0
    for cmd in "stats" "stats --no-graph" "query events" "export --format graphml" "timeline Pakistan"; do
        # shellcheck disable=SC2086
        if "$NG" $cmd --db "$MOUNT/ro.sqlite" >/dev/null 2>"$WORK/ro.err"; then ro_ok=$((ro_ok + 1)); else fail "read-only: '$cmd' failed: $(head -1 "$WORK/ro.err")"; fi
    done
    echo "   reading commands that worked on the read-only mount: $ro_ok of 5"
    umount "$MOUNT"; MOUNT=""
fi

echo
if [ "$problems" = 0 ]; then echo "faults.sh: nothing lost, nothing half-written, nothing crashed"; else echo "faults.sh: $problems problem(s)"; exit 1; fi
