import Foundation
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// A suite of extraction tests on sentences written for them (invented names, no third-party text): each text is
/// extracted as one article by the shared test extractor, after the suite's `dateline`.
protocol ExtractionSuite {
    /// Text put before each test article: a dateline for suites whose rules resolve days; empty by default.
    var dateline: String { get }
}

extension ExtractionSuite {
    var dateline: String { "" }

    /// The graph of `text`, read as one article after the suite's dateline.
    func extract(_ text: String) -> ArticleGraph {
        ExtractorTests.extractor.extract(Article(id: "t", plainText: Array((dateline + text).utf8)))
    }

    /// The first event of `type` in `g`, whose trigger contains `trigger` when one is given.
    func event(_ g: ArticleGraph, _ type: EventType, trigger: String? = nil) -> ExtractedEvent? {
        g.events.first { e in e.type == type && (trigger.map { e.trigger.lowercased().contains($0) } ?? true) }
    }
}
