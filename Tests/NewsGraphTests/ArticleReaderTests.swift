import Foundation
import NewsGraph
import Testing

/// The whole-file article reader and the one JSON Lines line splitter it shares with `JSONLinesStream`.
@Suite("Article reader")
struct ArticleReaderTests {
    @Test("The reader rejects empty, binary and invalid UTF-8 files with an error naming the file")
    func readerRejections() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reader = ArticleReader()
        let empty = dir.appendingPathComponent("empty.txt"); try Data().write(to: empty)
        let binary = dir.appendingPathComponent("bin.txt"); try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]).write(to: binary)
        let latin = dir.appendingPathComponent("latin.txt"); try Data([0x43, 0x61, 0x66, 0xE9, 0x20]).write(to: latin)
        let badJSON = dir.appendingPathComponent("bad.jsonl"); try Data("{\"text\": \"ok\"}\n{oops\n".utf8).write(to: badJSON)
        #expect(throws: ArticleReadError.empty(path: empty.path)) { try reader.read(file: empty.path) }
        #expect(throws: ArticleReadError.binary(path: binary.path)) { try reader.read(file: binary.path) }
        #expect(throws: ArticleReadError.invalidUTF8(path: latin.path, byteOffset: 3)) { try reader.read(file: latin.path) }
        #expect(throws: ArticleReadError.malformedJSON(path: badJSON.path, line: 2, reason: "not a JSON object")) { try reader.read(file: badJSON.path) }
        #expect(throws: ArticleReadError.self) { try reader.files([dir.appendingPathComponent("missing").path]) }
        for e in [ArticleReadError.empty(path: "x.txt"), .binary(path: "x.txt"), .invalidUTF8(path: "x.txt", byteOffset: 1)] {
            #expect("\(e)".hasPrefix("x.txt:"))
            #expect(!"\(e)".contains("\n"))
        }
    }

    static let lines = "{\"id\": \"a\", \"text\": \"One.\"}\r\n\n  \t\r\n{\"id\": \"b\", \"text\": \"Two.\"}\n{\"id\": \"c\", \"text\": \"Three.\"}"

    @Test("JSON Lines in memory: blank lines (spaces, tabs, CRs) skipped but counted, a CR kept, the last line needs no LF")
    func linesInMemory() {
        let lines = Array(JSONLines(Array(Self.lines.utf8)))
        #expect(lines.map(\.number) == [1, 4, 5])
        #expect(lines.first?.line.last == 0x0D)
        #expect(String(decoding: lines[2].line, as: UTF8.self) == "{\"id\": \"c\", \"text\": \"Three.\"}")
        #expect(Array(JSONLines([])).isEmpty)
        #expect(Array(JSONLines(Array("\n \n\r\n".utf8))).isEmpty)
    }

    @Test("The whole-file reader and the stream read the same JSON Lines file alike: same ids, same texts")
    func wholeFileAndStreamAgree() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("three.jsonl")
        try Data(Self.lines.utf8).write(to: file)
        let whole = try ArticleReader().read(file: file.path)
        var stream = try JSONLinesStream(path: file.path)
        var streamed: [(Article, Int)] = []
        while let item = stream.next() {
            guard case .article(let a) = item else { Issue.record("unexpected \(item)"); continue }
            streamed.append((a, stream.recordLine))
        }
        #expect(whole.map(\.id) == ["a", "b", "c"])
        #expect(streamed.map(\.0.id) == whole.map(\.id))
        #expect(streamed.map(\.0.text) == whole.map(\.text))
        #expect(streamed.map(\.1) == [1, 4, 5])
    }
}
