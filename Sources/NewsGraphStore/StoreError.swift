/// A store operation that failed, with what to do about it. The store is left as it was.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No store at the path (and creation was not requested).
    case notFound(path: String)
    /// The file exists but is not a newsgraph store (another SQLite database, or not SQLite at all).
    case notAStore(path: String, reason: String)
    /// The store was written by a newer newsgraph with migrations this version does not know.
    case newerSchema(path: String, unknown: [String])
    /// Another process held the write lock longer than the lock timeout.
    case locked(path: String, seconds: Double)
    /// An article cannot be stored as given.
    case invalidArticle(id: String, reason: String)
    /// A name given to merge/split/explain matches no node.
    case unknownName(String)
    /// A name matches several nodes; the candidates are listed so the caller can be more specific.
    case ambiguousName(String, candidates: [String])
    /// A graph-level refusal (merging across types, a split that leaves one side empty…).
    case refused(String)
    /// Any other SQLite failure.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no newsgraph store at \(path); create one with `newsgraph ingest --db \(path) FILES`, or pass the right --db"
        case .notAStore(let path, let reason):
            return "\(path) is not a newsgraph store (\(reason)); pass another --db path, or move the file away"
        case .newerSchema(let path, let unknown):
            return "\(path) was written by a newer newsgraph (schema \(unknown.joined(separator: ", "))); upgrade newsgraph to use it — this version will not modify it"
        case .locked(let path, let seconds):
            return "\(path) is locked by another newsgraph process that is still writing (waited \(formatSeconds(seconds))); try again when it finishes, or raise the lock timeout"
        case .invalidArticle(let id, let reason):
            return "article '\(id)' cannot be stored: \(reason); nothing from this batch was written"
        case .unknownName(let name):
            return "no entity or event is called '\(name)'; check the spelling, or list names with `newsgraph query`"
        case .ambiguousName(let name, let candidates):
            return "'\(name)' matches \(candidates.count) nodes: \(candidates.joined(separator: "; ")); use a more specific name or --type"
        case .refused(let message):
            return message
        case .database(let path, let message):
            return "SQLite error on \(path): \(message); the store was left unchanged"
        }
    }
}

func formatSeconds(_ s: Double) -> String {
    s < 10 ? "\((s * 10).rounded() / 10) s" : "\(Int(s.rounded())) s"
}
