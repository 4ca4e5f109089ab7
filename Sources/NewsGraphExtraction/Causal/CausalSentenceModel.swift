import Foundation
import NewsGraphCore

/// A logistic-regression model of "this sentence states a causal relation between events", over hashed
/// `CausalFeatures`: p = σ(bias + Σ weight[index of each feature]). Trained on the Causal News Corpus
/// training split by `scripts/train-causal.py`; shipped as `Lexicons/Models/causal-sentence.tsv`.
///
/// The file is plain text, tab-separated, UTF-8:
///
/// ```
/// # comment lines (training data, C, cross-validated scores)
/// format	newsgraph-causal-sentence-model	1
/// features	causal-features-2
/// bits	18
/// bias	-0.41
/// threshold	0.55
/// w	<index>	<weight>       (one line per non-zero weight)
/// ```
public struct CausalSentenceModel: Sendable {
    /// The file format this reader understands (the `format` line).
    public static let formatVersion = 1
    /// The feature set the weights were trained on (`CausalFeatures.version`).
    public let featureVersion: String
    /// The vector has `2^bits` entries.
    public let bits: Int
    public let bias: Double
    /// The probability from which a sentence counts as causal (chosen by cross-validation on the training split).
    public let threshold: Double
    /// The weights by vector index (zero where the file has none).
    let weights: [Float]
    /// The number of non-zero weights in the file.
    public let nonZeroWeights: Int

    /// A model from its weights (length `2^bits`).
    public init(featureVersion: String = CausalFeatures.version, bits: Int, bias: Double, threshold: Double, weights: [Float]) {
        self.featureVersion = featureVersion
        self.bits = bits
        self.bias = bias
        self.threshold = threshold
        self.weights = weights
        nonZeroWeights = weights.filter { $0 != 0 }.count
    }

    /// The probability that a sentence with these features is causal.
    public func probability(_ features: CausalFeatures) -> Double {
        probability(names: features.names)
    }

    /// The probability from feature names, repeats allowed (each distinct vector index counts once).
    func probability(names: [String]) -> Double {
        var seen = Set<Int>(minimumCapacity: names.count)
        var z = bias
        for name in names {
            let i = FeatureHash.index(name, bits: bits)
            if i < weights.count, seen.insert(i).inserted { z += Double(weights[i]) }
        }
        return 1 / (1 + exp(-z))
    }

    /// The name of the bundled model file, in the `Models` folder of the lexicons.
    public static let bundledFileName = "causal-sentence.tsv"

    /// The model shipped with newsgraph (`Lexicons/Models/causal-sentence.tsv`, found as the lexicons are).
    public static func bundled() throws(CausalModelError) -> CausalSentenceModel {
        let locator = ResourceLocator(
            bundleName: "newsgraph_NewsGraphExtraction",
            sourceResources: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Resources").path
        )
        guard let dir = locator.folder("Lexicons") else { throw .missing(path: "Lexicons/Models/" + bundledFileName) }
        return try CausalSentenceModel(contentsOf: dir.appendingPathComponent("Models").appendingPathComponent(bundledFileName).path)
    }
}

/// A causal-sentence model file that cannot be used, and what to do about it.
public enum CausalModelError: Error, Sendable, CustomStringConvertible, Equatable {
    case missing(path: String)
    case malformed(path: String, line: Int, reason: String)
    case incompatible(path: String, found: String, expected: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "the causal-sentence model \(path) is missing; reinstall with `make install PREFIX=…`, set NEWSGRAPH_RESOURCES, or rebuild it with scripts/train-causal.sh"
        case .malformed(let path, let line, let reason):
            "\(path):\(line): \(reason) (see the format in docs/causal-model.md; rebuild it with scripts/train-causal.sh)"
        case .incompatible(let path, let found, let expected):
            "\(path) was trained on features \(found) but this build computes \(expected); retrain with scripts/train-causal.sh"
        }
    }
}
