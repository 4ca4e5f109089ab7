import ArgumentParser
import NewsGraph

/// The flags and the run that `ingest` and `import` share: progress lines, the final total, and the
/// graph-cache refresh that lets the next command open the store from its cache.
struct IngestRunOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors and the final total.")
    var quiet = false

    @Flag(name: .customLong("no-cache-refresh"), help: "Do not rebuild the graph cache at the end (the next command that reads the graph rebuilds it; useful between several ingest runs in a row).")
    var noCacheRefresh = false

    /// Runs `body` into a store opened on first write (a run whose inputs are all unusable leaves no store),
    /// prints each article's outcome, refreshes the graph cache, prints the total, and exits 1 when an input failed.
    func run(store: StoreOptions,
             _ body: (inout LazyStoreSink, (IngestEvent) -> Void) async throws -> IngestReport) async throws {
        let path = store.path
        let quiet = self.quiet
        var committed = 0
        let run: () async throws -> (IngestReport, GraphStore?) = {
            var sink = LazyStoreSink(path: path, lockTimeout: store.lockTimeout)
            let report = try await body(&sink) { event in
                switch event {
                case .ingested(let o):
                    if o.status != .unchanged { committed += 1 }
                    if !quiet { Output.line(o.summary) }
                case .failed(let f): printError(f.message)
                case .note(let n):
                    // Warnings (a skipped article) are shown even with --quiet; notes are not.
                    if n.hasPrefix("warning: ") { printError(n) } else if !quiet { printError("note: " + n) }
                }
            }
            return (report, sink.store)
        }
        let report: IngestReport, written: GraphStore?
        do {
            (report, written) = try await CLIError.wrap(run)
        } catch {
            // The error is printed; say what of this run is nonetheless in the store (committed batches).
            if committed > 0 {
                printError("\(committed) article\(committed == 1 ? "" : "s") added or updated by this run before the error \(committed == 1 ? "was" : "were") committed and \(committed == 1 ? "is" : "are") in \(path)")
            }
            throw error
        }
        // Resolve the store once now, so that the next command opens it from the graph cache.
        if let written, !noCacheRefresh { _ = try CLIError.wrap { try written.refreshGraphCache() } }
        Output.ingestTotal(report, store: path)
        if !report.succeeded { throw ExitCode(1) }
    }
}
