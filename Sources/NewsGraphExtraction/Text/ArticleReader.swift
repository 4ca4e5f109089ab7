import Foundation

/// Reads articles from files and directories: plain text (`.txt`, with an optional dateline) and
/// JSON Lines (`.jsonl`, `.ndjson`: one object per line with `text` and optional `id`, `date`,
/// `title`, `source`). Inputs are validated (not empty, not binary, valid UTF-8, not too large) and
/// every error names the file.
public struct ArticleReader: Sendable {
    /// The largest file read as articles, in bytes.
    public var maxBytes: Int

    public init(maxBytes: Int = 256 << 20) {
        self.maxBytes = maxBytes
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
                let found = names.filter { ["txt", "jsonl", "ndjson"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
                guard !found.isEmpty else { throw ArticleReadError.noArticles(path: p) }
                out += found.map { (p as NSString).appendingPathComponent($0) }
            } else {
                out.append(p)
            }
        }
        return out
    }

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
        if ext == "jsonl" || ext == "ndjson" { return try readJSONLines(bytes, path: path, stem: stem) }
        try validate(bytes, path: path)
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

    struct Record: Decodable {
        var id: String?
        var text: String
        var date: String?
        var title: String?
        var source: String?
        var url: String?
    }

    func readJSONLines(_ bytes: [UInt8], path: String, stem: String) throws -> [Article] {
        try validate(bytes, path: path)
        var articles: [Article] = []
        var lineNo = 0
        var start = 0
        let decoder = JSONDecoder()
        var ids: Set<String> = []
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNo += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let record: Record
            do { record = try decoder.decode(Record.self, from: Data(line)) } catch let DecodingError.keyNotFound(key, _) {
                throw ArticleReadError.malformedJSON(path: path, line: lineNo, reason: "missing \"\(key.stringValue)\"")
            } catch {
                throw ArticleReadError.malformedJSON(path: path, line: lineNo, reason: "not a JSON object")
            }
            var id = record.id?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if id.isEmpty { id = "\(stem)-\(lineNo)" }
            guard ids.insert(id).inserted else {
                throw ArticleReadError.malformedJSON(path: path, line: lineNo, reason: "duplicate id \"\(id)\"")
            }
            let text = Array(record.text.utf8)
            guard !text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
                throw ArticleReadError.malformedJSON(path: path, line: lineNo, reason: "empty \"text\"")
            }
            var article = Article(id: id, plainText: text, source: record.source ?? record.url ?? path)
            if let d = record.date, !d.isEmpty {
                guard let day = CalendarDateParse.iso(d) else {
                    throw ArticleReadError.malformedJSON(path: path, line: lineNo, reason: "\"date\" must be YYYY-MM-DD")
                }
                article.date = day
            }
            article.title = record.title
            articles.append(article)
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
