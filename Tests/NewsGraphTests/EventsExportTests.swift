import Foundation
import NewsGraph
import Testing

/// Issue 13, item 5, end to end: `export --format events-csv` over extracted example articles, with the admin
/// places filled from the graph's `located_in` triples and the bundled place lexicons.
struct EventsExportTests {
    @Test("events-csv of an example article: ACLED columns, country and admin1 from the place lexicons")
    func eventsCSVOfAnExample() async throws {
        let file = Paths.examples.appendingPathComponent("story-a-zhob-checkpost-wire.txt").path
        var graph = KnowledgeGraph()
        _ = try await IngestPipeline(extractor: try Extractor.standard()).ingest([file], into: &graph)
        let format = try #require(ExportFormat.named("events-csv"))
        #expect(ExportFormat.named("acled")?.name == "events-csv")
        var out = Data()
        try format.write(ExportInput(graph: { graph }, articles: { [] })) { out.append($0) }
        let text = String(decoding: out, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first?.hasPrefix("event_id,event_date,year,event_type,sub_event_type,") == true)
        #expect(lines.contains { $0.contains(",Pakistan,Balochistan,") }, "\(text)")
        #expect(!text.contains { $0 == "\n" } || text.contains("\r\n"))
    }
}
