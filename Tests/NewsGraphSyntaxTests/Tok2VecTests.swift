import Foundation
import Testing
@testable import NewsGraphSyntax

/// spaCy's token vectors and tags for one of our example articles (made once by
/// `scripts/spacy_model/reference_tok2vec.py`), read without Python.
struct Tok2VecReference: Decodable {
    var id: String
    var text: String
    var features: [[String]]
    var tags: [String]
    var tensor: String

    static func load() throws -> [Tok2VecReference] {
        let url = try #require(Bundle.module.url(forResource: "Resources/tok2vec-reference", withExtension: "json"))
        return try JSONDecoder().decode([Tok2VecReference].self, from: Data(contentsOf: url))
    }

    var featureKeys: [UInt64] { features.flatMap { $0.compactMap { UInt64($0) } } }

    var vectors: [Float] {
        guard let data = Data(base64Encoded: tensor) else { return [] }
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }
}

@Suite struct Tok2VecTests {
    @Test func murmurHashMatchesThincOnKnownKeys() {
        // thinc 8.3: NumpyOps().hash(numpy.asarray([0, 1, 12345678901234567890], dtype="uint64"), 8)
        #expect(MurmurHash3.x86_128(0, seed: 8) == (0, 0, 0, 0))
        #expect(MurmurHash3.x86_128(1, seed: 8) == (1_161_550_108, 2_247_783_286, 1_742_325_162, 1_224_191_281))
        #expect(MurmurHash3.x86_128(12_345_678_901_234_567_890, seed: 8)
                == (825_681_028, 3_746_740_173, 3_386_005_190, 3_472_626_611))
    }

    @Test func tokenVectorsMatchSpacyGivenTheSameFeatures() throws {
        let model = try SyntaxModel.bundled()
        let tok2vec = try Tok2Vec(model: model)
        for ref in try Tok2VecReference.load() {
            let count = ref.features.count
            let ours = tok2vec(features: ref.featureKeys, count: count)
            let theirs = ref.vectors
            #expect(ours.count == theirs.count)
            var worst: Float = 0
            for (a, b) in zip(ours, theirs) { worst = max(worst, abs(a - b)) }
            #expect(worst < 1e-3, "largest difference \(worst) in \(ref.id)")
        }
    }

    @Test func tagsMatchSpacyGivenTheSameFeatures() throws {
        let model = try SyntaxModel.bundled()
        let tok2vec = try Tok2Vec(model: model)
        let tagger = try Tagger(model: model)
        for ref in try Tok2VecReference.load() {
            let count = ref.features.count
            let vectors = tok2vec(features: ref.featureKeys, count: count)
            let tags = tagger(tokenVectors: vectors, count: count).map { tagger.labels[$0] }
            // spaCy's attribute ruler sets _SP on whitespace tokens after the tagger.
            let expected = ref.tags
            let differing = zip(tags, expected).enumerated().filter { $0.element.0 != $0.element.1 && $0.element.1 != "_SP" }
            #expect(differing.isEmpty, "\(differing.prefix(5))")
        }
    }
}
