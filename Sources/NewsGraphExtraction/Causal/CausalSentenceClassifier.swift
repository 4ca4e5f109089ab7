import NewsGraphCore
import NewsGraphSyntax

/// Sentence-level causal detection: does a sentence state a causal relation between events?
///
/// The probability comes from `CausalSentenceModel` (logistic regression over `CausalFeatures`: words,
/// the lexicon's causal signals, connectives with the clauses they link, causal verbs, purpose clauses);
/// a sentence is causal from the model's threshold on. Evaluated on the Causal News Corpus (subtask 1)
/// by `newsgraph evaluate --cnc`.
///
/// ```swift
/// let classifier = try CausalSentenceClassifier.standard()
/// let p = classifier.causalProbability("Protests erupted after the police shot a student.")
/// if classifier.isCausal(probability: p) { … }  // p >= classifier.model.threshold
/// // in the pipeline, on a parse already computed: a sentence's token range of the document's parse
/// classifier.causalProbability(parsed, sentence: parsed.sentences[0].tokens)
/// ```
public struct CausalSentenceClassifier: Sendable {
    public let lexicon: Lexicon
    public let parser: SyntaxParser
    public let model: CausalSentenceModel

    public init(lexicon: Lexicon, parser: SyntaxParser, model: CausalSentenceModel) {
        self.lexicon = lexicon
        self.parser = parser
        self.model = model
    }

    /// The classifier of an extractor (its lexicon and parser) with the bundled model.
    public init(extractor: Extractor) throws(CausalModelError) {
        self.init(lexicon: extractor.lexicon, parser: extractor.syntax, model: try CausalSentenceModel.bundled())
    }

    /// The bundled lexicons, parser and model.
    public static func standard() throws -> CausalSentenceClassifier {
        try CausalSentenceClassifier(extractor: try Extractor.standard())
    }

    /// The probability that the sentence of tokens `sentence` in `parsed` states a causal relation. Takes a
    /// parse already computed (a document's); costs no parsing.
    public func causalProbability(_ parsed: ParsedText, sentence: Range<Int>) -> Double {
        model.probability(names: CausalFeatures.rawNames(parsed: parsed, sentence: sentence, lexicon: lexicon))
    }

    /// The probability that `text` (one sentence) states a causal relation; parses it first.
    public func causalProbability(_ text: String) -> Double {
        let parsed = parser.parse(text)
        return causalProbability(parsed, sentence: parsed.tokens.indices)
    }

    /// Whether `text` (one sentence) states a causal relation: its probability reaches the model's threshold.
    public func isCausal(_ text: String) -> Bool { causalProbability(text) >= model.threshold }

    /// Whether a probability from `causalProbability` reaches the model's threshold.
    public func isCausal(probability: Double) -> Bool { probability >= model.threshold }

    /// The features of `text` (one sentence), as the model sees them.
    public func features(_ text: String) -> CausalFeatures {
        CausalSentenceClassifier.features(text, parser: parser, lexicon: lexicon)
    }

    /// The features of `text` (one sentence) with a parser and lexicon (no model needed: training reads these).
    public static func features(_ text: String, parser: SyntaxParser, lexicon: Lexicon) -> CausalFeatures {
        let parsed = parser.parse(text)
        return CausalFeatures(parsed: parsed, sentence: parsed.tokens.indices, lexicon: lexicon)
    }
}
