/// A store operation that failed, with what to do about it. The failed operation is rolled back.
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
    /// The disk (or quota) is full: the write in progress was rolled back; what earlier writes committed is kept.
    case diskFull(path: String)
    /// A store of an older schema opened read-only: it must be upgraded by a command that writes first.
    case needsUpgrade(path: String)
    /// Any other SQLite failure.
    case database(path: String, message: String)
    /// Resolving the whole store into one graph (the final step of an ingest, which writes the graph cache)
    /// would need more memory than allowed: the store itself is complete, only the cache was not written.
    case resolveTooLarge(path: String, neededMB: Int, limitMB: Int)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no newsgraph store at \(path); create one with `newsgraph ingest --db \(path) FILES`, or pass the right --db"
        case .notAStore(let path, let reason):
            return "\(path) is not a newsgraph store (\(reason)); pass another --db path, or move the file away"
        case .newerSchema(let path, let unknown):
            return "\(path) was written by a newer newsgraph (schema \(unknown.joined(separator: ", "))); upgrade newsgraph to use it — this version will not modify it"
        case .locked(let path, let seconds):
            return "\(path) is locked by another newsgraph process that is still writing (gave up after \(formatSeconds(seconds))); try again when it finishes, or wait longer with --lock-timeout SECONDS"
        case .diskFull(let path):
            return "the disk holding \(path) is full; the batch being written was rolled back (articles committed before it are kept); free some space and run the command again"
        case .needsUpgrade(let path):
            return "\(path) was written by an older newsgraph and needs upgrading, which a read-only command does not do; run a command that writes (e.g. newsgraph ingest --db \(path) FILE) once"
        case .invalidArticle(let id, let reason):
            return "article '\(id)' cannot be stored: \(reason); nothing from this batch was written"
        case .unknownName(let name):
            return "no entity or event is called '\(name)'; check the spelling, or list names with `newsgraph query`"
        case .ambiguousName(let name, let candidates):
            return "'\(name)' matches \(candidates.count) nodes: \(candidates.joined(separator: "; ")); use a more specific name or --type"
        case .refused(let message):
            return message
        case .database(let path, let message):
            return "SQLite error on \(path): \(message); the operation was rolled back"
        case .resolveTooLarge(let path, let needed, let limit):
            return "\(path) is stored completely, but resolving it into one graph needs about \(needed) MB of memory, more than the \(limit) MB allowed, so its graph cache was not written; free memory, raise the limit with NEWSGRAPH_RESOLVE_MEMORY_MB=\(needed * 5 / 4) (0: no limit), or split the corpus into several stores"
        }
    }
}

func formatSeconds(_ s: Double) -> String {
    s < 10 ? "\((s * 10).rounded() / 10) s" : "\(Int(s.rounded())) s"
}
