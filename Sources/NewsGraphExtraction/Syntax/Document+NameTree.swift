import NewsGraphSyntax

/// What the dependency parse says about the words of a capitalised name: the parse tokens of a document
/// token and their fine-grained tags (Penn tags of the spaCy English model).
extension Document {
    /// The parse tokens covering document token `i` (a hyphenated word is several: "Kurdish", "-", "held").
    func parseTokens(ofToken i: Int) -> Range<Int>? {
        guard let syntax else { return nil }
        let span = scalarOffset(Int(tokens[i].start))..<scalarOffset(Int(tokens[i].end))
        let ps = syntax.tokens(in: span)
        return ps.isEmpty ? nil : ps
    }

    /// The Penn tags of the parse tokens of document tokens `r`, or nil without a parse.
    func parseTags(_ r: Range<Int>) -> [String]? {
        guard syntax != nil else { return nil }
        var out: [String] = []
        for i in r {
            guard let ps = parseTokens(ofToken: i) else { return nil }
            for p in ps { out.append(parseTag(p)) }
        }
        return out
    }
}
