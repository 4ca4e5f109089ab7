import Foundation
import Testing

/// A story told by several outlets, ingested into one store, answers its chain query across the articles: the
/// `story-kashmir-*` cluster of `../shared/corpus/real` (an attack reported by one outlet, the military response
/// to it by another). Skipped when the shared corpus is absent.
@Suite("Story clusters across articles", .enabled(if: Paths.hasRealCorpus, "needs ../shared/corpus/real"))
struct StoryClusterTests {
    @Test("The response to an attack reported by one outlet is found in another outlet's article")
    func responseAcrossOutlets() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("cluster")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let stories = try FileManager.default.contentsOfDirectory(atPath: Paths.realDir.path)
            .filter { $0.hasPrefix("story-kashmir-") && $0.hasSuffix(".txt") }
        #expect(stories.count >= 3)
        for name in stories {
            try FileManager.default.copyItem(at: Paths.realDir.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        let db = dir.appendingPathComponent("cluster.sqlite").path
        let ingest = try CLI.run(["ingest", input.path, "--db", db, "-q"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // the attack: one event, told by several outlets
        let incident = try CLI.run(["query", "events in Pahalgam", "--db", db, "--format", "json"])
        #expect(incident.status == 0, "\(incident.stderr)")
        let incidentJSON = try #require(try JSONSerialization.jsonObject(with: Data(incident.stdout.utf8)) as? [String: Any])
        let incidentRows = try #require(incidentJSON["rows"] as? [[String: Any]])
        let attack = try #require(incidentRows.first)
        let attackNode = try #require(attack["node"] as? [String: Any])
        let attackArticles = Set(((attack["evidence"] as? [[String: Any]]) ?? []).compactMap { $0["article"] as? String })
        #expect(attackArticles.count >= 2, "\(attackArticles)")
        // the response to it, from an article that is not the first report
        let answer = try CLI.run(["query", "response to attack at Pahalgam", "--db", db, "--format", "json"])
        #expect(answer.status == 0, "\(answer.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let response = try #require(rows.first)
        let via = try #require(response["via"] as? [String: Any])
        #expect(via["relation"] as? String == "responded_to")
        #expect(via["to"] as? String == attackNode["id"] as? String)
        let responseArticles = Set(((via["evidence"] as? [[String: Any]]) ?? []).compactMap { $0["article"] as? String })
        let firstReport = attackArticles.sorted().first ?? ""
        #expect(!responseArticles.isEmpty && !responseArticles.contains(firstReport), "\(responseArticles) vs \(firstReport)")
    }
}
