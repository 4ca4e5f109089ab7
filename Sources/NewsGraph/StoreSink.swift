import Foundation

extension GraphStore: ArticleSink {
    /// Stores the batch in one transaction (see `GraphStore.ingest(_:)`).
    public func ingest(batch: [ArticleGraph]) throws -> [IngestOutcome] {
        try ingest(batch)
    }

    /// `invalidArticle` concerns one article: the pipeline retries the batch article by article and
    /// reports only the invalid one.
    public func isArticleError(_ error: any Error) -> Bool {
        if case StoreError.invalidArticle = error { return true }
        return false
    }
}

/// A store opened on first write, so that a run whose inputs are all unusable neither creates nor
/// touches the store file.
public struct LazyStoreSink: ArticleSink {
    /// The store path.
    public let path: String
    /// How long a write waits for another process's write (seconds).
    public let lockTimeout: Double
    /// The store, once a batch has been written.
    public private(set) var store: GraphStore?

    public init(path: String, lockTimeout: Double = 30) {
        self.path = path
        self.lockTimeout = lockTimeout
    }

    public mutating func ingest(batch: [ArticleGraph]) throws -> [IngestOutcome] {
        if store == nil { store = try GraphStore(path: path, create: true, lockTimeout: lockTimeout) }
        return try store!.ingest(batch: batch)
    }

    public func isArticleError(_ error: any Error) -> Bool {
        if case StoreError.invalidArticle = error { return true }
        return false
    }
}
