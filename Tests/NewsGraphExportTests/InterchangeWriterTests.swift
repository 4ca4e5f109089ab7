import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphExport

/// Each interchange writer on the hostile fixture: well-formed output (XML parsed back with XMLParser,
/// Cytoscape JSON against its element schema, Turtle and CSV checked structurally), every name intact,
/// deterministic bytes.
@Suite("Interchange writers")
struct InterchangeWriterTests {
    let graph = InterchangeFixture.graph

    /// Every entity name and event label of the graph, as the writers must carry them (XML replaces C0 controls).
    var entityNames: Set<String> { Set(graph.entityIDs.map { graph.name(of: $0) }) }

    @Test func fixtureHasWhatTheTestsNeed() throws {
        #expect(graph.entityCount == 8)
        #expect(graph.eventCount == 3)
        #expect(graph.articleCount == 2)
        let attack = try #require(graph.lookup("riverton_attack", kind: .event).first)
        let v = try #require(graph.event(attack))
        #expect(v.killed.map(\.value).sorted() == [4, 5])
        #expect(graph.edges.contains { $0.factuality == .denied })
        #expect(graph.edges.contains { $0.cue != nil })
    }

    // MARK: GraphML

    @Test(arguments: [false, true]) func graphMLIsWellFormedAndComplete(yEd: Bool) throws {
        let text = GraphMLWriter(yEdGraphics: yEd).write(graph)
        let root = try XMLTree.parse(text)
        #expect(root.name == "graphml")
        #expect(root.namespace == "http://graphml.graphdrawing.org/xmlns")
        let keys = root.children.filter { $0.name == "key" }
        let keyIDs = keys.compactMap { $0.attributes["id"] }
        #expect(Set(keyIDs).count == keyIDs.count, "key ids are unique")
        for k in keys where k.attributes["yfiles.type"] == nil {
            #expect(["string", "int", "double", "boolean"].contains(k.attributes["attr.type"] ?? ""), "typed key \(k.attributes)")
            #expect(["node", "edge"].contains(k.attributes["for"] ?? ""))
        }
        let g = try #require(root.child("graph"))
        #expect(g.attributes["edgedefault"] == "directed")
        let nodes = g.children.filter { $0.name == "node" }
        let edges = g.children.filter { $0.name == "edge" }
        #expect(nodes.count == graph.nodeCount)
        #expect(edges.count == graph.edgeCount)
        let nodeIDs = Set(nodes.compactMap { $0.attributes["id"] })
        #expect(nodeIDs.count == nodes.count)
        for e in edges {
            #expect(nodeIDs.contains(e.attributes["source"] ?? "") && nodeIDs.contains(e.attributes["target"] ?? ""))
        }
        // Every <data> names a declared key; the values come back exactly.
        let declared = Set(keyIDs)
        var names: Set<String> = []
        for n in nodes {
            let data = n.children.filter { $0.name == "data" }
            for d in data { #expect(declared.contains(d.attributes["key"] ?? ""), "undeclared key \(d.attributes)") }
            let byKey = Dictionary(data.map { ($0.attributes["key"] ?? "", $0.text) }, uniquingKeysWith: { a, _ in a })
            if byKey["n_kind"] == "entity", let name = byKey["n_name"] { names.insert(name) }
            if yEd { #expect(n.all("NodeLabel").count == 1) }
        }
        #expect(names == entityNames)
        let brigade = try #require(nodes.first { n in n.children.contains { $0.attributes["key"] == "n_name" && $0.text.hasPrefix("Brigade") } })
        let aliases = try #require(brigade.children.first { $0.attributes["key"] == "n_aliases" })
        #expect(InterchangeList.split(aliases.text) == ["B&N", "BN|pipe;semi,comma\\back"])
        // A C0 control character in an evidence sentence is replaced, never written raw.
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(text.contains("\u{FFFD} on the camp"))
        #expect(text.contains("Line\nBreak Front&#13;\nWest"))
    }

    @Test func graphMLCarriesTypedValues() throws {
        let root = try XMLTree.parse(GraphMLWriter().write(graph))
        let nodes = try #require(root.child("graph")).children.filter { $0.name == "node" }
        let attack = try #require(nodes.first { n in n.children.contains { $0.attributes["key"] == "n_name" && $0.text == "riverton_attack" } })
        func value(_ key: String) -> String? { attack.children.first { $0.attributes["key"] == key }?.text }
        #expect(value("n_kind") == "event")
        #expect(value("n_type") == "attack")
        #expect(value("n_date") == "2025-03-08")
        #expect(value("n_killed").flatMap(Int.init) != nil)
        #expect(value("n_killed_sources").map(InterchangeList.split)?.count == 2)
        #expect(value("n_cameo") == "19")
        #expect(value("n_acled") == "Battles")
        #expect(value("n_confidence").flatMap(Double.init) != nil)
        let sentences = InterchangeFixture.sentencesA + InterchangeFixture.sentencesB
        #expect(value("n_evidence").map(sentences.contains) == true, "the evidence sentence, verbatim")
    }

    // MARK: GEXF

    @Test func gexfIsWellFormedWithTimeIntervals() throws {
        let text = GEXFWriter().write(graph)
        let root = try XMLTree.parse(text)
        #expect(root.name == "gexf")
        #expect(root.namespace == "http://gexf.net/1.3")
        #expect(root.attributes["version"] == "1.3")
        let g = try #require(root.child("graph"))
        #expect(g.attributes["mode"] == "dynamic")
        #expect(g.attributes["timeformat"] == "date")
        let declared = Dictionary(grouping: g.children.filter { $0.name == "attributes" }, by: { $0.attributes["class"] ?? "" })
            .mapValues { Set($0.flatMap { $0.children.compactMap { $0.attributes["id"] } }) }
        let nodes = try #require(g.child("nodes")).children
        let edges = try #require(g.child("edges")).children
        #expect(nodes.count == graph.nodeCount)
        #expect(edges.count == graph.edgeCount)
        var labels: Set<String> = []
        for n in nodes {
            let values = n.all("attvalue")
            for v in values { #expect(declared["node"]?.contains(v.attributes["for"] ?? "") == true) }
            let kind = values.first { $0.attributes["for"] == "kind" }?.attributes["value"]
            if kind == "event" {
                let date = values.first { $0.attributes["for"] == "date" }?.attributes["value"]
                #expect(n.attributes["start"] == date && n.attributes["end"] == date, "an event lives on its date")
            } else {
                labels.insert(n.attributes["label"] ?? "")
                #expect(n.attributes["end"] == nil, "entities stay once they appear")
            }
            #expect(n.child("color") != nil)
        }
        #expect(labels == entityNames)
        let brigade = try #require(nodes.first { $0.attributes["label"]?.hasPrefix("Brigade") == true })
        #expect(brigade.attributes["start"] == "2025-03-01", "an entity appears with its first event")
        for e in edges {
            for v in e.all("attvalue") { #expect(declared["edge"]?.contains(v.attributes["for"] ?? "") == true) }
            #expect(e.attributes["label"] != nil && e.attributes["weight"].flatMap(Double.init) != nil)
            if let s = e.attributes["start"], let t = e.attributes["end"] { #expect(s <= t) }
        }
        let causal = try #require(edges.first { $0.attributes["label"] == "responded_to" })
        #expect(causal.attributes["start"] == "2025-03-01" && causal.attributes["end"] == "2025-03-08")
    }

    // MARK: Cytoscape

    @Test func cytoscapeJSONValidatesAgainstTheElementSchema() throws {
        let text = CytoscapeWriter().write(graph)
        let problems = try CytoscapeSchema.validate(Data(text.utf8))
        #expect(problems.isEmpty, "\(problems)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let elements = try #require(root["elements"] as? [String: Any])
        let nodes = try #require(elements["nodes"] as? [[String: Any]])
        let edges = try #require(elements["edges"] as? [[String: Any]])
        #expect(nodes.count == graph.nodeCount && edges.count == graph.edgeCount)
        let names = Set(nodes.compactMap { n -> String? in
            let d = n["data"] as? [String: Any]
            return d?["kind"] as? String == "entity" ? d?["name"] as? String : nil
        })
        #expect(names == entityNames)
        let brigade = try #require(nodes.compactMap { $0["data"] as? [String: Any] }.first { ($0["name"] as? String)?.hasPrefix("Brigade") == true })
        #expect(brigade["aliases"] as? [String] == ["B&N", "BN|pipe;semi,comma\\back"])
        let attack = try #require(nodes.compactMap { $0["data"] as? [String: Any] }.first { $0["name"] as? String == "riverton_attack" })
        #expect(attack["killed"] is Int)
        #expect((attack["killed_sources"] as? [String])?.count == 2)
    }

    @Test func cytoscapeSchemaCatchesBrokenElements() throws {
        let bad = #"{"elements": {"nodes": [{"data": {"id": "a"}}, {"data": {"id": "a"}}, {"data": {}}], "edges": [{"data": {"id": "e", "source": "a", "target": "zz"}}, {"data": {"id": "f", "source": "a"}}]}}"#
        let problems = try CytoscapeSchema.validate(Data(bad.utf8))
        #expect(problems.contains { $0.contains("duplicate id 'a'") })
        #expect(problems.contains { $0.contains("no string data.id") })
        #expect(problems.contains { $0.contains("target 'zz'") })
        #expect(problems.contains { $0.contains("no string data.target") })
    }

    // MARK: Turtle

    @Test func turtleIsStructurallyValid() throws {
        let text = TurtleWriter().write(graph)
        let tokens = try TurtleTokens.tokenize(text)
        var prefixes: Set<String> = []
        var depth = 0
        var labels: Set<String> = []
        let vocabulary = Set(NewsGraphVocabulary.terms.map(\.name))
        for (i, t) in tokens.enumerated() {
            switch t {
            case .keyword("@prefix"):
                if case .prefixed(let p, "") = tokens[i + 1] { prefixes.insert(p) }
            case .prefixed(let p, let local):
                if i > 0, tokens[i - 1] == .keyword("@prefix") { break }
                #expect(prefixes.contains(p), "prefix \(p): is declared before use")
                if p == "ng" { #expect(vocabulary.contains(local), "ng:\(local) is in the published vocabulary") }
                if p == "rdfs" && local == "label", case .literal(let l) = tokens[i + 1] { labels.insert(l) }
            case .punct("["): depth += 1
            case .punct("]"): depth -= 1; #expect(depth >= 0)
            case .iri(let iri):
                #expect(!iri.unicodeScalars.contains { $0.value > 0x7E }, "IRIs are percent-encoded ASCII: \(iri)")
            default: break
            }
        }
        #expect(depth == 0)
        #expect(tokens.last == .punct("."))
        #expect(entityNames.isSubset(of: labels))
        // Denied facts are only reified; asserted ones appear as plain triples too.
        #expect(text.contains("ng:factuality \"denied\""))
        let accused = tokens.indices.filter { tokens[$0] == .prefixed(prefix: "ng", local: "accused") }
        #expect(accused.count == 3, "two accused edges: one plain triple (the other is denied) and two statements")
    }

    @Test func turtleEscapesLiteralsAndIRIs() {
        #expect(TurtleWriter.literal("a\"b\\c\nd\re\tf\u{1}g🔥") == #""a\"b\\c\nd\re\tf\u0001g🔥""#)
        #expect(TurtleWriter.percentEncode("wire 2025/03 \"a\"") == "wire%202025%2F03%20%22a%22")
        #expect(TurtleWriter.percentEncode("Ōk") == "%C5%8Ck")
        #expect(TurtleWriter.percentEncode("..") == "%2E%2E")
        #expect(TurtleWriter.percentEncode("") == "_")
    }

    @Test func vocabularyIsPublishedInTheDocs() throws {
        let doc = try String(contentsOf: InterchangeFixture.repository.appendingPathComponent("docs/interchange.md"), encoding: .utf8)
        #expect(doc.contains(NewsGraphVocabulary.turtle), "docs/interchange.md carries NewsGraphVocabulary.turtle verbatim (regenerate it: see the doc)")
        _ = try TurtleTokens.tokenize(NewsGraphVocabulary.turtle)
    }

    // MARK: neo4j CSV

    @Test func neo4jCSVFollowsTheAdminImportFormat() throws {
        let files = Neo4jCSVWriter().files(graph)
        #expect(files.map(\.name) == ["nodes.csv", "relationships.csv", "neo4j-import.sh"])
        let nodes = try CSV.parse(files[0].text)
        let rels = try CSV.parse(files[1].text)
        for header in [nodes[0], rels[0]] {
            for (field, _) in header { #expect(Neo4jHeader.isValid(field), "header field '\(field)'") }
        }
        let nh = nodes[0].map(\.value), rh = rels[0].map(\.value)
        #expect(nh.filter { $0.hasSuffix(":ID") }.count == 1 && nh.contains(":LABEL"))
        #expect(rh.contains(":START_ID") && rh.contains(":END_ID") && rh.contains(":TYPE"))
        #expect(nodes.count - 1 == graph.nodeCount)
        #expect(rels.count - 1 == graph.edgeCount)
        for row in nodes.dropFirst() { #expect(row.count == nh.count) }
        for row in rels.dropFirst() { #expect(row.count == rh.count) }
        let ids = nodes.dropFirst().map { $0[0].value }
        #expect(Set(ids).count == ids.count)
        for r in rels.dropFirst() { #expect(ids.contains(r[0].value) && ids.contains(r[1].value)) }
        // Typed columns parse; labels are Kind;Type.
        for row in nodes.dropFirst() {
            for (i, h) in nh.enumerated() where !row[i].value.isEmpty {
                if h.hasSuffix(":int") { #expect(Int(row[i].value) != nil, "\(h) = \(row[i].value)") }
                if h.hasSuffix(":float") { #expect(Double(row[i].value) != nil) }
                if h.hasSuffix(":date") { #expect(CalendarDate(iso: row[i].value) != nil) }
                if h.hasSuffix(":string[]") || h == ":LABEL" || h == "id:ID" || !h.contains(":") { #expect(row[i].quoted) }
            }
            let labels = row[1].value.split(separator: ";").map(String.init)
            #expect(labels.count == 2 && ["Entity", "Event"].contains(labels[0]))
        }
        let name = nh.firstIndex(of: "name")!
        let entityNames = Set(nodes.dropFirst().filter { $0[1].value.hasPrefix("Entity") }.map { $0[name].value })
        #expect(entityNames == self.entityNames)
        let aliases = nh.firstIndex(of: "aliases:string[]")!
        let brigade = try #require(nodes.first { $0[name].value.hasPrefix("Brigade") })
        #expect(brigade[aliases].value == "B&N;BN|pipe,semi,comma\\back", "the array delimiter inside an item becomes ','")
        #expect(rels.dropFirst().allSatisfy { $0[2].value == $0[2].value.uppercased() })
    }

    // MARK: API

    @Test func formatsAreDeterministic() {
        for f in InterchangeFormat.allCases {
            #expect(f.files(for: graph) == f.files(for: InterchangeFixture.graph), "\(f) output is byte-identical")
        }
    }

    @Test func formatRegistry() throws {
        #expect(InterchangeFormat.allCases.map(\.name) == ["graphml", "yed", "gexf", "cytoscape", "turtle", "neo4j"])
        #expect(InterchangeFormat(name: "TTL") == .turtle)
        #expect(InterchangeFormat(name: "GraphML") == .graphml)
        #expect(InterchangeFormat(name: "csv") == .neo4j)
        #expect(InterchangeFormat(name: "pdf") == nil)
        #expect(throws: InterchangeError.self) { try InterchangeFormat.neo4j.data(for: graph) }
        let dir = InterchangeFixture.temporaryDirectory("api")
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in InterchangeFormat.allCases {
            let url = dir.appendingPathComponent(f.writesDirectory ? "neo4j" : "graph-\(f.name).\(f.fileExtension)")
            try f.write(graph, to: url)
            if f.writesDirectory {
                let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
                #expect(names == ["neo4j-import.sh", "nodes.csv", "relationships.csv"])
            } else {
                #expect(try Data(contentsOf: url) == f.data(for: graph))
            }
        }
        // A missing directory, or a file where a directory is needed, is a clear error.
        #expect { try InterchangeFormat.gexf.write(graph, to: dir.appendingPathComponent("missing/graph.gexf")) } throws: { e in
            (e as? InterchangeError)?.message.contains("does not exist; create it") == true
        }
        let file = dir.appendingPathComponent("graph-graphml.graphml")
        #expect { try InterchangeFormat.neo4j.write(graph, to: file) } throws: { e in
            (e as? InterchangeError)?.message.contains("is a file") == true
        }
    }

    @Test func emptyGraphWritesValidDocuments() throws {
        let empty = KnowledgeGraph()
        _ = try XMLTree.parse(GraphMLWriter().write(empty))
        _ = try XMLTree.parse(GEXFWriter().write(empty))
        #expect(try CytoscapeSchema.validate(Data(CytoscapeWriter().write(empty).utf8)).isEmpty)
        _ = try TurtleTokens.tokenize(TurtleWriter().write(empty))
        #expect(try CSV.parse(Neo4jCSVWriter().files(empty)[0].text).count == 1)
    }

    @Test func decimalsAndLists() {
        #expect(InterchangeNames.decimal(1) == "1.0")
        #expect(InterchangeNames.decimal(0.85) == "0.85")
        #expect(InterchangeNames.decimal(0.123456) == "0.123")
        #expect(InterchangeNames.decimal(-2.5) == "-2.5")
        #expect(InterchangeNames.decimal(.nan) == "0.0")
        for items in [["a"], ["a|b", "c\\d", ""], ["x\\", "|"], []] as [[String]] where !(items.count == 1 && items[0].isEmpty) {
            #expect(InterchangeList.split(InterchangeList.join(items)) == items)
        }
    }
}

/// The neo4j-admin import header grammar: `name`, `name:type`, `name:type[]`, `:ID`/`name:ID(group)`,
/// `:LABEL`, `:START_ID(group)`, `:END_ID(group)`, `:TYPE`, `:IGNORE`.
enum Neo4jHeader {
    static let types: Set<String> = ["int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
                                     "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"]

    static func isValid(_ field: String) -> Bool {
        let parts = field.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        guard parts.count == 2 else { return !name.isEmpty }
        var type = parts[1]
        if let open = type.firstIndex(of: "("), type.hasSuffix(")") { type = String(type[..<open]) }
        switch type {
        case "ID": return true
        case "LABEL", "TYPE", "START_ID", "END_ID", "IGNORE": return name.isEmpty || type == "IGNORE"
        default:
            guard !name.isEmpty else { return false }
            let base = type.hasSuffix("[]") ? String(type.dropLast(2)) : type
            return types.contains(base.lowercased())
        }
    }
}

/// The Cytoscape.js elements JSON schema (https://js.cytoscape.org/#notation/elements-json), as checks:
/// `elements` is an object with `nodes` and `edges` arrays (or an array of elements with `group`); each
/// element is an object with a `data` object whose `id` is a non-empty string unique among all elements;
/// edges have string `source` and `target` naming existing nodes; `classes` is a string or an array of
/// strings; `position` has numeric `x` and `y`; `group`, when present, matches the array.
enum CytoscapeSchema {
    static func validate(_ json: Data) throws -> [String] {
        var problems: [String] = []
        guard let root = try JSONSerialization.jsonObject(with: json) as? [String: Any] else { return ["the document is not a JSON object"] }
        var nodes: [[String: Any]] = [], edges: [[String: Any]] = []
        if let e = root["elements"] as? [String: Any] {
            guard let n = e["nodes"] as? [Any], let d = e["edges"] as? [Any] else { return ["elements needs arrays 'nodes' and 'edges'"] }
            for (i, x) in n.enumerated() {
                guard let o = x as? [String: Any] else { problems.append("node \(i) is not an object"); continue }
                nodes.append(o)
            }
            for (i, x) in d.enumerated() {
                guard let o = x as? [String: Any] else { problems.append("edge \(i) is not an object"); continue }
                edges.append(o)
            }
        } else if let e = root["elements"] as? [Any] {
            for x in e {
                guard let o = x as? [String: Any] else { problems.append("an element is not an object"); continue }
                if o["group"] as? String == "edges" { edges.append(o) } else { nodes.append(o) }
            }
        } else {
            return ["no 'elements'"]
        }
        var ids: Set<String> = []
        var nodeIDs: Set<String> = []
        func check(_ el: [String: Any], _ what: String, _ i: Int, group: String) -> [String: Any]? {
            if let g = el["group"], g as? String != group { problems.append("\(what) \(i): group must be '\(group)'") }
            if let c = el["classes"], !(c is String) && !((c as? [Any])?.allSatisfy { $0 is String } ?? false) {
                problems.append("\(what) \(i): classes must be a string or an array of strings")
            }
            if let p = el["position"] {
                guard let p = p as? [String: Any], p["x"] is NSNumber, p["y"] is NSNumber else {
                    problems.append("\(what) \(i): position needs numeric x and y"); return nil
                }
            }
            for flag in ["selected", "selectable", "locked", "grabbable", "pannable", "removed"] where el[flag] != nil {
                if !(el[flag] is Bool) { problems.append("\(what) \(i): \(flag) must be a boolean") }
            }
            guard let data = el["data"] as? [String: Any] else { problems.append("\(what) \(i): no data object"); return nil }
            guard let id = data["id"] as? String, !id.isEmpty else { problems.append("\(what) \(i): no string data.id"); return data }
            if !ids.insert(id).inserted { problems.append("\(what) \(i): duplicate id '\(id)'") }
            return data
        }
        for (i, n) in nodes.enumerated() {
            if let d = check(n, "node", i, group: "nodes"), let id = d["id"] as? String { nodeIDs.insert(id) }
        }
        for (i, e) in edges.enumerated() {
            guard let d = check(e, "edge", i, group: "edges") else { continue }
            for end in ["source", "target"] {
                guard let v = d[end] as? String else { problems.append("edge \(i): no string data.\(end)"); continue }
                if !nodeIDs.contains(v) { problems.append("edge \(i): \(end) '\(v)' is not a node") }
            }
        }
        return problems
    }
}
