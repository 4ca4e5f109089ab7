#!/usr/bin/env python3
"""Turns run.sh's results log into the summary table (Markdown) and the target checks.

Log lines: `RESULT {json}` from extraction-bench run, `TIMEV <label> <max RSS KiB>` from
/usr/bin/time -v, and the spaCy peer's `--bench` lines (`documents: … words/second: N`).
"""
import argparse
import json
import re
import sys

TARGET_WORDS_S = 20_000  # the whole extraction with the dependency parse, one core
TARGET_RATIO = 5.0       # >= 5x the spaCy peer's words/s (the peer parses too)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--mb", type=float)
    ap.add_argument("--small-mb", type=float)
    ap.add_argument("--sample-mb", type=float)
    ap.add_argument("--threads", type=int)
    ap.add_argument("--out")
    a = ap.parse_args()

    results, timev, peer, peer_note, peer_model, peer_cpu = {}, {}, None, None, None, None
    with open(a.log, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("RESULT "):
                r = json.loads(line[7:])
                results[r["label"]] = r
            elif line.startswith("TIMEV "):
                parts = line.split()
                if len(parts) == 3 and parts[2].isdigit():
                    timev[parts[1]] = int(parts[2])
            elif line.startswith("documents:"):
                m = re.search(r"documents: (\d+)\s+words: (\d+)\s+seconds: ([\d.]+)\s+words/second: ([\d,]+)", line)
                if m:
                    peer = {"documents": int(m[1]), "words": int(m[2]), "seconds": float(m[3]),
                            "words_per_s": float(m[4].replace(",", ""))}
            elif line.startswith("peer-cpu:"):
                m = re.search(r"loop CPU ([\d.]+) s", line)
                if m:
                    peer_cpu = float(m[1])
            elif line.startswith("model:"):
                peer_model = line
            elif line.startswith("PEER "):
                peer_note = line[5:]

    by_prefix = results  # labels: ours-1t-small, ours-1t, ours-nt, ours-sample (run.sh)

    out = []
    p = out.append
    p("| run | threads | articles | MB | words | wall s | CPU s | MB/s | MB per CPU-s | articles/s | words/s | words per CPU-s | p99 ms/article | peak RSS MiB |")
    p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key in ("ours-1t-small", "ours-1t", "ours-1t-hash", "ours-1t-rules", "ours-nt", "ours-sample"):
        r = by_prefix.get(key)
        if not r:
            continue
        rss = timev.get(key, r["max_rss_kib"]) / 1024
        mb = r["bytes"] / 1e6
        name = {"ours-1t-small": f"newsgraph, first {a.small_mb:g} MB", "ours-1t": f"newsgraph, {a.mb:g} MB",
                "ours-1t-hash": f"newsgraph, first {a.small_mb:g} MB, with content hash (as ingest)",
                "ours-1t-rules": f"newsgraph rules only (no parse), first {a.small_mb:g} MB",
                "ours-nt": f"newsgraph, {a.mb:g} MB", "ours-sample": f"newsgraph, peer sample"}[key]
        p(f"| {name} | {r['threads']} | {r['articles']:,} | {mb:.1f}{' x' + str(r['repeat']) if r['repeat'] > 1 else ''} | "
          f"{r['words']:,} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | {r['mb_per_s']:.2f} | {r['mb_per_cpu_s']:.2f} | "
          f"{r['articles_per_s']:,.0f} | {r['words_per_s']:,.0f} | {r['words'] / r['cpu_s']:,.0f} | {r['p99_ms']:.1f} | {rss:.1f} |")
    if peer:
        rss = timev.get("peer")
        cpu = f"{peer_cpu:.2f}" if peer_cpu else ""
        wpc = f"{peer['words'] / peer_cpu:,.0f}" if peer_cpu else ""
        p(f"| spaCy peer (--bench) | 1 | {peer['documents']:,} | {a.sample_mb:g} | {peer['words']:,} | {peer['seconds']:.2f} | {cpu} | "
          f" | | {peer['documents'] / peer['seconds']:,.1f} | {peer['words_per_s']:,.0f} | {wpc} | | {rss / 1024 if rss else float('nan'):.1f} |")
    p("")

    one = by_prefix.get("ours-1t")
    small = by_prefix.get("ours-1t-small")
    multi = by_prefix.get("ours-nt")
    sample = by_prefix.get("ours-sample")
    checks = []
    if one:
        ok = one["words_per_s"] >= TARGET_WORDS_S
        okc = one["words"] / one["cpu_s"] >= TARGET_WORDS_S
        checks.append(f"- speed with the parse, one core: {one['words_per_s']:,.0f} words/s wall, {one['words'] / one['cpu_s']:,.0f} "
                      f"words per CPU-second ({one['mb_per_s']:.2f} MB/s); target >= {TARGET_WORDS_S:,} words/s: "
                      f"{'MET' if ok else 'NOT MET'} (wall), {'MET' if okc else 'NOT MET'} (CPU)")
    rules = by_prefix.get("ours-1t-rules")
    if rules:
        checks.append(f"- the rules alone (no parse): {rules['words_per_s']:,.0f} words/s, {rules['mb_per_s']:.2f} MB/s wall")
    hashed = by_prefix.get("ours-1t-hash")
    if hashed:
        checks.append(f"- with the content hash (SHA-256, as ingest): {hashed['mb_per_s']:.2f} MB/s wall, "
                      f"{hashed['mb_per_cpu_s']:.2f} MB per CPU-second (newsgraph extract, the rows above, does not hash)")
    if multi and one:
        checks.append(f"- {multi['threads']} threads: {multi['mb_per_s']:.2f} MB/s, x{multi['mb_per_s'] / one['mb_per_s']:.2f} of one thread")
    if small and one:
        rs = timev.get("ours-1t-small", small["max_rss_kib"]) / 1024
        rl = timev.get("ours-1t", one["max_rss_kib"]) / 1024
        checks.append(f"- memory: peak RSS {rs:.1f} MiB at {small['bytes'] / 1e6:.3g} MB, {rl:.1f} MiB at {one['bytes'] / 1e6:.3g} MB "
                      f"({'flat' if rl <= rs * 1.15 + 2 else 'GROWS'}: {rl - rs:+.1f} MiB for {one['bytes'] / small['bytes']:.1f}x the text)")
    if peer:
        if peer_model:
            checks.append(f"- peer: {peer_model}")
        if one:
            ratio = one["words_per_s"] / peer["words_per_s"]
            checks.append(f"- words/s: ours {one['words_per_s']:,.0f} (one core, whole corpus) vs spaCy {peer['words_per_s']:,.0f} "
                          f"(one core, {a.sample_mb:g} MB sample): ratio {ratio:,.1f}x; target >= {TARGET_RATIO:g}x: "
                          f"{'MET' if ratio >= TARGET_RATIO else 'NOT MET'}")
        if peer_cpu and one:
            ours_c = one["words"] / one["cpu_s"]
            peer_c = peer["words"] / peer_cpu
            checks.append(f"- per CPU-second (not counting time spent waiting for a core): ours {ours_c:,.0f} words vs spaCy "
                          f"{peer_c:,.0f}: ratio {ours_c / peer_c:,.1f}x; target >= {TARGET_RATIO:g}x: "
                          f"{'MET' if ours_c / peer_c >= TARGET_RATIO else 'NOT MET'}")
        if sample:
            checks.append(f"- same text: ours {sample['words_per_s']:,.0f} words/s on the identical sample vs spaCy "
                          f"{peer['words_per_s']:,.0f}: ratio {sample['words_per_s'] / peer['words_per_s']:,.1f}x")
    else:
        checks.append(f"- spaCy peer: not run ({peer_note or 'no --bench output'})")
    out += checks
    text = "\n".join(out)
    print(text)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    sys.exit(main())
