import Foundation
import NewsGraphExtraction

/// Articles of one JSON Lines file (`.jsonl`, `.ndjson`), read a block at a time, so that a corpus of
/// any size in one file is ingested in flat memory (`ArticleReader.read(file:)` holds the whole file).
///
/// Records (`ArticleReader.Record`) and their errors are those of `ArticleReader`: one object per line
/// with `text` and optional `id` (default: derived from the text, `Article.contentID(text:)`), `date`
/// (`YYYY-MM-DD`), `title`, `source` or `url`; the text may start with a dateline. The file is first checked as a whole, streaming: bytes that are not text (a NUL byte,
/// invalid UTF-8, a line over the size limit) or a file without records reject the whole file with one
/// error, before any of it is used. Then a record that cannot be used (malformed JSON, no `text`, an
/// empty text, a bad date) is reported with its file and line and skipped; the other lines are still
/// read. Ids used twice are checked across the whole run by `ArticleSource` (`ArticleIDRegistry`), which
/// reads `recordLine` for the place of each article.
public struct JSONLinesStream {
    public let path: String
    /// The largest line (one article) accepted, in bytes.
    public let maxLineBytes: Int
    private var lines: LineReader?
    private var pending: InputFailure?
    /// The line of the record `next()` last returned (1-based; 0 before the first).
    public private(set) var recordLine = 0
    private let decoder = JSONDecoder()

    /// Opens the file and checks it; fails (naming it) when it is missing or unreadable. A file that is not
    /// JSON Lines text is reported by the first `next()`.
    public init(path: String, maxLineBytes: Int = 256 << 20) throws(InputFailure) {
        self.path = path
        self.maxLineBytes = maxLineBytes
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputFailure(path: path, message: "\(path): no such file or directory")
        }
        guard var check = LineReader(path: path, maxLineBytes: maxLineBytes) else {
            throw InputFailure(path: path, message: "\(path): cannot be read; check its permissions")
        }
        var content = false
        scan: while let line = check.next() {
            switch line {
            case .tooLong:
                pending = InputFailure(path: path, message: "\(path):\(check.lineNo): a line longer than the \(maxLineBytes)-byte limit for one article; split it, or pass --max-article-bytes")
                break scan
            case .bytes(let bytes):
                if bytes.contains(0) {
                    pending = InputFailure(path: path, message: "\(path): this looks like a binary file (it contains NUL bytes, line \(check.lineNo)), not an article; give plain text or JSON Lines")
                    break scan
                }
                if let bad = ArticleReader.firstInvalidUTF8(bytes) {
                    pending = InputFailure(path: path, message: "\(path):\(check.lineNo): invalid UTF-8 at byte \(bad) of the line; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)")
                    break scan
                }
                if !content, !LineReader.isBlank(bytes) { content = true }
            }
        }
        check.close()
        if pending == nil && !content {
            pending = InputFailure(path: path, message: "\(path): the file is empty; give an article in plain text or JSON Lines")
        }
        if pending == nil { lines = LineReader(path: path, maxLineBytes: maxLineBytes) }
    }

    /// The next article, or a failure for a record or for the file, or nil at the end of the file.
    public mutating func next() -> PipelineItem? {
        if let f = pending {
            pending = nil
            return .failure(f)
        }
        while lines != nil {
            guard let line = lines!.next() else {
                lines!.close()
                lines = nil
                return nil
            }
            guard case .bytes(let bytes) = line else { continue }
            if LineReader.isBlank(bytes) { continue }
            recordLine = lines!.lineNo
            return record(bytes, lineNo: recordLine)
        }
        return nil
    }

    private func malformed(_ reason: String, _ lineNo: Int) -> PipelineItem {
        .failure(InputFailure(path: path, message: "\(path):\(lineNo): malformed JSON Lines record (\(reason)); each line must be an object with \"text\" (and optional \"id\", \"date\", \"title\"); the other lines are still read"))
    }

    private func record(_ bytes: [UInt8], lineNo: Int) -> PipelineItem {
        do throws(ArticleReader.Record.Problem) {
            let r = try ArticleReader.Record(line: bytes[...], decoder: decoder)
            let id = r.resolvedID
            if let u = id.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F ... 0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 }) {
                let code = String(u.value, radix: 16, uppercase: true)
                return malformed("the id contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); ids may hold no control characters", lineNo)
            }
            return .article(try r.article(id: id, path: path))
        } catch {
            return malformed(Self.explain(error.reason, bytes), lineNo)
        }
    }

    /// A more precise reason for a record that is JSON but not of the expected shape: which field has the
    /// wrong type ("\"text\" must be a string, found an object"), rather than "not a JSON object".
    static func explain(_ reason: String, _ bytes: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return reason }
        guard let fields = object as? [String: Any] else {
            return "the line is \(kind(object)), not an object"
        }
        for key in ["text", "id", "date", "title", "source", "url"] {
            guard let value = fields[key], !(value is NSNull), !(value is String) else { continue }
            return "\"\(key)\" must be a string, found \(kind(value))"
        }
        return reason
    }

    private static func kind(_ value: Any) -> String {
        switch value {
        case is [String: Any]: "an object"
        case is [Any]: "an array"
        case is String: "a string"
        case is NSNumber: "a number or boolean"
        default: "another value"
        }
    }
}
