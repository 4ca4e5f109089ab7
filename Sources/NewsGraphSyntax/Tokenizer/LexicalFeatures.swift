/// The lexical attributes spaCy's `tok2vec` embeds, per token: `doc.to_array(["NORM", "PREFIX", "SUFFIX",
/// "SHAPE", "SPACY", "IS_SPACE"])`.
///
/// NORM is the key of the token's norm; PREFIX of its first character, SUFFIX of its last three, SHAPE of
/// its word shape (`spacy.lang.lex_attrs.word_shape`); SPACY and IS_SPACE are 0 or 1. Keys are spaCy's
/// `StringStore` keys (`SpacyStringKeys`); characters are Unicode scalars, as Python indexes `str`.
public struct LexicalFeatures: Sendable {
    /// Columns per token.
    public static let width = 6

    let keys: SpacyStringKeys
    let cache: LexemeFeatureCache

    /// Features computed with the string keys of `tokenizer`'s rules (and its cache of seen texts).
    public init(_ tokenizer: SyntaxTokenizer) {
        keys = tokenizer.stringKeys
        cache = tokenizer.lexemes
    }

    /// The features of `tokens`, row-major: `width` values per token.
    public func callAsFunction(_ tokens: [SyntaxToken]) -> [UInt64] {
        var out = [UInt64]()
        out.reserveCapacity(tokens.count * Self.width)
        for token in tokens {
            let hash = SpacyStringKeys.hash(token.text)
            let entry: LexemeFeatureCache.Entry
            if let cached = cache.get(token.text, hash: hash) {
                entry = cached
            } else {
                entry = self.entry(token.text, norm: token.norm)
                cache.set(hash: hash, entry)
            }
            out.append(entry.norm == token.norm ? entry.normKey : keys.key(token.norm))
            out.append(entry.prefix)
            out.append(entry.suffix)
            out.append(entry.shape)
            out.append(token.spaceAfter ? 1 : 0)
            out.append(token.isSpace ? 1 : 0)
        }
        return out
    }

    /// The keys of a text's norm, first character, last three characters and shape.
    private func entry(_ text: String, norm: String) -> LexemeFeatureCache.Entry {
        let prefix = text.unicodeScalars.first.map { keys.key(String($0)) } ?? 0
        return LexemeFeatureCache.Entry(
            text: text, norm: norm, normKey: keys.key(norm), prefix: prefix,
            suffix: keys.key(Self.suffix(text)), shape: keys.key(Self.wordShape(text)))
    }

    /// `string[-3:]` on code points.
    static func suffix(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.endIndex
        var n = 0
        while n < 3 && start != scalars.startIndex {
            start = scalars.index(before: start)
            n += 1
        }
        return String(scalars[start...])
    }

    /// spaCy's `word_shape`: letters as X/x, digits as d, other characters as themselves; a run of one
    /// shape character is cut after four; 100 characters or more are "LONG".
    static func wordShape(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.count < 100, utf8.allSatisfy({ $0 < 0x80 }) { return asciiWordShape(utf8) }
        let scalars = text.unicodeScalars
        var count = 0
        for _ in scalars {
            count += 1
            if count >= 100 { return "LONG" }
        }
        var shape = String.UnicodeScalarView()
        var last: Unicode.Scalar?
        var run = 0
        for scalar in scalars {
            let char: Unicode.Scalar
            if PythonText.isAlpha(scalar) {
                char = PythonText.isUpper(scalar) ? "X" : "x"
            } else if PythonText.isDigit(scalar) {
                char = "d"
            } else {
                char = scalar
            }
            if char == last {
                run += 1
            } else {
                run = 0
                last = char
            }
            if run < 4 { shape.append(char) }
        }
        return String(shape)
    }
}

extension LexicalFeatures {
    /// `wordShape` of an ASCII text shorter than 100 characters, on bytes.
    static func asciiWordShape(_ utf8: String.UTF8View) -> String {
        var shape = [UInt8]()
        shape.reserveCapacity(utf8.count)
        var last: UInt8 = 0
        var run = 0
        for b in utf8 {
            let c: UInt8
            switch b {
            case 0x41...0x5A: c = 0x58  // X
            case 0x61...0x7A: c = 0x78  // x
            case 0x30...0x39: c = 0x64  // d
            default: c = b
            }
            if c == last && !shape.isEmpty {
                run += 1
            } else {
                run = 0
                last = c
            }
            if run < 4 { shape.append(c) }
        }
        return String(decoding: shape, as: UTF8.self)
    }
}

extension SyntaxTokenizer {
    /// `doc.to_array(["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"])` for `tokens`, row-major.
    public func lexicalFeatures(_ tokens: [SyntaxToken]) -> [UInt64] {
        LexicalFeatures(self)(tokens)
    }
}
