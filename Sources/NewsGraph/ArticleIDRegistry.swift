import Foundation

/// The article ids of one run (`ingest`, `extract`), with the place each came from (`file` or `file:line`)
/// and its text's hash, so that an id is never silently used for two texts.
///
/// An id names an article: a second article with the same id would replace the first in the store. So
/// within one run:
/// - the same id with the same text is the same article read twice: it is read once (a note names both places);
/// - the same id with a different text is an error naming both places, and the second article is skipped.
///
/// Across runs, an id already in the store with a different text is the documented update (`updated`).
public struct ArticleIDRegistry: Sendable {
    private var seen: [String: (place: String, hash: String)] = [:]

    public init() {}

    /// What to do with an article read at `place`.
    public enum Verdict: Sendable, Equatable {
        /// A new id: use the article.
        case new
        /// The same id and text as the article at `firstPlace`: skip it, with this note.
        case repeated(note: String)
        /// The id of the article at `firstPlace`, with another text: skip it, with this failure.
        case conflict(InputFailure)
    }

    /// Records `article` (read at `place`) and says whether to use it.
    public mutating func check(_ article: Article, at place: String) -> Verdict {
        let hash = article.contentHash
        guard let first = seen[article.id] else {
            seen[article.id] = (place, hash)
            return .new
        }
        if first.hash == hash {
            return .repeated(note: "\(place): the same article as \(first.place) (id \"\(article.id)\"); read once")
        }
        return .conflict(InputFailure(
            path: place,
            message: "\(place): id \"\(article.id)\" is already used by \(first.place) for a different text; give one of them another \"id\" (or none, to derive one from the text)"))
    }
}
