import Foundation
import NewsGraphCore
import NewsGraphExtraction

extension ArticleReader {
    /// One record of a JSON Lines article file: an object with `text` and optional `id`, `date`
    /// (`YYYY-MM-DD`, or an ISO timestamp), `title`, `source` or `url`. Read by `read(file:)` and by
    /// `JSONLinesStream`, so both accept the same records with the same errors.
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
}

enum CalendarDateParse {
    /// `YYYY-MM-DD`, or the date part of an ISO timestamp.
    static func iso(_ s: String) -> String? {
        CalendarDate(iso: s.prefix(10))?.description
    }
}
