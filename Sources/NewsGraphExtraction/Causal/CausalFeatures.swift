import NewsGraphSyntax

/// The features of one sentence for the causal-sentence model: names such as `w=because`, `c=mark:after:advcl`
/// or `cv=spark:dobj:event`, each hashed into a fixed-size vector (`CausalFeatures.index`).
///
/// Features are binary (present or not) and computed from the sentence's words and its dependency parse
/// alone, so the same sentence always gives the same features, in any process (`FeatureHash` is FNV-1a,
/// not Swift's per-process `Hasher`). `CausalFeatures+Parse.swift` computes them; the model
/// (`CausalSentenceModel`) weighs them.
public struct CausalFeatures: Sendable, Hashable {
    /// The feature names, sorted, without repeats.
    public let names: [String]

    /// The set of features named `names` (sorted and deduplicated here).
    public init(names: some Sequence<String>) {
        self.names = Array(Set(names)).sorted()
    }

    /// The version of the feature set: a model trained on other features cannot be used with these.
    /// Bump it whenever a feature is added, removed or renamed, and retrain (`scripts/train-causal.sh`).
    public static let version = "causal-features-2"

    /// The vector indexes of the features in a vector of `2^bits` entries, sorted, without repeats
    /// (two names may share an index: the hashing trick).
    public func indexes(bits: Int) -> [Int] {
        Array(Set(names.map { FeatureHash.index($0, bits: bits) })).sorted()
    }
}

/// The stable hash of feature names: 64-bit FNV-1a over the UTF-8 bytes, reduced to `bits` bits by taking
/// the low bits. Same value in every process and on every platform (the training script reads the
/// indexes this writes; it never hashes names itself).
public enum FeatureHash {
    /// FNV-1a 64 of `name`'s UTF-8 bytes.
    public static func fnv1a(_ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The index of `name` in a vector of `2^bits` entries.
    public static func index(_ name: String, bits: Int) -> Int {
        Int(truncatingIfNeeded: fnv1a(name) & ((UInt64(1) << UInt64(bits)) - 1))
    }
}

extension CausalFeatures {
    /// A crude, stable stem: lower case, irregular forms mapped (`led` → lead), then `-ies`/`-y` → `i`,
    /// `-ing`, `-ed`, a final `-s` and a final `-e` removed, and a doubled final consonant undone
    /// (`stopped` → stop). All forms of a regular word share it: cause, causes, caused, causing → `caus`.
    /// Not a lemmatizer: the stem only has to be the same for the forms of a word, in training and use.
    public static func stem(_ lowered: String) -> String {
        if let s = CausalFeatureWords.irregular[lowered] { return s }
        var w = Array(lowered.unicodeScalars)
        guard w.count > 3, w.allSatisfy(isStemLetter) else { return lowered }
        func ends(_ suffix: String) -> Bool {
            let n = suffix.unicodeScalars.count
            return w.count > n + 2 && w.suffix(n).elementsEqual(suffix.unicodeScalars)
        }
        if ends("ies") { w.removeLast(2) } else if ends("ing") { w.removeLast(3) } else if ends("ed") { w.removeLast(2) } else if ends("s"), !ends("ss") { w.removeLast() }
        if w.last == "y", w.count > 3 { w[w.count - 1] = "i" }
        if w.last == "e", w.count > 3 { w.removeLast() }
        if w.count > 3, w[w.count - 1] == w[w.count - 2], !"lsz".unicodeScalars.contains(w[w.count - 1]),
           !"aeiou".unicodeScalars.contains(w[w.count - 1]) {
            w.removeLast()
        }
        return String(String.UnicodeScalarView(w))
    }

    /// A letter or a hyphen (ASCII checked without the Unicode tables).
    @inline(__always)
    static func isStemLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "-" }
        return c.properties.isAlphabetic
    }

    /// Whether a noun (by its stem and lower-case form) names an event or a process ("protest", "killing").
    static func isEventNoun(stem: String, lowered: String) -> Bool {
        CausalFeatureWords.eventNouns.contains(stem)
            || CausalFeatureWords.eventNounSuffixes.contains { lowered.count > $0.count + 2 && lowered.hasSuffix($0) }
    }
}
