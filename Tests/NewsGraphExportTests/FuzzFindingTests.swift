import Foundation
import Testing
@testable import NewsGraphExport
import NewsGraphImport

/// The inputs the GraphML fuzz target once crashed on (`Benchmarks/fuzz/findings/graphml/`): each is refused
/// with an error, and the process lives.
@Suite("GraphML fuzz findings")
struct GraphMLFuzzFindingTests {
    static let findings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Benchmarks/fuzz/findings/graphml")

    @Test("A refused <node> no longer ends the process: every finding is a one-line InterchangeError")
    func findingsAreRefusedNotCrashes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.findings.path).filter { $0.hasSuffix(".graphml") }
        #expect(!files.isEmpty)
        for name in files {
            let data = try Data(contentsOf: Self.findings.appendingPathComponent(name))
            #expect(throws: InterchangeError.self) { try GraphMLReader().read(data, id: name) }
        }
    }

    @Test("Element ends after the file is refused are ignored: a <node> without an id, then more nodes")
    func endsAfterRefusalAreIgnored() {
        let text = """
            <?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
            <node><data key="x">a</data></node><node id="b"/></graph></graphml>
            """
        #expect(throws: InterchangeError.self) { try GraphMLReader().read(Data(text.utf8), id: "t") }
    }
}
