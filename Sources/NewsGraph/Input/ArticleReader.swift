import Foundation
import NewsGraphExtraction

/// Reads articles from files and directories: plain text (`.txt`, with an optional dateline), HTML pages
/// (`.html`, `.htm`, or any file or record text starting with `<!DOCTYPE html`/`<html`: read as text, `HTMLText`) and
/// JSON Lines (`.jsonl`, `.ndjson`: one object per line with `text` and optional `id`, `date`,
/// `title`, `source`; a record without `id` gets `Article.contentID(text:)`). Inputs are validated (not empty, not binary, valid UTF-8, not too large) and
/// every error names the file.
///
/// The article-reading types live together in `Sources/NewsGraph/Input/`: this reader (whole files;
/// `+Validation`, `+Record`, `+JSONLines`), `JSONLinesStream` (one JSON Lines file a block at a time, for
/// the pipeline), the one line splitter both use (`LineReader`, `JSONLines`), `HTMLText`, `InputPath` and the
/// errors (`ArticleReadError`, `InputFailure`).
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
}
