/// Tags and parses English text natively: spaCy `en_core_web_sm` 3.8's tokenizer, tagger and
/// dependency parser, ported to Swift (no Python, no download; the weights are a bundled resource).
///
/// ```swift
/// let parser = try SyntaxParser.bundled()
/// let parsed = parser.parse("Militants attacked a checkpoint in Zhob on Tuesday.")
/// for t in parsed.tokens { print(t.text, t.tag, t.label, parsed.tokens[t.head].text) }
/// ```
///
/// Long inputs are read in segments (`maxSegmentScalars`, cut at a line break or a space) and long
/// sentences in chunks of at most `maxChunkTokens`, so memory and time stay bounded whatever the input.
/// A value of this type is immutable and can be shared between threads.
public struct SyntaxParser: Sendable {
    /// The tokenizer (spaCy's English rules).
    public let tokenizer: SyntaxTokenizer
    private let tok2vec: Tok2Vec
    private let tagger: Tagger
    private let dependencies: DependencyParser
    private let posRules: PartOfSpeechRules
    /// The most tokens parsed as one unit; a longer run is cut at a sentence end (or hard, if none).
    public var maxChunkTokens = 4_000
    /// The most text tokenized at once; a longer text is cut at a line break or space.
    public var maxSegmentScalars = 200_000

    /// A parser from a model and a tokenizer.
    public init(model: SyntaxModel, tokenizer: SyntaxTokenizer) throws {
        self.tokenizer = tokenizer
        tok2vec = try Tok2Vec(model: model)
        tagger = try Tagger(model: model)
        dependencies = try DependencyParser(model: model)
        posRules = model.posRules
    }

    /// The parser with the model and tokenizer rules shipped with newsgraph.
    public static func bundled() throws -> SyntaxParser {
        try SyntaxParser(model: try SyntaxModel.bundled(), tokenizer: try SyntaxTokenizer.bundled())
    }

    /// Tokenizes, tags and parses `text`. Offsets are Unicode-scalar offsets into `text`, plus `offset`
    /// (the scalar offset of `text` in a larger document it was cut from).
    public func parse(_ text: String, offset: Int = 0) -> ParsedText {
        var tokens: [ParsedToken] = []
        var sentences: [ParsedSentence] = []
        forEachChunk(of: text, offset: offset) { Self.append($0, to: &tokens, &sentences) }
        return ParsedText(tokens: tokens, sentences: sentences)
    }

    /// Appends a parsed chunk to the tokens and sentences parsed so far, its heads and sentence numbers shifted.
    private static func append(_ chunk: ParsedText, to tokens: inout [ParsedToken], _ sentences: inout [ParsedSentence]) {
        let base = tokens.count
        let sentenceBase = sentences.count
        for var t in chunk.tokens {
            t.head += base
            t.sentence += sentenceBase
            tokens.append(t)
        }
        for s in chunk.sentences {
            sentences.append(ParsedSentence(tokens: (s.tokens.lowerBound + base)..<(s.tokens.upperBound + base), root: s.root + base))
        }
    }

    /// Tokenizes, tags and parses `text` one line at a time: a line break ends a sentence, so a headline or a
    /// dateline written without a full stop is never parsed into the paragraph after it ("Terror attack leaves
    /// nine dead⏎Gunmen attacked …"). Offsets as in `parse(_:offset:)`.
    public func parseLines(_ text: String, offset: Int = 0) -> ParsedText {
        var tokens: [ParsedToken] = []
        var sentences: [ParsedSentence] = []
        var lineStart = 0
        var position = 0
        var line = String.UnicodeScalarView()
        func flush() {
            defer { line = String.UnicodeScalarView() }
            guard line.contains(where: { !$0.properties.isWhitespace }) else { return }
            forEachChunk(of: String(line), offset: offset + lineStart) { Self.append($0, to: &tokens, &sentences) }
        }
        var atLineStart = true
        for c in text.unicodeScalars {
            position += 1
            if c == "\n" {
                flush()
                lineStart = position
                atLineStart = true
            } else {
                line.append(c)
                // a wire dateline ("ADDIS ABABA, March 22 – ") is read apart from the sentence it opens
                guard atLineStart, c == " " else { continue }
                if WireDateline.length(line) == line.count {
                    flush()
                    lineStart = position
                    atLineStart = false
                } else if line.count > WireDateline.longest {
                    atLineStart = false
                }
            }
        }
        flush()
        return ParsedText(tokens: tokens, sentences: sentences)
    }

    /// Parses `text` piece by piece, handing each parsed chunk (whole sentences, offsets into `text`) to
    /// `body` in text order; memory stays bounded by the chunk size whatever the length of `text`.
    public func forEachChunk(of text: String, offset: Int = 0, _ body: (ParsedText) throws -> Void) rethrows {
        for segment in TextSegments(text, maxScalars: maxSegmentScalars) {
            var tokens = tokenizer.tokenize(segment.text)
            let shift = segment.offset + offset
            if shift != 0 {
                for i in tokens.indices {
                    tokens[i].start += shift
                    tokens[i].end += shift
                }
            }
            var from = 0
            while from < tokens.count {
                let to = chunkEnd(tokens, from: from)
                try body(parse(tokens: Array(tokens[from..<to])))
                from = to
            }
        }
    }

    /// Tags and parses tokens already cut (by `tokenizer` or by spaCy: same spans, same `norm`).
    public func parse(tokens: [SyntaxToken]) -> ParsedText {
        let count = tokens.count
        guard count > 0 else { return ParsedText(tokens: [], sentences: []) }
        let features = tokenizer.lexicalFeatures(tokens)
        let vectors = tok2vec(features: features, count: count)
        let tags = tagger(tokenVectors: vectors, count: count)
        let isSpace = tokens.map(\.isSpace)
        let tree = dependencies.parse(tokenVectors: vectors, count: count, isSpace: isSpace)
        var sentences: [ParsedSentence] = []
        var sentenceOf = [Int](repeating: 0, count: count)
        var start = 0
        for i in 0..<count {
            if i > 0 && tree.sentenceStarts[i] {
                sentences.append(ParsedSentence(tokens: start..<i, root: root(in: start..<i, heads: tree.heads)))
                start = i
            }
            sentenceOf[i] = sentences.count
        }
        sentences.append(ParsedSentence(tokens: start..<count, root: root(in: start..<count, heads: tree.heads)))
        // spaCy's attribute ruler tags whitespace `_SP`; its part-of-speech rules make it SPACE.
        let tagNames = (0..<count).map { isSpace[$0] ? "_SP" : tagger.labels[tags[$0]] }
        let pos = posRules.apply(tags: tagNames, texts: tokens.map(\.text), labels: tree.labels, isSpace: isSpace)
        let parsed = (0..<count).map { i -> ParsedToken in
            ParsedToken(token: tokens[i], tag: tagNames[i], pos: pos[i],
                        head: tree.heads[i], label: tree.labels[i], sentence: sentenceOf[i])
        }
        return ParsedText(tokens: parsed, sentences: sentences)
    }

    private func root(in range: Range<Int>, heads: [Int]) -> Int {
        range.first { heads[$0] == $0 } ?? range.lowerBound
    }

    /// Where the chunk starting at `from` ends: all remaining tokens if few enough, else just after the
    /// last sentence-final punctuation or line break before the limit, else at the limit.
    private func chunkEnd(_ tokens: [SyntaxToken], from: Int) -> Int {
        let limit = from + max(1, maxChunkTokens)
        if limit >= tokens.count { return tokens.count }
        var i = limit
        while i > from + maxChunkTokens / 2 {
            let t = tokens[i - 1]
            if t.text == "." || t.text == "!" || t.text == "?" || (t.isSpace && t.text.contains("\n")) { return i }
            i -= 1
        }
        return limit
    }
}
