import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph ingest FILE…|DIR`: extract articles and store their facts.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract articles and add their facts to the store.",
        discussion: """
            Inputs are plain-text articles (.txt, with an optional ` date YYYY-MM-DD Place, Mon DD` dateline), \
            HTML pages (.html/.htm, read as text), JSON Lines files (.jsonl/.ndjson: one {"id"?, "text", "date"?, \
            "title"?} object per line; without "id", the id is derived from the text), or directories of them. \
            Articles that are clearly not in English are skipped with a warning (--any-language reads them). \
            Articles are extracted on every core and stored in batches, one transaction per batch; ingesting \
            an article again with the same text changes nothing ("unchanged").

            Prints one line per article, for example:
              kalat-2024-11-16: 16 entities, 4 events, 15 triples, 2 causal links (added)

            A bad input (missing, empty, binary, invalid UTF-8, malformed JSON Lines, a directory without \
            articles) gets a one-line error naming the file; the other inputs are still ingested, and the \
            exit code is 1.

            At the end the store is resolved once and its graph cache (<store>.graphcache) is written, so that \
            the next command opens the graph without resolving it again (--no-cache-refresh skips this).
            """
    )

    @Argument(help: ArgumentHelp("Article files or directories.", valueName: "FILE|DIR"))
    var inputs: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var extraction: ExtractionOptions

    @Option(name: .customLong("batch-size"), help: "Articles per transaction.")
    var batchSize: Int = 32

    @Option(name: .shortAndLong, help: "Articles extracted at once (default: one per core).")
    var jobs: Int?

    @Flag(name: .customLong("no-sentences"), help: "Do not store the articles' sentences: evidence then cites article and sentence number only (for texts whose wording may not be redistributed with the store or its figures).")
    var noSentences = false

    @OptionGroup var ingestRun: IngestRunOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let extractor = try extraction.makeExtractor()
        let pipeline = IngestPipeline(extractor: extractor, reader: extraction.makeReader(),
                                      minConfidence: extraction.minConfidence, batchSize: batchSize, workers: jobs,
                                      keepSentences: !noSentences)
        let inputs = self.inputs
        try await ingestRun.run(store: store) { sink, progress in
            try await pipeline.ingest(inputs, into: &sink, progress: progress)
        }
    }
}

extension Output {
    /// The last line of `ingest` and `import` on standard output, when something was ingested:
    /// `3 articles in newsgraph.sqlite: 2 added, 1 unchanged; 1 input failed`.
    /// (When nothing was, standard error already holds one line per failed input, and nothing more is said.)
    static func ingestTotal(_ r: IngestReport, store: String) {
        guard r.articles > 0 else { return }
        var parts: [String] = []
        if r.added > 0 { parts.append("\(r.added) added") }
        if r.updated > 0 { parts.append("\(r.updated) updated") }
        if r.unchanged > 0 { parts.append("\(r.unchanged) unchanged") }
        var line = "\(r.articles) article\(r.articles == 1 ? "" : "s") in \(store): " + parts.joined(separator: ", ")
        if !r.failures.isEmpty { line += "; \(r.failures.count) error\(r.failures.count == 1 ? "" : "s") (see above)" }
        Output.line(line)
    }
}
