/// The dense kernels the networks need: `Y = X · Wᵀ (+ b)` over row-major buffers.
///
/// Weights are stored as thinc stores them, one output row per line (`W[nO][nI]`), so the product
/// reads `X`'s rows against `W`'s rows.
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
