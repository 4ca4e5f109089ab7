import Foundation

/// Reads articles from files and directories: plain text (`.txt`, with an optional dateline), HTML pages
/// (`.html`, `.htm`, or any file or record text starting with `<!DOCTYPE html`/`<html`: read as text, `HTMLText`) and
/// JSON Lines (`.jsonl`, `.ndjson`: one object per line with `text` and optional `id`, `date`,
/// `title`, `source`; a record without `id` gets `Article.contentID(text:)`). Inputs are validated (not empty, not binary, valid UTF-8, not too large) and
/// every error names the file.
public struct ArticleReader: Sendable {
    /// The largest file read as articles, in bytes.
    public var maxBytes: Int
    /// Whether the pipeline skips, with a warning, articles that are clearly not English (`LanguageCheck`).
    public var checksLanguage: Bool

    public init(maxBytes: Int = 256 << 20, checksLanguage: Bool = true) {
        self.maxBytes = maxBytes
        self.checksLanguage = checksLanguage
    }

    /// The article files of `paths`: files as given, directories expanded to their `*.txt`, `*.jsonl`
    /// and `*.ndjson` files (sorted, not recursive). Throws for a missing path or an empty directory.
    public func files(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw ArticleReadError.notFound(path: p) }
            if isDir.boolValue {
                let names: [String]
                do { names = try fm.contentsOfDirectory(atPath: p) } catch { throw ArticleReadError.unreadable(path: p, reason: "\(error.localizedDescription)") }
                let found = names.filter { Self.articleExtensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
                guard !found.isEmpty else { throw ArticleReadError.noArticles(path: p) }
                out += found.map { (p as NSString).appendingPathComponent($0) }
            } else {
                out.append(p)
            }
        }
        return out
    }

    /// The file extensions a directory is read for.
    public static let articleExtensions: Set<String> = ["txt", "jsonl", "ndjson", "html", "htm"]

    /// The articles of one file.
    public func read(file path: String) throws -> [Article] {
        let url = URL(fileURLWithPath: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maxBytes {
            throw ArticleReadError.tooLarge(path: path, bytes: size, limit: maxBytes)
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            if !FileManager.default.fileExists(atPath: path) { throw ArticleReadError.notFound(path: path) }
            throw ArticleReadError.unreadable(path: path, reason: error.localizedDescription)
        }
        let bytes = [UInt8](data)
        let stem = (url.lastPathComponent as NSString).deletingPathExtension
        let ext = url.pathExtension.lowercased()
        if ext == "jsonl" || ext == "ndjson" { return try readJSONLines(bytes, path: path) }
        try validate(bytes, path: path)
        if HTMLText.isHTMLFile(path) || HTMLText.looksLikeHTML(bytes) {
            let page = HTMLText(html: String(decoding: bytes, as: UTF8.self))
            let text = Array(page.text.utf8)
            guard !text.isEmpty else { throw ArticleReadError.empty(path: path) }
            var article = Article(id: stem, plainText: text, source: path)
            article.title = page.title
            return [article]
        }
        return [Article(id: stem, plainText: bytes, source: path)]
    }

    /// Checks that bytes are a usable text: not empty or blank, no NUL bytes, valid UTF-8.
    public func validate(_ bytes: [UInt8], path: String) throws {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw ArticleReadError.empty(path: path) }
        if bytes.prefix(8192).contains(0) { throw ArticleReadError.binary(path: path) }
        if let bad = ArticleReader.firstInvalidUTF8(bytes) { throw ArticleReadError.invalidUTF8(path: path, byteOffset: bad) }
        if bytes.contains(0) { throw ArticleReadError.binary(path: path) }
    }

    /// Offset of the first byte that is not valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            var minScalar: UInt32
            if b & 0xE0 == 0xC0 { len = 2; minScalar = 0x80 } else if b & 0xF0 == 0xE0 { len = 3; minScalar = 0x800 } else if b & 0xF8 == 0xF0 { len = 4; minScalar = 0x10000 } else { return i }
            guard i + len <= n else { return i }
            var v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
            for k in 1..<len {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                v = v << 6 | UInt32(c & 0x3F)
            }
            if v < minScalar || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return i }
            minScalar = 0
            i += len
        }
        return nil
    }

    /// One record of a JSON Lines article file: an object with `text` and optional `id`, `date`
    /// (`YYYY-MM-DD`, or an ISO timestamp), `title`, `source` or `url`. Read by `read(file:)` and by the
    /// streaming reader of the `NewsGraph` library, so both accept the same records with the same errors.
    public struct Record: Decodable, Sendable {
        public var id: String?
        public var text: String
        public var date: String?
        public var title: String?
        public var source: String?
        public var url: String?

        /// Why a line is not a usable record; `reason` is the parenthesised part of the error message
        /// (`missing "text"`, `not a JSON object`, `empty "text"`, `"date" must be YYYY-MM-DD`).
        public struct Problem: Error, Sendable {
            public var reason: String
        }

        /// Decodes one line (without its newline).
        public init(line: ArraySlice<UInt8>, decoder: JSONDecoder) throws(Problem) {
            do { self = try decoder.decode(Record.self, from: Data(line)) } catch let DecodingError.keyNotFound(key, _) {
                throw Problem(reason: "missing \"\(key.stringValue)\"")
            } catch {
                throw Problem(reason: "not a JSON object")
            }
        }

        /// The record's `id` without surrounding white space, or `fallback` when it has none.
        public func id(orDefault fallback: @autoclosure () -> String) -> String {
            let id = self.id?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return id.isEmpty ? fallback() : id
        }

        /// The record's `id`, or for a record without one the id derived from its text
        /// (`Article.contentID(text:)`): never the file name or line, so records never collide.
        public var resolvedID: String { id(orDefault: Article.contentID(text: text)) }

        /// The article of the record, with the given id; its source is `source`, else `url`, else `path`.
        /// Throws when the text is blank or the date is not `YYYY-MM-DD`.
        public func article(id: String, path: String) throws(Problem) -> Article {
            var bytes = Array(text.utf8)
            var pageTitle: String?
            if HTMLText.looksLikeHTML(bytes) {
                let page = HTMLText(html: text)
                bytes = Array(page.text.utf8)
                pageTitle = page.title
            }
            guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
                throw Problem(reason: "empty \"text\"")
            }
            var article = Article(id: id, plainText: bytes, source: source ?? url ?? path)
            if let d = date, !d.isEmpty {
                guard let day = CalendarDateParse.iso(d) else { throw Problem(reason: "\"date\" must be YYYY-MM-DD") }
                article.date = day
            }
            article.title = title ?? pageTitle
            return article
        }
    }

    /// The lines of a JSON Lines text that are not blank, each with its 1-based line number: the text is
    /// split at LF (a CR before it stays in the line, and JSON reads it as white space); blank lines
    /// (only spaces, tabs and CRs) are skipped but counted. The bytes are not checked; validate them first.
    public struct Lines: Sequence, IteratorProtocol, Sendable {
        private let bytes: [UInt8]
        private var start = 0
        private var lineNo = 0

        public init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        public mutating func next() -> (number: Int, line: ArraySlice<UInt8>)? {
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                lineNo += 1
                let line = bytes[start..<end]
                start = end + 1
                if Self.isBlank(line) { continue }
                return (lineNo, line)
            }
            return nil
        }

        /// Whether a line (without its newline) holds only spaces, tabs and CRs.
        public static func isBlank(_ line: some Collection<UInt8>) -> Bool {
            line.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }
        }
    }

    func readJSONLines(_ bytes: [UInt8], path: String) throws -> [Article] {
        try validate(bytes, path: path)
        var articles: [Article] = []
        let decoder = JSONDecoder()
        var ids: [String: (line: Int, hash: String)] = [:]
        for (lineNo, line) in Lines(bytes) {
            do throws(Record.Problem) {
                let record = try Record(line: line, decoder: decoder)
                let id = record.resolvedID
                let article = try record.article(id: id, path: path)
                if let first = ids[id] {
                    // The same text twice is read once; another text under a used id is an error.
                    if first.hash == article.contentHash { continue }
                    throw Record.Problem(reason: "id \"\(id)\" is already used by line \(first.line) for a different text")
                }
                ids[id] = (lineNo, article.contentHash)
                articles.append(article)
            } catch {
                throw ArticleReadError.malformedJSON(path: path, line: lineNo, reason: error.reason)
            }
        }
        guard !articles.isEmpty else { throw ArticleReadError.empty(path: path) }
        return articles
    }
}

import NewsGraphCore

enum CalendarDateParse {
    /// `YYYY-MM-DD`, or the date part of an ISO timestamp.
    static func iso(_ s: String) -> String? {
        CalendarDate(iso: s.prefix(10))?.description
    }
}
