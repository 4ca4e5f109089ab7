import Foundation

/// spaCy's English tokenizer (`en_core_web_sm` 3.8), natively: whitespace splitting, special cases, prefixes,
/// suffixes, infixes, URL matches and the final special-case pass, as `spacy.tokenizer.Tokenizer.__call__`
/// does them, plus the lexical features the tagger and parser embed (`lexicalFeatures`).
///
/// The rules are data (`tokenizer.json` in the model resources, written by
/// `scripts/spacy_model/export_tokenizer.py`). Offsets are Unicode-scalar offsets, end exclusive. Chunks
/// already tokenized are cached (shared by copies of the tokenizer; thread-safe), as spaCy caches them.
public struct SyntaxTokenizer: Sendable {
    let rules: TokenizerRules
    let cache: ChunkCache
    let lexemes: LexemeFeatureCache

    /// The tokenizer of the bundled (or installed) model resources.
    public static func bundled() throws -> SyntaxTokenizer {
        try SyntaxTokenizer(rulesAt: SyntaxResources.url(of: "tokenizer.json"))
    }

    /// A tokenizer reading its rules from a `tokenizer.json` file.
    public init(rulesAt url: URL) throws {
        rules = try TokenizerRules(contentsOf: url)
        // spaCy keeps 10,000 chunks; more costs a few MB and changes no result (a chunk's tokens never depend
        // on the cache), while news text keeps bringing new names and numbers.
        cache = ChunkCache(capacity: 50_000)
        lexemes = LexemeFeatureCache(capacity: 100_000)
    }

    /// spaCy's `StringStore` keys (symbols and MurmurHash64A), as the lexical features use them.
    public var stringKeys: SpacyStringKeys { rules.keys }

    /// The tokens of `text`, as `nlp.tokenizer(text)` makes them.
    ///
    /// A single space after a token is its `spaceAfter`; any other whitespace run (with the spaces beyond
    /// the first) is a token of its own with `isSpace` set.
    public func tokenize(_ text: String) -> [SyntaxToken] {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return [] }
        var out: [SyntaxToken] = []
        out.reserveCapacity(text.utf8.count / 5 + 4)
        var candidates: [Int] = []
        var inSpace = PythonText.isSpace(first)
        var i = 0
        var start = 0
        var startIndex = scalars.startIndex
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if PythonText.isSpace(scalar) != inSpace {
                if start < i {
                    appendChunk(
                        text[startIndex..<index], at: start, length: i - start, space: inSpace, to: &out,
                        candidates: &candidates)
                }
                let next = scalars.index(after: index)
                if scalar == " " {
                    if !out.isEmpty { out[out.count - 1].spaceAfter = true }
                    start = i + 1
                    startIndex = next
                } else {
                    start = i
                    startIndex = index
                }
                inSpace.toggle()
                index = next
            } else {
                index = scalars.index(after: index)
            }
            i += 1
        }
        if start < i {
            appendChunk(
                text[startIndex...], at: start, length: i - start, space: inSpace, to: &out, candidates: &candidates)
            if !out.isEmpty { out[out.count - 1].spaceAfter = false }
        }
        applySpecialMatcher(&out, candidates: candidates)
        return out
    }

    /// Tokenizes one whitespace-delimited chunk (or whitespace run) starting at scalar `offset`.
    /// `candidates` collects the indices of tokens that start a pattern of the final special-case pass.
    private func appendChunk(
        _ chunk: Substring, at offset: Int, length: Int, space: Bool, to out: inout [SyntaxToken],
        candidates: inout [Int]
    ) {
        let key = String(chunk)
        let hash = SpacyStringKeys.hash(key)
        if length <= rules.maxSpecialLength, let rule = rules.special(key, hash: hash) {
            var at = offset
            for piece in rule {
                if piece.startsMatcherPattern { candidates.append(out.count) }
                out.append(specialToken(piece, at: at, spaceAfter: false))
                at += piece.length
            }
            return
        }
        let tokens: [CachedToken]
        if let cached = cache.get(key, hash: hash) {
            tokens = cached
        } else {
            tokens = tokenizeChunk(key, hash: hash, length: length, space: space)
            cache.set(key, hash: hash, tokens)
        }
        for t in tokens {
            if t.startsMatcherPattern { candidates.append(out.count) }
            out.append(SyntaxToken(
                text: t.text, start: offset + t.start, end: offset + t.end, spaceAfter: false,
                isSpace: space, norm: t.norm))
        }
    }

    /// The tokens of a chunk that is not a special case: one token when no affix rule can apply (whitespace,
    /// ASCII letters), else the affix loop.
    func tokenizeChunk(_ chunk: String, hash: UInt64, length: Int, space: Bool) -> [CachedToken] {
        if space || chunk.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
            return [CachedToken(
                start: 0, end: length, text: chunk, norm: rules.lexemeNorm(chunk, hash: hash),
                startsMatcherPattern: rules.matcherByFirstToken[chunk] != nil)]
        }
        let s = Array(chunk.unicodeScalars)
        return splitChunk(s).map { piece in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[piece.start..<piece.end])
            let text = String(view)
            return CachedToken(
                start: piece.start, end: piece.end, text: text, norm: piece.norm ?? rules.lexemeNorm(text),
                startsMatcherPattern: rules.matcherByFirstToken[text] != nil)
        }
    }
}
