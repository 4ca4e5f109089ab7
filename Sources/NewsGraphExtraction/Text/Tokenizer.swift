/// A token of article text, by byte offsets into the article's UTF-8 bytes.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case word, number, punct
    }

    /// Byte range `start..<end` in the article text.
    public var start: Int32
    public var end: Int32
    public var kind: Kind
    /// First letter is upper case ("Kalat", "BLA", "al-Shabaab" is not).
    public var capitalized: Bool
    /// Two or more letters, all upper case ("BLA", "ISPR").
    public var allCaps: Bool
    /// A newline precedes this token (paragraph or live-blog line boundary).
    public var newlineBefore: Bool
    /// FNV-1a hash of the lower-cased bytes; lexicons are keyed by it.
    public var key: UInt64

    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// Splits UTF-8 text into words, numbers and punctuation, working on bytes.
///
/// Words keep inner hyphens and periods of acronyms ("Inter-Services", "U.S."); the possessive
/// `'s` is its own token; numbers keep inner `,` `.` `:` ("1,000", "05.10.2025", "07:40").
public enum Tokenizer {
    /// FNV-1a over lower-cased bytes (ASCII folding only; non-ASCII bytes are hashed as they are).
    @inline(__always)
    public static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            let c = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        return h
    }

    /// Key of a whole phrase: the token keys combined, so a multi-word lexicon entry and a token run hash alike.
    @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a ^ 0x9e3779b97f4a7c15) &* 0xbf58476d1ce4e5b9 ^ b
    }

    @inline(__always)
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Decodes the scalar starting at `i` (valid UTF-8 assumed; invalid bytes count as one-byte non-letters).
    @inline(__always)
    static func scalar(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar?, Int) {
        let b0 = t[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var len = 0
        var v: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { len = 2; v = UInt32(b0 & 0x1F) } else if b0 & 0xF0 == 0xE0 { len = 3; v = UInt32(b0 & 0x0F) } else if b0 & 0xF8 == 0xF0 { len = 4; v = UInt32(b0 & 0x07) } else { return (nil, 1) }
        guard i + len <= t.count else { return (nil, 1) }
        for k in 1..<len {
            let b = t[i + k]
            guard b & 0xC0 == 0x80 else { return (nil, 1) }
            v = v << 6 | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(v), len)
    }

    /// One FNV-1a step (the loop body of `hash`), for keys computed while scanning.
    @inline(__always)
    static func mix(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100000001b3 }

    /// FNV-1a offset basis: the key of no bytes.
    static let fnvOffset: UInt64 = 0xcbf29ce484222325

    /// Class bits of ASCII bytes for the scanning loops (non-ASCII bytes have none): one table load
    /// per byte instead of several range tests.
    enum ByteClass {
        static let letter: UInt8 = 0x01
        static let digit: UInt8 = 0x02
        /// Skipped between tokens: space, tab, carriage return, NUL.
        static let blank: UInt8 = 0x04
        static let newline: UInt8 = 0x08
        /// 0x20 is ASCII's case bit, so `b | (class & upper)` is the lower-cased byte `hash` folds to.
        static let upper: UInt8 = 0x20

        static let table: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
            switch b {
            case 0x41...0x5A: return letter | upper
            case 0x61...0x7A: return letter
            case 0x30...0x39: return digit
            case 0x20, 0x09, 0x0D, 0x00: return blank
            case 0x0A: return newline
            default: return 0
            }
        }
    }

    /// Tokenizes `text[range]` (a range past the text's ends is clamped to it).
    ///
    /// One pass over the bytes: each token's key is hashed while its bytes are scanned, equal to
    /// `hash` of the token's bytes.
    public static func tokenize(_ text: [UInt8], range: Range<Int>? = nil) -> [Token] {
        let r = (range ?? 0..<text.count).clamped(to: 0..<text.count)
        var tokens: [Token] = []
        tokens.reserveCapacity(r.count / 5)
        ByteClass.table.withUnsafeBufferPointer { classes in
            text.withUnsafeBufferPointer { t in
                scan(t, r, classes, into: &tokens)
            }
        }
        return tokens
    }

    /// The body of `tokenize`. Indices read are checked against `n` first (or against `t.count`, for
    /// the continuation bytes of a scalar, which may run past `n` as they always did).
    @inline(__always)
    private static func scan(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ classes: UnsafeBufferPointer<UInt8>,
                             into tokens: inout [Token]) {
        var i = r.lowerBound
        let n = r.upperBound
        var newlineBefore = true
        while i < n {
            let b = t[i]
            let cls = classes[Int(b)]
            if cls & (ByteClass.blank | ByteClass.newline) != 0 {
                if cls & ByteClass.newline != 0 { newlineBefore = true }
                i += 1
                continue
            }
            let start = i
            if cls & ByteClass.digit != 0 {
                // number: digits with inner , . : between digits
                var h = mix(fnvOffset, b)
                i += 1
                while i < n {
                    let c = t[i]
                    if isDigit(c) { h = mix(h, c); i += 1; continue }
                    if c == 0x2C || c == 0x2E || c == 0x3A, i + 1 < n, isDigit(t[i + 1]) { h = mix(mix(h, c), t[i + 1]); i += 2; continue }
                    break
                }
                tokens.append(Token(start: Int32(start), end: Int32(i), kind: .number, capitalized: false, allCaps: false,
                                    newlineBefore: newlineBefore, key: h))
                newlineBefore = false
                continue
            }
            // word?
            var isLetter = false
            var firstUpper = false
            var step = 1
            if b < 0x80 {
                isLetter = cls & ByteClass.letter != 0
                firstUpper = cls & ByteClass.upper != 0
            } else {
                let (s, l) = scalar(t, i)
                step = l
                if let s, s.properties.isAlphabetic { isLetter = true; firstUpper = s.properties.isUppercase }
            }
            if isLetter {
                var upperCount = firstUpper ? 1 : 0
                var letters = 1
                var h = fnvOffset
                for k in i..<(i + step) { h = mix(h, t[k] | (classes[Int(t[k])] & ByteClass.upper)) }
                i += step
                while i < n {
                    let c = t[i]
                    let cClass = classes[Int(c)]
                    if cClass & ByteClass.letter != 0 {
                        letters += 1
                        if cClass & ByteClass.upper != 0 { upperCount += 1 }
                        h = mix(h, c | (cClass & ByteClass.upper))
                        i += 1
                        continue
                    }
                    if c < 0x80 {
                        let joins: Bool
                        switch c {
                        case 0x30...0x39:
                            joins = true
                        case 0x2D: // inner hyphen: letter-letter
                            joins = i + 1 < n && (isASCIILetter(t[i + 1]) || t[i + 1] >= 0x80)
                        case 0x2E: // acronym periods: U.S. / U.N.
                            joins = i + 1 < n && (i - start == 1 || t[i - 2] == 0x2E) && t[i + 1] >= 0x41 && t[i + 1] <= 0x5A
                                && i + 2 < n && t[i + 2] == 0x2E
                        case 0x27: // ASCII apostrophe inside a word but not the possessive 's
                            joins = i + 1 < n && isASCIILetter(t[i + 1])
                                && !((t[i + 1] | 0x20) == 0x73 && (i + 2 >= n || !isASCIILetter(t[i + 2])))
                        default:
                            joins = false
                        }
                        guard joins else { break }
                        h = mix(h, c)
                        i += 1
                        continue
                    }
                    // a typographic apostrophe inside a word ("Jama’at", "don’t") joins and keys as the ASCII one,
                    // so lexicon forms match either; "’s" stays the possessive
                    if c == 0xE2, i + 3 < n, t[i + 1] == 0x80, t[i + 2] == 0x99, isASCIILetter(t[i + 3]),
                       !((t[i + 3] | 0x20) == 0x73 && (i + 4 >= n || !isASCIILetter(t[i + 4]))) {
                        h = mix(h, 0x27)
                        i += 3
                        continue
                    }
                    let (s, l) = scalar(t, i)
                    if let s, s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark {
                        letters += 1
                        if s.properties.isUppercase { upperCount += 1 }
                        for k in i..<(i + l) { h = mix(h, t[k]) } // non-ASCII bytes hash as they are
                        i += l
                        continue
                    }
                    break
                }
                // include the final period of an acronym like "U.S."
                if i < n, t[i] == 0x2E, i - start >= 3, t[i - 2] == 0x2E { h = mix(h, 0x2E); i += 1 }
                tokens.append(Token(start: Int32(start), end: Int32(i), kind: .word, capitalized: firstUpper,
                                    allCaps: letters >= 2 && upperCount == letters, newlineBefore: newlineBefore, key: h))
                newlineBefore = false
                continue
            }
            // possessive 's / ’s
            if b == 0x27 || (b == 0xE2 && i + 2 < n && t[i + 1] == 0x80 && t[i + 2] == 0x99) {
                let q = b == 0x27 ? 1 : 3
                if i + q < n, (t[i + q] | 0x20) == 0x73, i + q + 1 >= n || !isASCIILetter(t[i + q + 1]), start > r.lowerBound, t[start - 1] != 0x20 {
                    i += q + 1
                    tokens.append(Token(start: Int32(start), end: Int32(i), kind: .word, capitalized: false, allCaps: false,
                                        newlineBefore: false, key: possessiveKey))
                    newlineBefore = false
                    continue
                }
            }
            // punctuation: not a ByteClass.letter, so no byte of it is folded
            var h = fnvOffset
            for k in i..<(i + step) { h = mix(h, t[k]) }
            i += step
            tokens.append(Token(start: Int32(start), end: Int32(i), kind: .punct, capitalized: false, allCaps: false,
                                newlineBefore: newlineBefore, key: h))
            newlineBefore = false
        }
    }

    /// The key every possessive token (`'s`, `’s`) carries.
    public static let possessiveKey: UInt64 = hash(Array("'s".utf8))
}
