import NewsGraphCore

/// Normalisation and similarity of names, shared by in-article coreference.
enum Names {
    /// Calls `body` with the UTF-8 bytes of `s`: in place for a native string, else of a copy.
    /// (For speed: a loop over a buffer is several times cheaper than one over `String.UTF8View`.)
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }

    /// Whether every byte of `bytes` is ASCII.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for b in bytes { any |= b }
        return any < 0x80
    }

    /// The normal form of a name: `NameNormalizer.normalize`, the one normaliser the graph uses too
    /// ("the Tehreek-e-Taliban’s" → "tehreek e taliban", "U.S." → "us").
    @inline(__always)
    static func normalize(_ s: String) -> String { NameNormalizer.normalize(s) }

    /// `s.lowercased()`: on bytes for an ASCII string (where that is exactly A–Z to a–z), else the Unicode mapping.
    static func lowercased(_ s: String) -> String {
        let ascii: String? = withBytes(s) { u in
            guard isASCII(u) else { return nil }
            return String(unsafeUninitializedCapacity: u.count) { out -> Int in
                for k in 0..<u.count { out[k] = asciiLower(u[k]) }
                return u.count
            }
        }
        return ascii ?? s.lowercased()
    }

    /// Whether `a.lowercased() == b.lowercased()`, compared on bytes when both are ASCII (no strings made).
    static func equalLowercased(_ a: String, _ b: String) -> Bool {
        let ascii: Bool? = withBytes(a) { ua in
            withBytes(b) { ub in
                guard isASCII(ua), isASCII(ub) else { return nil }
                guard ua.count == ub.count else { return false }
                for k in 0..<ua.count where asciiLower(ua[k]) != asciiLower(ub[k]) { return false }
                return true
            }
        }
        return ascii ?? (a.lowercased() == b.lowercased())
    }

    /// Whether `s.lowercased().contains(needle)` (`needle` in lower case): on bytes when both are ASCII,
    /// else Foundation's character search, as before.
    static func lowercasedContains(_ s: String, _ needle: String) -> Bool {
        let ascii: Bool? = withBytes(s) { u in
            withBytes(needle) { n in
                guard isASCII(u), isASCII(n) else { return nil }
                guard n.count <= u.count else { return false }
                guard !n.isEmpty else { return nil }
                for start in 0...(u.count - n.count) {
                    var k = 0
                    while k < n.count, asciiLower(u[start + k]) == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                return false
            }
        }
        return ascii ?? s.lowercased().contains(needle)
    }

    /// Whether the last space-separated word of `s` ends in "s" but not in "ss" ("attacks", not "press").
    static func lastWordEndsInSingleS(_ s: String) -> Bool {
        let ascii: Bool? = withBytes(s) { u in
            guard isASCII(u) else { return nil }
            var end = u.count
            while end > 0, u[end - 1] == 0x20 { end -= 1 }
            guard end > 0, u[end - 1] == 0x73 else { return false }
            return !(end >= 2 && u[end - 2] == 0x73)
        }
        return ascii ?? (s.split(separator: " ").last.map { !$0.hasSuffix("ss") && $0.hasSuffix("s") } ?? false)
    }

    /// Whether `s.lowercased().hasSuffix(suffix)` (`suffix` in lower case): on bytes when both are ASCII.
    static func lowercasedHasSuffix(_ s: String, _ suffix: String) -> Bool {
        let ascii: Bool? = withBytes(s) { u in
            withBytes(suffix) { x in
                guard isASCII(u), isASCII(x) else { return nil }
                guard x.count <= u.count else { return false }
                let start = u.count - x.count
                for k in 0..<x.count where asciiLower(u[start + k]) != x[k] { return false }
                return true
            }
        }
        return ascii ?? s.lowercased().hasSuffix(suffix)
    }

    /// Whether one of the space-separated words of `s.lowercased()` is `word` (in lower case): on bytes when both
    /// are ASCII.
    static func lowercasedHasWord(_ s: String, _ word: String) -> Bool {
        let ascii: Bool? = withBytes(s) { u in
            withBytes(word) { w in
                guard isASCII(u), isASCII(w) else { return nil }
                guard !w.isEmpty else { return false }
                var k = 0 // bytes of the current word of `s` that matched so far, or -1 once it differs
                for b in u {
                    if b == 0x20 {
                        if k == w.count { return true }
                        k = 0
                    } else if k >= 0 {
                        k = k < w.count && asciiLower(b) == w[k] ? k + 1 : -1
                    }
                }
                return k == w.count
            }
        }
        return ascii ?? s.lowercased().split(separator: " ").contains(Substring(word))
    }

    /// The space-separated words of `s`, lower-cased (`s.split(separator: " ").map { $0.lowercased() }`): on bytes
    /// for ASCII text.
    static func lowercasedWords(_ s: String) -> [String] {
        let ascii: [String]? = withBytes(s) { u in
            guard isASCII(u) else { return nil }
            var out: [String] = []
            var start = 0
            for k in 0...u.count where k == u.count || u[k] == 0x20 {
                if k > start {
                    out.append(String(unsafeUninitializedCapacity: k - start) { o -> Int in
                        for j in start..<k { o[j - start] = asciiLower(u[j]) }
                        return k - start
                    })
                }
                start = k + 1
            }
            return out
        }
        return ascii ?? s.split(separator: " ").map { $0.lowercased() }
    }

    /// The first space-separated word of `s` (`s.split(separator: " ").first`, or `s`): on bytes for ASCII text.
    static func firstWord(_ s: String) -> String {
        let ascii: String?? = withBytes(s) { u in
            guard isASCII(u) else { return nil }
            guard let start = u.firstIndex(where: { $0 != 0x20 }) else { return .some(nil) }
            let end = u[start...].firstIndex(of: 0x20) ?? u.count
            return String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self)
        }
        switch ascii {
        case .some(.some(let w)): return w
        case .some(.none): return s // only spaces
        case .none: return s.split(separator: " ").first.map(String.init) ?? s
        }
    }

    /// The ASCII lower case of a byte (other bytes unchanged).
    @inline(__always)
    static func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

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
        let ascii: Bool? = withBytes(s) { u in
            for b in u {
                if b >= 0x61 && b <= 0x7A { return true }
                if b >= 0x80 { return nil }
            }
            return false
        }
        if let ascii { return ascii }
        return !s.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
    }

    /// Whether the last space-separated word of `s` starts with a lower-case letter ("Kech district").
    static func lastWordStartsLowercase(_ s: String) -> Bool {
        let ascii: Bool? = withBytes(s) { u in
            guard isASCII(u) else { return nil }
            // on bytes: the first byte of the last run of non-spaces
            var end = u.count
            while end > 0, u[end - 1] == 0x20 { end -= 1 }
            guard end > 0 else { return false }
            var start = end - 1
            while start > 0, u[start - 1] != 0x20 { start -= 1 }
            return u[start] >= 0x61 && u[start] <= 0x7A
        }
        if let ascii { return ascii }
        // the first character of the last run of characters other than " " (as splitting at " " would
        // give), found from the end
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == " " { end = s.index(before: end) }
        guard end > s.startIndex else { return false }
        var start = s.index(before: end)
        while start > s.startIndex, s[s.index(before: start)] != " " { start = s.index(before: start) }
        return s[start].isLowercase
    }

    /// Whether `s` contains "(": on bytes for an ASCII string, else Foundation's search (a character
    /// search, where "(" with a combining mark is not "("), called only when the byte is there at all.
    static func containsParenthesis(_ s: String) -> Bool {
        let found: Bool? = withBytes(s) { u in
            var paren = false
            var any: UInt8 = 0
            for b in u { paren = paren || b == 0x28; any |= b }
            return !paren ? false : any < 0x80 ? true : nil
        }
        return found ?? s.contains("(")
    }

    /// A slug for ids: "Shah Mardan" → "shah_mardan".
    static func slug(_ s: String) -> String {
        let n = normalize(s)
        let ascii: String? = withBytes(n) { u in
            guard isASCII(u) else { return nil }
            // the same on bytes: an ASCII normal form is words joined by single spaces;
            // the first three words, joined by "_", are at most as long as it
            let slug = String(unsafeUninitializedCapacity: u.count) { out -> Int in
                var count = 0
                var words = 0
                var inWord = false
                for b in u {
                    if b == 0x20 {
                        inWord = false
                        continue
                    }
                    if !inWord {
                        if words == 3 { break }
                        if words > 0 { out[count] = 0x5F; count += 1 }
                        words += 1
                        inWord = true
                    }
                    out[count] = b
                    count += 1
                }
                return count
            }
            return slug.isEmpty ? "event" : slug
        }
        if let ascii { return ascii }
        let words = n.split(separator: " ").prefix(3)
        let joined = words.joined(separator: "_")
        return joined.isEmpty ? "event" : joined
    }
}
