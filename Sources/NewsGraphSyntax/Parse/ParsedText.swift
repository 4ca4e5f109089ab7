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
    /// Whether the token is the root of its sentence.
    public var isRoot: Bool { label == "ROOT" }
}

/// A sentence of a parsed text: a contiguous range of token indexes whose heads stay inside it.
public struct ParsedSentence: Sendable, Hashable {
    /// The token indexes, into `ParsedText.tokens`.
    public var tokens: Range<Int>
    /// The index of its root token.
    public var root: Int

    public init(tokens: Range<Int>, root: Int) {
        self.tokens = tokens
        self.root = root
    }
}

/// A text read by the parser: every token with its tag, head and label, and the sentences the parser found.
public struct ParsedText: Sendable {
    /// The text that was parsed.
    public var text: String
    /// The tokens in text order, whitespace tokens included (`token.isSpace`).
    public var tokens: [ParsedToken]
    /// The sentences in text order.
    public var sentences: [ParsedSentence]

    public init(text: String, tokens: [ParsedToken], sentences: [ParsedSentence]) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
    }
}
