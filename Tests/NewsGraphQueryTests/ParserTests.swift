import NewsGraphCore
import Testing
@testable import NewsGraphQuery

/// The parser: every form, tolerance of natural phrasing, and errors that point at the column.
@Suite struct ParserTests {
    private func parse(_ s: String) throws -> Query { try QueryParser.parse(s) }

    private func reference(_ q: Query) -> String? {
        switch q {
        case .responses(let r), .causes(let r), .attackers(let r), .attacks(let r, _), .timeline(let r): r.text
        case .chain(let c): c.from.text
        case .path(let p): p.from.text
        case .neighbours(let n): n.of.text
        case .events, .entities, .aggregate: nil
        }
    }

    @Test("response forms name the event that was responded to", arguments: [
        ("response to Baru killing", "Baru killing"),
        ("responses to Baru killing", "Baru killing"),
        ("What was the response to the killing of Sana Baru?", "the killing of Sana Baru"),
        ("RESPONSE TO BLA", "BLA"),
        ("reaction to \"kech_operation\"", "kech_operation"),
        ("response to killing of \"Sana Baru\"", "killing of Sana Baru"),
    ])
    func responseForms(text: String, name: String) throws {
        let q = try parse(text)
        guard case .responses(let r) = q else { Issue.record("not a response query: \(q)"); return }
        #expect(r.text == name)
    }

    @Test("cause forms name the event whose causes are wanted", arguments: [
        ("cause of the Kalat attack", "the Kalat attack"),
        ("causes of Kalat attack", "Kalat attack"),
        ("what caused the Kalat attack?", "the Kalat attack"),
        ("What led to the attack on the camp", "the attack on the camp"),
    ])
    func causeForms(text: String, name: String) throws {
        guard case .causes(let r) = try parse(text) else { Issue.record("not a cause query"); return }
        #expect(r.text == name)
    }

    @Test("who attacked takes the rest of the query as the target")
    func whoAttacked() throws {
        guard case .attackers(let r) = try parse("Who attacked the camp in Kalat?") else { Issue.record("wrong form"); return }
        #expect(r.text == "the camp in Kalat")
        #expect(r.range.start.column == 14)
        #expect(r.range.length == "the camp in Kalat".count)
        guard case .attackers = try parse("who carried out the Kalat attack") else { Issue.record("wrong form"); return }
    }

    @Test("attacks by names the agent; other plural event types become an events filter")
    func attacksBy() throws {
        guard case .attacks(let r, nil) = try parse("attacks by BLA") else { Issue.record("wrong form"); return }
        #expect(r.text == "BLA")
        guard case .events(let e) = try parse("bombings by BLA") else { Issue.record("wrong form"); return }
        guard case .and(.comparison(let type), .comparison(let agent)) = e.filter else { Issue.record("wrong filter"); return }
        #expect(type.field == .type && type.values.map(\.text) == ["bombing"])
        #expect(agent.field == .agent && agent.values.map(\.text) == ["BLA"])
    }

    @Test("timeline of names an entity")
    func timeline() throws {
        guard case .timeline(let r) = try parse("timeline of Pakistan Army") else { Issue.record("wrong form"); return }
        #expect(r.text == "Pakistan Army")
    }

    @Test("chain takes a quoted source, a relation list, a depth and a direction")
    func chain() throws {
        guard case .chain(let c) = try parse("chain from \"killing of Sana Baru\" via responded_to,caused depth 4") else {
            Issue.record("wrong form"); return
        }
        #expect(c.from.text == "killing of Sana Baru")
        #expect(c.from.quoted)
        #expect(c.relations == [.respondedTo, .caused])
        #expect(c.depth == 4)
        #expect(c.direction == .forward)
        guard case .chain(let d) = try parse("chain from Kalat attack backward") else { Issue.record("wrong form"); return }
        #expect(d.from.text == "Kalat attack")
        #expect(d.direction == .backward)
        #expect(d.relations == CausalRelation.allCases)
    }

    @Test("path splits source and target at 'to', quoted or not")
    func path() throws {
        guard case .path(let p) = try parse("path from \"Sana Baru\" to \"Pakistan Army\"") else { Issue.record("wrong form"); return }
        #expect(p.from.text == "Sana Baru")
        #expect(p.to.text == "Pakistan Army")
        #expect(!p.directed)
        guard case .path(let q) = try parse("shortest path from Sana Baru to Pakistan Army directed via attacked, agent depth 5") else {
            Issue.record("wrong form"); return
        }
        #expect(q.from.text == "Sana Baru")
        #expect(q.to.text == "Pakistan Army")
        #expect(q.directed)
        #expect(q.via == [.triple(.attacked), .role(.agent)])
        #expect(q.maxDepth == 5)
    }

    @Test("neighbours (and neighbors) take depth and a where filter")
    func neighbours() throws {
        for text in ["neighbours of BLA depth 2 where type = group", "Neighbors of BLA depth 2 where type is group"] {
            guard case .neighbours(let n) = try parse(text) else { Issue.record("wrong form"); return }
            #expect(n.of.text == "BLA")
            #expect(n.depth == 2)
            guard case .comparison(let c) = n.filter else { Issue.record("no filter"); return }
            #expect(c.field == .type && c.op == .equal && c.values.map(\.text) == ["group"])
        }
    }

    @Test("events conditions: and binds tighter than or, not and parentheses, ordering and limit")
    func eventsConditions() throws {
        guard case .events(let e) = try parse("events where place in Balochistan and date >= 2024-11-01 by date") else {
            Issue.record("wrong form"); return
        }
        guard case .and(.comparison(let place), .comparison(let date)) = e.filter else { Issue.record("wrong filter \(String(describing: e.filter))"); return }
        #expect(place.field == .place && place.op == .in && place.values.map(\.text) == ["Balochistan"])
        #expect(date.field == .date && date.op == .greaterOrEqual && date.values.map(\.text) == ["2024-11-01"])
        #expect(e.order == [Ordering(key: .date, descending: false)])

        guard case .events(let f) = try parse("events where type = attack or type = bombing and not (killed > 5) order by killed limit 3") else {
            Issue.record("wrong form"); return
        }
        guard case .or(.comparison, .and(.comparison, .not(.comparison(let killed)))) = f.filter else {
            Issue.record("wrong precedence: \(String(describing: f.filter))"); return
        }
        #expect(killed.field == .killed && killed.op == .greater)
        #expect(f.order == [Ordering(key: .killed, descending: true)])
        #expect(f.limit == 3)
    }

    @Test("events: multi-word unquoted names stop at 'and'; value lists and 'not in'")
    func eventsValues() throws {
        guard case .events(let e) = try parse("events where agent = Baloch Liberation Army and type in (attack, bombings) and place not in \"Kech\"") else {
            Issue.record("wrong form"); return
        }
        guard case .and(.and(.comparison(let agent), .comparison(let type)), .not(.comparison(let place))) = e.filter else {
            Issue.record("wrong filter: \(String(describing: e.filter))"); return
        }
        #expect(agent.values.map(\.text) == ["Baloch Liberation Army"])
        #expect(type.op == .in && type.values.map(\.text) == ["attack", "bombings"])
        #expect(place.op == .in && place.values.map(\.text) == ["Kech"] && place.values[0].quoted)
    }

    @Test("killings in X is shorthand for a type and place filter")
    func eventShorthand() throws {
        guard case .events(let e) = try parse("killings in Kech") else { Issue.record("wrong form"); return }
        guard case .and(.comparison(let type), .comparison(let place)) = e.filter else { Issue.record("wrong filter"); return }
        #expect(type.values.map(\.text) == ["killing"])
        #expect(place.op == .in && place.values.map(\.text) == ["Kech"])
    }

    @Test("possessives, apostrophes and abbreviations stay in names")
    func lexerNames() throws {
        #expect(reference(try parse("response to Baru's killing")) == "Baru's killing")
        #expect(reference(try parse("attacks by U.S. forces")) == "U.S. forces")
        #expect(reference(try parse("timeline of al-Shabaab")) == "al-Shabaab")
    }

    @Test("a word after a quoted path source is reported at its column")
    func pathMissingTo() throws {
        let e = try #require(parseError("path from \"Sana Baru\" Pakistan Army"))
        #expect(e.description == "query:1:23: expected 'to' after path source, found 'Pakistan'")
        #expect(e.kind == .syntax)
        let lines = e.diagnostic.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1] == "  path from \"Sana Baru\" Pakistan Army")
        #expect(lines[2] == "  " + String(repeating: " ", count: 22) + "^^^^^^^^")
    }

    @Test("syntax errors name what was expected and where", arguments: [
        ("", "query:1:1: empty query; try 'response to NAME', 'who attacked NAME', 'timeline of NAME' or 'events where …'"),
        ("path from BLA", "query:1:14: expected 'to' after path source, found end of query"),
        ("response Baru", "query:1:10: expected 'to' after 'response', found 'Baru'"),
        ("response to", "query:1:12: expected a name after 'response to', found end of query"),
        ("chain from X via revenge", "query:1:18: unknown causal relation 'revenge'; use responded_to, caused or followed"),
        ("chain from X depth many", "query:1:20: expected a number after 'depth', found 'many'"),
        ("events where colour = red", "query:1:14: expected a field (type, date, place, agent, target, killed, injured, participant, name, factuality, confidence, article, claimant), found 'colour'"),
        ("events where killed > five", "query:1:23: expected a count for 'killed', found 'five'"),
        ("events where date >= 2024-13-01", "query:1:22: expected a date YYYY, YYYY-MM or YYYY-MM-DD, found '2024-13-01'"),
        ("events where type = gruop", "query:1:21: unknown type 'gruop'; use event, entity, person, group, unit, organization, place, facility or attack, bombing, clash, operation, killing, arrest, abduction, claim, statement, protest"),
        ("events where place < Kalat", "query:1:14: operator '<' does not apply to place; use =, != or in"),
        ("events where (type = attack", "query:1:28: expected ')' to close the '(' at column 14, found end of query"),
        ("events where type = attack by colour", "query:1:31: expected an ordering key (date, killed, injured, type, place, name, confidence) after 'by', found 'colour'"),
        ("neighbours of BLA depth 0", "query:1:25: 'depth' must be at least 1 and at most 1000, found 0"),
        ("who attacked \"the camp", "query:1:14: unterminated quoted name; close it with \""),
        ("tell me about BLA", "query:1:1: unknown query 'tell'; start with 'response to', 'cause of', 'who attacked', 'attacks by', 'timeline of', 'chain from', 'path from', 'neighbours of', 'events', 'entities', 'count' or 'sum'"),
        ("timeline of BLA; drop", "query:1:16: unexpected character ';'; quote names that contain it"),
        ("path from \"A\" to \"B\" \"C\"", "query:1:22: expected 'directed', 'via' or 'depth' after path target, found \"C\""),
    ])
    func syntaxErrors(text: String, message: String) throws {
        let e = try #require(parseError(text))
        #expect(e.description == message)
    }

    @Test("errors on a later line report that line and column")
    func multiLine() throws {
        let e = try #require(parseError("events where type = attack\n  and killed >> 3"))
        #expect(e.description == "query:2:15: expected a value for 'killed', found '>'")
        #expect(e.diagnostic.hasSuffix("\n    and killed >> 3\n                ^"))
    }

    @Test("partial dates compare on their own precision")
    func partialDates() throws {
        let month = try #require(PartialDate("2024-11"))
        let day = try #require(CalendarDate(iso: "2024-11-16")).dayNumber
        #expect(month.test(day, .equal))
        #expect(month.test(day, .lessOrEqual))
        #expect(!month.test(day, .greater))
        #expect(!month.test(day, .less))
        #expect(PartialDate("2024-02")?.days.count == 29)
        #expect(PartialDate("2024")?.days.count == 366)
        #expect(PartialDate("2024-1-5")?.text == "2024-01-05")
        #expect(PartialDate("24-11-01") == nil)
        #expect(PartialDate("2023-02-29") == nil)
    }

    @Test("type names accept plurals and the two kinds")
    func typeNames() {
        #expect(TypeName("groups") == .entity(.group))
        #expect(TypeName("Attacks") == .event(.attack))
        #expect(TypeName("clashes") == .event(.clash))
        #expect(TypeName("entities") == .anyEntity)
        #expect(TypeName("events") == .anyEvent)
        #expect(TypeName("facilities") == .entity(.facility))
    }
}
