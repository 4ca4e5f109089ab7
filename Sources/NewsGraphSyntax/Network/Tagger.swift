/// spaCy's tagger head: an affine layer over the token vectors, the best-scoring tag per token
/// (the softmax is not needed for the argmax).
struct Tagger: Sendable {
    let labels: [String]
    private let output: PackedMatrix

    init(model: SyntaxModel) throws {
        labels = model.tags
        let width = model.tok2vec.width
        let w = try model.tensor("tagger.W", shape: [labels.count, width])
        let b = try model.tensor("tagger.b", shape: [labels.count])
        output = PackedMatrix(weights: w.values, outputs: labels.count, inputs: width, bias: b.values)
    }

    /// The index into `labels` of each token's tag; the first of equal scores wins, as numpy's argmax.
    func callAsFunction(tokenVectors: [Float], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let n = labels.count
        var scores = [Float](repeating: 0, count: count * n)
        tokenVectors.withUnsafeBufferPointer { x in
            scores.withUnsafeMutableBufferPointer { s in output.apply(x.baseAddress!, rows: count, into: s.baseAddress!) }
        }
        return (0..<count).map { t in
            var best = 0
            for j in 1..<n where scores[t * n + j] > scores[t * n + best] { best = j }
            return best
        }
    }
}
