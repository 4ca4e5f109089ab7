import Foundation
import Testing

@testable import NewsGraphSyntax

/// Our tokenizer and lexical features against spaCy's own output (no Python at test time).
@Suite struct TokenizerAgreementTests {
    @Test func tokensAndFeaturesMatchSpacyOnOurExampleArticles() throws {
        let reference = try TokenizerReference.bundled()
        let report = reference.compare(with: try SyntaxTokenizer.bundled())
        #expect(report.texts == reference.texts.count && report.texts > 20)
        #expect(report.sameSpan == report.spacyTokens, "\(report.summary)")
        #expect(report.oursTokens == report.spacyTokens)
        #expect(report.sameFeatures == report.sameSpan, "\(report.summary)")
        #expect(report.identicalTexts == report.texts)
    }

    /// `NEWSGRAPH_TOKENIZER_REFERENCE=/tmp/corpus-reference.json` (written by
    /// `scripts/spacy_model/reference_tokens.py --corpus`) compares the shared corpus and prints the report.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NEWSGRAPH_TOKENIZER_REFERENCE"] != nil))
    func tokensMatchSpacyOnTheSharedCorpusWhenAReferenceIsGiven() throws {
        let path = try #require(ProcessInfo.processInfo.environment["NEWSGRAPH_TOKENIZER_REFERENCE"])
        let reference = try TokenizerReference.load(URL(fileURLWithPath: path))
        let tokenizer = try SyntaxTokenizer.bundled()
        let report = reference.compare(with: tokenizer)
        print(report.summary)
        #expect(Double(report.sameSpan) >= 0.999 * Double(report.spacyTokens))
        #expect(report.sameFeatures == report.sameSpan)
    }
}
