/// A sentence as the output formats (CoNLL-U, JSON) print it: whitespace tokens left out, 1-based ids,
/// one root. A token whose head is whitespace is attached to its nearest printed ancestor; one whose head
/// chain ends in a whitespace root is attached to the sentence's printed root with the label `dep`.
struct PrintedSentence {
    /// The printed tokens, indexes into `ParsedText.tokens`, in text order.
    var tokens: [Int]
    /// Each printed token's head as a 1-based id in this sentence, 0 for the root.
    var heads: [Int]
    /// Each printed token's label: spaCy's, "ROOT" for the root, "dep" for a re-attached token.
    var labels: [String]
}

extension ParsedText {
    /// The sentences as printed, empty (all-whitespace) sentences skipped.
    func printedSentences() -> [PrintedSentence] {
        sentences.compactMap { sentence in
            let kept = sentence.tokens.filter { !tokens[$0].token.isSpace }
            guard !kept.isEmpty else { return nil }
            var id = [Int: Int]()
            for (k, i) in kept.enumerated() { id[i] = k + 1 }
            // The root: the sentence's, or if that is whitespace, the first token whose chain ends there.
            let root = !tokens[sentence.root].token.isSpace ? sentence.root
                : (kept.first { nonSpaceHead(of: $0) == nil } ?? kept[0])
            var heads: [Int] = []
            var labels: [String] = []
            for i in kept {
                if i == root {
                    heads.append(0)
                    labels.append("ROOT")
                } else if let h = nonSpaceHead(of: i), let hid = id[h] {
                    heads.append(hid)
                    labels.append(tokens[i].label == "ROOT" ? "dep" : tokens[i].label)
                } else {
                    heads.append(id[root] ?? 0)
                    labels.append("dep")
                }
            }
            return PrintedSentence(tokens: kept, heads: heads, labels: labels)
        }
    }
}
