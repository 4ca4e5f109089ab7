import Foundation
import NewsGraph

/// A sentence of the Causal News Corpus, subtask 1: its id, text and label.
public struct CNCSentence: Sendable, Hashable, Decodable {
    public var id: String
    public var text: String
    public var causal: Bool

    public init(id: String, text: String, causal: Bool) {
        self.id = id
        self.text = text
        self.causal = causal
    }

    /// Reads CNC subtask-1 JSON Lines (`{"id", "text", "causal"}`); a line that is not such an object fails
    /// the file, naming its line.
    public static func read(_ path: String) throws -> [CNCSentence] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ArticleReadError.notFound(path: path) }
        var out: [CNCSentence] = []
        for (n, line) in JSONLines([UInt8](data)) {
            do {
                out.append(try JSONDecoder().decode(CNCSentence.self, from: Data(line)))
            } catch {
                throw ArticleReadError.malformedJSON(path: path, line: n, reason: "expected {\"id\", \"text\", \"causal\"}")
            }
        }
        return out
    }
}
