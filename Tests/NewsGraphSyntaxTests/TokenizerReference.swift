import Foundation

@testable import NewsGraphSyntax

/// spaCy's tokens and features for a set of texts, as `scripts/spacy_model/reference_tokens.py` writes them.
struct TokenizerReference: Decodable {
    struct Text: Decodable {
        let name: String
        let text: String
        /// start, end, spacy, is_space, row
        let tokens: [[Int]]
    }

    let spacy: String
    let model: String
    /// norm, then NORM, PREFIX, SUFFIX, SHAPE keys as 16 hex digits.
    let rows: [[String]]
    let texts: [Text]

    static func load(_ url: URL) throws -> TokenizerReference {
        try JSONDecoder().decode(TokenizerReference.self, from: Data(contentsOf: url))
    }

    static func bundled() throws -> TokenizerReference {
        guard let url = Bundle.module.url(forResource: "Resources/tokenizer-reference", withExtension: "json")
            ?? Bundle.module.url(forResource: "tokenizer-reference", withExtension: "json")
        else { throw CocoaError(.fileNoSuchFile) }
        return try load(url)
    }
}

/// How far our tokens and features agree with spaCy's.
struct AgreementReport {
    var texts = 0
    var identicalTexts = 0
    var spacyTokens = 0
    /// spaCy tokens we reproduce with the same span.
    var sameSpan = 0
    /// Of those, the ones whose whitespace flags, norm and six features are also identical.
    var sameFeatures = 0
    var oursTokens = 0
    /// Examples of differences: kind → samples.
    var differences: [String: [String]] = [:]
    var differenceCounts: [String: Int] = [:]

    mutating func note(_ kind: String, _ sample: String) {
        differenceCounts[kind, default: 0] += 1
        if differences[kind, default: []].count < 8 { differences[kind, default: []].append(sample) }
    }

    var summary: String {
        var lines = [
            String(format: "texts %d, tokenized identically %d (%.3f%%)", texts, identicalTexts,
                   100 * Double(identicalTexts) / Double(max(texts, 1))),
            String(format: "spaCy tokens %d, ours %d, same span %d (%.4f%%), features identical on %d of them (%.4f%%)",
                   spacyTokens, oursTokens, sameSpan, 100 * Double(sameSpan) / Double(max(spacyTokens, 1)),
                   sameFeatures, 100 * Double(sameFeatures) / Double(max(sameSpan, 1))),
        ]
        for (kind, count) in differenceCounts.sorted(by: { $0.value > $1.value }) {
            lines.append("  \(kind): \(count)")
            for sample in differences[kind] ?? [] { lines.append("    \(sample)") }
        }
        return lines.joined(separator: "\n")
    }
}

extension TokenizerReference {
    /// Tokenizes every text and compares spans, flags, norms and features with spaCy's.
    func compare(with tokenizer: SyntaxTokenizer) -> AgreementReport {
        var report = AgreementReport()
        let features = LexicalFeatures(tokenizer)
        for text in texts {
            report.texts += 1
            let ours = tokenizer.tokenize(text.text)
            let values = features(ours)
            report.spacyTokens += text.tokens.count
            report.oursTokens += ours.count
            var oursBySpan: [Int: Int] = [:]
            for (i, t) in ours.enumerated() { oursBySpan[t.start] = i }
            var identical = ours.count == text.tokens.count
            let scalars = Array(text.text.unicodeScalars)
            func plain(_ a: Int, _ b: Int) -> String {
                let lo = max(0, min(a, scalars.count)), hi = max(lo, min(b, scalars.count))
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[lo..<hi])
                return String(v)
            }
            func span(_ a: Int, _ b: Int) -> String { plain(a, b).debugDescription }
            for ref in text.tokens {
                let (start, end, spacy, isSpace, row) = (ref[0], ref[1], ref[2], ref[3], ref[4])
                guard let i = oursBySpan[start], ours[i].end == end else {
                    identical = false
                    let context = span(start - 15, end + 15)
                    let oursHere = ours.filter { $0.end > start - 3 && $0.start < end + 3 }.map(\.text)
                    report.note("span", "\(text.name): spaCy \(span(start, end)) in \(context); ours \(oursHere)")
                    continue
                }
                report.sameSpan += 1
                let expected = rows[row]
                let got = Array(values[(i * 6)..<(i * 6 + 6)])
                var same = true
                if ours[i].norm != expected[0] {
                    same = false
                    report.note("norm", "\(span(start, end)): spaCy \(expected[0].debugDescription), ours \(ours[i].norm.debugDescription)")
                }
                for (col, name) in ["NORM", "PREFIX", "SUFFIX", "SHAPE"].enumerated()
                where String(format: "%016llx", got[col]) != expected[col + 1] && ours[i].norm == expected[0] {
                    same = false
                    report.note(name, "\(span(start, end)): spaCy \(expected[col + 1]), ours \(String(format: "%016llx", got[col]))")
                }
                if got[4] != UInt64(spacy) || ours[i].spaceAfter != (spacy == 1) {
                    same = false
                    report.note("SPACY", "\(span(start, end)) in \(span(start - 15, end + 15))")
                }
                if got[5] != UInt64(isSpace) || ours[i].isSpace != (isSpace == 1) {
                    same = false
                    report.note("IS_SPACE", "\(span(start, end))")
                }
                if ours[i].text != plain(start, end) {
                    same = false
                    report.note("text", "\(span(start, end)): ours \(ours[i].text.debugDescription)")
                }
                if same { report.sameFeatures += 1 } else { identical = false }
            }
            if identical { report.identicalTexts += 1 }
        }
        return report
    }
}
