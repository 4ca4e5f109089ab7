import Foundation

/// The parse as JSON: sentences with their tokens (1-based ids within the sentence, head 0 for the
/// root, as in CoNLL-U), each with its text, Unicode-scalar span, tag, universal POS and label.
extension ParsedText {
    struct JSONToken: Encodable {
        var id: Int
        var text: String
        var start: Int
        var end: Int
        var tag: String
        var pos: String
        var head: Int
        var label: String
    }

    struct JSONSentence: Encodable {
        var start: Int
        var end: Int
        var tokens: [JSONToken]
    }

    /// The sentences of the parse as JSON-encodable values (as printed: see `PrintedSentence`).
    func jsonSentences() -> [JSONSentence] {
        printedSentences().map { sentence in
            let items = sentence.tokens.enumerated().map { k, i -> JSONToken in
                let t = tokens[i]
                return JSONToken(id: k + 1, text: t.text, start: t.start, end: t.end, tag: t.tag, pos: t.pos,
                                 head: sentence.heads[k], label: sentence.labels[k])
            }
            return JSONSentence(start: tokens[sentence.tokens[0]].start, end: tokens[sentence.tokens[sentence.tokens.count - 1]].end,
                                tokens: items)
        }
    }

    /// The parse as one JSON object `{"id": …, "sentences": [...]}` on one line.
    public func json(documentID: String? = nil) -> String {
        struct Document: Encodable {
            var id: String?
            var sentences: [JSONSentence]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Document(id: documentID, sentences: jsonSentences())),
              let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s
    }
}
