import Foundation
@_spi(Testing) import NewsGraphCore
import Testing
@testable import NewsGraphQuery

/// Hostile queries: deep nesting, very long queries, control characters. The parser answers each with a
/// one-line error (or a parse) and never exhausts the stack.
@Suite struct ParserRobustnessTests {
    @Test("Deeply nested parentheses are refused with a one-line error, not a stack overflow")
    func deepParentheses() throws {
        let deep = "events where " + String(repeating: "(", count: 10_000) + "killed > 1" + String(repeating: ")", count: 10_000)
        let e = try #require(parseError(deep))
        #expect(e.description.contains("nests more than \(QueryParser.maxNesting)"))
        #expect(!e.description.contains("\n"))
        // Within the limit it parses.
        let ok = "events where " + String(repeating: "(", count: 60) + "killed > 1" + String(repeating: ")", count: 60)
        #expect(parseError(ok) == nil)
    }

    @Test("Thousands of 'not's are refused with a one-line error")
    func deepNot() throws {
        let e = try #require(parseError("events where " + String(repeating: "not ", count: 10_000) + "killed > 1"))
        #expect(e.description.contains("nests more than"))
        #expect(parseError("events where not not killed > 1") == nil)
    }

    @Test("A chain of thousands of 'and' terms parses into a shallow tree")
    func longConjunction() throws {
        let terms = Array(repeating: "killed > 1", count: 20_000).joined(separator: " and ")
        let q = try QueryParser.parse("events where " + terms + " or injured > 2")
        guard case .events(let e) = q, let filter = e.filter else { Issue.record("not an events query"); return }
        func depth(_ c: Condition) -> Int {
            switch c {
            case .comparison: 1
            case .not(let x): 1 + depth(x)
            case .and(let a, let b), .or(let a, let b): 1 + max(depth(a), depth(b))
            }
        }
        #expect(depth(filter) <= 20)
        func count(_ c: Condition) -> Int {
            switch c {
            case .comparison: 1
            case .not(let x): count(x)
            case .and(let a, let b), .or(let a, let b): count(a) + count(b)
            }
        }
        #expect(count(filter) == 20_001)
    }

    @Test("Thousands of leading 'what was' and filler words parse without recursion or quadratic scans")
    func longPreambles() throws {
        let q = try QueryParser.parse(String(repeating: "what was ", count: 20_000) + "the response to BLA")
        guard case .responses(let r) = q else { Issue.record("wrong form"); return }
        #expect(r.text == "BLA")
        // 100,000 fillers: linear (a quadratic scan took minutes here); a generous bound only.
        let start = ContinuousClock.now
        let fillers = try QueryParser.parse(String(repeating: "show ", count: 100_000) + "attacks by BLA")
        #expect(ContinuousClock.now - start < .seconds(10))
        guard case .attacks = fillers else { Issue.record("wrong form"); return }
    }

    @Test("Names longer than any node name are refused at once (resolving them would take quadratic time)")
    func longNames() throws {
        let words = (0 ..< 26_000).map { "word\($0)" }.joined(separator: " ")
        let e = try #require(parseError("response to " + words))
        #expect(e.description.contains("more than \(QueryParser.maxNameWords) words"))
        let quoted = try #require(parseError("attacks by \"" + String(repeating: "x", count: 5_000) + "\""))
        #expect(quoted.description.contains("longer than \(QueryParser.maxNameCharacters) characters"))
        #expect(parseError("response to " + (0 ..< 60).map { "w\($0)" }.joined(separator: " ")) == nil)
    }

    @Test("Errors escape control characters and stay one line")
    func controlCharacters() throws {
        let e = try #require(parseError("response to \u{1B}[31mred\u{07}"))
        #expect(!e.description.contains("\u{1B}"))
        #expect(!e.description.contains("\u{07}"))
        #expect(e.description.contains("\\u{1B}"))
        #expect(!e.description.contains("\n"))
        let lines = e.diagnostic.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(!e.diagnostic.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        // The caret still points at the offending character in the excerpt.
        let excerpt = Array(lines[1]), carets = Array(lines[2])
        let caret = try #require(carets.firstIndex(of: "^"))
        #expect(excerpt[caret] == "\u{241B}")
        let quoted = try #require(parseError("path from \"a\u{1B}b\" \"c\""))
        #expect(!quoted.description.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test("The echo of a very long query is cut to a sane length")
    func longQueryEcho() throws {
        let name = String(repeating: "x", count: 120_000)
        let e = try #require(parseError("path from \"\(name)\" \"\(name)\""))
        #expect(e.description.count <= QueryError.maxMessageLength + 40)
        #expect(e.diagnostic.count <= QueryError.maxMessageLength + 2 * QueryError.maxExcerptLength + 60)
        let lines = e.diagnostic.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        // The caret sits under the second name, which starts the excerpt's window.
        let excerpt = Array(lines[1]), carets = Array(lines[2])
        let caret = try #require(carets.firstIndex(of: "^"))
        #expect(excerpt[caret] == "\"")
    }

    @Test("Seeded random queries never crash the parser and every error is one short line", arguments: [UInt64(1), 2, 3])
    func fuzz(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let pieces = ["events", "where", "and", "or", "not", "(", ")", "killed", ">", "=", "date", "2024-11-01", "type", "attack",
                      "response", "to", "chain", "from", "via", "depth", "path", "neighbours", "of", "limit", "by", "\"", "'",
                      "“", ",", "?", ".", "!", "!=", "<=", "what", "was", "who", "attacked", "BLA", "Sana", "Baru", "\u{0}",
                      "\u{1B}", "\n", "\t", "é", "日本", "in", "place", "show", "all", "1000", "-", "&", "’"]
        for _ in 0 ..< 2_000 {
            var q = ""
            let n = Int.random(in: 0 ... 40, using: &rng)
            for _ in 0 ..< n {
                q += pieces[Int.random(in: 0 ..< pieces.count, using: &rng)]
                if Bool.random(using: &rng) { q += " " }
            }
            if Int.random(in: 0 ..< 50, using: &rng) == 0 {
                q += String(repeating: "(", count: Int.random(in: 0 ... 5_000, using: &rng))
            }
            if let e = parseError(q) {
                #expect(!e.description.contains("\n"))
                #expect(e.description.count <= QueryError.maxMessageLength + 40)
                #expect(!e.description.unicodeScalars.contains { QueryError.isControl($0) })
            }
        }
    }
}
