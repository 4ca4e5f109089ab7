#!/usr/bin/env python3
"""Read newsgraph's interchange exports back with the tools they target.

    scripts/check-interchange.py DIR [--nodes N --edges M]
    scripts/check-interchange.py --graphml FILE --gexf FILE --turtle FILE --cytoscape FILE --neo4j DIR ...
    scripts/check-interchange.py --write-networkx FILE      # a plain networkx GraphML, for the import test

DIR holds what `newsgraph export` (or `InterchangeFormat.write`) wrote: graph.graphml, graph-yed.graphml,
graph.gexf, graph.cyjs, graph.ttl and the neo4j/ directory; missing files are skipped. Checks:

- GraphML (plain and yEd): networkx.read_graphml reads it; node and edge counts; typed attributes
  (killed is int, confidence float, disputed bool); every edge has a relation.
- GEXF: networkx.read_gexf reads it; counts; mode dynamic; events carry start/end dates.
- Cytoscape.js JSON: validates against the element JSON Schema below (jsonschema), ids unique across
  elements, every edge endpoint a node.
- Turtle: rdflib parses it; one ng:Entity / ng:Event per node and one rdf:Statement per edge; every ng: term
  is defined in the vocabulary published in docs/interchange.md; a SPARQL query (the one in the docs) runs.
- neo4j CSV: the headers follow neo4j-admin's grammar (name, name:type, name:type[], :ID, :LABEL,
  :START_ID, :END_ID, :TYPE); the csv module reads every row with the header's width; ids unique;
  relationship ends exist; typed values parse.

Exit status 0 when everything read back, 1 otherwise, 2 when networkx/rdflib/jsonschema are missing.
"""

import argparse
import csv
import importlib.metadata
import json
import os
import re
import sys

try:
    import networkx as nx
    import rdflib
    import jsonschema
except ImportError as e:  # pragma: no cover
    print(f"missing module: {e.name} (pip install networkx rdflib jsonschema)", file=sys.stderr)
    sys.exit(2)

NG = rdflib.Namespace("https://newsgraph.dev/ns#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CYTOSCAPE_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Cytoscape.js elements JSON (https://js.cytoscape.org/#notation/elements-json)",
    "type": "object",
    "required": ["elements"],
    "properties": {
        "elements": {
            "type": "object",
            "required": ["nodes", "edges"],
            "properties": {
                "nodes": {"type": "array", "items": {"$ref": "#/$defs/node"}},
                "edges": {"type": "array", "items": {"$ref": "#/$defs/edge"}},
            },
        },
        "data": {"type": "object"},
    },
    "$defs": {
        "classes": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "position": {
            "type": "object",
            "required": ["x", "y"],
            "properties": {"x": {"type": "number"}, "y": {"type": "number"}},
        },
        "flags": {
            "properties": {k: {"type": "boolean"} for k in
                           ["selected", "selectable", "locked", "grabbable", "pannable", "removed"]},
        },
        "node": {
            "type": "object",
            "required": ["data"],
            "allOf": [{"$ref": "#/$defs/flags"}],
            "properties": {
                "group": {"const": "nodes"},
                "data": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "string", "minLength": 1}, "parent": {"type": "string"}},
                },
                "position": {"$ref": "#/$defs/position"},
                "classes": {"$ref": "#/$defs/classes"},
            },
        },
        "edge": {
            "type": "object",
            "required": ["data"],
            "allOf": [{"$ref": "#/$defs/flags"}],
            "properties": {
                "group": {"const": "edges"},
                "data": {
                    "type": "object",
                    "required": ["id", "source", "target"],
                    "properties": {
                        "id": {"type": "string", "minLength": 1},
                        "source": {"type": "string", "minLength": 1},
                        "target": {"type": "string", "minLength": 1},
                    },
                },
                "classes": {"$ref": "#/$defs/classes"},
            },
        },
    },
}

NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
               "date", "localtime", "time", "localdatetime", "datetime", "duration"}
NEO4J_FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+)(?P<array>\[\])?(?:\((?P<group>[^)]*)\))?)?$")

# The SPARQL example of docs/interchange.md: events with their agents and the evidence sentence.
SPARQL = """
PREFIX ng: <https://newsgraph.dev/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?date ?agent ?sentence WHERE {
  ?e a ng:Event ; rdfs:label ?event ; ng:agent ?a .
  ?a rdfs:label ?agent .
  OPTIONAL { ?e ng:date ?date }
  OPTIONAL { ?e ng:evidence/ng:sentenceText ?sentence }
} ORDER BY ?date ?event
"""


class Checker:
    def __init__(self, nodes, edges):
        self.nodes, self.edges = nodes, edges
        self.failures = 0

    def ok(self, cond, what):
        print(("  ok    " if cond else "  FAIL  ") + what)
        if not cond:
            self.failures += 1
        return cond

    def counts(self, n, m, tool):
        if self.nodes is not None:
            self.ok(n == self.nodes, f"{tool}: {n} nodes (expected {self.nodes})")
        else:
            print(f"  info  {tool}: {n} nodes")
        if self.edges is not None:
            self.ok(m == self.edges, f"{tool}: {m} edges (expected {self.edges})")
        else:
            print(f"  info  {tool}: {m} edges")

    def graphml(self, path, label="GraphML"):
        print(f"{label}: {path}")
        g = nx.read_graphml(path)
        self.ok(g.is_directed(), f"networkx {nx.__version__} read_graphml: {type(g).__name__}, directed")
        self.counts(g.number_of_nodes(), g.number_of_edges(), "read_graphml")
        kinds = {d.get("kind") for _, d in g.nodes(data=True)}
        self.ok(kinds <= {"entity", "event"}, f"node kinds {sorted(k for k in kinds if k)}")
        killed = [d["killed"] for _, d in g.nodes(data=True) if "killed" in d]
        self.ok(all(isinstance(k, int) for k in killed), f"killed is int ({len(killed)} events with a figure)")
        conf = [d["confidence"] for _, d in g.nodes(data=True)]
        self.ok(all(isinstance(c, float) for c in conf), "confidence is float")
        edges = list(g.edges(data=True))
        self.ok(all("relation" in d for _, _, d in edges), "every edge has a relation")
        self.ok(all(isinstance(d.get("disputed"), bool) for _, _, d in edges), "disputed is bool")

    def gexf(self, path):
        print(f"GEXF: {path}")
        g = nx.read_gexf(path)
        self.ok(g.graph.get("mode") == "dynamic", f"networkx {nx.__version__} read_gexf: {type(g).__name__}, mode {g.graph.get('mode')}")
        self.counts(g.number_of_nodes(), g.number_of_edges(), "read_gexf")
        events = [d for _, d in g.nodes(data=True) if d.get("kind") == "event"]
        dated = [d for d in events if "date" in d]
        self.ok(all(d.get("start") == d["date"] == d.get("end") for d in dated),
                f"{len(dated)} dated events have start = end = date")
        timed = sum(1 for *_, d in g.edges(data=True) if "start" in d)
        print(f"  info  {timed} edges with a time interval")

    def cytoscape(self, path):
        print(f"Cytoscape.js JSON: {path}")
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(jsonschema.Draft202012Validator(CYTOSCAPE_SCHEMA).iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:5]:
            print(f"        {list(e.path)}: {e.message}")
        self.ok(not errors, f"jsonschema {importlib.metadata.version('jsonschema')}: valid against the element schema ({len(errors)} errors)")
        nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
        ids = [el["data"]["id"] for el in nodes + edges]
        self.ok(len(ids) == len(set(ids)), "element ids unique")
        node_ids = {n["data"]["id"] for n in nodes}
        dangling = [e["data"]["id"] for e in edges if e["data"]["source"] not in node_ids or e["data"]["target"] not in node_ids]
        self.ok(not dangling, f"every edge endpoint is a node ({len(dangling)} dangling)")
        self.counts(len(nodes), len(edges), "elements")

    def turtle(self, path):
        print(f"Turtle: {path}")
        g = rdflib.Graph()
        g.parse(path, format="turtle")
        self.ok(len(g) > 0, f"rdflib {rdflib.__version__} parsed {len(g)} triples")
        entities = set(g.subjects(rdflib.RDF.type, NG.Entity))
        events = set(g.subjects(rdflib.RDF.type, NG.Event))
        statements = set(g.subjects(rdflib.RDF.type, rdflib.RDF.Statement))
        self.counts(len(entities) + len(events), len(statements), "ng:Entity + ng:Event / rdf:Statement")
        vocab = vocabulary()
        if vocab is not None:
            used = {t for triple in g for t in triple if isinstance(t, rdflib.URIRef) and str(t).startswith(str(NG))}
            undefined = sorted(str(t)[len(str(NG)):] for t in used - vocab)
            self.ok(not undefined, f"every ng: term ({len(used)}) is defined in docs/interchange.md {undefined or ''}")
        rows = list(g.query(SPARQL))
        self.ok(True, f"SPARQL example: {len(rows)} rows")
        for r in rows[:3]:
            print("        " + " | ".join(str(x)[:60].replace("\n", " ") if x is not None else "-" for x in r))
        derived = len(set(g.subject_objects(PROV.wasDerivedFrom)))
        print(f"  info  {derived} prov:wasDerivedFrom links")

    def neo4j(self, directory):
        print(f"neo4j-admin CSV: {directory}")
        node_ids = set()
        for name, required in (("nodes.csv", [":ID", ":LABEL"]), ("relationships.csv", [":START_ID", ":END_ID", ":TYPE"])):
            path = os.path.join(directory, name)
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f, strict=True))
            header = rows[0]
            bad = []
            for field in header:
                m = NEO4J_FIELD.match(field)
                if not m:
                    bad.append(field)
                    continue
                t = m.group("type")
                if t is None:
                    if not m.group("name"):
                        bad.append(field)
                elif t in ("ID", "START_ID", "END_ID"):
                    pass
                elif t in ("LABEL", "TYPE"):
                    if m.group("name") or m.group("array"):
                        bad.append(field)
                elif t.lower() not in NEO4J_TYPES or not m.group("name"):
                    bad.append(field)
            self.ok(not bad, f"{name}: header grammar ({len(header)} fields) {bad or ''}")
            kinds = [f.split(":", 1)[1] if ":" in f else "" for f in header]
            for r in required:
                self.ok(any(k == r[1:] or k.startswith(r[1:] + "(") for k in kinds), f"{name}: has {r}")
            body = rows[1:]
            self.ok(all(len(r) == len(header) for r in body), f"{name}: {len(body)} rows, all {len(header)} fields wide")
            typed_ok = True
            for r in body:
                for field, value in zip(header, r):
                    if value == "":
                        continue
                    t = field.split(":", 1)[1] if ":" in field else "string"
                    try:
                        if t in ("int", "long"):
                            int(value)
                        elif t in ("float", "double"):
                            float(value)
                        elif t == "boolean":
                            assert value in ("true", "false")
                        elif t == "date":
                            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
                    except (ValueError, AssertionError):
                        typed_ok = False
                        print(f"        {name}: {field} = {value!r}")
            self.ok(typed_ok, f"{name}: typed values parse")
            if name == "nodes.csv":
                i = next(i for i, f in enumerate(header) if f.endswith(":ID"))
                ids = [r[i] for r in body]
                node_ids = set(ids)
                self.ok(len(ids) == len(node_ids), "nodes.csv: ids unique")
                n_nodes = len(body)
            else:
                s = header.index(":START_ID")
                t = header.index(":END_ID")
                dangling = [r for r in body if r[s] not in node_ids or r[t] not in node_ids]
                self.ok(not dangling, "relationships.csv: every :START_ID/:END_ID is a node id")
                self.counts(n_nodes, len(body), "nodes.csv / relationships.csv")


def vocabulary():
    """The ng: terms defined in docs/interchange.md's vocabulary block, or None when the doc is absent."""
    path = os.path.join(REPO, "docs", "interchange.md")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"```turtle\n(@prefix ng:.*?<https://newsgraph.dev/ns> a owl:Ontology.*?)```", text, re.S)
    if not m:
        return None
    g = rdflib.Graph()
    g.parse(data=m.group(1), format="turtle")
    return {s for s in g.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(str(NG))}


def write_networkx(path):
    """A plain networkx GraphML: a DiGraph with only node and edge labels (what a user builds by hand)."""
    g = nx.DiGraph()
    for n, label in [(1, "Baloch Liberation Army"), (2, "kalat_attack"), (3, "Kalat"), (4, "Frontier Corps"),
                     (5, "killing of Sana Baru"), (6, "Sana Baru"), (7, "Jeeyand Baloch")]:
        g.add_node(n, label=label)
    for s, t, label in [(2, 1, "agent"), (2, 4, "target"), (2, 3, "place"), (2, 5, "responded_to"),
                        (5, 6, "target"), (7, 1, "spokesperson_of"), (1, 2, "claimed_responsibility")]:
        g.add_edge(s, t, label=label)
    nx.write_graphml(g, path)
    print(f"networkx {nx.__version__} wrote {path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dir", nargs="?", help="directory with graph.graphml, graph-yed.graphml, graph.gexf, graph.cyjs, graph.ttl, neo4j/")
    p.add_argument("--graphml", action="append", default=[])
    p.add_argument("--gexf")
    p.add_argument("--cytoscape")
    p.add_argument("--turtle")
    p.add_argument("--neo4j")
    p.add_argument("--nodes", type=int, help="expected node count")
    p.add_argument("--edges", type=int, help="expected edge count")
    p.add_argument("--write-networkx", metavar="FILE", help="write a plain networkx GraphML and exit")
    a = p.parse_args()
    if a.write_networkx:
        write_networkx(a.write_networkx)
        return 0
    if a.dir:
        def there(name):
            path = os.path.join(a.dir, name)
            return path if os.path.exists(path) else None
        a.graphml += [x for x in (there("graph.graphml"), there("graph-yed.graphml")) if x]
        a.gexf = a.gexf or there("graph.gexf")
        a.cytoscape = a.cytoscape or there("graph.cyjs")
        a.turtle = a.turtle or there("graph.ttl")
        a.neo4j = a.neo4j or there("neo4j")
    c = Checker(a.nodes, a.edges)
    checked = 0
    for path in a.graphml:
        c.graphml(path, "GraphML (yEd)" if "yed" in os.path.basename(path) else "GraphML"); checked += 1
    if a.gexf:
        c.gexf(a.gexf); checked += 1
    if a.cytoscape:
        c.cytoscape(a.cytoscape); checked += 1
    if a.turtle:
        c.turtle(a.turtle); checked += 1
    if a.neo4j:
        c.neo4j(a.neo4j); checked += 1
    if checked == 0:
        p.error("nothing to check: give DIR or a file option")
    print(f"{checked} export(s) checked, {c.failures} failure(s)")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
