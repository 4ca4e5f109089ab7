import Foundation
@_spi(Testing) import NewsGraphCore
import Testing
@testable import NewsGraphStore

/// The final resolve of an ingest (`refreshGraphCache`) resolves without the articles' sentences and writes
/// them into the cache image straight from the store: the image must be the one a graph holding them gives.
@Suite struct BoundedResolveTests {
    /// The bytes `writeSnapshot` hands over, collected.
    final class Collected: @unchecked Sendable { var bytes: [UInt8] = [] }

    static func image(_ graph: KnowledgeGraph, sentences: ((String) throws -> [String])? = nil) throws -> [UInt8] {
        let out = Collected()
        try graph.writeSnapshot(header: "h", pieceSize: 64, sentences: sentences) { out.bytes.append(contentsOf: $0) }
        return out.bytes
    }

    @Test("An image whose sentences come from a source reads back as the graph that holds them")
    func sentencesFromSource() throws {
        let articles = (0 ..< 15).map { StoreFixtures.generated($0) }
        var bare = articles
        for i in bare.indices { bare[i].article.sentences = [] }
        let byID = Dictionary(uniqueKeysWithValues: articles.map { ($0.article.id, $0.article.sentences) })
        let asked = Collected()
        let streamed = try Self.image(KnowledgeGraph(articles: bare)) { id in
            asked.bytes.append(1)
            return byID[id] ?? []
        }
        // Compared decoded (an image is not byte-for-byte reproducible: a few arrays follow set order).
        let whole = KnowledgeGraph(articles: articles)
        let read = try KnowledgeGraph(snapshot: streamed)
        #expect(ReliabilityTests.digest(read) == ReliabilityTests.digest(whole))
        for a in articles {
            #expect(read.article(a.article.id)?.sentences == a.article.sentences)
        }
        #expect(streamed.count == (try Self.image(whole)).count)
        #expect(asked.bytes.count == articles.count)
    }

    @Test("A failing sentence source ends the write with its error")
    func failingSource() throws {
        struct Failure: Error {}
        let graph = KnowledgeGraph(articles: (0 ..< 4).map { StoreFixtures.generated($0) })
        #expect(throws: Failure.self) { _ = try Self.image(graph) { _ in throw Failure() } }
    }

    @Test("The cache written at the end of an ingest holds every sentence and answers like a fresh resolve")
    func refreshedCacheHasSentences() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        try store.ingest((0 ..< 20).map { StoreFixtures.generated($0) })
        try store.remove(article: "gen-4")  // a gap in the row ids
        #expect(try store.refreshGraphCache())
        #expect(try store.graphCacheIsCurrent())
        let cached = try store.loadGraph()
        let whole = KnowledgeGraph(articles: try store.loadArticles(), overrides: try store.overrides().map(\.override))
        #expect(ReliabilityTests.digest(cached) == ReliabilityTests.digest(whole))
        var sentences = 0
        for n in whole.nodeIDs {
            for e in whole.evidence(of: n) where e.sentenceIndex != nil {
                #expect(cached.sentence(of: e) == whole.sentence(of: e))
                if whole.sentence(of: e) != nil { sentences += 1 }
            }
        }
        #expect(sentences > 0)
        for id in (0 ..< 20).map({ "gen-\($0)" }) where id != "gen-4" {
            #expect(cached.article(id)?.sentences == whole.article(id)?.sentences)
        }
    }

    @Test("The resolve budget comes from NEWSGRAPH_RESOLVE_MEMORY_MB, else the memory available")
    func budgetFromEnvironment() {
        let meminfo = "MemTotal:       8000000 kB\nMemAvailable:    2048000 kB\n"
        #expect(ResolveBudget.fromEnvironment(["NEWSGRAPH_RESOLVE_MEMORY_MB": "300"], meminfo: meminfo).limitBytes == 300 << 20)
        #expect(ResolveBudget.fromEnvironment(["NEWSGRAPH_RESOLVE_MEMORY_MB": "0"], meminfo: meminfo).limitBytes == nil)
        #expect(ResolveBudget.fromEnvironment([:], meminfo: meminfo).limitBytes == 2_048_000 << 10)
        #expect(ResolveBudget.fromEnvironment(["NEWSGRAPH_RESOLVE_MEMORY_MB": "lots"], meminfo: nil).limitBytes == nil)
        #expect(ResolveBudget.estimate(records: 1_000_000) > ResolveBudget.estimate(records: 10))
    }

    @Test("A store whose resolve would exceed the budget is refused with a message saying what to do, and no cache is written")
    func budgetRefusesLargeResolve() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        try store.ingest((0 ..< 6).map { StoreFixtures.generated($0) })
        do {
            try store.refreshGraphCache(budget: ResolveBudget(limitBytes: 1 << 20))
            Issue.record("the refresh was not refused")
        } catch let error as StoreError {
            guard case .resolveTooLarge(let path, let needed, let limit) = error else { Issue.record("\(error)"); return }
            #expect(path == store.path && needed > limit && limit == 1)
            #expect(error.description.contains("NEWSGRAPH_RESOLVE_MEMORY_MB") && !error.description.contains("\n"))
        }
        #expect(!FileManager.default.fileExists(atPath: store.graphCachePath))
        #expect(try store.refreshGraphCache(budget: ResolveBudget(limitBytes: nil)))
        #expect(FileManager.default.fileExists(atPath: store.graphCachePath))
    }

    @Test("Seeded: stores of random shapes refresh to a cache that reads back as a fresh resolve", arguments: [1, 2, 3, 4] as [UInt64])
    func seededRefresh(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        let count = Int.random(in: 1 ... 30, using: &rng)
        var articles = (0 ..< count).map { StoreFixtures.generated($0, prefix: "p\(seed)") }
        for i in articles.indices where Bool.random(using: &rng) {
            articles[i].article.sentences = Array(articles[i].article.sentences.prefix(Int.random(in: 0 ... 4, using: &rng)))
        }
        try store.ingest(articles)
        for _ in 0 ..< Int.random(in: 0 ... 3, using: &rng) {
            try store.remove(article: "p\(seed)-\(Int.random(in: 0 ..< count, using: &rng))")
        }
        try store.refreshGraphCache(budget: ResolveBudget(limitBytes: nil))
        let cached = try store.loadGraph()
        let whole = KnowledgeGraph(articles: try store.loadArticles(), overrides: [])
        #expect(ReliabilityTests.digest(cached) == ReliabilityTests.digest(whole))
        for a in try store.loadArticles() { #expect(cached.article(a.article.id)?.sentences == a.article.sentences) }
    }
}
