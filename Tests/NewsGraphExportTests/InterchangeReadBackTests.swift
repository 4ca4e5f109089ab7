import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphExport
import NewsGraphImport

/// The exports read back by the tools they target, through `scripts/check-interchange.py`: networkx reads
/// the GraphML and GEXF, jsonschema validates the Cytoscape JSON, rdflib parses the Turtle, and the neo4j CSV
/// headers follow neo4j-admin's grammar. Skipped when python3 with networkx, rdflib and jsonschema is absent.
@Suite("Interchange read-back (python3: networkx, rdflib, jsonschema)",
       .enabled(if: ReadBack.available, "needs python3 with networkx, rdflib and jsonschema"))
struct InterchangeReadBackTests {
    /// Writes every format of `graph` into a new directory, under the names the script expects.
    static func export(_ graph: KnowledgeGraph, _ name: String) throws -> URL {
        let dir = InterchangeFixture.temporaryDirectory(name)
        let names: [InterchangeFormat: String] = [
            .graphml: "graph.graphml", .yed: "graph-yed.graphml", .gexf: "graph.gexf", .cytoscape: "graph.cyjs",
            .turtle: "graph.ttl", .neo4j: "neo4j",
        ]
        for f in InterchangeFormat.allCases { try f.write(graph, to: dir.appendingPathComponent(names[f]!)) }
        return dir
    }

    @Test func hostileFixtureReadsBack() throws {
        let g = InterchangeFixture.graph
        let dir = try Self.export(g, "readback-fixture")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, output) = try ReadBack.run([dir.path, "--nodes", String(g.nodeCount), "--edges", String(g.edgeCount)])
        print(output)
        #expect(status == 0, "\(output)")
        #expect(output.contains("6 export(s) checked, 0 failure(s)"))
    }

    @Test func exampleArticlesReadBack() throws {
        guard let g = InterchangeFixture.examples else { return }
        let dir = try Self.export(g, "readback-examples")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, output) = try ReadBack.run([dir.path, "--nodes", String(g.nodeCount), "--edges", String(g.edgeCount)])
        print(output)
        #expect(status == 0, "\(output)")
    }

    @Test func networkxWrittenGraphMLImports() throws {
        let dir = InterchangeFixture.temporaryDirectory("readback-networkx")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain.graphml")
        let (status, output) = try ReadBack.run(["--write-networkx", file.path])
        #expect(status == 0, "\(output)")
        let result = try GraphMLReader().read(contentsOf: file)
        let g = KnowledgeGraph(articles: [result.article])
        #expect(g.nodeCount == 7 && g.edgeCount == 7)
        #expect(Set(result.article.events.map(\.id)) == ["kalat_attack", "killing of Sana Baru"])
        #expect(result.article.events.first { $0.id == "killing of Sana Baru" }?.type == .killing)
        #expect(result.article.causal.first?.relation == .respondedTo)
        print(output + result.notes.map { "  note: " + $0 }.joined(separator: "\n"))
    }
}

enum ReadBack {
    static let script = InterchangeFixture.repository.appendingPathComponent("scripts/check-interchange.py")

    static let available: Bool = {
        guard FileManager.default.fileExists(atPath: script.path) else { return false }
        return (try? run(["-c", "import networkx, rdflib, jsonschema"], script: false).0) == 0
    }()

    /// Runs the script (or python3 itself) and returns the exit status and the combined output.
    static func run(_ arguments: [String], script useScript: Bool = true) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + (useScript ? [script.path] : []) + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
