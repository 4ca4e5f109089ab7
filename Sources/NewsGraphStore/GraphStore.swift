import Foundation
import GRDB
import NewsGraphCore

/// A newsgraph store: one SQLite file (WAL mode) holding every ingested article's facts with provenance,
/// its sentences, and the analyst overrides. Opening it and calling `loadGraph()` gives the resolved
/// `KnowledgeGraph` (resolution runs at load time, so it always reflects the current rules and overrides).
///
/// - One write transaction per `ingest` call (a batch): a batch is stored entirely or not at all, so a
///   failure, or a `kill -9`, never leaves half an article.
/// - Re-ingesting an article with the same id, content hash and lexicon version is a no-op (`unchanged`).
/// - Several processes may use one store: writers wait for each other up to `lockTimeout` seconds, then
///   fail with `StoreError.locked`. Readers never wait (WAL).
public final class GraphStore: Sendable {
    /// The file path.
    public let path: String
    /// How long a write waits for another process's write to finish.
    public let lockTimeout: Double
    /// Whether `loadGraph` reads and writes the graph cache file (`<path>.graphcache`).
    public let useGraphCache: Bool
    /// Whether the store was opened read-only: nothing is ever written to it (the graph cache still is,
    /// when its directory is writable).
    public let readOnly: Bool
    /// Told things the user should know that are not errors (a damaged graph cache that was rebuilt).
    let note: @Sendable (String) -> Void
    let dbQueue: DatabaseQueue

    /// Writes a note to standard error, `newsgraph: note: …`.
    public static let standardErrorNote: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data(("newsgraph: note: " + message + "\n").utf8))
    }

    /// Opens (or, when `create` is true, creates) the store at `path`.
    ///
    /// With `readOnly`, SQLite opens the file read-only: the store works on a read-only mount, and a file that
    /// is not a complete newsgraph store (empty, another application's database) is refused and left exactly
    /// as it was. Without it, the file is also only changed (switched to WAL, given the schema) once it is known
    /// to be empty or a newsgraph store. Creating the schema is serialised between processes (an exclusive lock
    /// on the store's directory), so two processes creating one store at once both succeed.
    /// - Parameter note: told about what is not an error (a damaged graph cache rebuilt); standard error by default.
    /// - Throws: `StoreError.notFound`, `.notAStore`, `.newerSchema`, `.needsUpgrade`, `.locked`.
    public init(path: String, create: Bool = true, readOnly: Bool = false, lockTimeout: Double = 30, useGraphCache: Bool = true,
                note: @escaping @Sendable (String) -> Void = GraphStore.standardErrorNote) throws {
        self.path = path
        self.lockTimeout = lockTimeout
        self.useGraphCache = useGraphCache
        self.readOnly = readOnly
        self.note = note
        let create = create && !readOnly
        switch StorePath.inspect(path) {
        case .missing:
            if !create { throw StoreError.notFound(path: path) }
        case .regular(let size):
            if size == 0 && !create { throw StoreError.notAStore(path: path, reason: "an empty file") }
        case .problem(let reason):
            throw StoreError.notAStore(path: path, reason: reason)
        }
        // The file is never opened here other than by SQLite, not even to read its header: SQLite's locks are
        // POSIX locks, and closing any descriptor of the file drops every lock this process holds on it, so a
        // second `GraphStore` on a file this process already has open would leave the first one unprotected
        // (another process closing its connection would then checkpoint and delete the WAL under it: "database
        // disk image is malformed"). A file that is not a database makes SQLite fail with SQLITE_NOTADB, which
        // `map` turns into `notAStore`.
        var config = Configuration()
        config.busyMode = .timeout(lockTimeout)
        config.foreignKeysEnabled = true
        config.label = "newsgraph-store"
        config.readonly = readOnly
        if !readOnly {
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        do {
            dbQueue = readOnly ? try GraphStore.openReadOnly(path, config) : try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw GraphStore.map(error, path: path, lockTimeout: lockTimeout)
        }
        try prepareSchema(create: create)
    }

    /// Opens the file read-only. A WAL store on a read-only file system cannot be opened the usual way (SQLite
    /// needs to create its `-shm` file): it is then opened as immutable, which is exact as long as no write-ahead
    /// log is pending (a cleanly closed store has none); with a pending log it is refused with what to do.
    private static func openReadOnly(_ path: String, _ config: Configuration) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            do {
                try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            } catch {
                try? queue.close()
                throw error
            }
            return queue
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CANTOPEN || e.resultCode == .SQLITE_READONLY {
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0
            if wal > 0 {
                throw StoreError.database(path: path, message: "it cannot be opened read-only: its write-ahead log (\(path)-wal) holds changes and the directory is not writable; open it once where it is writable (any newsgraph command) to fold the log in")
            }
            let uri = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
            return try DatabaseQueue(path: uri, configuration: config)
        }
    }

    // MARK: - Errors and transactions

    static func map(_ error: any Error, path: String, lockTimeout: Double, waited: Double? = nil) -> any Error {
        if error is StoreError { return error }
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                // The time actually waited: SQLite gives up at once on some conflicts, and "waited 30 s" would be false.
                let seconds = waited.map { $0 >= lockTimeout * 0.9 ? lockTimeout : $0 } ?? lockTimeout
                return StoreError.locked(path: path, seconds: seconds)
            case .SQLITE_NOTADB:
                return StoreError.notAStore(path: path, reason: "not a SQLite database")
            case .SQLITE_FULL:
                return StoreError.diskFull(path: path)
            case .SQLITE_READONLY:
                return StoreError.database(path: path, message: "the file or its directory is read-only (\(e.message ?? "\(e)")); check the permissions, or use a command that only reads")
            default:
                return StoreError.database(path: path, message: e.message ?? "\(e)")
            }
        }
        if let e = error as? GraphError { return StoreError.refused(e.message) }
        return error
    }

    func guarded<T>(_ body: () throws -> T) throws -> T {
        let start = ContinuousClock.now
        do { return try body() } catch {
            let waited = ContinuousClock.now - start
            let seconds = Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
            throw GraphStore.map(error, path: path, lockTimeout: lockTimeout, waited: seconds)
        }
    }

    /// Runs `body` in one IMMEDIATE write transaction: committed entirely, or rolled back on any error.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try guarded {
            try dbQueue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try guarded { try dbQueue.read(body) }
    }
}
