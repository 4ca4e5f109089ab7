import Foundation
import NewsGraph
import Testing

/// `newsgraph query` and `timeline` with the analyst forms (issue 13, item 3), on an invented annotation
/// imported into a new store: place containment from the bundled lexicon, CSV output, names by id.
struct QueryCLITests {
    /// Invented text: a group attacks a post in Kech (which the bundled lexicon places in Balochistan) and
    /// bombs Mirabad (which no lexicon knows) on two dates, reported by two articles: two events, one label.
    static let annotation = """
    [{"id": "invented-kech-1", "date": "2025-04-02",
     "entities": [
       {"name": "Sunrise Front", "aliases": ["SF"], "type": "group"},
       {"name": "Kech", "aliases": [], "type": "place"},
       {"name": "Balochistan", "aliases": [], "type": "place"},
       {"name": "Mirabad", "aliases": [], "type": "place"},
       {"name": "Zerin", "aliases": [], "type": "place"},
       {"name": "hill post", "aliases": [], "type": "facility"}
     ],
     "triples": [["Sunrise Front", "claimed_responsibility", "kech_attack"]],
     "events": [
       {"id": "kech_attack", "type": "attack", "trigger": "attacked", "agent": ["Sunrise Front"],
        "target": ["hill post"], "place": "Kech", "date": "2025-04-01", "killed": 4},
       {"id": "mirabad_bombing", "type": "bombing", "trigger": "bombed", "agent": ["Sunrise Front"],
        "place": "Mirabad", "date": "2025-03-19", "killed": 1}
     ]},
     {"id": "invented-mirabad-2", "date": "2025-03-09",
      "entities": [
        {"name": "Sunrise Front", "aliases": ["SF"], "type": "group"},
        {"name": "Mirabad", "aliases": [], "type": "place"}
      ],
      "events": [
        {"id": "mirabad_bombing", "type": "bombing", "trigger": "bombed", "agent": ["Sunrise Front"],
         "place": "Mirabad", "date": "2025-03-08", "killed": 2, "factuality": "reported"}
      ]}]
    """

    func store() throws -> (URL, String) {
        let dir = try Paths.tempDir()
        let file = dir.appendingPathComponent("invented.json")
        try Self.annotation.write(to: file, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("store.sqlite").path
        let r = try CLI.run(["import", "--db", db, "--quiet", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        return (dir, db)
    }

    @Test("events in a province include events in its districts, from the bundled lexicon")
    func lexiconContainment() throws {
        let (dir, db) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["query", "--db", db, "events in Balochistan"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("attack by Sunrise Front on hill post at Kech"), "\(r.stdout)")
        let t = try CLI.run(["timeline", "--db", db, "Balochistan"])
        #expect(t.stdout.contains("at Kech"), "\(t.stdout)")
        // A user lexicon adds containment: Mirabad in Zerin.
        let lexicon = dir.appendingPathComponent("places.tsv")
        try "entity\tMirabad\tplace\t\tZerin\n".write(to: lexicon, atomically: true, encoding: .utf8)
        let without = try CLI.run(["query", "--db", db, "count events in Zerin"])
        #expect(without.stdout.contains("total: 0 events"), "\(without.stdout)")
        let with = try CLI.run(["query", "--db", db, "--lexicon", lexicon.path, "count events in Zerin"])
        #expect(with.stdout.contains("total: 2 events"), "\(with.stdout)")
    }

    @Test("--format csv prints the table alone on standard output and the notes on standard error")
    func csv() throws {
        let (dir, db) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["query", "--db", db, "--format", "csv", "sum killed by agent, month"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("agent,agent_id,month,count,sum_killed,no_figure\r\n"), "\(r.stdout)")
        #expect(r.stdout.contains("Sunrise Front,n"))
        #expect(r.stdout.contains(",2025-03,2,3,0\r\n"), "\(r.stdout)")
        let events = try CLI.run(["query", "--db", db, "--format", "csv", "bombings by SF"])
        #expect(events.stdout.split(separator: "\r\n").count == 3, "\(events.stdout)")
        #expect(events.stderr.isEmpty)
        let t = try CLI.run(["timeline", "--db", db, "--format", "csv", "Sunrise Front"])
        #expect(t.status == 0 && t.stdout.hasPrefix("rank,id,key,"), "\(t.stdout)\(t.stderr)")
    }

    @Test("two events with one label: the text notes the ambiguity, and the id from --format json names each")
    func namesByID() throws {
        let (dir, db) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try CLI.run(["query", "--db", db, "timeline of the bombing at Mirabad"])
        #expect(text.stdout.contains("is ambiguous"), "\(text.stdout)")
        let json = try CLI.run(["query", "--db", db, "--format", "json", "bombings at Mirabad"])
        struct Answer: Decodable { struct Row: Decodable { struct Node: Decodable { var id: String; var key: String; var date: String? }; var node: Node }; var rows: [Row] }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(json.stdout.utf8))
        #expect(answer.rows.count == 2)
        for row in answer.rows {
            for name in [row.node.id, row.node.key] {
                let r = try CLI.run(["query", "--db", db, "--format", "json", "events where participant = \(name)"])
                let a = try JSONDecoder().decode(Answer.self, from: Data(r.stdout.utf8))
                #expect(a.rows.map(\.node.date) == [row.node.date], "\(name): \(r.stdout)\(r.stderr)")
            }
        }
    }
}
