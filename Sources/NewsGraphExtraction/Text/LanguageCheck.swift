import Foundation
import NewsGraphCore

/// Tells English articles from articles in other languages, so that the extractor (English rules, an English
/// parser) is not run on text it cannot read: a German or Arabic article would otherwise be ingested as if it
/// were English prose, yielding a handful of spurious "entities" and no warning.
///
/// The test is deliberately conservative: only an article that is clearly not English is flagged. It needs at
/// least `minimumWords` words; then either most of its letters are in a non-Latin script (Arabic, Cyrillic,
/// Devanagari, CJK…), or the function words of another language (`Lexicons/languages/stopwords.tsv`) are at
/// least `minimumShare` of the words while English ones are under `maximumEnglishShare`. An English report full
/// of foreign names, places and quoted phrases keeps its English function words, and passes.
public struct LanguageCheck: Sendable {
    /// A language's function words.
    public struct Profile: Sendable {
        public var code: String
        public var name: String
        public var words: Set<String>
    }

    public var profiles: [Profile] {
        didSet { index = Self.index(profiles) }
    }
    /// Word → the profiles (indexes) that list it: one lookup per word of the text.
    private var index: [String: [Int]]
    /// Fewer words than this: never flagged (headlines, short items).
    public var minimumWords = 40
    /// Another language's function words must make at least this share of the words.
    public var minimumShare = 0.15
    /// English function words must make less than this share.
    public var maximumEnglishShare = 0.08

    /// What the check concluded about a text that is not English.
    public struct Verdict: Sendable, Equatable, CustomStringConvertible {
        /// The language's name ("French"), or the script's ("Arabic script") when no profile matched.
        public var language: String
        /// The share of the words that are its function words (0 for a script verdict).
        public var share: Double
        /// The share of English function words.
        public var englishShare: Double

        public var description: String {
            share > 0
                ? "looks like \(language), not English (\(Int((share * 100).rounded()))% \(language) function words, \(Int((englishShare * 100).rounded()))% English)"
                : "looks like \(language), not English"
        }
    }

    public init(profiles: [Profile]) {
        self.profiles = profiles
        index = Self.index(profiles)
    }

    private static func index(_ profiles: [Profile]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (i, p) in profiles.enumerated() {
            for w in p.words { index[w, default: []].append(i) }
        }
        return index
    }

    /// Reads `stopwords.tsv` records (`CODE<TAB>NAME<TAB>words…`; `#` comments).
    public init(tsv: String) {
        var profiles: [Profile] = []
        for line in tsv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 3 else { continue }
            profiles.append(Profile(code: String(f[0]), name: String(f[1]), words: Set(f[2].split(separator: " ").map(String.init))))
        }
        self.init(profiles: profiles)
    }

    /// The bundled profiles; nil when the file is missing (then no article is flagged).
    public static let standard: LanguageCheck? = {
        let locator = ResourceLocator(
            bundleName: "newsgraph_NewsGraphExtraction",
            sourceResources: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Resources").path)
        guard let dir = locator.folder("Lexicons"),
              let data = FileManager.default.contents(atPath: dir.appendingPathComponent("languages/stopwords.tsv").path)
        else { return nil }
        return LanguageCheck(tsv: String(decoding: data, as: UTF8.self))
    }()

    /// Nil when the text is English or too short to tell; else what it looks like. Reads the first 1,000 words.
    public func nonEnglish(_ text: some StringProtocol) -> Verdict? {
        var count = 0
        var hits = [Int](repeating: 0, count: profiles.count)
        var latin = 0, other = 0
        var scripts: [String: Int] = [:]
        for word in text.split(whereSeparator: { !$0.isLetter }).prefix(1_000) {
            count += 1
            for p in index[word.lowercased()] ?? [] { hits[p] += 1 }
            for u in word.unicodeScalars {
                if let script = Self.script(u) { other += 1; scripts[script, default: 0] += 1 } else { latin += 1 }
            }
        }
        guard count >= minimumWords else { return nil }
        let shares = profiles.indices.map { (profiles[$0], Double(hits[$0]) / Double(count)) }
        let english = shares.first { $0.0.code == "en" }?.1 ?? 0
        let best = shares.filter { $0.0.code != "en" }.max { $0.1 < $1.1 }
        if other > latin {
            if let best, best.1 >= minimumShare { return Verdict(language: best.0.name, share: best.1, englishShare: english) }
            let script = scripts.max { $0.value < $1.value }?.key ?? "non-Latin"
            return Verdict(language: script + " script", share: 0, englishShare: english)
        }
        guard let best, best.1 >= minimumShare, english < maximumEnglishShare else { return nil }
        return Verdict(language: best.0.name, share: best.1, englishShare: english)
    }

    /// The name of a letter's non-Latin script, nil for Latin (and other) letters.
    static func script(_ u: Unicode.Scalar) -> String? {
        switch u.value {
        case 0x0370 ... 0x03FF: "Greek"
        case 0x0400 ... 0x052F: "Cyrillic"
        case 0x0590 ... 0x05FF: "Hebrew"
        case 0x0600 ... 0x06FF, 0x0750 ... 0x077F, 0xFB50 ... 0xFDFF, 0xFE70 ... 0xFEFF: "Arabic"
        case 0x0900 ... 0x097F: "Devanagari"
        case 0x0980 ... 0x0DFF: "Indic"
        case 0x0E00 ... 0x0E7F: "Thai"
        case 0x1200 ... 0x139F: "Ethiopic"
        case 0x1000 ... 0x109F: "Myanmar"
        case 0x3040 ... 0x30FF: "Japanese"
        case 0x4E00 ... 0x9FFF, 0x3400 ... 0x4DBF: "Chinese"
        case 0xAC00 ... 0xD7AF, 0x1100 ... 0x11FF: "Korean"
        default: nil
        }
    }
}
