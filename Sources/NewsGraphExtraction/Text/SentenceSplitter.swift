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
        // Local copies: one initialization check for each table, not one per token.
        let (abbreviations, closers, enders, openers) = (Self.abbreviations, Self.closers, Self.enders, Self.openers)
        var sentences: [Sentence] = []
        var begin = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            // at a newline, and for runaway "sentences" (a 200 MB single line) so they stay bounded
            if i > begin, t.newlineBefore || i - begin >= maxTokens { close(tokens, at: i, from: &begin, into: &sentences) }
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
                    close(tokens, at: end, from: &begin, into: &sentences)
                    i = end
                    continue
                }
            }
            i += 1
        }
        close(tokens, at: tokens.count, from: &begin, into: &sentences)
        return sentences
    }

    /// Ends the sentence of tokens `begin..<end` (none if it is empty); the next one begins at `end`.
    @inline(__always)
    private static func close(_ tokens: [Token], at end: Int, from begin: inout Int, into sentences: inout [Sentence]) {
        guard end > begin else { return }
        sentences.append(Sentence(index: sentences.count, tokens: begin..<end,
                                  bytes: Int(tokens[begin].start)..<Int(tokens[end - 1].end)))
        begin = end
    }
}
