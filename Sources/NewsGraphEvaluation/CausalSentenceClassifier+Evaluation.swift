import NewsGraph

extension CausalSentenceClassifier {
    /// Precision, recall and F1 over labelled sentences.
    public func evaluate(_ items: [CNCSentence]) -> Scorer.Counts {
        var c = Scorer.Counts()
        for item in items { c.count(predicted: isCausal(item.text), gold: item.causal) }
        return c
    }
}

extension Scorer.Counts {
    /// Counts one yes-or-no decision: predicted, in the gold, or both (a true positive).
    public mutating func count(predicted: Bool, gold: Bool) {
        if predicted { self.predicted += 1 }
        if gold { self.gold += 1 }
        if predicted && gold { tp += 1 }
    }
}
