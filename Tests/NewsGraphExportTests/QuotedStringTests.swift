import Foundation
import Testing
@testable import NewsGraphExport

/// The one escaping of the interchange writers' string literals (`QuotedString`): Cytoscape JSON and Turtle.
@Suite("Quoted strings")
struct QuotedStringTests {
    /// Every scalar the two writers once escaped differently, with the characters every literal escapes.
    static let awkward = "a\"b\\c\nd\re\tf\u{8}g\u{C}h\u{0}i\u{1F}j\u{7F}k\u{2028}l\u{2029}m🔥é"

    /// A Cytoscape JSON string, as the writer quotes it.
    static func json(_ s: String) -> String {
        var out = ""
        JSONValue.string(s).write(into: &out, indent: 0)
        return out
    }

    @Test("DEL is escaped in Cytoscape JSON, as in Turtle")
    func deleteInJSON() {
        #expect(Self.json("a\u{7F}b") == #""a\u007Fb""#)
    }

    @Test("The line and paragraph separators are escaped in Turtle literals, as in Cytoscape JSON")
    func separatorsInTurtle() {
        #expect(TurtleWriter.literal("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        #expect(Self.json("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
    }

    @Test("Both writers quote a string alike: short escapes where both grammars have one, \\u otherwise")
    func sameLiteral() {
        let expected = #""a\"b\\c\nd\re\tf\bg\fh\u0000i\u001Fj\u007Fk\u2028l\u2029m🔥é""#
        #expect(TurtleWriter.literal(Self.awkward) == expected)
        #expect(Self.json(Self.awkward) == expected)
        #expect(TurtleWriter.literal("plain text, ünïcode") == "\"plain text, ünïcode\"")
        #expect(TurtleWriter.literal("") == "\"\"")
    }

    @Test("The JSON literal parses back to the string, and contains no raw control, DEL or separator")
    func jsonRoundTrip() throws {
        let literal = Self.json(Self.awkward)
        let back = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(back == [Self.awkward])
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x2028 || $0.value == 0x2029 })
    }

    @Test("The Turtle literal reads back to the string (ECHAR and UCHAR decoded)")
    func turtleRoundTrip() throws {
        let tokens = try TurtleTokens.tokenize(TurtleWriter.literal(Self.awkward))
        #expect(tokens == [.literal(Self.awkward)])
    }
}
