/// One token of a parsed text: its span, part-of-speech tag, head and dependency label.
public struct ParsedToken: Sendable, Hashable {
    /// The token as cut by the tokenizer.
    public var token: SyntaxToken
    /// The fine-grained Penn Treebank tag (spaCy's `tag_`, CoNLL-U XPOS): "NNP", "VBD", ….
    public var tag: String
    /// The universal part of speech (spaCy's `pos_`, CoNLL-U UPOS) mapped from the tag: "PROPN", "VERB", ….
    public var pos: String
    /// The index of the head token in `ParsedText.tokens`; a sentence's root is its own head.
    public var head: Int
    /// The dependency label (ClearNLP style, as spaCy's English models): "nsubj", "dobj", "ROOT", ….
    public var label: String
    /// The index of the sentence this token belongs to in `ParsedText.sentences`.
    public var sentence: Int

    public init(token: SyntaxToken, tag: String, pos: String, head: Int, label: String, sentence: Int) {
        self.token = token
        self.tag = tag
        self.pos = pos
        self.head = head
        self.label = label
        self.sentence = sentence
    }

    /// The token's text.
    public var text: String { token.text }
    /// Its first scalar in the text.
    public var start: Int { token.start }
    /// One past its last scalar.
    public var end: Int { token.end }
}

/// A sentence of a parsed text: a contiguous range of token indexes whose heads stay inside it.
public struct ParsedSentence: Sendable, Hashable {
    /// The token indexes, into `ParsedText.tokens`.
    public var tokens: Range<Int>
    /// The index of its root token (the first, if the parser left several).
    public var root: Int

    public init(tokens: Range<Int>, root: Int) {
        self.tokens = tokens
        self.root = root
    }
}

/// A text read by the parser: every token with its tag, head and label, and the sentences the parser found.
///
/// Tree helpers for rules live in `ParsedText+Tree.swift` (children by label, subtree spans, paths,
/// governing verbs, conjuncts, the token at a character offset).
public struct ParsedText: Sendable {
    /// The tokens in text order, whitespace tokens included (`token.isSpace`).
    public let tokens: [ParsedToken]
    /// The sentences in text order.
    public let sentences: [ParsedSentence]
    /// Children of token i: `childList[childStart[i]..<childStart[i + 1]]`, in text order.
    let childStart: [Int]
    let childList: [Int]

    public init(tokens: [ParsedToken], sentences: [ParsedSentence]) {
        self.tokens = tokens
        self.sentences = sentences
        var counts = [Int](repeating: 0, count: tokens.count + 1)
        for (i, t) in tokens.enumerated() where t.head != i && tokens.indices.contains(t.head) {
            counts[t.head + 1] += 1
        }
        for i in 0..<tokens.count { counts[i + 1] += counts[i] }
        var fill = counts
        var list = [Int](repeating: 0, count: counts[tokens.count])
        for (i, t) in tokens.enumerated() where t.head != i && tokens.indices.contains(t.head) {
            list[fill[t.head]] = i
            fill[t.head] += 1
        }
        childStart = counts
        childList = list
    }
}
