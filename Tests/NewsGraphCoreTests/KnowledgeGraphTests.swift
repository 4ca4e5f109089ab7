import Testing
@testable import NewsGraphCore

private typealias F = GraphFixtures

private func entity(_ name: String, _ type: EntityType, _ aliases: [String] = [], mentions: [Provenance] = []) -> ExtractedEntity {
    ExtractedEntity(name: name, aliases: aliases, type: type, mentions: mentions)
}

/// Two articles about one attack, with sentences and spans.
private func sampleArticles() -> [ArticleGraph] {
    let s1 = ["The Baloch Liberation Army (BLA) attacked a Pakistan Army camp in Kalat on Saturday.", "Seven soldiers were killed."]
    let a1 = F.article("kalat-1", date: "2024-11-17", entities: [
        entity("Baloch Liberation Army", .group, ["BLA"], mentions: [Provenance(article: "kalat-1", sentence: 0, start: 4, end: 26)]),
        entity("Pakistan Army", .unit), entity("Kalat", .place), entity("Balochistan", .place),
    ], events: [
        ExtractedEvent(id: "kalat_attack", type: .attack, trigger: "attacked", agent: ["BLA"], target: ["Pakistan Army"], place: "Kalat",
                       date: "2024-11-16", killed: 7, factuality: .asserted, attributes: ["cameo": "19"],
                       mentions: [Provenance(article: "kalat-1", sentence: 0, start: 33, end: 41)]),
    ], triples: [
        ExtractedTriple(subject: "BLA", predicate: .attacked, object: "Pakistan Army",
                        provenance: [Provenance(article: "kalat-1", sentence: 0, start: 4, end: 60)]),
        ExtractedTriple(subject: "Kalat", predicate: .locatedIn, object: "Balochistan"),
    ], sentences: s1)
    let a2 = F.article("kalat-2", date: "2024-11-18", entities: [
        entity("BLA", .group), entity("Pakistan Army", .unit), entity("Kalat", .place), entity("Jeeyand Baloch", .person),
    ], events: [
        ExtractedEvent(id: "kalat_assault", type: .attack, trigger: "stormed", agent: ["BLA"], target: ["Pakistan Army"], place: "Kalat",
                       date: "2024-11-16", killed: 12, factuality: .reported),
        ExtractedEvent(id: "bla_claim", type: .claim, trigger: "claimed", agent: ["BLA", "Jeeyand Baloch"], date: "2024-11-17"),
    ], triples: [
        ExtractedTriple(subject: "Jeeyand Baloch", predicate: .spokespersonOf, object: "BLA"),
        ExtractedTriple(subject: "BLA", predicate: .claimedResponsibility, object: "kalat_assault"),
    ], causal: [ExtractedCausalLink(from: "bla_claim", relation: .followed, to: "kalat_assault", cue: "after")])
    return [a1, a2]
}

@Suite("KnowledgeGraph")
struct KnowledgeGraphTests {
    @Test("Ingesting the same article twice changes nothing and reports it unchanged")
    func idempotentReingest() {
        var g = KnowledgeGraph()
        let articles = sampleArticles()
        #expect(g.ingest(articles).map(\.status) == [.added, .added])
        let before = g.canonicalDescription
        #expect(g.ingest(articles).map(\.status) == [.unchanged, .unchanged])
        #expect(g.canonicalDescription == before)
        var changed = articles[0]
        changed.article.contentHash = "other"
        changed.events[0].killed = 8
        #expect(g.ingest(changed).status == .updated)
        #expect(g.event(g.lookupExact("kalat_attack")[0])?.killed.map(\.value) == [8, 12])
    }

    @Test("Nodes, edges and indexes of a merged graph")
    func nodesAndEdges() throws {
        let g = KnowledgeGraph(articles: sampleArticles())
        #expect(g.entityCount == 5)
        #expect(g.eventCount == 2)
        let bla = try #require(g.lookup("Baloch Liberation Army").first)
        #expect(g.entity(bla)?.aliases == ["BLA"])
        #expect(g.entity(bla)?.articleCount == 2)
        let attack = try #require(g.lookupExact("kalat_assault").first)
        #expect(g.lookupExact("kalat_attack") == [attack])
        let e = try #require(g.event(attack))
        #expect(e.localIDs.sorted() == ["kalat_assault", "kalat_attack"])
        #expect(e.attributes["cameo"] == "19")
        #expect(e.factuality == .asserted)
        #expect(g.name(of: try #require(e.place)) == "Kalat")
        #expect(g.label(of: attack) == "attack · 2024-11-16 · Kalat")
        #expect(g.neighbours(of: attack, relation: .role(.agent), direction: .outgoing) == [bla])
        #expect(g.edges(from: bla, to: attack).map(\.relation) == [.triple(.claimedResponsibility)])
        #expect(g.edges(between: attack, and: bla).count == 2)
        let claim = try #require(g.lookupExact("bla_claim").first)
        let followed = g.edges(of: claim, relation: .causal(.followed), direction: .outgoing)
        #expect(followed.map(\.target) == [attack])
        #expect(followed.first?.cue == "after")
        #expect(Set(g.neighbours(of: bla, direction: .incoming)) == Set([attack, claim, try #require(g.lookup("Jeeyand Baloch").first)]))
        #expect(g.nodes(ofType: EntityType.place).map { g.name(of: $0) }.sorted() == ["Balochistan", "Kalat"])
        #expect(g.nodes(ofType: EventType.claim) == [claim])
        #expect(g.events(from: "2024-11-17", through: nil) == [claim])
        #expect(g.events(from: "2024-11-01", through: "2024-11-30") == [attack, claim])
        #expect(g.events(from: "not a date", through: nil) == nil)
        // Every edge's endpoints agree with the adjacency in both directions.
        for id in g.edgeIDs {
            let (s, _, t) = g.endpoints(of: id)
            #expect(g.edgeIDs(of: s, direction: .outgoing).contains(id))
            #expect(g.edgeIDs(of: t, direction: .incoming).contains(id))
        }
    }

    @Test("Lookup tries the exact normalised name first, then partial names")
    func lookupExactThenPartial() throws {
        let g = KnowledgeGraph(articles: sampleArticles())
        let bla = try #require(g.lookup("baloch liberation army").first)
        #expect(g.lookup("BLA") == [bla])
        #expect(g.lookup("Liberation") == [bla])
        #expect(g.lookup("Baloch").first == g.lookup("Jeeyand Baloch").first || g.lookup("Baloch").contains(bla))
        #expect(g.lookup("zz").isEmpty)
        #expect(g.lookupExact("BLA", kind: .event).isEmpty)
    }

    @Test("Evidence points to the article, sentence, span, confidence, factuality and lexicon version")
    func evidenceAndSentences() throws {
        let g = KnowledgeGraph(articles: sampleArticles())
        let bla = try #require(g.lookup("BLA").first)
        let ev = g.evidence(of: bla)
        #expect(ev.map { g.articleID(of: $0) } == ["kalat-1", "kalat-2"])
        #expect(ev[0].span == 4 ..< 26)
        #expect(g.sentence(of: ev[0])?.hasPrefix("The Baloch Liberation Army") == true)
        #expect(g.sentence(of: ev[1]) == nil) // no position given
        #expect(g.lexiconVersion(of: ev[0]) == "test-1")
        #expect(g.provenance(of: ev[0]) == Provenance(article: "kalat-1", sentence: 0, start: 4, end: 26))
        let attack = try #require(g.lookupExact("kalat_attack").first)
        #expect(g.evidence(of: attack).map(\.factuality) == [.asserted, .reported])
        let attacked = try #require(g.edges(of: bla, relation: .triple(.attacked), direction: .outgoing).first)
        #expect(g.evidence(of: attacked.id).map { g.sentence(of: $0) ?? "-" } == [g.articles[0].sentences[0]])
        #expect(g.article("kalat-2")?.date == "2024-11-18")
    }

    @Test("Removing an article retracts its facts and keeps what other articles support")
    func removeArticle() throws {
        var g = KnowledgeGraph(articles: sampleArticles())
        let full = g.canonicalDescription
        let removed = g.remove(article: "kalat-2")
        let removedAgain = g.remove(article: "kalat-2")
        #expect(removed && !removedAgain)
        #expect(g.lookup("Jeeyand Baloch").isEmpty)
        #expect(g.lookupExact("kalat_assault").isEmpty)
        let bla = try #require(g.lookup("BLA").first)
        #expect(g.articles(of: bla) == ["kalat-1"])
        #expect(g.event(g.lookupExact("kalat_attack")[0])?.killed.map(\.value) == [7])
        #expect(g.canonicalDescription == KnowledgeGraph(articles: [sampleArticles()[0]]).canonicalDescription)
        g.ingest(sampleArticles()[1])
        #expect(g.canonicalDescription == full)
        g.remove(articles: ["kalat-1", "kalat-2"])
        #expect(g.nodeCount == 0 && g.edgeCount == 0 && g.articleCount == 0)
    }

    @Test("Analyst merge and split are explained and respected by later ingests")
    func manualMergeAndSplit() throws {
        var g = KnowledgeGraph(articles: [
            F.article("a1", entities: [entity("Jamaat-ul-Ahrar", .group)]),
            F.article("a2", entities: [entity("JuA", .group)]),
        ])
        #expect(g.entityCount == 2)
        let o = try g.merge(g.lookup("Jamaat-ul-Ahrar")[0], g.lookup("JuA")[0])
        #expect(g.entityCount == 1)
        #expect(g.explanation(of: NodeID(0)).merges.map(\.rule) == [.manual])
        #expect(g.explanation(of: NodeID(0)).overrides == [o])
        g.ingest(F.article("a3", entities: [entity("JuA", .group)]))
        #expect(g.entityCount == 1)
        #expect(throws: GraphError.self) { var copy = g; try copy.merge(NodeID(0), NodeID(0)) }

        // Split a3 off again; the automatic alias rule may not bring it back, even after another ingest.
        let node = NodeID(0)
        try g.split(node, detaching: [RecordRef(kind: .entity, article: "a3", key: "JuA")])
        #expect(g.entityCount == 2)
        g.ingest(F.article("a4", entities: [entity("Jamaat-ul-Ahrar", .group, ["JuA"])]))
        #expect(g.entityCount == 2)
        #expect(throws: GraphError.self) { var copy = g; try copy.split(NodeID(0), detaching: [RecordRef(kind: .entity, article: "zz", key: "x")]) }
        // Splitting the manual merge apart drops the merge override.
        let merged = try #require(g.lookupExact("Jamaat-ul-Ahrar").first)
        let before = g.overrides.count
        try g.split(merged, detaching: [RecordRef(kind: .entity, article: "a2", key: "JuA")])
        #expect(g.overrides.count == before) // the merge went, the split came
        #expect(g.lookupExact("JuA").count >= 2)
    }

    @Test("Merging entities of different types is refused with a message that says why")
    func mergeAcrossTypesRefused() {
        let g = KnowledgeGraph(articles: [F.article("a1", entities: [entity("Kalat", .place), entity("Kalat Scouts", .unit)])])
        #expect(throws: GraphError.self) { var copy = g; try copy.merge(g.lookup("Kalat")[0], g.lookup("Kalat Scouts")[0]) }
    }

    @Test("A subgraph keeps the selected nodes, the edges among them and their evidence")
    func subgraph() throws {
        let g = KnowledgeGraph(articles: sampleArticles())
        let bla = try #require(g.lookup("BLA").first)
        let attack = try #require(g.lookupExact("kalat_attack").first)
        let army = try #require(g.lookup("Pakistan Army").first)
        let s = g.subgraph(nodes: [attack, bla, army])
        #expect(s.nodeCount == 3 && s.entityCount == 2 && s.eventCount == 1)
        #expect(s.isSubgraph)
        let sBLA = try #require(s.lookup("BLA").first)
        let sAttack = try #require(s.lookupExact("kalat_attack").first)
        #expect(Set(s.edges.map(\.relation.name)) == ["agent", "target", "attacked", "claimed_responsibility"])
        #expect(s.event(sAttack)?.place == nil) // Kalat was not selected
        #expect(s.evidence(of: sBLA) == g.evidence(of: bla))
        #expect(s.explanation(of: sBLA).records.count == 2)
        #expect(s.events(from: nil, through: nil) == [sAttack])
    }

    @Test("Statistics count nodes, edges and merges by rule")
    func statistics() {
        let st = KnowledgeGraph(articles: sampleArticles()).statistics()
        #expect(st.articles == 2 && st.entities == 5 && st.events == 2)
        #expect(st.entityRecords == 8 && st.eventRecords == 3)
        #expect(st.mergesByRule["alias", default: 0] + st.mergesByRule["name", default: 0] == 3)
        #expect(st.mergesByRule["event_attributes"] == 1)
    }
}

@Suite("KnowledgeGraph snapshot")
struct SnapshotTests {
    @Test("A snapshot reads back as the same graph, which can still be explained and changed")
    func roundTrip() throws {
        var g = KnowledgeGraph(articles: sampleArticles())
        try g.split(g.lookup("BLA")[0], detaching: [RecordRef(kind: .entity, article: "kalat-2", key: "BLA")])
        let bytes = g.snapshot(header: "gen-1")
        #expect(KnowledgeGraph.snapshotHeader(bytes) == "gen-1")
        var back = try KnowledgeGraph(snapshot: bytes)
        #expect(back.canonicalDescription == g.canonicalDescription)
        #expect(back.statistics() == g.statistics())
        #expect(back.overrides == g.overrides)
        #expect(back.nodeIDs.map(back.explanation(of:)) == g.nodeIDs.map(g.explanation(of:)))
        #expect(back.articles == g.articles)
        let noSentences = try KnowledgeGraph(snapshot: bytes, includeSentences: false)
        #expect(noSentences.articles.allSatisfy { $0.sentences.isEmpty })
        #expect(noSentences.canonicalDescription == g.canonicalDescription)
        // Still a working graph: ingest and remove rebuild from the restored records.
        back.ingest(F.article("kalat-3", entities: [entity("BLA", .group)]))
        g.ingest(F.article("kalat-3", entities: [entity("BLA", .group)]))
        #expect(back.canonicalDescription == g.canonicalDescription)
    }

    @Test("Bytes that are not a snapshot of this build are refused, never trusted")
    func refusesForeignOrDamagedBytes() throws {
        #expect(throws: SnapshotError.self) { try KnowledgeGraph(snapshot: Array("not a snapshot".utf8)) }
        let bytes = KnowledgeGraph(articles: sampleArticles()).snapshot()
        #expect(throws: SnapshotError.self) { try KnowledgeGraph(snapshot: Array(bytes.prefix(bytes.count / 2))) }
        var other = bytes
        other[10] ^= 0xFF // inside the format fingerprint
        #expect(throws: SnapshotError.self) { try KnowledgeGraph(snapshot: other) }
        #expect(KnowledgeGraph.snapshotHeader(other) == nil)
        #expect(try KnowledgeGraph(snapshot: KnowledgeGraph().snapshot()).nodeCount == 0)
    }
}
