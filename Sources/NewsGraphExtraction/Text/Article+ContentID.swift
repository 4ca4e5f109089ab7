import Foundation
import NewsGraphCore

extension Article {
    /// The id of an article that was given none (a JSON Lines record without `id`): a readable prefix from the
    /// first words of the text and the first 12 hex digits of the SHA-256 of the normalised text, as in
    /// `gunmen-attacked-a-police-post-5d41402abc4b`.
    ///
    /// The id depends on the text alone, never on the file name or the line: two records with different texts
    /// never share an id (so one never replaces the other), and the same text ingested again, from any file,
    /// gets the same id (so it is `unchanged`, not a second copy). Normalisation: Unicode NFC, and every run of
    /// white space (line breaks included) read as one space, leading and trailing white space dropped.
    public static func contentID(text: String) -> String {
        let normalised = normalisedForID(text)
        let digest = SHA256.hex(Array(normalised.utf8)).prefix(12)
        let prefix = readablePrefix(normalised)
        return (prefix.isEmpty ? "article" : prefix) + "-" + digest
    }

    /// The text as `contentID(text:)` hashes it: NFC, white space runs as single spaces, trimmed.
    static func normalisedForID(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// Up to five words of the text (ASCII letters and digits, accents folded, lower case), at most 40
    /// characters, joined by `-`.
    static func readablePrefix(_ normalised: String) -> String {
        var words: [String] = []
        var length = 0
        for raw in normalised.split(separator: " ").prefix(12) {
            let folded = raw.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            let word = String(folded.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(Character.init))
            guard !word.isEmpty else { continue }
            guard length + word.count + words.count <= 40, words.count < 5 else { break }
            words.append(word)
            length += word.count
        }
        return words.joined(separator: "-")
    }
}
