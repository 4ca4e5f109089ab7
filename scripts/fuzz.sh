#!/usr/bin/env bash
# Fuzzing with libFuzzer, bounded in time: the query parser and evaluator, the annotation JSON and GraphML
# readers, the JSON Lines article reader and the graph cache loader (Benchmarks/fuzz, one executable each,
# built with `-sanitize=fuzzer`). Prints per target the runs, the seconds, the inputs found and the crashes;
# exit 1 when anything crashed (the inputs are kept and their paths printed). See docs/reliability.md.
#
#   scripts/fuzz.sh                       # every target, 60 s each
#   scripts/fuzz.sh --seconds 300 query cache
#   scripts/fuzz.sh --merge               # afterwards, fold the new coverage into the committed corpora
#   scripts/fuzz.sh cache-forged          # the cache decoder behind a recomputed checksum (not in the default set)
#
# The seed corpora are committed under Benchmarks/fuzz/corpus/<target>/ (small invented inputs); what a run
# finds goes to a scratch directory and is dropped unless --merge is given. When the toolchain cannot build
# with the fuzzer sanitizer, the seeded property tests of the normal suite are run instead (and said so).
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_EACH=60
MERGE=0
TARGETS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) SECONDS_EACH=${2:?--seconds needs a number}; shift 2 ;;
        --merge) MERGE=1; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        query|annotation|graphml|articles|cache|cache-forged) TARGETS+=("$1"); shift ;;
        *) echo "fuzz.sh: unknown argument '$1' (targets: query annotation graphml articles cache cache-forged)"; exit 2 ;;
    esac
done
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(query annotation graphml articles cache)
case "$SECONDS_EACH" in ''|*[!0-9]*) echo "fuzz.sh: --seconds takes a whole number"; exit 2 ;; esac

PKG="$ROOT/Benchmarks/fuzz"
echo "building the fuzz targets (debug, -sanitize=fuzzer)…"
if ! (cd "$PKG" && swift build -Xswiftc -sanitize=fuzzer -Xlinker --allow-multiple-definition >"$PKG/.build-log.txt" 2>&1); then
    grep -m5 -E 'error' "$PKG/.build-log.txt"
    # Only a toolchain without libFuzzer falls back; a compile error in the code is a failure.
    if grep -q -i -E 'sanitize|fuzzer|LLVMFuzzer' "$PKG/.build-log.txt"; then
        echo "fuzz.sh: this toolchain does not build with -sanitize=fuzzer; running the seeded property tests instead"
        swift test --filter "ReaderFuzzTests|ParserRobustnessTests|ReliabilityTests|BoundedResolveTests"
        exit $?
    fi
    echo "fuzz.sh: the fuzz package does not build (see $PKG/.build-log.txt)"
    exit 1
fi
BIN=$(cd "$PKG" && swift build -Xswiftc -sanitize=fuzzer -Xlinker --allow-multiple-definition --show-bin-path)

WORK=$(mktemp -d /tmp/newsgraph-fuzz.XXXXXX)
ART="$ROOT/Benchmarks/fuzz/crashes"
trap 'rm -rf "$WORK"' EXIT
total_crashes=0
printf '\n%-11s %8s %10s %8s %9s %8s\n' target seconds runs runs/s "new cases" crashes
for t in "${TARGETS[@]}"; do
    bin=$t; forge=0
    if [ "$t" = cache-forged ]; then bin=cache; forge=1; fi
    seeds="$PKG/corpus/$bin"
    found="$WORK/found-$t"
    mkdir -p "$found" "$WORK/scratch-$t"
    runs=0; crashes=0; start=$(date +%s); left=$SECONDS_EACH; log="$WORK/$t.log"
    # libFuzzer stops at the first crash: start it again (with the time left) so that one crash does not end
    # the run, at most 20 times.
    for attempt in $(seq 1 20); do
        [ "$left" -le 0 ] && break
        mkdir -p "$ART"
        SWIFT_BACKTRACE=enable=no FUZZ_CACHE_FORGE=$forge FUZZ_SCRATCH="$WORK/scratch-$t" "$BIN/fuzz-$bin" "$found" "$seeds" \
            -max_total_time="$left" -timeout=20 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
            -artifact_prefix="$ART/$t-" >"$log" 2>&1
        status=$?
        n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        runs=$((runs + ${n:-0}))
        if [ $status -ne 0 ]; then
            crashes=$((crashes + 1))
            echo "  $t: crash (exit $status): $(grep -m1 -E 'Fatal error|ERROR: libFuzzer|SUMMARY' "$log" | cut -c1-200)"
            grep -h 'Test unit written to' "$log" | sed 's/^/    /'
        fi
        [ $status -eq 0 ] && break
        left=$((SECONDS_EACH - ($(date +%s) - start)))
    done
    elapsed=$(($(date +%s) - start))
    new=$(find "$found" -type f | wc -l)
    printf '%-11s %8d %10d %8d %9d %8d\n' "$t" "$elapsed" "$runs" $((runs / (elapsed > 0 ? elapsed : 1))) "$new" "$crashes"
    total_crashes=$((total_crashes + crashes))
    if [ $MERGE -eq 1 ] && [ "$new" -gt 0 ]; then
        SWIFT_BACKTRACE=enable=no FUZZ_CACHE_FORGE=$forge FUZZ_SCRATCH="$WORK/scratch-$t" "$BIN/fuzz-$bin" -merge=1 -max_len=65536 "$seeds" "$found" >/dev/null 2>&1 \
            && echo "  merged into $seeds: $(find "$seeds" -type f | wc -l) inputs"
    fi
done
echo
if [ $total_crashes -gt 0 ]; then
    echo "fuzz.sh: $total_crashes crash(es); the inputs are in $ART (replay: $BIN/fuzz-<target> <file>)"
    exit 1
fi
rmdir "$ART" 2>/dev/null
echo "fuzz.sh: no crashes"
