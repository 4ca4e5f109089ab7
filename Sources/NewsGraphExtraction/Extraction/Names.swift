/// Normalisation and similarity of names, shared by in-article coreference.
enum Names {
    /// Lower case, diacritics folded, possessive and leading article dropped, hyphens and
    /// punctuation turned into single spaces: "the Tehreek-e-Taliban’s" → "tehreek e taliban".
    static func normalize(_ s: String) -> String {
        if let ascii = normalizeASCII(s) { return ascii }
        var out = String.UnicodeScalarView()
        var lastSpace = true
        for scalar in s.unicodeScalars {
            if scalar.value < 0x80 {
                let b = UInt8(scalar.value)
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { out.append(scalar); lastSpace = false; continue }
                if b >= 0x41 && b <= 0x5A { out.append(Unicode.Scalar(b | 0x20)); lastSpace = false; continue }
                if b == 0x27 { continue } // apostrophe
                if !lastSpace { out.append(" "); lastSpace = true }
                continue
            }
            if scalar == "’" { continue }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isAlphabetic {
                for l in scalar.properties.lowercaseMapping.unicodeScalars { out.append(fold(l)) }
                lastSpace = false
            } else if !lastSpace {
                out.append(" ")
                lastSpace = true
            }
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        if result.hasSuffix(" s") { result.removeLast(2) }
        if result.hasPrefix("the ") { result.removeFirst(4) }
        return result
    }

    /// `normalize` of an all-ASCII string, on bytes (the same result; most names are ASCII); nil otherwise.
    static func normalizeASCII(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { u -> String? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count) { out -> String? in
                var n = 0
                var lastSpace = true
                for b in u {
                    if b >= 0x80 { return nil }
                    if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { out[n] = b; n += 1; lastSpace = false; continue }
                    if b >= 0x41 && b <= 0x5A { out[n] = b | 0x20; n += 1; lastSpace = false; continue }
                    if b == 0x27 { continue } // apostrophe
                    if !lastSpace { out[n] = 0x20; n += 1; lastSpace = true }
                }
                var lo = 0
                if n > 0, out[n - 1] == 0x20 { n -= 1 }
                if n >= 2, out[n - 2] == 0x20, out[n - 1] == 0x73 { n -= 2 }
                if n >= 4, out[0] == 0x74, out[1] == 0x68, out[2] == 0x65, out[3] == 0x20 { lo = 4 }
                return String(decoding: UnsafeBufferPointer(rebasing: out[lo..<n]), as: UTF8.self)
            }
        }
    }

    /// Folds common Latin letters with diacritics to ASCII.
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        guard s.value >= 0xC0 else { return s }
        if let f = foldTable[s.value], let v = Unicode.Scalar(f) { return v }
        return s
    }

    static let foldTable: [UInt32: UInt32] = {
        let table: [Character: Character] = [
            "à": "a", "á": "a", "â": "a", "ã": "a", "ä": "a", "å": "a", "ā": "a", "ç": "c", "è": "e", "é": "e", "ê": "e",
            "ë": "e", "ē": "e", "ì": "i", "í": "i", "î": "i", "ï": "i", "ī": "i", "ñ": "n", "ò": "o", "ó": "o", "ô": "o",
            "õ": "o", "ö": "o", "ø": "o", "ō": "o", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ū": "u", "ý": "y", "ÿ": "y",
        ]
        var out: [UInt32: UInt32] = [:]
        for (k, v) in table { if let a = k.unicodeScalars.first, let b = v.unicodeScalars.first { out[a.value] = b.value } }
        return out
    }()

    /// Levenshtein distance, bounded: returns `limit + 1` as soon as the distance exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        // two rows of the table in one temporary buffer (no allocation on the heap)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { rows in
            var prev = UnsafeMutableBufferPointer(rebasing: rows[0...b.count])
            var cur = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...])
            for j in 0...b.count { prev[j] = j }
            for i in 1...a.count {
                cur[0] = i
                var rowMin = cur[0]
                let ai = a[i - 1]
                for j in 1...b.count {
                    cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai == b[j - 1] ? 0 : 1))
                    rowMin = min(rowMin, cur[j])
                }
                if rowMin > limit { return limit + 1 }
                swap(&prev, &cur)
            }
            return prev[b.count]
        }
    }

    /// Whether some scalar of `s` is lower case (on bytes for ASCII strings).
    static func hasLowercase(_ s: String) -> Bool {
        var ascii = true
        for b in s.utf8 {
            if b >= 0x61 && b <= 0x7A { return true }
            if b >= 0x80 { ascii = false; break }
        }
        if ascii { return false }
        return !s.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
    }

    /// Whether the last space-separated word of `s` starts with a lower-case letter ("Kech district").
    static func lastWordStartsLowercase(_ s: String) -> Bool {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            // on bytes: the first byte of the last run of non-spaces
            var first: UInt8? = nil
            var inWord = false
            for b in s.utf8 {
                if b == 0x20 { inWord = false } else if !inWord { first = b; inWord = true }
            }
            guard let first else { return false }
            return first >= 0x61 && first <= 0x7A
        }
        let last = s.split(separator: " ").last.map(String.init) ?? ""
        return last.first?.isLowercase ?? false
    }

    /// Whether `s` contains "(" (Foundation's search, called only when the byte is there at all).
    static func containsParenthesis(_ s: String) -> Bool {
        s.utf8.contains(0x28) && s.contains("(")
    }

    /// A slug for ids: "Shah Mardan" → "shah_mardan".
    static func slug(_ s: String) -> String {
        let n = normalize(s)
        if n.utf8.allSatisfy({ $0 < 0x80 }) {
            // the same on bytes: an ASCII normal form is words joined by single spaces
            var out: [UInt8] = []
            out.reserveCapacity(n.utf8.count)
            var words = 0
            var inWord = false
            for b in n.utf8 {
                if b == 0x20 {
                    inWord = false
                    continue
                }
                if !inWord {
                    if words == 3 { break }
                    if words > 0 { out.append(0x5F) }
                    words += 1
                    inWord = true
                }
                out.append(b)
            }
            return out.isEmpty ? "event" : String(decoding: out, as: UTF8.self)
        }
        let words = n.split(separator: " ").prefix(3)
        let joined = words.joined(separator: "_")
        return joined.isEmpty ? "event" : joined
    }
}
