import Foundation

extension CausalSentenceModel {
    /// The largest vector the reader accepts (`bits` ≤ 24: 16M weights, 64 MB).
    static let maxBits = 24

    /// Reads a model file (format in `CausalSentenceModel`'s documentation and docs/causal-model.md).
    public init(contentsOf path: String) throws(CausalModelError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missing(path: path) }
        var header: [String: String] = [:]
        var entries: [(Int, Float)] = []
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f[0] == "w" {
                guard f.count == 3, let i = Int(f[1]), i >= 0, let w = Float(f[2]), w.isFinite else {
                    throw .malformed(path: path, line: n + 1, reason: "expected w<TAB>index<TAB>weight")
                }
                entries.append((i, w))
            } else {
                guard f.count >= 2 else { throw .malformed(path: path, line: n + 1, reason: "expected key<TAB>value") }
                header[f[0]] = f[1...].joined(separator: "\t")
            }
        }
        func value(_ key: String) throws(CausalModelError) -> String {
            guard let v = header[key] else { throw .malformed(path: path, line: 0, reason: "no `\(key)` line") }
            return v
        }
        let format = try value("format")
        guard format == "newsgraph-causal-sentence-model\t\(Self.formatVersion)" else {
            throw .malformed(path: path, line: 0, reason: "format `\(format)`; this build reads newsgraph-causal-sentence-model \(Self.formatVersion)")
        }
        let features = try value("features")
        guard features == CausalFeatures.version else {
            throw .incompatible(path: path, found: features, expected: CausalFeatures.version)
        }
        guard let bits = Int(try value("bits")), (1...Self.maxBits).contains(bits) else {
            throw .malformed(path: path, line: 0, reason: "bits must be 1...\(Self.maxBits)")
        }
        guard let bias = Double(try value("bias")), bias.isFinite,
              let threshold = Double(try value("threshold")), threshold > 0, threshold < 1 else {
            throw .malformed(path: path, line: 0, reason: "bias must be a number and threshold a probability in (0, 1)")
        }
        var weights = [Float](repeating: 0, count: 1 << bits)
        for (i, w) in entries {
            guard i < weights.count else { throw .malformed(path: path, line: 0, reason: "weight index \(i) outside 2^\(bits)") }
            weights[i] = w
        }
        self.init(featureVersion: features, bits: bits, bias: bias, threshold: threshold, weights: weights)
    }
}
