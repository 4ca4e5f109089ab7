/// SplitMix64 (Steele, Lea and Flood): a small seeded random number generator, so that randomised tests and
/// the extraction benchmark's generated corpora are the same for the same seed on every machine
/// (`SystemRandomNumberGenerator` is not seedable). Not for anything that needs unpredictability.
///
/// Not part of the library's API: nothing the library does is random. It is SPI for the test targets and
/// the benchmarks, which import it with `@_spi(Testing) import NewsGraphCore` (a release build of another
/// package, such as `Benchmarks/extraction`, cannot use `@testable import`).
@_spi(Testing)
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
