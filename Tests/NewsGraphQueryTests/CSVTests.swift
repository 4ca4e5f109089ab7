import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphQuery

/// `--format csv`: RFC 4180 quoting and the guard against formula injection.
@Suite struct CSVTests {
    @Test("cells with commas, quotes or line breaks are quoted and quotes doubled; lines end in CRLF")
    func quoting() {
        let t = AnswerTable(columns: ["a", "b"], rows: [["x, y", "say \"no\""], ["line\nbreak", "plain"]])
        #expect(t.csv() == "a,b\r\n\"x, y\",\"say \"\"no\"\"\"\r\n\"line\nbreak\",plain\r\n")
    }

    @Test("cells that a spreadsheet would run as a formula get a leading quote", arguments: [
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("12", "12"), ("2025-03-01", "2025-03-01"), ("a=b", "a=b"),
    ])
    func formulaGuard(cell: String, field: String) {
        #expect(AnswerTable.field(cell) == field)
    }

    @Test("every tabular answer has a CSV table: rows with node fields and evidence, groups with key ids")
    func answers() throws {
        let engine = try Fixtures.analystEngine()
        let events = try engine.run("events where type = attack").csv()
        let lines = events.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("rank,id,key,kind,type,name,label,date,place,agents,targets,killed,injured,depth,via"))
        #expect(lines[1].contains(",tarsa_attack,"))
        #expect(lines[1].contains(",National Guard; hill outpost in Upper Tarsa,"))
        // The evidence sentence that starts with '=' is neutralised.
        #expect(lines[2].contains(",\"'=HYPERLINK(\"\"x\"\") was painted"))
        let count = try engine.run("sum killed by agent where type in (attack, bombing)").csv()
        #expect(count.hasPrefix("agent,agent_id,count,sum_killed,no_figure\r\nRed Valley Movement,n"))
        #expect(count.contains("National Guard,n"))
        let timeline = try engine.run("timeline of RVM").table
        #expect(timeline.rows.count == 6 && timeline.rows.allSatisfy { $0.count == timeline.columns.count })
    }
}
