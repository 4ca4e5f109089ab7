#!/usr/bin/env python3
"""The networkx side of the scale benchmark (issue 4). See docs/benchmarks-scale.md; run.sh drives it.

  nx_bench.py build --data DIR --out DIR [--formats pickle,nodelink,graphml]
      Builds the MultiDiGraph equivalent to newsgraph's KnowledgeGraph from the same annotation JSON Lines
      and writes it in each format; picks the query targets (the biggest hub, the chain start from
      meta.json, two entities far apart) into OUT/queries.json.
  nx_bench.py load --format pickle|pickle-nogc|nodelink|graphml --dir DIR [--runs 20]
      A cold process: loads the graph (timed), runs the three queries (first run and median of --runs),
      prints a JSON object with times, sizes and peak RSS.

The graph: one node per distinct entity (key: its name) and per distinct event (key: its event id), with
the attributes newsgraph keeps (type, aliases, confidence, date, place, trigger, factuality, each
source's casualty figures, the supporting articles and the mention spans); one edge per distinct
(source, relation, target) with its supporting articles, keyed by relation: event -> agent/target/place
roles, entity -> entity triples (group -> event for claimed_responsibility), event -> event causal links.
Entities are identified by name and events by id, which is exactly the identity the generator used, so
networkx does no resolution work (newsgraph's open does: it resolves every record again at load).
Strings are interned, so each name and article id is stored once (this helps networkx's memory and pickle).
"""
import argparse
import gc
import json
import os
import pickle
import resource
import statistics
import sys
import time

import networkx as nx


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1048576


# ---------------------------------------------------------------------------------------------------
# build

def build_graph(data_dir):
    meta = json.load(open(os.path.join(data_dir, "meta.json")))
    canon = {}

    def c(s):
        return canon.setdefault(s, s)

    G = nx.MultiDiGraph()
    articles = {}
    G.graph["articles"] = articles
    nodes = G._node  # attribute dicts (read through the public G.nodes[...] view below when slow is fine)

    def add_edge(u, v, key, aid):
        if G.has_edge(u, v, key):
            G[u][v][key]["articles"].append(aid)
        else:
            G.add_edge(u, v, key=key, articles=[aid])

    for name in meta["files"]:
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                aid = c(a["id"])
                articles[aid] = (a.get("date"), c(a.get("source") or ""))
                for e in a["entities"]:
                    n = c(e["name"])
                    ev = [(aid, m["sentence"], m["start"], m["end"]) for m in e.get("mentions") or []]
                    if n in nodes:
                        d = nodes[n]
                        d["articles"].append(aid)
                        d["evidence"].extend(ev)
                        d["confidence"] = max(d["confidence"], e.get("confidence", 1.0))
                        for al in e.get("aliases") or []:
                            if al not in d["aliases"]:
                                d["aliases"].append(c(al))
                    else:
                        G.add_node(n, kind="entity", type=c(e["type"]), aliases=[c(x) for x in e.get("aliases") or []],
                                   confidence=e.get("confidence", 1.0), articles=[aid], evidence=ev)
                for e in a["events"]:
                    i = c(e["id"])
                    ev = [(aid, m["sentence"], m["start"], m["end"]) for m in e.get("mentions") or []]
                    if i in nodes:
                        d = nodes[i]
                        d["articles"].append(aid)
                        d["evidence"].extend(ev)
                    else:
                        G.add_node(i, kind="event", type=c(e["type"]), trigger=c(e.get("trigger") or ""), date=c(e.get("date")),
                                   place=c(e["place"]) if e.get("place") else None, factuality=c(e.get("factuality") or "asserted"),
                                   confidence=e.get("confidence", 1.0), killed={}, injured={}, articles=[aid], evidence=ev)
                        d = nodes[i]
                    if e.get("killed") is not None:
                        d["killed"][aid] = e["killed"]
                    if e.get("injured") is not None:
                        d["injured"][aid] = e["injured"]
                    for x in e.get("agent") or []:
                        add_edge(i, c(x), "agent", aid)
                    for x in e.get("target") or []:
                        add_edge(i, c(x), "target", aid)
                    if e.get("place"):
                        add_edge(i, c(e["place"]), "place", aid)
                for s, p, o in a["triples"]:
                    add_edge(c(s), c(o), c(p), aid)
                for s, p, o in a["causal"]:
                    add_edge(c(s), c(o), c(p), aid)
    return G, meta


def to_graphml_safe(G):
    """GraphML holds only scalar attributes: lists and dicts become JSON text."""
    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: (json.dumps(v) if isinstance(v, (list, dict, tuple)) else ("" if v is None else v)) for k, v in d.items()})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, articles=json.dumps(d["articles"]))
    return H


def bfs_distances(G, start):
    dist = {start: 0}
    frontier = [start]
    succ, pred = G._succ, G._pred
    while frontier:
        nxt = []
        for u in frontier:
            du = dist[u] + 1
            for v in succ[u]:
                if v not in dist:
                    dist[v] = du
                    nxt.append(v)
            for v in pred[u]:
                if v not in dist:
                    dist[v] = du
                    nxt.append(v)
        frontier = nxt
    return dist


def build(args):
    t0 = time.perf_counter()
    G, meta = build_graph(args.data)
    build_s = time.perf_counter() - t0
    entities = [n for n, d in G.nodes(data=True) if d["kind"] == "entity"]
    events = G.number_of_nodes() - len(entities)
    # query targets
    hub = max(entities, key=lambda n: (G.degree(n), n))
    # far apart: from the first (by name) person seen in one event only, the entity farthest from it
    loners = sorted(n for n in entities if G.nodes[n]["type"] == "person" and G.degree(n) == 1)
    a = loners[0] if loners else min(entities)
    dist = bfs_distances(G, a)
    far = max((d, n) for n, d in dist.items() if G.nodes[n]["kind"] == "entity")
    b = min(n for n, d in dist.items() if d == far[0] and G.nodes[n]["kind"] == "entity")
    queries = {"chain_start": meta["chain_start"], "hub": hub, "path_from": a, "path_to": b, "path_distance": far[0],
               "component_size": len(dist)}
    os.makedirs(args.out, exist_ok=True)
    json.dump(queries, open(os.path.join(args.out, "queries.json"), "w"), indent=1)
    sizes, write_s = {}, {}
    formats = args.formats.split(",")
    for fmt in formats:
        t = time.perf_counter()
        if fmt == "pickle":
            path = os.path.join(args.out, "graph.pickle")
            with open(path, "wb") as f:
                pickle.dump(G, f, protocol=pickle.HIGHEST_PROTOCOL)
        elif fmt == "nodelink":
            path = os.path.join(args.out, "graph.nodelink.json")
            with open(path, "w") as f:
                json.dump(nx.node_link_data(G, edges="edges"), f, separators=(",", ":"))
        elif fmt == "graphml":
            path = os.path.join(args.out, "graph.graphml")
            nx.write_graphml(to_graphml_safe(G), path)
        else:
            sys.exit(f"nx_bench.py: unknown format {fmt}")
        write_s[fmt] = time.perf_counter() - t
        sizes[fmt] = os.path.getsize(path)
    print(json.dumps({"build_s": build_s, "nodes": G.number_of_nodes(), "entities": len(entities), "events": events,
                      "edges": G.number_of_edges(), "hub_degree": G.degree(hub), "write_s": write_s, "bytes": sizes,
                      "queries": queries, "networkx": nx.__version__, "python": sys.version.split()[0]}, indent=1))


# ---------------------------------------------------------------------------------------------------
# load + queries

def chain(G, start, depth=4):
    """Events reached by at most `depth` forward causal steps: X <- responded_to, X -> caused."""
    seen = {start}
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for v in frontier:
            for u, keys in G.pred[v].items():
                if "responded_to" in keys and u not in seen:
                    seen.add(u)
                    nxt.append(u)
            for w, keys in G.succ[v].items():
                if "caused" in keys and w not in seen:
                    seen.add(w)
                    nxt.append(w)
        frontier = nxt
        if not frontier:
            break
    return len(seen)


def hood_bfs(G, start, depth=2):
    """Nodes within `depth` undirected hops, by BFS over G.succ and G.pred."""
    seen = {start}
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for u in frontier:
            for v in G.succ[u]:
                if v not in seen:
                    seen.add(v)
                    nxt.append(v)
            for v in G.pred[u]:
                if v not in seen:
                    seen.add(v)
                    nxt.append(v)
        frontier = nxt
    return len(seen)


def timed(runs, fn, max_total_s=60.0):
    t = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - t) * 1000
    xs, cpu = [], []
    spent = first / 1000
    for _ in range(runs):
        if spent > max_total_s:
            break
        t = time.perf_counter()
        c = time.process_time()
        result = fn()
        dt = time.perf_counter() - t
        cpu.append((time.process_time() - c) * 1000)
        xs.append(dt * 1000)
        spent += dt
    return {"first_ms": first, "median_ms": statistics.median(xs) if xs else first,
            "median_cpu_ms": statistics.median(cpu) if cpu else first, "runs": len(xs), "result": result}


def load(args):
    q = json.load(open(os.path.join(args.dir, "queries.json")))
    rss_before = current_rss_mib()
    fmt = args.format
    t0 = time.perf_counter()
    c0 = time.process_time()
    if fmt in ("pickle", "pickle-nogc"):
        if fmt == "pickle-nogc":
            gc.disable()
        with open(os.path.join(args.dir, "graph.pickle"), "rb") as f:
            G = pickle.load(f)
        if fmt == "pickle-nogc":
            gc.enable()
    elif fmt == "nodelink":
        with open(os.path.join(args.dir, "graph.nodelink.json")) as f:
            G = nx.node_link_graph(json.load(f), directed=True, multigraph=True, edges="edges")
    elif fmt == "graphml":
        G = nx.read_graphml(os.path.join(args.dir, "graph.graphml"), force_multigraph=True)
    else:
        sys.exit(f"nx_bench.py: unknown format {fmt}")
    load_ms = (time.perf_counter() - t0) * 1000
    load_cpu_ms = (time.process_time() - c0) * 1000
    rss_after = current_rss_mib()
    peak_after_open = peak_rss_mib()
    out = {"format": fmt, "load_ms": load_ms, "load_cpu_ms": load_cpu_ms, "rss_before_load_mib": rss_before, "rss_after_load_mib": rss_after,
           "peak_rss_after_load_mib": peak_after_open, "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    if not args.no_queries:
        U = G.to_undirected(as_view=True)
        out["chain"] = timed(args.runs, lambda: chain(G, q["chain_start"], 4))
        out["hood_bfs"] = timed(args.runs, lambda: hood_bfs(G, q["hub"], 2))
        out["hood_sssp"] = timed(args.runs, lambda: len(nx.single_source_shortest_path_length(U, q["hub"], cutoff=2)))
        out["path"] = timed(args.runs, lambda: len(nx.shortest_path(U, q["path_from"], q["path_to"])) - 1)
    out["peak_rss_mib"] = peak_rss_mib()
    if args.ego and not args.no_queries:
        # last, and outside the peak above: ego_graph copies the whole graph to an undirected one first
        out["hood_ego"] = timed(0, lambda: nx.ego_graph(G, q["hub"], radius=2, undirected=True).number_of_nodes())
        out["peak_rss_with_ego_mib"] = peak_rss_mib()
    print(json.dumps(out, indent=1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--data", required=True)
    b.add_argument("--out", required=True)
    b.add_argument("--formats", default="pickle,nodelink,graphml")
    l = sub.add_parser("load")
    l.add_argument("--format", required=True)
    l.add_argument("--dir", required=True)
    l.add_argument("--runs", type=int, default=20)
    l.add_argument("--no-queries", action="store_true")
    l.add_argument("--ego", action="store_true", help="also time nx.ego_graph once (it copies the graph)")
    args = ap.parse_args()
    build(args) if args.cmd == "build" else load(args)


if __name__ == "__main__":
    main()
