import Foundation
import GRDB
import NewsGraphCore
import Testing
@testable import NewsGraphStore
#if canImport(Glibc)
import Glibc
#endif

/// The store survives `kill -9` in the middle of an ingest. The test binary re-invokes itself as a child
/// process (`childIngestLoop`, selected with `--filter` and enabled by an environment variable) that
/// ingests batches of 25 articles in a loop until it is killed.
@Suite("GraphStore crash safety")
struct CrashSafetyTests {
    static let childEnvironment = "NEWSGRAPH_TEST_INGEST_LOOP_STORE"
    static let batch = 25

    @Test("Child process for the kill -9 test: ingests batches until killed (a no-op in a normal run)")
    func childIngestLoop() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.childEnvironment] else { return }
        let store = try GraphStore(path: path, lockTimeout: 60)
        let start = (try store.stats().articles / Self.batch) * Self.batch
        var i = 0
        while i < 100_000 {
            try store.ingest((0 ..< Self.batch).map { StoreFixtures.generated(start + i * Self.batch + $0, prefix: "kill") })
            i += 1
        }
    }

    #if os(Linux)
    @Test("kill -9 in the middle of ingests loses nothing committed and leaves no half article")
    func killDuringIngest() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let path = dir.appendingPathComponent("g.sqlite").path
        _ = try GraphStore(path: path)
        var committed = 0
        for round in 0 ..< 3 {
            let child = try startChildTest(filter: "childIngestLoop", variable: Self.childEnvironment, value: path)
            // Wait until the child has committed at least one more batch, then kill it at a random moment.
            let observer = try DatabaseQueue(path: path)
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let n = try observer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0 }
                if n > committed { break }
                usleep(20_000)
            }
            try observer.close()
            usleep(UInt32.random(in: 5_000 ... 150_000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal, "round \(round): the child ended by itself")

            // Reopen: the file is intact, every article complete, batches whole, nothing committed lost.
            let store = try GraphStore(path: path)
            let check = try DatabaseQueue(path: path)
            try check.read { db in
                #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
                let incomplete = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM article a WHERE
                      (SELECT COUNT(*) FROM entity WHERE article_id = a.id) != 5 OR
                      (SELECT COUNT(*) FROM event WHERE article_id = a.id) != 2 OR
                      (SELECT COUNT(*) FROM triple WHERE article_id = a.id) != 3 OR
                      (SELECT COUNT(*) FROM causal WHERE article_id = a.id) != 1 OR
                      (SELECT COUNT(*) FROM sentence WHERE article_id = a.id) != 4
                    """)
                #expect(incomplete == 0)
            }
            try check.close()
            let n = try store.stats().articles
            #expect(n % Self.batch == 0, "a batch was half written: \(n) articles")
            #expect(n > committed, "round \(round): nothing new was committed")
            #expect(n >= committed)
            committed = n
            #expect(try store.loadGraph(includeSentences: false).articleCount == n)
        }
    }
    #endif
}
