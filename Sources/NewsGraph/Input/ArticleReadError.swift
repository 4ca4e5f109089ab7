/// Why an input could not be read as articles. Each message names the file and says what to do.
public enum ArticleReadError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case invalidUTF8(path: String, byteOffset: Int)
    case malformedJSON(path: String, line: Int, reason: String)
    case noArticles(path: String)
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .notFound(let p): "\(p): no such file or directory"
        case .unreadable(let p, let r): "\(p): cannot be read (\(r))"
        case .empty(let p): "\(p): the file is empty; give an article in plain text or JSON Lines"
        case .binary(let p): "\(p): this looks like a binary file (it contains NUL bytes), not an article; give plain text or JSON Lines"
        case .invalidUTF8(let p, let o): "\(p): invalid UTF-8 at byte \(o); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)"
        case .malformedJSON(let p, let l, let r): "\(p):\(l): malformed JSON Lines record (\(r)); each line must be an object with \"text\" (and optional \"id\", \"date\", \"title\")"
        case .noArticles(let p): "\(p): no articles found (expected *.txt, *.jsonl, *.ndjson or *.html files)"
        case .tooLarge(let p, let b, let l): "\(p): \(b) bytes is larger than the \(l)-byte limit for one article; split it, or pass --max-article-bytes"
        }
    }
}
