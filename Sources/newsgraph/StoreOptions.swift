import ArgumentParser
import Foundation
import NewsGraph

/// The `--db` option shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store.", discussion: "Default: $NEWSGRAPH_DB, else ./newsgraph.sqlite.", valueName: "PATH"))
    var db: String?

    @Option(name: .customLong("lock-timeout"), help: ArgumentHelp("How long to wait for another newsgraph process that is writing to the store.", valueName: "SECONDS"))
    var lockTimeout: Double = 30

    func validate() throws {
        guard lockTimeout >= 0, lockTimeout.isFinite else { throw ValidationError("--lock-timeout must be a number of seconds, 0 or more") }
    }

    /// The store, opened to read only (the commands that never change it: nothing is written to the file,
    /// and a file that is not a newsgraph store is refused untouched).
    func openForReading() throws -> GraphStore {
        try GraphStore(path: path, create: false, readOnly: true, lockTimeout: lockTimeout)
    }

    /// The existing store, opened to change it (merge, split, remove).
    func openForWriting() throws -> GraphStore {
        try GraphStore(path: path, create: false, lockTimeout: lockTimeout)
    }

    /// The store path: `--db`, then `NEWSGRAPH_DB`, then `./newsgraph.sqlite`.
    var path: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["NEWSGRAPH_DB"], !env.isEmpty { return env }
        return "newsgraph.sqlite"
    }
}
