/// A sentence: a run of tokens and the bytes they span.
public struct Sentence: Sendable, Hashable {
    /// Zero-based index in the article.
    public var index: Int
    /// Token index range into the article's tokens.
    public var tokens: Range<Int>
    /// Byte range in the article text.
    public var bytes: Range<Int>
}

/// Splits tokens into sentences: after `.` `!` `?` (and closing quotes or brackets) when the next
/// token starts a sentence, never after an abbreviation ("Gen.", "Mr.", "No."), and always at a newline.
public enum SentenceSplitter {
    static let abbreviations: KeySet = KeySet([
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "brig", "sgt", "cpl", "pvt", "adm", "cdr", "gov",
        "sen", "rep", "st", "no", "nos", "rs", "vs", "etc", "inc", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "fig", "hon", "prof", "rev", "jr", "sr", "mt", "ft",
    ].map { Tokenizer.hash(Array($0.utf8)) })

    static let closers: KeySet = KeySet(["\"", "'", ")", "]", "”", "’"].map { Tokenizer.hash(Array($0.utf8)) })
    static let enders: KeySet = KeySet([".", "!", "?"].map { Tokenizer.hash(Array($0.utf8)) })
    static let openers: KeySet = KeySet(["\"", "“", "(", "‘", "'"].map { Tokenizer.hash(Array($0.utf8)) })

    public static func split(_ tokens: [Token], maxTokens: Int = 400) -> [Sentence] {
        var sentences: [Sentence] = []
        var begin = 0
        func close(_ end: Int) {
            guard end > begin else { return }
            sentences.append(Sentence(index: sentences.count, tokens: begin..<end,
                                      bytes: Int(tokens[begin].start)..<Int(tokens[end - 1].end)))
            begin = end
        }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if i > begin, t.newlineBefore { close(i) }
            if i - begin >= maxTokens { close(i) } // runaway "sentences" (a 200 MB single line) stay bounded
            if t.kind == .punct, enders.contains(t.key) {
                var end = i + 1
                while end < tokens.count, tokens[end].kind == .punct, closers.contains(tokens[end].key), !tokens[end].newlineBefore { end += 1 }
                if end >= tokens.count { i = end; break }
                let next = tokens[end]
                let prev = i > begin ? tokens[i - 1] : nil
                let isAbbrev = prev.map { $0.kind == .word && abbreviations.contains($0.key) && Int($0.end) == Int(t.start) } ?? false
                let single = prev.map { $0.kind == .word && $0.end - $0.start == 1 && $0.capitalized } ?? false // initials "J. Smith"
                let startsSentence = next.capitalized || next.kind == .number || openers.contains(next.key) || next.newlineBefore
                if startsSentence && !isAbbrev && !single {
                    close(end)
                    i = end
                    continue
                }
            }
            i += 1
        }
        close(tokens.count)
        return sentences
    }
}
