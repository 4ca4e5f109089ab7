import ArgumentParser
import Foundation
import NewsGraph
import NewsGraphEvaluation

extension EvaluateCommand {
    /// `--cnc FILE`: the causal-sentence classifier's precision, recall and F1 on Causal News Corpus
    /// subtask-1 sentences; with `--dump-features OUT`, the features of each sentence for training instead.
    func evaluateCNC(_ cnc: String, extractor: Extractor) throws {
        let items = try CLIError.wrap { try CNCSentence.read(cnc) }
        if let dumpFeatures {
            try CLIError.wrap { try Self.dump(items, to: dumpFeatures, extractor: extractor) }
            Output.line("features of \(items.count) sentences written to \(dumpFeatures)")
            return
        }
        let classifier = try CLIError.wrap { try CausalSentenceClassifier(extractor: extractor) }
        let (c, cost) = Self.score(items, classifier: classifier)
        switch format {
        case .json:
            Output.write(try Output.json(["precision": c.precision, "recall": c.recall, "f1": c.f1, "threshold": classifier.model.threshold,
                                          "tp": Double(c.tp), "predicted": Double(c.predicted), "gold": Double(c.gold),
                                          "parseMillisecondsPerSentence": cost.parse, "classifyMillisecondsPerSentence": cost.classify], pretty: true))
        case .text:
            Output.line("causal sentences in \(cnc): \(items.count) sentences, \(c.gold) causal (model threshold \(classifier.model.threshold))")
            Output.line(String(format: "precision %.3f  recall %.3f  F1 %.3f  (tp %d, predicted %d)", c.precision, c.recall, c.f1, c.tp, c.predicted))
            Output.line(String(format: "time per sentence: parse %.3f ms, classify (features + model, on the parse) %.3f ms (%.1f%% of the parse)",
                               cost.parse, cost.classify, cost.parse > 0 ? 100 * cost.classify / cost.parse : 0))
        }
    }

    /// The counts over `items`, and the mean milliseconds per sentence spent parsing and classifying (the
    /// classifier reads the parse; in the pipeline the parse is already there, so classifying is the cost).
    static func score(_ items: [CNCSentence], classifier: CausalSentenceClassifier) -> (Scorer.Counts, (parse: Double, classify: Double)) {
        var c = Scorer.Counts()
        let clock = ContinuousClock()
        var parse = Duration.zero, classify = Duration.zero
        for item in items {
            let t0 = clock.now
            let parsed = classifier.parser.parse(item.text)
            let t1 = clock.now
            let p = classifier.causalProbability(parsed, sentence: parsed.tokens.indices)
            classify += clock.now - t1
            parse += t1 - t0
            c.count(predicted: classifier.isCausal(probability: p), gold: item.causal)
        }
        func ms(_ d: Duration) -> Double {
            items.isEmpty ? 0 : (Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15) / Double(items.count)
        }
        return (c, (ms(parse), ms(classify)))
    }

    /// One line per sentence: id, label (1/0), the feature indexes for `2^bits` entries (space-separated),
    /// the feature names (space-separated, for reading the trained weights). Header lines start with `#`.
    static func dump(_ items: [CNCSentence], to path: String, extractor: Extractor, bits: Int = 18) throws {
        var out = "# newsgraph causal-sentence features\t\(CausalFeatures.version)\tbits\t\(bits)\n"
        out += "# id\tlabel\tindexes\tnames\n"
        for item in items {
            let f = CausalSentenceClassifier.features(item.text, parser: extractor.syntax, lexicon: extractor.lexicon)
            let names = f.names.map { String($0.map { $0.isWhitespace ? "_" : $0 }) }
            out += "\(item.id)\t\(item.causal ? 1 : 0)\t\(f.indexes(bits: bits).map(String.init).joined(separator: " "))\t\(names.joined(separator: " "))\n"
        }
        try Data(out.utf8).write(to: URL(fileURLWithPath: path))
    }
}
