import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphExport
@testable import NewsGraphImport

/// GraphML import: our own files round-trip to the same nodes and edges; a plain networkx-style file is
/// read with inferred kinds and types; broken files fail with errors that say where and what to do.
@Suite("Interchange GraphML import")
struct InterchangeImportTests {
    /// How a node is told apart: an entity by type and name, an event by its label and trigger (its local id
    /// may get a `_2` suffix on import, when two merged events had the same one).
    static func identity(_ g: KnowledgeGraph, _ n: NodeID) -> String {
        if let e = g.entity(n) { return "\(e.type.rawValue):\(e.name)" }
        return "\(g.label(of: n)):\(g.event(n)!.trigger)"
    }

    /// Every node as comparable facts (sorted, so duplicates count).
    static func nodes(_ g: KnowledgeGraph) -> [String] {
        g.nodeIDs.map { n in
            if let e = g.entity(n) { return "entity|\(identity(g, n))|\(e.aliases.sorted())" }
            let v = g.event(n)!
            return "event|\(v.type.rawValue)|\(identity(g, n))|\(v.date ?? "-")|\(v.killedConsensus.map(String.init) ?? "-")|\(v.injuredConsensus.map(String.init) ?? "-")|\(v.factuality.rawValue)|\(v.attributes["cameo"] ?? "-")|\(v.attributes["acled"] ?? "-")"
        }.sorted()
    }

    /// Every edge as comparable facts: source, relation, target, cue, factuality (sorted).
    static func edges(_ g: KnowledgeGraph) -> [String] {
        g.edges.map { "\(identity(g, $0.source))|\($0.relation.name)|\(identity(g, $0.target))|\($0.cue ?? "-")|\($0.factuality.rawValue)" }.sorted()
    }

    @Test(arguments: [false, true]) func roundTripGivesTheSameNodesAndEdges(yEd: Bool) throws {
        let original = InterchangeFixture.graph
        let text = GraphMLWriter(yEdGraphics: yEd).write(original)
        let result = try GraphMLReader().read(Data(text.utf8), id: "round-trip")
        #expect(result.notes.isEmpty, "\(result.notes)")
        let back = KnowledgeGraph(articles: [result.article])
        #expect(back.nodeCount == original.nodeCount)
        #expect(back.edgeCount == original.edgeCount)
        #expect(Self.nodes(back) == Self.nodes(original))
        #expect(Self.edges(back) == Self.edges(original))
        // Evidence sentences come along (control characters excepted: XML cannot carry them).
        let name = "Brigade \"North\" <wing> & Co"
        let before = try #require(original.lookupExact(name).first), after = try #require(back.lookupExact(name).first)
        let sentence = try #require(back.evidence(of: after).first.flatMap(back.sentence(of:)))
        #expect(sentence == original.evidence(of: before).compactMap(original.sentence(of:)).first)
        // And the re-export is the same document but for provenance (one article now).
        let again = KnowledgeGraph(articles: [try GraphMLReader().read(Data(GraphMLWriter().write(back).utf8), id: "again").article])
        #expect(Self.nodes(again) == Self.nodes(original) && Self.edges(again) == Self.edges(original))
    }

    @Test func examplesRoundTrip() throws {
        guard let original = InterchangeFixture.examples else { return }
        let result = try GraphMLReader().read(Data(GraphMLWriter().write(original).utf8), id: "examples")
        let back = KnowledgeGraph(articles: [result.article])
        #expect(Self.nodes(back) == Self.nodes(original))
        #expect(Self.edges(back) == Self.edges(original))
    }

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        let data = Data(GraphMLWriter().write(InterchangeFixture.graph).utf8)
        var g = KnowledgeGraph()
        let first = g.ingest(try GraphMLReader().read(data, id: "file").article)
        let second = g.ingest(try GraphMLReader().read(data, id: "file").article)
        #expect(first.status == .added && second.status == .unchanged)
    }

    /// What `networkx.write_graphml` writes for a DiGraph with only `label` attributes.
    static let networkxPlain = """
        <?xml version='1.0' encoding='utf-8'?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="d1" for="edge" attr.name="label" attr.type="string" />
          <key id="d0" for="node" attr.name="label" attr.type="string" />
          <graph edgedefault="directed">
            <node id="1"><data key="d0">Baloch Liberation Army</data></node>
            <node id="2"><data key="d0">kalat_attack</data></node>
            <node id="3"><data key="d0">Kalat</data></node>
            <node id="4"><data key="d0">Frontier Corps</data></node>
            <node id="5"><data key="d0">Killing of Sana Baru</data></node>
            <node id="6"><data key="d0">Sana Baru</data></node>
            <node id="7"><data key="d0">Jeeyand Baloch</data></node>
            <node id="8"/>
            <edge source="2" target="1"><data key="d1">agent</data></edge>
            <edge source="2" target="4"><data key="d1">target</data></edge>
            <edge source="2" target="3"><data key="d1">place</data></edge>
            <edge source="2" target="5"><data key="d1">Responded to</data></edge>
            <edge source="5" target="6"><data key="d1">target</data></edge>
            <edge source="7" target="1"><data key="d1">spokesperson-of</data></edge>
            <edge source="1" target="2"><data key="d1">claimed_responsibility</data></edge>
            <edge source="3" target="8"><data key="d1">located_in</data></edge>
          </graph>
        </graphml>
        """

    @Test func plainNetworkxGraphMLIsReadWithInferredKindsAndTypes() throws {
        let result = try GraphMLReader().read(Data(Self.networkxPlain.utf8), id: "plain")
        let a = result.article
        #expect(Set(a.events.map(\.id)) == ["kalat_attack", "Killing of Sana Baru"])
        #expect(a.events.first { $0.id == "kalat_attack" }?.type == .attack)
        #expect(a.events.first { $0.id == "Killing of Sana Baru" }?.type == .killing)
        let types = Dictionary(uniqueKeysWithValues: a.entities.map { ($0.name, $0.type) })
        #expect(types["Kalat"] == .place)
        #expect(types["8"] == .place, "a node without a label is named by its id; the object of located_in is a place")
        #expect(types["Baloch Liberation Army"] == .organization, "the default entity type")
        let attack = try #require(a.events.first { $0.id == "kalat_attack" })
        #expect(attack.agent == ["Baloch Liberation Army"] && attack.target == ["Frontier Corps"] && attack.place == "Kalat")
        #expect(a.causal.map(\.relation) == [.respondedTo])
        #expect(Set(a.triples.map(\.predicate)) == [.spokespersonOf, .claimedResponsibility, .locatedIn])
        #expect(result.notes.contains { $0.contains("no entity type") })
        let g = KnowledgeGraph(articles: [a])
        #expect(g.nodeCount == 8)
        #expect(g.edgeCount == 8)
    }

    @Test func customDefaultsApply() throws {
        let r = GraphMLReader(options: .init(defaultEntityType: .group, defaultEventType: .clash))
        let xml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="all" attr.name="label" attr.type="string"/>
            <graph edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"><data key="l">agent</data></edge></graph></graphml>
            """
        let a = try r.read(Data(xml.utf8), id: "x").article
        #expect(a.events.map(\.type) == [.clash])
        #expect(a.entities.map(\.type) == [.group])
    }

    @Test func reversedRoleEdgesAreTurnedAroundAndDuplicateNamesRenamed() throws {
        let xml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="k" for="node" attr.name="kind" attr.type="string"/>
              <key id="t" for="node" attr.name="type" attr.type="string"/>
              <key id="n" for="node" attr.name="name" attr.type="string"/>
              <key id="r" for="edge" attr.name="relation" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="g"><data key="k">entity</data><data key="t">group</data><data key="n">Riverton</data></node>
                <node id="p"><data key="k">entity</data><data key="t">place</data><data key="n">Riverton</data></node>
                <node id="e"><data key="k">event</data><data key="t">bombing</data><data key="n">blast</data></node>
                <edge source="g" target="e"><data key="r">agent</data></edge>
                <edge source="e" target="p"><data key="r">place</data></edge>
              </graph>
            </graphml>
            """
        let result = try GraphMLReader().read(Data(xml.utf8), id: "x")
        #expect(Set(result.article.entities.map(\.name)) == ["Riverton", "Riverton (place)"])
        let blast = try #require(result.article.events.first)
        #expect(blast.agent == ["Riverton"] && blast.place == "Riverton (place)")
        #expect(result.notes.count == 2)
    }

    @Test func filesPastTenMegabytesParse() throws {
        // XMLParser(data:) on Linux gives libxml2 the whole buffer, which fails past 10 MB; the reader streams.
        var xml = GraphMLWriter().write(InterchangeFixture.graph)
        let padding = String(repeating: "<!--" + String(repeating: "x", count: 1_000_000) + "-->\n", count: 11)
        xml = xml.replacingOccurrences(of: "  <graph id=", with: padding + "  <graph id=")
        #expect(xml.utf8.count > 11_000_000)
        // The parser alone (the reader would also hash 11 MB, which takes seconds in a debug build).
        let doc = try GraphMLParser.parse(Data(xml.utf8))
        #expect(doc.nodes.count == InterchangeFixture.graph.nodeCount)
        #expect(doc.edges.count == InterchangeFixture.graph.edgeCount)
    }

    // MARK: Errors

    static func error(_ xml: String) -> String {
        do {
            _ = try GraphMLReader().read(Data(xml.utf8), id: "bad")
            return "no error"
        } catch {
            return error.message
        }
    }

    @Test func malformedXMLSaysWhere() {
        let m = Self.error("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph>\n<node id=\"a\">\n</graph></graphml>")
        #expect(m.contains("malformed XML at line"), "\(m)")
        #expect(Self.error("").contains("empty or not XML") || Self.error("").contains("malformed"))
        #expect(Self.error("just text").contains("malformed XML"))
    }

    @Test func unknownRelationIsAnErrorThatListsTheNames() {
        let m = Self.error("""
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="edge" attr.name="label" attr.type="string"/>
            <graph><node id="a"/><node id="b"/>
            <edge id="x" source="a" target="b"><data key="l">befriended</data></edge></graph></graphml>
            """)
        #expect(m.contains("line 3"), "\(m)")
        #expect(m.contains("unknown relation 'befriended'"))
        #expect(m.contains("claimed_responsibility") && m.contains("responded_to"))
    }

    @Test func otherStructuralErrors() {
        #expect(Self.error("<gexf xmlns=\"http://gexf.net/1.3\"><graph/></gexf>").contains("not <graphml>"))
        #expect(Self.error("<graphml><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>").contains("declared twice"))
        #expect(Self.error("<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph></graphml>").contains("'b', which the file does not declare"))
        #expect(Self.error("<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"a\"/></graph></graphml>").contains("has no relation"))
        #expect(Self.error("<graphml><graph><node id=\"a\"/><hyperedge/></graph></graphml>").contains("hyperedges are not supported"))
        #expect(Self.error("<graphml><graph><node id=\"a\"><data key=\"zz\">1</data></node></graph></graphml>").contains("no <key> element declares"))
        let causal = Self.error("""
            <graphml><key id="k" for="node" attr.name="kind"/><key id="r" for="edge" attr.name="relation"/><graph>
            <node id="a"><data key="k">entity</data></node><node id="b"/>
            <edge source="b" target="a"><data key="r">caused</data></edge></graph></graphml>
            """)
        #expect(causal.contains("a causal edge joins two events"), "\(causal)")
    }

    @Test func readFromFileNamesTheFileInErrors() throws {
        let dir = InterchangeFixture.temporaryDirectory("import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("my graph.graphml")
        try InterchangeFormat.graphml.write(InterchangeFixture.graph, to: good)
        let r = try GraphMLReader().read(contentsOf: good)
        #expect(r.article.article.id == "my graph")
        let bad = dir.appendingPathComponent("bad.graphml")
        try Data("<graphml><graph>".utf8).write(to: bad)
        #expect { try GraphMLReader().read(contentsOf: bad) } throws: { e in
            (e as? InterchangeError)?.message.hasPrefix(bad.path) == true
        }
    }
}
