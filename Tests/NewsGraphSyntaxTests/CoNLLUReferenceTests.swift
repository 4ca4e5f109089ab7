import Foundation
import Testing
@testable import NewsGraphSyntax

/// The whole pipeline (tokenizer, tok2vec, tagger, parser, CoNLL-U writer) against spaCy's parse of our
/// example articles, committed as CoNLL-U by `scripts/spacy_model/reference_conllu.py`; no Python here.
@Suite struct CoNLLUReferenceTests {
    /// The reference's blocks by document id, each as its token lines (comments dropped).
    static func reference() throws -> [String: [String]] {
        let url = try #require(Bundle.module.url(forResource: "Resources/examples-reference", withExtension: "conllu"))
        var docs: [String: [String]] = [:]
        var current = ""
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("# newdoc id = ") { current = String(line.dropFirst("# newdoc id = ".count)); continue }
            if line.hasPrefix("#") { continue }
            docs[current, default: []].append(String(line))
        }
        return docs
    }

    @Test func everyExampleArticleParsesExactlyAsSpacyDoes() throws {
        let parser = try SyntaxParser.bundled()
        let reference = try Self.reference()
        #expect(reference.count == 10)
        let articles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/articles")
        var tokens = 0
        for (id, expected) in reference.sorted(by: { $0.key < $1.key }) {
            let text = try String(contentsOf: articles.appendingPathComponent(id + ".txt"), encoding: .utf8)
            let ours = parser.parse(text).conllu(documentID: id).split(separator: "\n")
                .filter { !$0.hasPrefix("#") }.map(String.init)
            #expect(ours.count == expected.count, "\(id): \(ours.count) token lines, spaCy \(expected.count)")
            let differing = zip(ours, expected).filter { $0 != $1 }
            #expect(differing.isEmpty, "\(id): \(differing.prefix(3))")
            tokens += expected.count
        }
        #expect(tokens > 4_000)
    }
}
