import Foundation

/// Where the pipeline puts article graphs: the SQLite store (`GraphStore`), or an in-memory `KnowledgeGraph`.
///
/// `ingest(batch:)` must be atomic (all of the batch or nothing: one transaction) and idempotent by
/// content hash (an article already present with the same text is `unchanged`), and return one outcome
/// per article, in order.
public protocol ArticleSink {
    mutating func ingest(batch: [ArticleGraph]) throws -> [IngestOutcome]
    /// Whether `error`, thrown by `ingest(batch:)`, concerns one article of the batch (which is then
    /// retried article by article so that only the bad one fails) rather than the sink itself.
    func isArticleError(_ error: any Error) -> Bool
}

extension ArticleSink {
    public func isArticleError(_ error: any Error) -> Bool { false }
}

extension KnowledgeGraph: ArticleSink {
    /// Adds the batch to the in-memory graph (re-resolving once).
    public mutating func ingest(batch: [ArticleGraph]) throws -> [IngestOutcome] {
        ingest(batch)
    }
}

/// What the pipeline reports as it goes: an article ingested (after its batch committed), or an input that failed.
public enum IngestEvent: Sendable, Hashable {
    case ingested(IngestOutcome)
    case failed(InputFailure)
    /// Something the user should know that is not an error (a guess made while importing GraphML).
    case note(String)
}

/// The totals of a pipeline run.
public struct IngestReport: Sendable, Hashable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var failures: [InputFailure] = []
    /// Batches committed to the sink.
    public var batches = 0

    public init() {}

    /// Articles ingested (added, updated or unchanged).
    public var articles: Int { added + updated + unchanged }
    /// True when every input was used. A run with failures still ingests the good inputs.
    public var succeeded: Bool { failures.isEmpty }

    mutating func count(_ o: IngestOutcome) {
        switch o.status {
        case .added: added += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }
}

/// One unit of pipeline work: an article to extract, a ready article graph (import), or an input failure
/// to report in its place in the input order.
public enum PipelineItem: Sendable {
    case article(Article)
    case graph(ArticleGraph)
    case failure(InputFailure)
    case note(String)
}

/// The newsgraph pipeline: files → articles → extraction → store.
///
/// ```swift
/// import NewsGraph
///
/// let pipeline = try IngestPipeline(extractor: .standard())
/// var graph = KnowledgeGraph()                 // or a GraphStore: one transaction per batch
/// let report = try await pipeline.ingest(["Examples/articles"], into: &graph) { event in
///     if case .ingested(let outcome) = event { print(outcome.summary) }
/// }
/// ```
///
/// - Inputs are read one file at a time (`ArticleReader`: `.txt` with an optional dateline, JSON Lines,
///   directories of them), so memory stays flat whatever the corpus size.
/// - Articles are extracted concurrently, at most `workers` at a time (default: one per core), while the
///   calling task commits finished articles to the sink in batches of `batchSize`, in input order.
/// - A bad input (missing, empty, binary, invalid UTF-8, malformed JSON Lines, a directory without
///   articles) becomes an `InputFailure` naming the file; the other inputs continue. A batch is one
///   transaction, so the store never holds half an article.
public struct IngestPipeline: Sendable {
    /// The extractor (Sendable, built once: lexicons are compiled at construction).
    public var extractor: Extractor
    /// Reads and validates input files.
    public var reader: ArticleReader
    /// Facts below this confidence are dropped before ingest.
    public var minConfidence: Double
    /// Articles per sink batch (one transaction each).
    public var batchSize: Int
    /// Articles extracted at once.
    public var workers: Int
    /// Keep each article's sentences with its facts (so that answers and figures quote their evidence).
    /// When false, evidence cites the article and sentence number only: for texts whose wording may not be
    /// redistributed with the store or its figures.
    public var keepSentences: Bool

    public init(extractor: Extractor, reader: ArticleReader = ArticleReader(), minConfidence: Double = 0,
                batchSize: Int = 32, workers: Int? = nil, keepSentences: Bool = true) {
        self.extractor = extractor
        self.reader = reader
        self.minConfidence = minConfidence
        self.batchSize = max(1, batchSize)
        self.workers = max(1, workers ?? OrderedConcurrency.defaultWorkers)
        self.keepSentences = keepSentences
    }

    /// Extracts one article (applying `minConfidence` and `keepSentences`).
    public func extract(_ article: Article) -> ArticleGraph {
        Self.extract(article, extractor: extractor, minConfidence: minConfidence, keepSentences: keepSentences)
    }

    static func extract(_ article: Article, extractor: Extractor, minConfidence: Double, keepSentences: Bool) -> ArticleGraph {
        var g = extractor.extract(article).filtered(minConfidence: minConfidence)
        if !keepSentences { g.article.sentences = [] }
        return g
    }

    /// Reads `inputs` (files or directories), extracts every article and ingests the graphs into `sink`.
    ///
    /// - Parameter progress: called on the calling task for each article once its batch has committed,
    ///   and for each failed input, in input order.
    /// - Returns: the totals; `failures` lists the inputs that could not be used.
    /// - Throws: only what the sink throws (the batch in flight is rolled back by the sink) or cancellation.
    public func ingest<Sink: ArticleSink>(_ inputs: [String], into sink: inout Sink,
                                          progress: (IngestEvent) -> Void = { _ in }) async throws -> IngestReport {
        var source = ArticleSource(inputs: inputs, reader: reader)
        return try await run(next: { source.next() }, into: &sink, progress: progress)
    }

    /// Extracts articles already in memory and ingests them into `sink` (same batching and concurrency).
    public func ingest<Sink: ArticleSink>(articles: [Article], into sink: inout Sink,
                                          progress: (IngestEvent) -> Void = { _ in }) async throws -> IngestReport {
        var it = articles.makeIterator()
        return try await run(next: { it.next().map(PipelineItem.article) }, into: &sink, progress: progress)
    }

    /// Reads and extracts `inputs` without a store: `deliver` receives each article graph, in input order,
    /// on the calling task while later articles are being extracted. Returns the inputs that failed
    /// (each also passed to `failed` in its place in the order); `noted` receives the notes (a skipped article).
    public func extract(_ inputs: [String], deliver: (ArticleGraph) throws -> Void,
                        failed: (InputFailure) -> Void = { _ in },
                        noted: (String) -> Void = { _ in }) async throws -> [InputFailure] {
        var source = ArticleSource(inputs: inputs, reader: reader)
        var failures: [InputFailure] = []
        let extractor = self.extractor
        let minConfidence = self.minConfidence
        let keepSentences = self.keepSentences
        try await OrderedConcurrency.forEachOrdered(
            workers: workers,
            next: { source.next() },
            transform: { (item: PipelineItem) -> PipelineItem in
                if case .article(let a) = item {
                    return .graph(Self.extract(a, extractor: extractor, minConfidence: minConfidence, keepSentences: keepSentences))
                }
                return item
            },
            deliver: { item in
                switch item {
                case .graph(let g): try deliver(g)
                case .failure(let f):
                    failures.append(f)
                    failed(f)
                case .note(let n): noted(n)
                case .article: break
                }
            })
        return failures
    }

    /// The general form: items from `next` (articles to extract, ready graphs, failures), extracted
    /// concurrently and committed in order in batches.
    public func run<Sink: ArticleSink>(next: () throws -> PipelineItem?, into sink: inout Sink,
                                       progress: (IngestEvent) -> Void = { _ in }) async throws -> IngestReport {
        let extractor = self.extractor
        let minConfidence = self.minConfidence
        let keepSentences = self.keepSentences
        return try await BatchIngest.run(
            workers: workers, batchSize: batchSize, next: next,
            transform: { item in
                if case .article(let a) = item {
                    return .graph(Self.extract(a, extractor: extractor, minConfidence: minConfidence, keepSentences: keepSentences))
                }
                return item
            },
            into: &sink, progress: progress)
    }
}

/// The shared back half of `ingest` and `import`: transform items concurrently, commit in input order,
/// one sink batch (transaction) per `batchSize` graphs, failures reported in their place.
public enum BatchIngest {
    public static func run<Sink: ArticleSink>(
        workers: Int = OrderedConcurrency.defaultWorkers, batchSize: Int = 32,
        next: () throws -> PipelineItem?,
        transform: @escaping @Sendable (PipelineItem) -> PipelineItem = { $0 },
        into sink: inout Sink, progress: (IngestEvent) -> Void = { _ in }
    ) async throws -> IngestReport {
        let batchSize = max(1, batchSize)
        var report = IngestReport()
        var batch: [ArticleGraph] = []
        batch.reserveCapacity(batchSize)
        func commit(_ graphs: [ArticleGraph]) throws {
            let outcomes = try sink.ingest(batch: graphs)
            report.batches += 1
            for o in outcomes {
                report.count(o)
                progress(.ingested(o))
            }
        }
        func flush() throws {
            guard !batch.isEmpty else { return }
            defer { batch.removeAll(keepingCapacity: true) }
            do {
                try commit(batch)
            } catch let error where sink.isArticleError(error) {
                // One article is bad: store the others, one transaction each, and report the bad one.
                for g in batch {
                    do { try commit([g]) } catch let error where sink.isArticleError(error) {
                        let f = InputFailure(path: g.article.source ?? g.article.id, message: "\(g.article.source.map { "\($0): " } ?? "")\(error)")
                        report.failures.append(f)
                        progress(.failed(f))
                    }
                }
            }
        }
        // With several workers, keep a batch of articles in extraction while a batch is being committed.
        try await OrderedConcurrency.forEachOrdered(
            workers: workers,
            prefetch: workers > 1 ? batchSize : 0,
            next: next,
            transform: transform,
            deliver: { item in
                switch item {
                case .graph(let g):
                    batch.append(g)
                    if batch.count >= batchSize { try flush() }
                case .failure(let f):
                    // Commit what came before so that messages keep the input order.
                    try flush()
                    report.failures.append(f)
                    progress(.failed(f))
                case .note(let n):
                    progress(.note(n))
                case .article:
                    break
                }
            })
        try flush()
        return report
    }
}

/// Articles from files and directories, read one file at a time (JSON Lines files a block at a time, see
/// `JSONLinesStream`); unusable inputs become failures naming them.
public struct ArticleSource {
    private var inputs: IndexingIterator<[String]>
    private var files: IndexingIterator<[String]> = [String]().makeIterator()
    private var articles: IndexingIterator<[Article]> = [Article]().makeIterator()
    private var stream: JSONLinesStream?
    private var ids = ArticleIDRegistry()
    /// The file being read, and the JSON Lines line of the last article (nil for a whole-file article).
    private var currentFile = ""
    private var line: Int?
    public let reader: ArticleReader

    /// The language check, when the reader asks for one (`ArticleReader.checksLanguage`).
    private let languages: LanguageCheck?

    public init(inputs: [String], reader: ArticleReader = ArticleReader()) {
        self.inputs = inputs.makeIterator()
        self.reader = reader
        languages = reader.checksLanguage ? LanguageCheck.standard : nil
    }

    /// The next article, or the next failure or note, or nil at the end. An article that is clearly not English
    /// is skipped with a warning note (`LanguageCheck`). An id used twice in the run is checked here
    /// (`ArticleIDRegistry`): the same text again is a note, another text a failure.
    public mutating func next() -> PipelineItem? {
        guard let item = nextRead() else { return nil }
        guard case .article(let a) = item else { return item }
        let body = min(a.bodyStart, a.text.count)
        if let languages, let verdict = languages.nonEnglish(String(decoding: a.text[body ..< min(a.text.count, body + 16_384)], as: UTF8.self)) {
            return .note("warning: \(line.map { "\(currentFile):\($0)" } ?? currentFile): \(verdict); skipped (--any-language reads it anyway)")
        }
        switch ids.check(a, file: currentFile, line: line) {
        case .new: return item
        case .repeated(let note): return .note(note)
        case .conflict(let failure): return .failure(failure)
        }
    }

    private mutating func nextRead() -> PipelineItem? {
        while true {
            if stream != nil {
                if let item = stream!.next() {
                    currentFile = stream!.path
                    line = stream!.recordLine
                    return item
                }
                stream = nil
            }
            if let a = articles.next() {
                line = nil
                return .article(a)
            }
            if let f = files.next() {
                currentFile = f
                if let problem = InputPath.problem(f) { return .failure(InputFailure(path: f, message: problem)) }
                let ext = (f as NSString).pathExtension.lowercased()
                if ext == "jsonl" || ext == "ndjson" {
                    do { stream = try JSONLinesStream(path: f, maxLineBytes: reader.maxBytes) } catch { return .failure(error) }
                    continue
                }
                do {
                    articles = try reader.read(file: f).makeIterator()
                } catch {
                    return .failure(InputFailure(path: f, message: "\(error)"))
                }
                continue
            }
            guard let input = inputs.next() else { return nil }
            if let problem = InputPath.problem(input) { return .failure(InputFailure(path: input, message: problem)) }
            do {
                let listed = InputPath.listable(input)
                // Files of a directory reached through a link keep the name the user gave.
                files = try reader.files([listed]).map { listed == input ? $0 : (input as NSString).appendingPathComponent(($0 as NSString).lastPathComponent) }.makeIterator()
            } catch {
                return .failure(InputFailure(path: input, message: "\(error)"))
            }
        }
    }
}

extension IngestOutcome {
    /// `kalat-2024-11-16: 16 entities, 4 events, 15 triples, 2 causal links (added)`.
    public var summary: String {
        func n(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        var s = "\(article): \(n(entities, "entity", "entities")), \(n(events, "event", "events")), "
            + "\(n(triples, "triple", "triples")), \(n(causal, "causal link", "causal links")) (\(status.rawValue))"
        if skipped > 0 { s += "; \(n(skipped, "fact", "facts")) skipped (they name something the article does not define)" }
        return s
    }
}
