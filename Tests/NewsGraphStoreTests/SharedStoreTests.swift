import Foundation
import GRDB
import NewsGraphCore
import Testing
@testable import NewsGraphStore

/// A store open for a long time in one process while other processes use it (WAL mode). SQLite's locks are
/// POSIX locks, which a process loses on the file as soon as it closes *any* descriptor of it; if a process
/// holding a connection opened and closed the store file by other means, another process closing its
/// connection would believe it was the last one, checkpoint and delete the WAL under the first process, whose
/// next reads could then find "database disk image is malformed". The test binary re-invokes itself as the
/// other process (`childIngestOnce`, enabled by an environment variable).
@Suite("GraphStore shared between processes")
struct SharedStoreTests {
    static let childEnvironment = "NEWSGRAPH_TEST_INGEST_ONCE_STORE"

    @Test("Child process for the shared-store test: ingests one article and exits (a no-op in a normal run)")
    func childIngestOnce() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.childEnvironment] else { return }
        let store = try GraphStore(path: path, lockTimeout: 60)
        try store.ingest([StoreFixtures.generated(1_000, prefix: "child")])
    }

    #if os(Linux)
    @Test("Opening the store again in a process keeps that process's locks: another process cannot take the WAL away")
    func reopeningKeepsLocks() throws {
        let dir = StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanup(dir) }
        let path = dir.appendingPathComponent("g.sqlite").path
        let holder = try GraphStore(path: path)
        try holder.ingest((0 ..< 3).map { StoreFixtures.generated($0, prefix: "held") })
        #expect(try holder.stats().articles == 3)
        // Another GraphStore on the same file in this process, opened and dropped (as a long-running app
        // that reopens the store per request does).
        do {
            let again = try GraphStore(path: path)
            #expect(try again.stats().articles == 3)
        }
        // Another process ingests and exits. The holder's connection must still count: the WAL stays.
        let child = try startChildTest(filter: "childIngestOnce", variable: Self.childEnvironment, value: path)
        child.waitUntilExit()
        #expect(child.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"),
                "the other process found no other connection, checkpointed and removed the WAL: this process lost its locks")
        #expect(try holder.stats().articles == 4)
        let graph = try holder.loadGraph()
        #expect(graph.articleCount == 4)
        let integrity = try holder.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
    #endif
}
