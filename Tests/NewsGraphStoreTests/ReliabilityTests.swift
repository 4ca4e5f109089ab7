import Foundation
import GRDB
@_spi(Testing) import NewsGraphCore
import Synchronization
import Testing
@testable import NewsGraphStore

/// Damage and hostile inputs: a damaged graph cache, NUL and control characters, bad dates, read-only use,
/// several processes creating one store.
@Suite struct ReliabilityTests {
    /// Collects the notes a store gives.
    final class Notes: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        var sink: @Sendable (String) -> Void { { line in self.lines.withLock { $0.append(line) } } }
    }

    /// What the graph answers, as text: every node with its records and evidence, every edge with its evidence.
    static func digest(_ g: KnowledgeGraph) -> [String] {
        var out: [String] = []
        for n in g.nodeIDs {
            out.append("\(n) \(g.label(of: n)) \(g.records(of: n)) \(g.evidence(of: n))")
            for e in g.edgeIDs(of: n, direction: .outgoing) { out.append("  \(g.endpoints(of: e)) \(g.evidence(of: e))") }
        }
        return out
    }

    private func store(_ dir: URL, articles: Int = 24) throws -> GraphStore {
        let store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        try store.ingest((0 ..< articles).map { StoreFixtures.generated($0) })
        return store
    }

    // MARK: Graph cache

    @Test("Flipping random bytes of a real graph cache never crashes: the damage is noted, the cache rebuilt, the answers unchanged")
    func damagedCacheIsRebuilt() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let path = try store(dir).path
        let fresh = try GraphStore(path: path, useGraphCache: false).loadGraph()
        let expected = Self.digest(fresh)
        let setup = try GraphStore(path: path)
        _ = try setup.loadGraph()
        let cachePath = setup.graphCachePath
        let good = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        var rng = SplitMix64(seed: 0x0CAC_4E15)
        var noted = 0
        for round in 0 ..< 60 {
            var bytes = [UInt8](good)
            // One to three flipped bytes anywhere, or a truncation.
            if round % 10 == 9 {
                bytes.removeLast(Int.random(in: 1 ..< bytes.count, using: &rng))
            } else {
                for _ in 0 ..< Int.random(in: 1 ... 3, using: &rng) {
                    let i = Int.random(in: 0 ..< bytes.count, using: &rng)
                    bytes[i] ^= UInt8.random(in: 1 ... 255, using: &rng)
                }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: cachePath))
            let notes = Notes()
            let graph = try GraphStore(path: path, note: notes.sink).loadGraph()
            let same = Self.digest(graph) == expected
            #expect(same, "round \(round)")
            noted += notes.all.count
            #expect(notes.all.allSatisfy { $0.contains("damaged") && $0.contains("rebuilt") })
            // The damaged file was replaced by a good one.
            let quiet = Notes()
            let again = Self.digest(try GraphStore(path: path, note: quiet.sink).loadGraph()) == expected
            #expect(again)
            #expect(quiet.all.isEmpty)
        }
        // Flips in the header make the cache look stale (rebuilt silently); every other one is noted.
        #expect(noted >= 40)
    }

    @Test("The final resolve reads articles one at a time and gives the same graph as from all of them at once")
    func streamingResolveMatches() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let store = try self.store(dir, articles: 30)
        try store.remove(article: "gen-7")  // a gap in the row ids
        var changed = StoreFixtures.generated(3)
        changed.article.contentHash = "changed"
        changed.events.removeLast()
        try store.ingest([changed])  // an article re-stored under a new row id
        let streamed = try GraphStore(path: store.path, useGraphCache: false).loadGraph()
        let whole = KnowledgeGraph(articles: try store.loadArticles(), overrides: try store.overrides().map(\.override))
        let same = Self.digest(streamed) == Self.digest(whole)
        #expect(same)
        #expect(streamed.nodeCount == whole.nodeCount && streamed.edgeCount == whole.edgeCount)
    }

    @Test("An image written in pieces is the image built whole, checksum included", arguments: [32, 100, 4096, 1 << 22])
    func imageInPieces(pieceSize: Int) throws {
        let graph = KnowledgeGraph(articles: (0 ..< 12).map { StoreFixtures.generated($0) })
        final class Collected: @unchecked Sendable { var bytes: [UInt8] = []; var pieces = 0 }
        let out = Collected()
        try graph.writeSnapshot(header: "h", pieceSize: pieceSize) { out.bytes.append(contentsOf: $0); out.pieces += 1 }
        let whole = graph.snapshot(header: "h")
        #expect(out.bytes == whole)
        #expect(pieceSize > whole.count || out.pieces > 1)
        let same = Self.digest(try KnowledgeGraph(snapshot: out.bytes)) == Self.digest(graph)
        #expect(same)
    }

    @Test("The cache checksum catches every single flipped byte of an image")
    func checksumCatchesEveryFlip() throws {
        let graph = KnowledgeGraph(articles: (0 ..< 6).map { StoreFixtures.generated($0) })
        let image = graph.snapshot(header: "h")
        var rng = SplitMix64(seed: 7)
        for _ in 0 ..< 300 {
            var bytes = image
            let i = Int.random(in: 0 ..< bytes.count, using: &rng)
            bytes[i] ^= UInt8.random(in: 1 ... 255, using: &rng)
            #expect(throws: SnapshotError.self) { _ = try KnowledgeGraph(snapshot: bytes) }
        }
        let same = Self.digest(try KnowledgeGraph(snapshot: image)) == Self.digest(graph)
        #expect(same)
    }

    // MARK: NUL, control characters, dates

    @Test("Ids and names with NUL or control characters are refused, naming the place, instead of being cut", arguments: [
        ("dup\u{0}one", nil as String?, nil as String?, "the article id"),
        ("ok-1", "Zh\u{0}ob", nil, "the entity name"),
        ("ok-2", "Zh\u{1B}ob", nil, "the entity name"),
        ("ok-3", nil, "9999-99-99", "the article date"),
        ("ok-4", nil, "2024-02-30", "the article date"),
        ("ok-5", nil, "24-1-1", "the article date"),
    ])
    func refusesControlCharactersAndBadDates(id: String, name: String?, date: String?, place: String) throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        var a = StoreFixtures.generated(1)
        a.article.id = id
        if let name { a.entities[0].name = name }
        if let date { a.article.date = date }
        do {
            try store.ingest([a])
            Issue.record("accepted")
        } catch let StoreError.invalidArticle(_, reason) {
            #expect(reason.hasPrefix(place))
            #expect(!reason.unicodeScalars.contains { $0.value < 0x20 })
        }
        #expect(try store.stats().articles == 0)
    }

    @Test("Two ids that differ after a NUL are not merged into one article")
    func nulIdsAreNotMerged() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        for id in ["dup\u{0}one", "dup\u{0}two"] {
            var a = StoreFixtures.generated(1)
            a.article.id = id
            #expect(throws: StoreError.self) { try store.ingest([a]) }
        }
        #expect(try store.stats().articles == 0)
    }

    @Test("An event date that is not a calendar day is refused")
    func badEventDate() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        var a = StoreFixtures.generated(1)
        a.events[0].date = "2024-13-01"
        #expect(throws: StoreError.self) { try store.ingest([a]) }
        a.events[0].date = "2024-12-31"
        #expect(try store.ingest([a]).first?.status == .added)
    }

    // MARK: Read-only use

    @Test("Opening read-only never turns an empty or foreign file into a store, nor switches it to WAL")
    func readOnlyLeavesFilesAlone() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let empty = dir.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: StoreError.self) { _ = try GraphStore(path: empty, create: false, readOnly: true) }
        #expect(throws: StoreError.self) { _ = try GraphStore(path: empty, create: false) }
        #expect((try FileManager.default.attributesOfItem(atPath: empty))[.size] as? Int == 0)

        let foreign = dir.appendingPathComponent("foreign.sqlite").path
        do {
            let q = try DatabaseQueue(path: foreign)
            try q.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
            try q.close()
        }
        for readOnly in [true, false] {
            do {
                _ = try GraphStore(path: foreign, create: false, readOnly: readOnly)
                Issue.record("opened a foreign database")
            } catch StoreError.notAStore {}
        }
        let mode = try DatabaseQueue(path: foreign).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")

        let missing = dir.appendingPathComponent("missing.sqlite").path
        #expect(throws: StoreError.notFound(path: missing)) { _ = try GraphStore(path: missing, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("A store opened read-only answers like a writable one and refuses writes")
    func readOnlyStore() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let path = try store(dir, articles: 5).path
        let ro = try GraphStore(path: path, create: false, readOnly: true)
        #expect(try ro.stats().articles == 5)
        let same = Self.digest(try ro.loadGraph()) == Self.digest(try GraphStore(path: path).loadGraph())
        #expect(same)
        #expect(throws: StoreError.self) { try ro.ingest([StoreFixtures.generated(99)]) }
    }

    @Test("A directory, a FIFO or a symlink loop as the store path gets a message that says what it is")
    func storePathKinds() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let loop = dir.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for (path, words) in [(dir.path, "a directory"), (loop, "symbolic link loop"), (fifo, "named pipe")] {
            do {
                _ = try GraphStore(path: path, readOnly: true)
                Issue.record("opened \(path)")
            } catch let e as StoreError {
                #expect(e.description.contains(words))
            }
        }
    }

    // MARK: Concurrent creation

    @Test("Several creators of one new store at once all succeed (creation is serialised)")
    func concurrentCreation() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let failures = Mutex<[String]>([])
        for round in 0 ..< 25 {
            let path = dir.appendingPathComponent("c\(round).sqlite").path
            DispatchQueue.concurrentPerform(iterations: 4) { i in
                do {
                    let s = try GraphStore(path: path)
                    try s.ingest([StoreFixtures.generated(i, prefix: "r\(round)")])
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(try GraphStore(path: path).stats().articles == 4)
        }
        #expect(failures.withLock { $0 } == [])
    }

    @Test("Tens of thousands of aliases on one entity resolve in about linear time, in their order")
    func manyAliases() {
        var a = StoreFixtures.generated(1)
        a.entities[0].aliases = (0 ..< 40_000).map { "Alias \($0)" }
        let start = ContinuousClock.now
        let graph = KnowledgeGraph(articles: [a])
        // Quadratic, this took over a minute in a debug build; a generous bound only (benchmarks measure speed).
        #expect(ContinuousClock.now - start < .seconds(30))
        let node = graph.lookup("Alias 39999", kind: nil, type: nil)
        #expect(node.count == 1)
        if let n = node.first, let e = graph.entity(n) {
            #expect(e.aliases.count == 40_000 && e.aliases[0] == "Alias 0" && e.aliases.last == "Alias 39999")
        }
    }

    @Test("The lock message names an option that exists")
    func lockMessage() {
        let m = StoreError.locked(path: "s.sqlite", seconds: 0.1).description
        #expect(m.contains("--lock-timeout"))
        #expect(m.contains("0.1 s"))
    }
}
