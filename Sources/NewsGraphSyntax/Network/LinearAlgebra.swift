import CSyntaxKernels

/// A weight matrix `W` (`outputs × inputs`, as thinc stores it) packed once for fast products, with its bias.
///
/// The product `Y = X · Wᵀ + b` runs through `CSyntaxKernels`: an AVX2/FMA kernel where the CPU has
/// it (checked once, when the matrix is packed), a portable one elsewhere.
struct PackedMatrix: Sendable {
    let outputs: Int
    let inputs: Int
    private let packed: [Float]
    private let bias: [Float]?
    private let vector: Int32

    init(weights: [Float], outputs: Int, inputs: Int, bias: [Float]?) {
        precondition(weights.count == outputs * inputs, "weights do not match \(outputs)×\(inputs)")
        precondition(bias == nil || bias?.count == outputs, "bias does not match \(outputs)")
        self.outputs = outputs
        self.inputs = inputs
        let panels = (outputs + Int(NGK_PANEL) - 1) / Int(NGK_PANEL)
        var packed = [Float](repeating: 0, count: panels * inputs * Int(NGK_PANEL))
        weights.withUnsafeBufferPointer { w in
            packed.withUnsafeMutableBufferPointer { p in
                ngk_pack(w.baseAddress!, outputs, inputs, p.baseAddress!)
            }
        }
        self.packed = packed
        self.bias = bias
        self.vector = ngk_has_avx2_fma()
    }

    /// `y[r] = W · x[r] + b` for `rows` rows; `x` rows are `xStride` floats apart, `y` rows `yStride`.
    func apply(
        _ x: UnsafePointer<Float>, rows: Int, xStride: Int? = nil,
        into y: UnsafeMutablePointer<Float>, yStride: Int? = nil
    ) {
        guard rows > 0 else { return }
        packed.withUnsafeBufferPointer { p in
            if let bias {
                bias.withUnsafeBufferPointer { b in
                    ngk_affine_packed(x, rows, inputs, xStride ?? inputs, p.baseAddress!, b.baseAddress!, outputs,
                                      y, yStride ?? outputs, vector)
                }
            } else {
                ngk_affine_packed(x, rows, inputs, xStride ?? inputs, p.baseAddress!, nil, outputs,
                                  y, yStride ?? outputs, vector)
            }
        }
    }
}

/// The dense kernels the networks need: `Y = X · Wᵀ (+ b)` over row-major buffers.
///
/// Weights are stored as thinc stores them, one output row per line (`W[nO][nI]`), so the product
/// reads `X`'s rows against `W`'s rows. For a matrix used more than once, pack it (`PackedMatrix`).
enum LinearAlgebra {
    /// `y[m][n] = Σ_k x[m][k] · w[n][k] + bias[n]` for `rows` rows of `x`.
    ///
    /// - Parameters:
    ///   - x: `rows × inputs`, row-major.
    ///   - w: `outputs × inputs`, row-major.
    ///   - bias: `outputs` values, or nil.
    ///   - y: `rows × outputs`, row-major; overwritten.
    static func affine(
        _ x: UnsafePointer<Float>, rows: Int, inputs: Int,
        weights w: UnsafePointer<Float>, bias: UnsafePointer<Float>?, outputs: Int,
        into y: UnsafeMutablePointer<Float>
    ) {
        for r in 0..<rows {
            let xr = x + r * inputs
            let yr = y + r * outputs
            for o in 0..<outputs {
                let wr = w + o * inputs
                var s: Float = 0
                for k in 0..<inputs { s += xr[k] * wr[k] }
                yr[o] = s + (bias?[o] ?? 0)
            }
        }
    }
}
