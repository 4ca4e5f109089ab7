import Foundation

/// Sorted, disjoint ranges of Unicode scalar values, with a bitmap for ASCII.
struct ScalarRanges: Sendable {
    private let lows: [UInt32]
    private let highs: [UInt32]
    private let values: [Int]
    private let ascii: [Int]

    /// `ranges`: [low, high, value] triples, sorted and disjoint.
    init(_ ranges: [[UInt32]]) {
        let sorted = ranges.filter { $0.count >= 2 }.sorted { $0[0] < $1[0] }
        lows = sorted.map { $0[0] }
        highs = sorted.map { $0[1] }
        values = sorted.map { $0.count > 2 ? Int($0[2]) : 0 }
        var ascii = [Int](repeating: -1, count: 128)
        for (i, low) in lows.enumerated() where low < 128 {
            for v in low...min(highs[i], 127) { ascii[Int(v)] = values[i] }
        }
        self.ascii = ascii
    }

    /// The value of the range holding `scalar`, or nil.
    @inline(__always)
    func value(_ scalar: Unicode.Scalar) -> Int? {
        let v = scalar.value
        if v < 128 {
            let x = ascii[Int(v)]
            return x < 0 ? nil : x
        }
        var lo = 0
        var hi = lows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lows[mid] <= v { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, v <= highs[lo - 1] else { return nil }
        return values[lo - 1]
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool { value(scalar) != nil }
}

/// A pattern's alternatives grouped by the first (or last) character of their matches (`prefixByFirstChar`,
/// `suffixByLastChar` in tokenizer.json): the small pattern to search for a given edge character, or none.
final class CharDispatch: @unchecked Sendable {
    let ranges: ScalarRanges
    let regexes: [NSRegularExpression]

    struct File: Decodable {
        let ranges: [[UInt32]]
        let patterns: [String]
    }

    init(_ file: File, name: String) throws {
        ranges = ScalarRanges(file.ranges)
        regexes = try file.patterns.map { pattern in
            do {
                return try NSRegularExpression(pattern: pattern, options: [])
            } catch {
                throw SyntaxTokenizerError.badPattern(name, String(describing: error))
            }
        }
    }

    /// The pattern that can match with `scalar` at its edge, if any can.
    @inline(__always)
    func regex(for scalar: Unicode.Scalar) -> NSRegularExpression? {
        ranges.value(scalar).map { regexes[$0] }
    }
}
