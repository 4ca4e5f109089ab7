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
