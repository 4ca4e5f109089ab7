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
/// Memory: the id, a file number, a line and 8 bytes of the text's hash per article (about 100 bytes).
public struct ArticleIDRegistry: Sendable {
    private struct Seen: Sendable {
        var file: Int32
        var line: Int32
        var hash: UInt64
    }

    private var seen: [String: Seen] = [:]
    private var files: [String] = []
    private var fileNumbers: [String: Int32] = [:]

    public init() {}

    /// What to do with an article.
    public enum Verdict: Sendable, Equatable {
        /// A new id: use the article.
        case new
        /// The same id and text as an article read before: skip it, with this note.
        case repeated(note: String)
        /// The id of an article read before, with another text: skip it, with this failure.
        case conflict(InputFailure)
    }

    /// Records `article`, read from `file` (at `line` of a JSON Lines file), and says whether to use it.
    public mutating func check(_ article: Article, file: String, line: Int? = nil) -> Verdict {
        let hash = article.text.isEmpty ? 0 : UInt64(article.contentHash.prefix(16), radix: 16) ?? 0
        let place = Self.place(file, line)
        guard let first = seen[article.id] else {
            let number: Int32
            if let n = fileNumbers[file] { number = n } else {
                number = Int32(truncatingIfNeeded: files.count)
                files.append(file)
                fileNumbers[file] = number
            }
            seen[article.id] = Seen(file: number, line: Int32(truncatingIfNeeded: line ?? 0), hash: hash)
            return .new
        }
        let firstPlace = Self.place(files[Int(first.file)], first.line == 0 ? nil : Int(first.line))
        if first.hash == hash {
            return .repeated(note: "\(place): the same article as \(firstPlace) (id \"\(article.id)\"); read once")
        }
        return .conflict(InputFailure(
            path: place,
            message: "\(place): id \"\(article.id)\" is already used by \(firstPlace) for a different text; give one of them another \"id\" (or none, to derive one from the text)"))
    }

    private static func place(_ file: String, _ line: Int?) -> String {
        line.map { "\(file):\($0)" } ?? file
    }
}
