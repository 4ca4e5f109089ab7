/// The parser's network (spaCy's `build_tb_parser_model` with an upper layer, run as `parser_model.pyx`
/// runs it at inference): token vectors → `Linear` (96 → 64) → a precomputable maxout layer, whose
/// per-(token, feature) products are computed once per document, then per state the sum of its eight
/// features' products, the bias, maxout over the pieces, and the action scores.
struct ParserNetwork: Sendable {
    /// The width of the token vectors (the tok2vec output).
    let inputWidth: Int
    /// The width of the `Linear` projection, the lower layer's input.
    let width: Int
    /// Context words per state (nF), hidden units (nO) and maxout pieces (nP).
    let features: Int, hidden: Int, pieces: Int
    /// The number of actions.
    let classes: Int

    /// The projection `width × inputWidth` with its bias.
    private let linear: PackedMatrix
    /// `features × hidden × pieces × width`: one weight row per (feature, hidden, piece).
    private let lower: PackedMatrix
    /// `hidden × pieces`.
    private let lowerB: [Float]
    /// `features × hidden × pieces`: the lower layer's output for an absent context word.
    private let lowerPad: [Float]
    /// The action scores `classes × hidden` with their bias.
    private let upper: PackedMatrix
    /// Actions the model never saw in training, scored as the state's lowest score.
    private let unseen: [Int]

    init(model: SyntaxModel) throws {
        let p = model.parser
        inputWidth = model.tok2vec.width
        features = p.features
        hidden = p.hidden
        pieces = p.pieces
        classes = p.actions.count
        guard features == ParserState.featureCount else {
            throw SyntaxModelError.malformed(path: "parser", reason: "\(features) state features, expected \(ParserState.featureCount)")
        }
        // Every dimension positive: no weight buffer below is empty (their base addresses are not nil).
        guard inputWidth > 0, hidden > 0, pieces >= 1, classes > 0 else {
            throw SyntaxModelError.malformed(path: "parser", reason: "\(hidden) hidden units, \(pieces) maxout pieces, \(classes) actions")
        }
        // The projection (width × inputWidth) into the lower layer, and the output layer (classes × hidden).
        let linearW = try model.tensor("parser.linear.W")
        guard linearW.shape.count == 2, linearW.shape[0] > 0, linearW.shape[1] == inputWidth else {
            throw SyntaxModelError.malformed(path: "parser.linear.W", reason: "shape \(linearW.shape), expected [width, \(inputWidth)]")
        }
        width = linearW.shape[0]
        let linear = (weights: linearW, bias: try model.tensor("parser.linear.b", shape: [width]))
        let upper = (weights: try model.tensor("parser.upper.W", shape: [classes, hidden]),
                     bias: try model.tensor("parser.upper.b", shape: [classes]))
        self.linear = PackedMatrix(weights: linear.weights.values, outputs: width, inputs: inputWidth, bias: linear.bias.values)
        self.upper = PackedMatrix(weights: upper.weights.values, outputs: classes, inputs: hidden, bias: upper.bias.values)
        let lowerW = try model.tensor("parser.lower.W", shape: [features, hidden, pieces, width]).values
        lower = PackedMatrix(weights: lowerW, outputs: features * hidden * pieces, inputs: width, bias: nil)
        lowerB = try model.tensor("parser.lower.b", shape: [hidden, pieces]).values
        lowerPad = try model.tensor("parser.lower.pad", shape: [1, features, hidden, pieces]).values
        let classCount = classes
        unseen = p.unseenActions.filter { $0 >= 0 && $0 < classCount }
    }

    /// The floats of one token's precomputed row: every feature's hidden × pieces pre-activations.
    var rowWidth: Int { features * hidden * pieces }

    /// The lower layer's products for every token: `count × features × hidden × pieces`, row-major (spaCy's
    /// `PrecomputableAffine` output without its padding row). Two matrix products per document; `count > 0`.
    func precompute(tokenVectors: UnsafePointer<Float>, count: Int) -> [Float] {
        var projected = [Float](repeating: 0, count: count * width)
        var rows = [Float](repeating: 0, count: count * rowWidth)
        projected.withUnsafeMutableBufferPointer { y in
            linear.apply(tokenVectors, rows: count, into: y.baseAddress!)
        }
        projected.withUnsafeBufferPointer { x in
            rows.withUnsafeMutableBufferPointer { y in
                lower.apply(x.baseAddress!, rows: count, into: y.baseAddress!)
            }
        }
        return rows
    }

    /// Scratch space for scoring one state, allocated once per document.
    struct Scratch {
        var ids: [Int32]
        var unmaxed: [Float]
        var hiddens: [Float]
        var scores: [Float]
    }

    func makeScratch() -> Scratch {
        Scratch(
            ids: [Int32](repeating: -1, count: features),
            unmaxed: [Float](repeating: 0, count: hidden * pieces),
            hiddens: [Float](repeating: 0, count: hidden),
            scores: [Float](repeating: 0, count: classes))
    }

    /// Scores every action for the context words `ids` (spaCy's `predict_states` for one state): the sum of
    /// the features' precomputed rows (the padding row for an absent word) in feature order, plus the bias,
    /// maxout, then `scores = hiddens · upperᵀ + b`, unseen actions set to the lowest score.
    @inline(__always) func score(
        ids: UnsafePointer<Int32>, rows: UnsafePointer<Float>,
        unmaxed: UnsafeMutablePointer<Float>, hiddens: UnsafeMutablePointer<Float>,
        scores: UnsafeMutablePointer<Float>, weights: Weights
    ) {
        let o = hidden * pieces, stride = rowWidth
        for f in 0..<features {
            let id = Int(ids[f])
            let src = id < 0 ? weights.pad + f * o : rows + id * stride + f * o
            if f == 0 {
                for k in 0..<o { unmaxed[k] = src[k] }
            } else {
                for k in 0..<o { unmaxed[k] += src[k] }
            }
        }
        for k in 0..<o { unmaxed[k] += weights.bias[k] }
        if pieces == 2 {
            for h in 0..<hidden {
                let a = unmaxed[2 * h], b = unmaxed[2 * h + 1]
                hiddens[h] = a > b ? a : b  // thinc's Vec.arg_max for two pieces
            }
        } else {
            for h in 0..<hidden {
                var best = unmaxed[h * pieces]
                for q in 1..<max(1, pieces) where unmaxed[h * pieces + q] > best { best = unmaxed[h * pieces + q] }
                hiddens[h] = best
            }
        }
        upper.apply(UnsafePointer(hiddens), rows: 1, into: scores)
        if !unseen.isEmpty {
            var lowest = scores[0]
            for i in 1..<classes where scores[i] < lowest { lowest = scores[i] }
            for i in unseen { scores[i] = lowest }
        }
    }

    /// Pointers to the weights `score` reads, valid inside `withWeights`.
    struct Weights {
        let pad: UnsafePointer<Float>
        let bias: UnsafePointer<Float>
    }

    func withWeights<R>(_ body: (Weights) -> R) -> R {
        lowerPad.withUnsafeBufferPointer { pad in
            lowerB.withUnsafeBufferPointer { bias in
                body(Weights(pad: pad.baseAddress!, bias: bias.baseAddress!))
            }
        }
    }
}
