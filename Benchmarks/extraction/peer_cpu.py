#!/usr/bin/env python3
"""Runs the spaCy peer script unchanged and also reports the CPU time of its parse loop.

    peer_cpu.py spacy_baseline.py ARGS...

The peer times its loop with time.perf_counter() (wall clock). On a shared machine wall time
includes waiting for a core, so this wrapper records time.process_time() at the peer's own
perf_counter() calls (those made from the script itself) and prints, after the peer's --bench
lines, the CPU seconds between its loop start and end: `peer-cpu: loop wall W s, loop CPU C s`.
The peer's stdout and its own figures are unchanged.
"""
import os
import runpy
import sys
import time

script = os.path.abspath(sys.argv[1])
_wall = time.perf_counter
marks = []


def perf_counter():
    w = _wall()
    caller = sys._getframe(1).f_code.co_filename
    if os.path.abspath(caller) == script:
        marks.append((w, time.process_time()))
    return w


time.perf_counter = perf_counter
sys.argv = [script] + sys.argv[2:]
try:
    runpy.run_path(script, run_name="__main__")
finally:
    # marks: t0, after load, loop start, (now, prev) per document, loop end
    if len(marks) >= 4:
        (w0, c0), (w1, c1) = marks[2], marks[-1]
        print(f"peer-cpu: loop wall {w1 - w0:.2f} s, loop CPU {c1 - c0:.2f} s", file=sys.stderr)
