import Foundation
import NewsGraphExtraction

extension ArticleReader {
    /// The articles of a JSON Lines file in memory: the first unusable record fails the whole file
    /// (`ArticleReadError.malformedJSON`, with its line); the same text twice under one id is read once.
    func readJSONLines(_ bytes: [UInt8], path: String) throws -> [Article] {
        try validate(bytes, path: path)
        var articles: [Article] = []
        let decoder = JSONDecoder()
        var ids: [String: (line: Int, hash: String)] = [:]
        for (lineNo, line) in JSONLines(bytes) {
            do throws(Record.Problem) {
                let record = try Record(line: line[...], decoder: decoder)
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
