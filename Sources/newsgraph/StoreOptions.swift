import ArgumentParser
import Foundation

/// The `--db` option shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store.", discussion: "Default: $NEWSGRAPH_DB, else ./newsgraph.sqlite.", valueName: "PATH"))
    var db: String?

    /// The store path: `--db`, then `NEWSGRAPH_DB`, then `./newsgraph.sqlite`.
    var path: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["NEWSGRAPH_DB"], !env.isEmpty { return env }
        return "newsgraph.sqlite"
    }
}
