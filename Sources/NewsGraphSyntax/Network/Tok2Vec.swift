import CSyntaxKernels

/// spaCy's shared token-to-vector network of `en_core_web_sm`: `MultiHashEmbed` (six hashed lexical
/// attributes, each summed from four rows of its table, concatenated, then a maxout layer with LayerNorm)
/// followed by `MaxoutWindowEncoder` (four residual layers over a window of one token each side).
///
/// The tagger and the parser both read its output, one 96-wide vector per token.
struct Tok2Vec: Sendable {
    let width: Int
    let pieces: Int
    private let tables: [[Float]]
    private let rows: [UInt32]
    private let seeds: [UInt32]
    private let reduce: MaxoutLayer
    private let layers: [MaxoutLayer]
    private let padding: Int

    init(model: SyntaxModel) throws {
        let s = model.tok2vec
        width = s.width
        pieces = s.maxoutPieces
        padding = s.padding
        guard s.rows.count == s.seeds.count, s.windowSize == 1 else {
            throw SyntaxModelError.malformed(path: "tok2vec", reason: "unsupported settings \(s)")
        }
        tables = try s.rows.indices.map { try model.tensor("embed.\($0).E", shape: [s.rows[$0], s.width]).values }
        rows = s.rows.map { UInt32($0) }
        seeds = s.seeds
        let concat = s.width * s.rows.count
        reduce = try MaxoutLayer(model: model, name: "reduce", outputs: s.width, pieces: s.maxoutPieces,
                                 inputs: concat, epsilon: s.layerNormEpsilon)
        layers = try (0..<s.depth).map {
            try MaxoutLayer(model: model, name: "encode.\($0)", outputs: s.width, pieces: s.maxoutPieces,
                            inputs: s.width * 3, epsilon: s.layerNormEpsilon)
        }
    }

    /// The number of lexical attributes per token (`features` holds this many values per token).
    var columns: Int { tables.count }

    /// The token vectors (`count × width`, row-major) for `count` tokens whose lexical attributes are
    /// `features` (`count × columns`, row-major: NORM, PREFIX, SUFFIX, SHAPE, SPACY, IS_SPACE keys).
    func callAsFunction(features: [UInt64], count: Int) -> [Float] {
        precondition(features.count == count * columns, "features do not match the token count")
        guard count > 0 else { return [] }
        let embedded = embed(features: features, count: count)
        // The encoder runs on the document with `padding` zero rows at each end (thinc's with_array
        // flattening), which the residual layers turn into non-zero context for the edge tokens.
        let total = count + 2 * padding
        var x = [Float](repeating: 0, count: total * width)
        var reduced = [Float](repeating: 0, count: count * width)
        reduce.apply(embedded, rows: count, into: &reduced)
        x.withUnsafeMutableBufferPointer { xb in
            reduced.withUnsafeBufferPointer { r in
                (xb.baseAddress! + padding * width).update(from: r.baseAddress!, count: count * width)
            }
        }
        var window = [Float](repeating: 0, count: total * width * 3)
        var y = [Float](repeating: 0, count: total * width)
        for layer in layers {
            expandWindow(x, rows: total, into: &window)
            layer.apply(window, rows: total, into: &y)
            x.withUnsafeMutableBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in ngk_add(xb.baseAddress!, yb.baseAddress!, total * width) }
            }
        }
        return Array(x[(padding * width)..<((padding + count) * width)])
    }

    /// Each column's four hashed rows summed, the columns side by side: `count × (columns · width)`.
    private func embed(features: [UInt64], count: Int) -> [Float] {
        let cols = columns
        var out = [Float](repeating: 0, count: count * cols * width)
        out.withUnsafeMutableBufferPointer { o in
            for c in 0..<cols {
                let nV = rows[c], seed = seeds[c]
                tables[c].withUnsafeBufferPointer { table in
                    for t in 0..<count {
                        let keys = MurmurHash3.x86_128(features[t * cols + c], seed: seed)
                        let dst = o.baseAddress! + (t * cols + c) * width
                        let base = table.baseAddress!
                        ngk_add(dst, base + Int(keys.0 % nV) * width, width)
                        ngk_add(dst, base + Int(keys.1 % nV) * width, width)
                        ngk_add(dst, base + Int(keys.2 % nV) * width, width)
                        ngk_add(dst, base + Int(keys.3 % nV) * width, width)
                    }
                }
            }
        }
        return out
    }

    /// thinc's `seq2col` with a window of one: each row becomes [previous, itself, next], zeros past the ends.
    private func expandWindow(_ x: [Float], rows: Int, into out: inout [Float]) {
        let w = width
        x.withUnsafeBufferPointer { xb in
            out.withUnsafeMutableBufferPointer { ob in
                let o = ob.baseAddress!, src = xb.baseAddress!
                for r in 0..<rows {
                    let dst = o + r * 3 * w
                    if r > 0 { dst.update(from: src + (r - 1) * w, count: w) } else { dst.update(repeating: 0, count: w) }
                    (dst + w).update(from: src + r * w, count: w)
                    if r + 1 < rows { (dst + 2 * w).update(from: src + (r + 1) * w, count: w) } else { (dst + 2 * w).update(repeating: 0, count: w) }
                }
            }
        }
    }
}

/// thinc's `Maxout` (an affine layer whose `outputs × pieces` values are reduced by their maximum)
/// followed by `LayerNorm`.
struct MaxoutLayer: Sendable {
    let outputs: Int
    let pieces: Int
    private let affine: PackedMatrix
    private let gain: [Float]
    private let shift: [Float]
    private let epsilon: Float

    init(model: SyntaxModel, name: String, outputs: Int, pieces: Int, inputs: Int, epsilon: Float) throws {
        self.outputs = outputs
        self.pieces = pieces
        let w = try model.tensor("\(name).W", shape: [outputs, pieces, inputs])
        let b = try model.tensor("\(name).b", shape: [outputs, pieces])
        affine = PackedMatrix(weights: w.values, outputs: outputs * pieces, inputs: inputs, bias: b.values)
        gain = try model.tensor("\(name).G", shape: [outputs]).values
        shift = try model.tensor("\(name).beta", shape: [outputs]).values
        self.epsilon = epsilon
    }

    /// `y` (`rows × outputs`) from `x` (`rows × inputs`).
    func apply(_ x: [Float], rows: Int, into y: inout [Float]) {
        let wide = outputs * pieces
        var scratch = [Float](repeating: 0, count: rows * wide)
        x.withUnsafeBufferPointer { xb in
            scratch.withUnsafeMutableBufferPointer { s in
                affine.apply(xb.baseAddress!, rows: rows, into: s.baseAddress!)
            }
        }
        scratch.withUnsafeBufferPointer { s in
            y.withUnsafeMutableBufferPointer { yb in
                gain.withUnsafeBufferPointer { g in
                    shift.withUnsafeBufferPointer { b in
                        ngk_maxout_layernorm(s.baseAddress!, rows, outputs, pieces, g.baseAddress!, b.baseAddress!,
                                             epsilon, yb.baseAddress!)
                    }
                }
            }
        }
    }
}
