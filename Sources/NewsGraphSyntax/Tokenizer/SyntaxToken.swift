/// A token as spaCy's English tokenizer cuts it: a span of the text, with the whitespace after it.
///
/// Offsets are Unicode-scalar offsets into the parsed text, end exclusive (Python `str` indexing), as
/// everywhere in newsgraph. A run of whitespace beyond one space is a token of its own (`isSpace`), as in
/// spaCy, so that the model sees the text it was trained on; output formats leave such tokens out.
public struct SyntaxToken: Sendable, Hashable {
    /// The token's text.
    public var text: String
    /// Its first scalar in the text.
    public var start: Int
    /// One past its last scalar.
    public var end: Int
    /// Whether one space follows it (spaCy's `whitespace_`/`SPACY`).
    public var spaceAfter: Bool
    /// Whether the token is whitespace only (spaCy's `is_space`).
    public var isSpace: Bool
    /// The normalised form (spaCy's `norm_`): a tokenizer exception's norm, the lexeme-norm table's, or
    /// the lower-cased text.
    public var norm: String

    public init(text: String, start: Int, end: Int, spaceAfter: Bool, isSpace: Bool, norm: String) {
        self.text = text
        self.start = start
        self.end = end
        self.spaceAfter = spaceAfter
        self.isSpace = isSpace
        self.norm = norm
    }
}
