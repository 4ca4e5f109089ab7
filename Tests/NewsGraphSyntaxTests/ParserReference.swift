import Foundation
@testable import NewsGraphSyntax

/// A document parsed by spaCy, as `scripts/spacy_model/reference_parses.py` writes it: the tok2vec vectors
/// the parser reads and the heads, labels and sentence starts spaCy's parser gave.
struct ParserReference: Decodable {
    var name: String
    var tokens: [String]
    var spaces: [Bool]
    var heads: [Int]
    var labels: [String]
    var sentStarts: [Bool]
    var vectors: String

    /// The vectors as floats (little-endian float32 in the file).
    func tokenVectors() throws -> [Float] {
        guard let data = Data(base64Encoded: vectors), data.count % 4 == 0 else {
            throw ParserReferenceError.unreadable("\(name): the vectors are not base64 float32")
        }
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }

    /// Reads a JSON Lines file of references.
    static func load(_ url: URL) throws -> [ParserReference] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONDecoder().decode(ParserReference.self, from: Data(line.utf8))
        }
    }

    /// The references committed with the tests (our own example articles' opening paragraphs).
    static func bundled() throws -> [ParserReference] {
        guard let url = Bundle.module.url(forResource: "Resources/parser-reference", withExtension: "jsonl") else {
            throw ParserReferenceError.unreadable("Resources/parser-reference.jsonl is missing from the test bundle")
        }
        return try load(url)
    }
}

enum ParserReferenceError: Error {
    case unreadable(String)
}

/// Token-level agreement between the Swift parser and spaCy over some references.
struct ParserAgreement: CustomStringConvertible {
    var documents = 0
    var tokens = 0
    var heads = 0
    var labels = 0
    var sentenceStarts = 0
    var identicalDocuments = 0
    var firstDifferences: [String] = []

    mutating func add(_ parse: DependencyParse, _ reference: ParserReference) {
        documents += 1
        tokens += reference.tokens.count
        var identical = true
        for i in reference.tokens.indices {
            let headOK = parse.heads[i] == reference.heads[i], labelOK = parse.labels[i] == reference.labels[i]
            heads += headOK ? 1 : 0
            labels += labelOK ? 1 : 0
            sentenceStarts += parse.sentenceStarts[i] == reference.sentStarts[i] ? 1 : 0
            if !(headOK && labelOK) {
                identical = false
                if firstDifferences.count < 20 {
                    firstDifferences.append(
                        "\(reference.name) #\(i) \(reference.tokens[i].debugDescription): "
                            + "\(parse.heads[i]) \(parse.labels[i]), spaCy \(reference.heads[i]) \(reference.labels[i])")
                }
            }
        }
        identicalDocuments += identical ? 1 : 0
    }

    func share(_ n: Int) -> Double { tokens == 0 ? 1 : Double(n) / Double(tokens) }

    var description: String {
        String(
            format: "%d documents (%d identical), %d tokens: heads %.4f%%, labels %.4f%%, sentence starts %.4f%%",
            documents, identicalDocuments, tokens, 100 * share(heads), 100 * share(labels), 100 * share(sentenceStarts))
    }
}

/// One parser for all tests (loading the model takes a moment).
enum ParserUnderTest {
    static let shared: Result<DependencyParser, any Error> = Result { try DependencyParser(model: try SyntaxModel.bundled()) }

    static func get() throws -> DependencyParser { try shared.get() }

    static func parse(_ reference: ParserReference) throws -> DependencyParse {
        try get().parse(tokenVectors: try reference.tokenVectors(), count: reference.tokens.count, isSpace: reference.spaces)
    }
}
