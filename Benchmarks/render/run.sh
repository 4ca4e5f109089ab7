#!/usr/bin/env bash
# The render benchmark, in one command. See docs/figures.md ("Benchmark").
#
#   Benchmarks/render/run.sh [--nodes 200] [--edges 400] [--iterations 30] [--memory-renders 1000]
#                            [--memory-nodes 50] [--memory-edges 100]
#                            [--format svg] [--engine dot] [--dot /usr/bin/dot]
#
# Builds the benchmark package (release) against this checkout, then in one run: renders the same
# generated DOT in-process (NewsGraphRender, one GVC behind one lock) and with the `dot` program
# (a process per render, DOT on stdin), and reports medians and their ratio; then renders it N more
# times in the process and reports the resident memory growth.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
swift build -c release --package-path "$HERE" --scratch-path "$HERE/.build-bench" >&2
exec "$HERE/.build-bench/release/render-bench" "$@"
