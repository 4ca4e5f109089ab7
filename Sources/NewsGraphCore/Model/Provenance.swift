/// Where a fact comes from: an article, a sentence in it, and a character span.
///
/// Offsets count Unicode scalars (code points) from the start of the article text as it was read
/// (after decoding, before any normalisation), end exclusive — the same indexing as Python's `str`.
public struct Provenance: Codable, Sendable, Hashable, Comparable {
    /// The article identifier (its file stem or JSON Lines `id`).
    public var article: String
    /// Zero-based index of the sentence in the article.
    public var sentence: Int
    /// Start of the span (inclusive), in Unicode scalars from the start of the article.
    public var start: Int
    /// End of the span (exclusive), in Unicode scalars from the start of the article.
    public var end: Int

    public init(article: String, sentence: Int, start: Int, end: Int) {
        self.article = article
        self.sentence = sentence
        self.start = start
        self.end = end
    }

    public static func < (lhs: Provenance, rhs: Provenance) -> Bool {
        (lhs.article, lhs.sentence, lhs.start, lhs.end) < (rhs.article, rhs.sentence, rhs.start, rhs.end)
    }
}
