import Foundation
import Testing
@testable import NewsGraphExtraction

/// The causal-sentence model (Causal/): the bundled weights load, invented sentences land on the right side of
/// the threshold, and features are the same run after run (stable hashing, no per-process `Hasher`).
@Suite("Causal-sentence model")
struct CausalSentenceModelTests {
    static let classifier: CausalSentenceClassifier = {
        do { return try CausalSentenceClassifier(extractor: ExtractorTests.extractor) } catch { fatalError("bundled causal model failed to load: \(error)") }
    }()

    @Test("The bundled model loads: the feature set it was trained on, a threshold, non-zero weights")
    func bundledModelLoads() throws {
        let model = try CausalSentenceModel.bundled()
        #expect(model.featureVersion == CausalFeatures.version)
        #expect(model.threshold > 0 && model.threshold < 1)
        #expect(model.nonZeroWeights > 1_000)
    }

    @Test("Clearly causal invented sentences score above the threshold", arguments: [
        "Hundreds of farmers blocked the highway near Tessel on Monday to protest the new tax on grain.",
        "The strike at the Korvin mill was called off after the owners agreed to raise wages.",
        "The killing of a student by the police sparked three days of riots in Varn.",
        "Teachers walked out of schools across Dahl province because their salaries had not been paid for months.",
    ])
    func causalSentences(_ text: String) {
        let p = Self.classifier.causalProbability(text)
        #expect(p >= Self.classifier.model.threshold, "p = \(p)")
    }

    @Test("Clearly non-causal invented sentences score below the threshold", arguments: [
        "The Korvin city council meets on the first Tuesday of every month.",
        "Oskar Dahl, a spokesman for the union, said the talks would continue next week.",
        "The rally in Tessel was attended by about 2,000 people, according to the organisers.",
    ])
    func nonCausalSentences(_ text: String) {
        let p = Self.classifier.causalProbability(text)
        #expect(p < Self.classifier.model.threshold, "p = \(p)")
    }

    @Test("Features are deterministic, and a parse already computed gives the same probability as the text")
    func featuresAreDeterministic() {
        let text = "Protesters set fire to tyres in Varn after the arrest of two union leaders."
        let a = Self.classifier.features(text), b = Self.classifier.features(text)
        #expect(a == b)
        #expect(a.indexes(bits: 18) == b.indexes(bits: 18))
        #expect(a.names.contains("sig=any") || a.names.contains("cue=any"))
        #expect(a.names.contains { $0.hasPrefix("c=mark:") || $0.hasPrefix("c=prep:after") })
        let parsed = Self.classifier.parser.parse(text)
        #expect(Self.classifier.causalProbability(parsed, sentence: parsed.tokens.indices) == Self.classifier.causalProbability(text))
    }

    @Test("The feature hash is FNV-1a 64 (the same in every process), and stems join the forms of a word")
    func hashAndStems() {
        #expect(FeatureHash.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(FeatureHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FeatureHash.index("w=because", bits: 18) == Int(FeatureHash.fnv1a("w=because") & 0x3ffff))
        #expect(Set(["cause", "caused", "causes", "causing"].map(CausalFeatures.stem)) == ["caus"])
        #expect(Set(["protest", "protests", "protested", "protesting"].map(CausalFeatures.stem)) == ["protest"])
        #expect(CausalFeatures.stem("led") == "lead")
    }

    @Test("A model file from another feature set, or a damaged one, is refused with what to do")
    func badModelFilesAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("causal-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("m.tsv")
        try "format\tnewsgraph-causal-sentence-model\t1\nfeatures\tcausal-features-0\nbits\t4\nbias\t0\nthreshold\t0.5\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: CausalModelError.incompatible(path: url.path, found: "causal-features-0", expected: CausalFeatures.version)) {
            try CausalSentenceModel(contentsOf: url.path)
        }
        try "format\tnewsgraph-causal-sentence-model\t1\nfeatures\t\(CausalFeatures.version)\nbits\t4\nbias\t0\nthreshold\t0.5\nw\t99\t1\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: CausalModelError.self) { try CausalSentenceModel(contentsOf: url.path) }
        #expect(throws: CausalModelError.missing(path: dir.appendingPathComponent("none.tsv").path)) {
            try CausalSentenceModel(contentsOf: dir.appendingPathComponent("none.tsv").path)
        }
    }
}
