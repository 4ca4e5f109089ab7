/// Name normalisation: the one normaliser of names, used by in-article coreference (the extractor), entity
/// resolution across articles and name lookups.
///
/// - `normalizedTokens`: folded to ASCII where a Latin letter has an accent ("Léré" → "lere"), lowercased,
///   nonspacing marks dropped, a possessive `'s` at the end of a word dropped (any apostrophe: `'` `’` `‘`
///   `ʼ` `ʻ` and the backtick), other apostrophes and dots joined ("O'Brien" → "obrien", "U.S." → "us"),
///   every other character that is not a letter or a digit (hyphens, spaces, slashes, brackets) a token break.
/// - `normalize`: the normalised tokens joined by single spaces, a leading "the" dropped
///   ("the Tehreek-e-Taliban’s" → "tehreek e taliban", "U.S." → "us", like "US").
/// - `coreTokens`: the normalised tokens without connectors: transliteration particles ("-e-", "-i-",
///   "al-", "ul-", "bin") and English/Romance function words ("of", "the", "de"). These are part of the
///   normalisation algorithm, like the tokenizer, not a lexicon.
/// - `key`: the core tokens joined without spaces, so "Tehreek-e-Taliban" ~ "Tehreek Taliban" and
///   "Zar Wali" ~ "Zarwali". Two forms with the same key are the same name.
public enum NameNormalizer {
    /// Tokens of `text`, normalised (see the type's documentation).
    public static func normalizedTokens(_ text: String) -> [String] {
        let words = normalizedWords(text, droppingArticle: false)
        return words.isEmpty ? [] : words.split(separator: " ").map(String.init)
    }

    /// The normalised tokens joined by single spaces, a leading "the" dropped:
    /// "the Tehreek-e-Taliban Pakistan's" → "tehreek e taliban pakistan".
    public static func normalize(_ text: String) -> String {
        normalizedWords(text, droppingArticle: true)
    }

    /// The normalised tokens joined by single spaces (on bytes for an ASCII string: most names are).
    static func normalizedWords(_ text: String, droppingArticle: Bool) -> String {
        if let ascii = asciiWords(text, droppingArticle: droppingArticle) { return ascii }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastSpace = true
        func append(_ s: Unicode.Scalar) {
            UTF8.encode(s) { out.append($0) }
            lastSpace = false
        }
        func space() {
            if !lastSpace { out.append(0x20); lastSpace = true }
        }
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let v = s.value
            i += 1
            if isApostrophe(v) {
                // A possessive 's at the end of a word is dropped; otherwise the apostrophe joins.
                if i < scalars.count, scalars[i] == "s" || scalars[i] == "S", i + 1 >= scalars.count || !isWordScalar(scalars[i + 1]) {
                    i += 1
                }
                continue
            }
            if v == 0x2E { continue } // '.' joins: "U.S." → "us"
            if v < 0x80 {
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    append(s)
                } else if v >= 0x41 && v <= 0x5A {
                    append(Unicode.Scalar(UInt8(v) | 0x20))
                } else {
                    space()
                }
                continue
            }
            if s.properties.generalCategory == .nonspacingMark { continue } // combining diacritics
            if let folded = foldTable[v] {
                for f in folded.unicodeScalars { append(f) }
            } else if isWordScalar(s) {
                for l in s.properties.lowercaseMapping.unicodeScalars where l.properties.generalCategory != .nonspacingMark {
                    if let folded = foldTable[l.value] { for f in folded.unicodeScalars { append(f) } } else { append(l) }
                }
            } else {
                space()
            }
        }
        if out.last == 0x20 { out.removeLast() }
        if droppingArticle, out.count >= 4, out[0] == 0x74, out[1] == 0x68, out[2] == 0x65, out[3] == 0x20 {
            out.removeFirst(4)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `normalizedWords` of an all-ASCII string, on its bytes, written straight into the new string's storage
    /// (no allocation up to 15 bytes); nil for any other string.
    static func asciiWords(_ text: String, droppingArticle: Bool) -> String? {
        withBytes(text) { u -> String? in
            var any: UInt8 = 0
            for b in u { any |= b }
            guard any < 0x80 else { return nil }
            return String(unsafeUninitializedCapacity: u.count) { out -> Int in
                var n = 0
                var lastSpace = true
                var i = 0
                while i < u.count {
                    let b = u[i]
                    i += 1
                    if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { out[n] = b; n += 1; lastSpace = false; continue }
                    if b >= 0x41 && b <= 0x5A { out[n] = b | 0x20; n += 1; lastSpace = false; continue }
                    if b == 0x27 || b == 0x60 { // apostrophes: a possessive 's is dropped, otherwise they join
                        if i < u.count, u[i] | 0x20 == 0x73, i + 1 >= u.count || !isASCIIAlphanumeric(u[i + 1]) { i += 1 }
                        continue
                    }
                    if b == 0x2E { continue } // '.' joins
                    if !lastSpace { out[n] = 0x20; n += 1; lastSpace = true }
                }
                if n > 0, out[n - 1] == 0x20 { n -= 1 }
                if droppingArticle, n >= 4, out[0] == 0x74, out[1] == 0x68, out[2] == 0x65, out[3] == 0x20 {
                    n -= 4
                    for k in 0..<n { out[k] = out[k + 4] }
                }
                return n
            }
        }
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    /// Calls `body` with the UTF-8 bytes of `s`: in place for a native string, else of a copy.
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }

    /// The normalised tokens without connectors; all normalised tokens when every token is a connector.
    public static func coreTokens(_ text: String) -> [String] {
        coreTokens(normalizedTokens: normalizedTokens(text))
    }

    /// `coreTokens` from already normalised tokens.
    public static func coreTokens(normalizedTokens tokens: [String]) -> [String] {
        let core = tokens.filter { !connectors.contains($0) }
        return core.isEmpty ? tokens : core
    }

    /// The comparison key of a name: the core tokens joined without spaces ("tehreektalibanpakistan").
    public static func key(_ text: String) -> String {
        coreTokens(text).joined()
    }

    /// The acronym of a multi-word name: the first letters of its core tokens ("ttp"), nil for one word.
    public static func acronym(coreTokens tokens: [String]) -> String? {
        guard tokens.count >= 2, tokens.count <= 8 else { return nil }
        var out = ""
        for t in tokens {
            guard let f = t.unicodeScalars.first, f.value < 0x80, (f.value >= 0x61 && f.value <= 0x7A) else { return nil }
            out.unicodeScalars.append(f)
        }
        return out
    }

    /// True when a surface form is written like an acronym: 2–6 capital letters, dots allowed ("ISPR", "U.N.").
    public static func looksLikeAcronym(_ surface: String) -> Bool {
        var n = 0
        for s in surface.unicodeScalars {
            if s == "." { continue }
            guard s.value >= 0x41 && s.value <= 0x5A else { return false }
            n += 1
        }
        return n >= 2 && n <= 6
    }

    /// The consonant skeleton of a token: the first letter, then consonants with repeats collapsed
    /// ("tehreek" → "thrk", "tehrik" → "thrk"). Transliteration variants usually differ only in vowels.
    public static func skeleton(_ token: String) -> String {
        var out = String.UnicodeScalarView()
        var last: Unicode.Scalar?
        for (i, s) in token.unicodeScalars.enumerated() {
            if i > 0 && vowels.contains(s) { continue }
            if s == last { continue }
            out.append(s)
            last = s
        }
        return String(out)
    }

    /// Levenshtein distance between two strings (Unicode scalars), stopping early above `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev = Array(0 ... y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1 ... x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1 ... y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                rowMin = Swift.min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// If the two core-token lists are the same name up to one token that differs by a small edit distance
    /// (1, or 2 for tokens of 7+ letters) or only in its vowels, the differing tokens and their distance.
    /// Never for one-word names, tokens under 4 letters, tokens with digits, or a different first letter.
    public static func fuzzyDifference(_ a: [String], _ b: [String]) -> (String, String, Int)? {
        guard a.count == b.count, a.count >= 2 else { return nil }
        var diff = -1
        for i in a.indices where a[i] != b[i] {
            if diff >= 0 { return nil }
            diff = i
        }
        guard diff >= 0 else { return nil }
        let ta = a[diff], tb = b[diff]
        guard ta.unicodeScalars.count >= 4, tb.unicodeScalars.count >= 4,
              ta.unicodeScalars.first == tb.unicodeScalars.first,
              !ta.unicodeScalars.contains(where: isDigit), !tb.unicodeScalars.contains(where: isDigit) else { return nil }
        let maxLen = Swift.max(ta.unicodeScalars.count, tb.unicodeScalars.count)
        let allowed = maxLen >= 7 ? 2 : 1
        let d = editDistance(ta, tb, limit: 3)
        if d <= allowed { return (ta, tb, d) }
        if d <= 2 && skeleton(ta) == skeleton(tb) { return (ta, tb, d) }
        return nil
    }

    // MARK: - Tables

    static let connectors: Set<String> = [
        "e", "i", "o", "a", "u", "y", "al", "el", "ul", "ud", "ad", "ar", "as", "at", "az", "an", "ash", "ibn", "bin",
        "wa", "the", "of", "and", "for", "de", "la", "le", "du", "des", "del", "da", "do", "di",
    ]

    static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y"]

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isApostrophe(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x02BC || v == 0x60 || v == 0x02BB
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Latin letters with diacritics → ASCII (Latin-1 Supplement and Latin Extended-A).
    static let foldTable: [UInt32: String] = {
        var t: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÆæǼǽ", "ae"), ("ÇçĆćĈĉĊċČč", "c"), ("ÐðĎďĐđ", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"), ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"),
            ("Ĳĳ", "ij"), ("Ĵĵ", "j"), ("Ķķĸ", "k"), ("ĹĺĻļĽľĿŀŁł", "l"), ("ÑñŃńŅņŇňŉŊŋ", "n"),
            ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("Œœ", "oe"), ("ŔŕŖŗŘř", "r"), ("ŚśŜŝŞşŠšſ", "s"), ("ß", "ss"),
            ("ŢţŤťŦŧ", "t"), ("Þþ", "th"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"), ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"),
            ("ŹźŻżŽž", "z"),
        ]
        for (chars, ascii) in groups {
            for s in chars.unicodeScalars { t[s.value] = ascii }
        }
        return t
    }()
}
