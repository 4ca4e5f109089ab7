import Foundation
import GRDB
import NewsGraphCore
import Testing
@testable import NewsGraphStore

private typealias S = StoreFixtures

/// The counts of every fact table, to compare a store before and after.
private func tableCounts(_ path: String) throws -> [String: Int] {
    let q = try DatabaseQueue(path: path)
    return try q.read { db in
        var out: [String: Int] = [:]
        for t in ["article", "sentence", "entity", "event", "triple", "causal", "override"] {
            out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)") ?? 0
        }
        return out
    }
}

@Suite("GraphStore")
struct GraphStoreTests {
    @Test("A new store is created with its schema and can be reopened")
    func createAndReopen() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let path = dir.appendingPathComponent("g.sqlite").path
        let store = try GraphStore(path: path)
        let st = try store.stats()
        #expect(st.articles == 0 && st.schema == "v2-generation")
        let again = try GraphStore(path: path, create: false)
        #expect(try again.loadGraph().nodeCount == 0)
        let mode = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("Articles round-trip through the store unchanged, with sentences, provenance and lexicon version per fact")
    func roundTrip() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("g.sqlite").path)
        let articles = (0 ..< 5).map { S.generated($0) }
        try store.ingest(articles)
        let loaded = try store.loadArticles()
        #expect(loaded == articles.sorted { $0.article.id < $1.article.id })
        let lexicons = try DatabaseQueue(path: store.path).read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT lexicon_version FROM triple UNION SELECT DISTINCT lexicon_version FROM entity")
        }
        #expect(lexicons == ["builtin-1"])
        let g = try store.loadGraph()
        let attack = try #require(g.lookupExact("attack_3").first)
        let ev = try #require(g.evidence(of: attack).first)
        #expect(g.sentence(of: ev) == "Sentence 0 of gen-3.")
        #expect(g.lexiconVersion(of: ev) == "builtin-1")
        #expect(try store.loadGraph(includeSentences: false).articles.allSatisfy { $0.sentences.isEmpty })
    }

    @Test("Re-ingesting the same articles is a no-op: unchanged outcomes, same rows, same graph")
    func idempotentReingest() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("g.sqlite").path)
        let articles = (0 ..< 6).map { S.generated($0) }
        #expect(try store.ingest(articles).map(\.status) == Array(repeating: .added, count: 6))
        let counts = try tableCounts(store.path)
        let graph = try store.loadGraph().statistics()
        #expect(try store.ingest(articles).map(\.status) == Array(repeating: .unchanged, count: 6))
        #expect(try tableCounts(store.path) == counts)
        #expect(try store.loadGraph().statistics() == graph)
        // Same id, new content: the article's facts are replaced, not added.
        var changed = S.generated(2, hash: "new-hash")
        changed.events[0].killed = 99
        #expect(try store.ingest([changed]).map(\.status) == [.updated])
        #expect(try tableCounts(store.path) == counts)
        let g = try store.loadGraph()
        #expect(g.event(try #require(g.lookupExact("attack_2").first))?.killed.map(\.value) == [99])
    }

    @Test("A batch that fails validation writes nothing")
    func invalidBatchWritesNothing() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("g.sqlite").path)
        try store.ingest([S.generated(0)])
        let before = try tableCounts(store.path)
        var bad = S.generated(2)
        bad.article.id = " "
        #expect(throws: StoreError.self) { try store.ingest([S.generated(1), bad]) }
        #expect(try tableCounts(store.path) == before)
    }

    @Test("A failure in the middle of a write transaction rolls the whole batch back")
    func midTransactionFailureRollsBack() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("g.sqlite").path)
        try store.ingest([S.generated(0)])
        // A trigger makes SQLite fail on the third article's second event, after rows were written.
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "CREATE TRIGGER boom BEFORE INSERT ON event WHEN NEW.local_id = 'raid_3' BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        let before = try tableCounts(store.path)
        do {
            try store.ingest([S.generated(1), S.generated(2), S.generated(3), S.generated(4)])
            Issue.record("the ingest should have failed")
        } catch let error as StoreError {
            guard case .database(_, let message) = error else { Issue.record("unexpected \(error)"); return }
            #expect(message.contains("boom"))
            #expect(error.description.contains("rolled back"))
        }
        #expect(try tableCounts(store.path) == before)
        #expect(try store.loadArticles().map(\.article.id) == ["gen-0"])
    }

    @Test("Files that are not newsgraph stores are refused with a clear error")
    func refusesForeignFiles() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let text = dir.appendingPathComponent("notes.txt").path
        try "just some notes, not a database at all".write(toFile: text, atomically: true, encoding: .utf8)
        #expect { try GraphStore(path: text) } throws: { error in
            guard case StoreError.notAStore = error else { return false }
            return "\(error)".contains("not a SQLite database")
        }
        let other = dir.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE customers(id INTEGER PRIMARY KEY)") }
        #expect { try GraphStore(path: other) } throws: { error in
            guard case StoreError.notAStore = error else { return false }
            return "\(error)".contains("customers")
        }
        #expect { try GraphStore(path: dir.appendingPathComponent("missing.sqlite").path, create: false) } throws: { error in
            guard case StoreError.notFound = error else { return false }
            return true
        }
    }

    @Test("A store written by a newer schema is refused and left alone")
    func newerSchemaRefused() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let path = dir.appendingPathComponent("g.sqlite").path
        try GraphStore(path: path).ingest([S.generated(0)])
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v9-from-the-future')")
        }
        #expect { try GraphStore(path: path) } throws: { error in
            guard case StoreError.newerSchema(_, let unknown) = error else { return false }
            return unknown == ["v9-from-the-future"] && "\(error)".contains("upgrade newsgraph")
        }
    }

    @Test("Removing an article deletes its facts and keeps what other articles support")
    func removeArticle() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("g.sqlite").path)
        try store.ingest([S.generated(0), S.generated(7)]) // both mention "Group 0 Front"
        #expect(try store.remove(article: "gen-7"))
        #expect(try !store.remove(article: "gen-7"))
        let g = try store.loadGraph()
        let group = try #require(g.lookupExact("Group 0 Front").first)
        #expect(g.articles(of: group) == ["gen-0"])
        #expect(g.lookupExact("Commander 7").isEmpty)
        let counts = try tableCounts(store.path)
        #expect(counts["article"] == 1 && counts["entity"] == 5 && counts["sentence"] == 4 && counts["causal"] == 1)
    }

    @Test("Analyst merge and split persist across reopening and later ingests, and explain shows them")
    func mergeSplitExplainPersist() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let path = dir.appendingPathComponent("g.sqlite").path
        let store = try GraphStore(path: path)
        try store.ingest([S.generated(1), S.generated(2)])
        // Two different groups, merged by hand.
        let merged = try store.merge("Group 1 Front", "Group 2 Front")
        #expect(merged.merges.contains { $0.rule == .manual })
        #expect(merged.articles == ["gen-1", "gen-2"])
        #expect(try store.overrides().count == 1)
        try store.ingest([S.generated(8)]) // also "Group 1 Front"
        let reopened = try GraphStore(path: path, create: false)
        var g = try reopened.loadGraph()
        #expect(Set(g.lookupExact("Group 1 Front")) == Set(g.lookupExact("Group 2 Front")))
        #expect(g.articles(of: g.lookupExact("Group 2 Front")[0]) == ["gen-1", "gen-2", "gen-8"])
        // Split gen-8's record off again; the automatic name rule may not rejoin it.
        let parts = try reopened.split("Group 1 Front", articles: ["gen-8"])
        #expect(parts.count == 2)
        try reopened.ingest([S.generated(15)]) // "Group 1 Front" once more
        g = try reopened.loadGraph()
        #expect(g.lookupExact("Group 1 Front").count == 2)
        let explained = try reopened.explain(name: "Group 2 Front")
        #expect(explained.count == 1)
        #expect(explained[0].overrides.count == 2)
        #expect(throws: StoreError.self) { try reopened.explain(name: "No Such Group Anywhere") }
        #expect(throws: StoreError.self) { try reopened.merge("Border Police", "Town 1") } // unit vs place
        // An override can be removed again.
        let first = try #require(try reopened.overrides().first)
        #expect(try reopened.removeOverride(id: first.id))
        #expect(try reopened.overrides().count == 1)
    }

    @Test("The graph cache is reused while the store is unchanged and never serves a stale or damaged graph")
    func graphCache() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("g.sqlite").path)
        try store.ingest((0 ..< 4).map { S.generated($0) })
        let first = try store.loadGraph()
        #expect(FileManager.default.fileExists(atPath: store.graphCachePath))
        let cached = try store.loadGraph()
        #expect(cached.statistics() == first.statistics())
        #expect(cached.articles == first.articles)
        // Every kind of change invalidates it.
        try store.ingest([S.generated(9)])
        #expect(try store.loadGraph().articleCount == 5)
        try store.merge("Group 1 Front", "Group 2 Front")
        #expect(try store.loadGraph().lookupExact("Group 1 Front") == store.loadGraph().lookupExact("Group 2 Front"))
        try store.remove(article: "gen-9")
        #expect(try store.loadGraph().articleCount == 4)
        // A damaged cache is ignored and rewritten.
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: store.graphCachePath))
        #expect(try store.loadGraph().articleCount == 4)
        #expect(try store.loadGraph(includeSentences: false).articles.allSatisfy { $0.sentences.isEmpty })
        #expect(try store.loadGraph().articles.allSatisfy { $0.sentences.count == 4 })
        // A store opened without the cache never touches it.
        try FileManager.default.removeItem(atPath: store.graphCachePath)
        let plain = try GraphStore(path: store.path, useGraphCache: false)
        #expect(try plain.loadGraph().articleCount == 4)
        #expect(!FileManager.default.fileExists(atPath: store.graphCachePath))
    }

    @Test("refreshGraphCache writes the cache when the store changed and does nothing while it is current")
    func refreshGraphCacheOnlyWhenStale() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("r.sqlite").path)
        try store.ingest((0 ..< 3).map { S.generated($0) })
        #expect(try !store.graphCacheIsCurrent())
        #expect(try store.refreshGraphCache())
        #expect(try store.graphCacheIsCurrent())
        #expect(try !store.refreshGraphCache())
        // The next open reads the cache: the same graph as a resolution from the records.
        let cached = try store.loadGraph()
        let resolved = try GraphStore(path: store.path, useGraphCache: false).loadGraph()
        #expect(cached.statistics() == resolved.statistics())
        #expect(cached.articles == resolved.articles)
        #expect(cached.edges == resolved.edges)
        #expect(cached.nodeIDs.map { cached.name(of: $0) } == resolved.nodeIDs.map { resolved.name(of: $0) })
        // Any write makes it stale; a cache without sentences is not current either.
        try store.ingest([S.generated(7)])
        #expect(try !store.graphCacheIsCurrent())
        _ = try store.loadGraph(includeSentences: false)
        #expect(try !store.graphCacheIsCurrent())
        #expect(try store.refreshGraphCache())
        #expect(try store.graphCacheIsCurrent())
        #expect(try store.loadGraph().articles.allSatisfy { $0.sentences.count == 4 })
        // A store that does not use the cache never writes one.
        try FileManager.default.removeItem(atPath: store.graphCachePath)
        #expect(try !GraphStore(path: store.path, useGraphCache: false).refreshGraphCache())
        #expect(!FileManager.default.fileExists(atPath: store.graphCachePath))
    }

    @Test("A graph cache decoded from a mapping whose pages are released as it goes reads back the same graph")
    func graphCacheReadWithReleasedPages() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("m.sqlite").path)
        try store.ingest((0 ..< 40).map { S.generated($0) })
        #expect(try store.refreshGraphCache())
        let expected = try KnowledgeGraph(snapshot: Array(try Data(contentsOf: URL(fileURLWithPath: store.graphCachePath))))
        // Release every page as soon as it is behind the reader (the store does it 8 MiB at a time).
        let file = try #require(MappedFile(path: store.graphCachePath, releaseStep: 1))
        defer { file.close() }
        var offsets: [Int] = []
        let graph = try KnowledgeGraph(snapshotBytes: file.bytes, consumed: { offsets.append($0); file.release(upTo: $0) })
        #expect(offsets.count > 10 && offsets == offsets.sorted())
        #expect(graph.statistics() == expected.statistics())
        #expect(graph.articles == expected.articles)
        #expect(graph.edges == expected.edges)
        #expect(graph.nodeIDs.map { graph.label(of: $0) } == expected.nodeIDs.map { expected.label(of: $0) })
        // Released pages read back from the file when touched again.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.graphCachePath))
        #expect(Data(file.bytes) == bytes)
    }

    @Test("Ambiguous names are refused with the candidates listed")
    func ambiguousNames() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("g.sqlite").path)
        try store.ingest([S.generated(1), S.generated(2)])
        #expect { try store.merge("Commander", "Border Police") } throws: { error in
            guard case StoreError.ambiguousName(_, let candidates) = error else { return false }
            return candidates.count == 2
        }
    }

    @Test("Statistics count articles, fact rows, overrides and lexicon versions")
    func statistics() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("g.sqlite").path)
        try store.ingest((0 ..< 3).map { S.generated($0) })
        let st = try store.stats(resolve: true)
        #expect(st.articles == 3 && st.entityRecords == 15 && st.eventRecords == 6 && st.triples == 9 && st.causalLinks == 3)
        #expect(st.sentences == 12 && st.lexiconVersions == ["builtin-1": 3])
        #expect(st.firstArticleDate == "2025-01-10" && st.lastArticleDate == "2025-01-12")
        #expect(st.fileBytes > 0)
        #expect(st.graph?.articles == 3)
        #expect(st.graph?.entities == 4 * 3 + 1) // a group, town, commander and camp per article; one shared police unit
    }

    @Test("The four story articles (reads ../shared/corpus) load from the store as the same graph as in memory")
    func storiesThroughTheStore() throws {
        guard S.corpusAvailable else { return }
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("g.sqlite").path)
        let stories = try S.stories()
        for a in stories.reversed() { try store.ingest([a]) }
        let g = try store.loadGraph()
        let memory = KnowledgeGraph(articles: stories)
        #expect(g.nodeCount == memory.nodeCount && g.edgeCount == memory.edgeCount)
        #expect(g.nodeIDs.map { g.records(of: $0) } == memory.nodeIDs.map { memory.records(of: $0) })
        let ttp = try store.explain(name: "TTP")
        #expect(ttp.count == 1 && ttp[0].articles.count == 4)
    }

    @Test("Two connections ingesting into one file at the same time both succeed")
    func concurrentIngest() async throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let path = dir.appendingPathComponent("g.sqlite").path
        _ = try GraphStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for prefix in ["a", "b"] {
                group.addTask {
                    let store = try GraphStore(path: path, lockTimeout: 20)
                    for batch in 0 ..< 10 {
                        try store.ingest((0 ..< 3).map { S.generated(batch * 3 + $0, prefix: prefix) })
                    }
                }
            }
            try await group.waitForAll()
        }
        let counts = try tableCounts(path)
        #expect(counts["article"] == 60 && counts["entity"] == 300)
    }

    @Test("A writer that waits longer than the lock timeout fails with a clear 'locked' error and writes nothing")
    func lockTimeout() throws {
        let dir = S.temporaryDirectory()
        defer { S.cleanup(dir) }
        let path = dir.appendingPathComponent("g.sqlite").path
        _ = try GraphStore(path: path)
        let holder = try DatabaseQueue(path: path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let store = try GraphStore(path: path, lockTimeout: 0.3)
            let start = Date()
            #expect { try store.ingest([S.generated(0)]) } throws: { error in
                guard case StoreError.locked(_, let seconds) = error else { return false }
                return seconds == 0.3 && "\(error)".contains("try again")
            }
            #expect(Date().timeIntervalSince(start) >= 0.25)
        }
        #expect(try tableCounts(path)["article"] == 0)
    }
}
