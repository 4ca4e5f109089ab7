import Foundation
import NewsGraph
@_spi(Testing) import NewsGraphCore
import Testing

/// Seeded fuzzing of the readers of outside files: annotation JSON, GraphML, JSON Lines articles. Each starts
/// from a valid file and damages it (flipped bytes, cuts, repeated or inserted pieces); every reader must
/// either read it or fail with one line that names the file, and never crash. Bounded: a few hundred cases each.
@Suite struct ReaderFuzzTests {
    /// A small valid article graph.
    static let article = ArticleGraph(
        article: ArticleInfo(id: "fuzz-1", date: "2024-11-16", source: "test", contentHash: "h",
                             sentences: ["Militants attacked a checkpost in Zhob.", "Two officers were killed."]),
        entities: [
            ExtractedEntity(name: "Zhob", type: .place, mentions: [Provenance(article: "fuzz-1", sentence: 0, start: 34, end: 38)]),
            ExtractedEntity(name: "Militants", aliases: ["gunmen"], type: .group, mentions: [Provenance(article: "fuzz-1", sentence: 0, start: 0, end: 9)]),
            ExtractedEntity(name: "checkpost", type: .facility),
        ],
        events: [
            ExtractedEvent(id: "attack_1", type: .attack, trigger: "attacked", agent: ["Militants"], target: ["checkpost"],
                           place: "Zhob", date: "2024-11-16", killed: 2, injured: nil, mentions: [Provenance(article: "fuzz-1", sentence: 0, start: 10, end: 18)]),
        ],
        triples: [ExtractedTriple(subject: "Militants", predicate: .attacked, object: "checkpost", provenance: [Provenance(article: "fuzz-1", sentence: 0, start: 0, end: 38)])])

    /// Pieces inserted by the mutator: JSON and XML syntax, control characters, entities, deep nesting.
    static let pieces: [[UInt8]] = [
        "{", "}", "[", "]", "\"", ",", ":", "null", "\\u0000", "\\", "<", ">", "</node>", "<node id=\"x\">", "&amp;", "&#0;",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;", "\u{0}", "\u{1B}", "\n", "é", "\u{FEFF}", "9999-99-99", "-1", "1e309",
        String(repeating: "[", count: 600), String(repeating: "<a>", count: 300),
    ].map { Array($0.utf8) }

    static func mutate(_ seed: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = seed
        for _ in 0 ..< Int.random(in: 1 ... 4, using: &rng) {
            guard !b.isEmpty else { break }
            let i = Int.random(in: 0 ..< b.count, using: &rng)
            switch Int.random(in: 0 ..< 5, using: &rng) {
            case 0: b[i] ^= UInt8.random(in: 1 ... 255, using: &rng)
            case 1: b.removeSubrange(i...)
            case 2: b.insert(contentsOf: pieces[Int.random(in: 0 ..< pieces.count, using: &rng)], at: i)
            case 3:
                let j = min(b.count, i + Int.random(in: 1 ... 64, using: &rng))
                b.insert(contentsOf: b[i ..< j], at: j)
            default: b.remove(at: i)
            }
        }
        return b
    }

    private func check(_ seed: [UInt8], ext: String, cases: Int, seed rngSeed: UInt64,
                       read: (String) -> String?) throws {
        let dir = try Paths.tempDir("fuzz-\(ext)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix64(seed: rngSeed)
        let path = dir.appendingPathComponent("case.\(ext)").path
        for _ in 0 ..< cases {
            try Data(Self.mutate(seed, &rng)).write(to: URL(fileURLWithPath: path))
            if let message = read(path) {
                #expect(!message.contains("\n"))
                #expect(message.contains(path), "\(message.prefix(300))")
                #expect(message.count < 2_000, "\(message.prefix(300))")
            }
        }
    }

    @Test("Damaged annotation JSON is read or refused with one line naming the file")
    func annotationReader() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let seed = Array(try encoder.encode(Annotation(Self.article)))
        try check(seed, ext: "json", cases: 400, seed: 11) { path in
            do { _ = try AnnotationReader().read(file: path); return nil } catch { return "\(error)" }
        }
    }

    @Test("Damaged GraphML is read or refused with one line naming the file")
    func graphMLReader() throws {
        let graph = KnowledgeGraph(articles: [Self.article])
        let seed = Array(try InterchangeFormat.graphml.data(for: graph))
        try check(seed, ext: "graphml", cases: 300, seed: 12) { path in
            do { _ = try AnnotationReader().read(file: path); return nil } catch { return "\(error)" }
        }
    }

    @Test("Damaged JSON Lines articles are read or refused line by line, one line per message naming the file")
    func articleReader() throws {
        let line = #"{"id": "a-1", "date": "2024-11-16", "title": "Zhob", "text": "Militants attacked a checkpost in Zhob on Monday."}"#
        let seed = Array((line + "\n" + line.replacingOccurrences(of: "a-1", with: "a-2") + "\n").utf8)
        try check(seed, ext: "jsonl", cases: 400, seed: 13) { path in
            var messages: [String] = []
            do {
                var stream = try JSONLinesStream(path: path)
                while let item = stream.next() {
                    if case .failure(let f) = item { messages.append(f.message) }
                }
            } catch {
                messages.append("\(error)")
            }
            return messages.isEmpty ? nil : messages.joined(separator: " | ")
        }
    }
}
