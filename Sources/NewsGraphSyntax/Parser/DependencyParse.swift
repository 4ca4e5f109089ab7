/// The labelled dependency tree the parser found for one document, token by token (whitespace tokens
/// included), as spaCy has it after its `parser` pipe.
public struct DependencyParse: Sendable, Hashable {
    /// Each token's head, an absolute token index; a sentence's root is its own head (`doc[i].head.i`).
    public var heads: [Int]
    /// Each token's dependency label, pseudo-projective lifts undone; "ROOT" for roots (`doc[i].dep_`).
    public var labels: [String]
    /// Whether each token starts a sentence (`doc[i].is_sent_start`): the left edge of every root.
    public var sentenceStarts: [Bool]

    public init(heads: [Int], labels: [String], sentenceStarts: [Bool]) {
        self.heads = heads
        self.labels = labels
        self.sentenceStarts = sentenceStarts
    }

    /// The number of tokens.
    public var count: Int { heads.count }
}
