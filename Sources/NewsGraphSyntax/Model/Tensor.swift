/// A dense float32 array with a shape, row-major (C order), as stored in the model resource.
public struct Tensor: Sendable {
    /// The dimensions, outermost first.
    public let shape: [Int]
    /// The values, row-major.
    public let values: [Float]

    public init(shape: [Int], values: [Float]) {
        self.shape = shape
        self.values = values
    }

    /// The number of values (the product of the shape).
    public var count: Int { values.count }
}
