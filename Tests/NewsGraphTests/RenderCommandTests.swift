import Foundation
import Testing

/// `newsgraph render` as an analyst runs it (issue 13): the view's DOT without a layout, the page size and
/// resolution, and the child process that turns a Graphviz failure into one line.
@Suite("newsgraph render: page, DOT without layout, child process")
struct RenderCommandTests {
    /// One store of the example articles for the suite.
    static let store: Result<URL, any Error> = Result {
        let dir = try Paths.tempDir("render-command-store")
        let db = dir.appendingPathComponent("examples.sqlite")
        let r = try CLI.run(["ingest", "--db", db.path, "-q", Paths.examples.path])
        guard r.status == 0 else { throw CLIFailure(message: r.stderr) }
        return db
    }

    struct CLIFailure: Error { var message: String }

    func render(_ args: [String]) throws -> (CLI.Result, URL) {
        let db = try Self.store.get()
        let dir = try Paths.tempDir()
        return (try CLI.run(["render", "--db", db.path] + args, in: dir), dir)
    }

    @Test("--no-layout writes the view's styled DOT, without Graphviz's coordinates")
    func noLayoutWritesTheViewsDOT() throws {
        let (r, dir) = try render(["-o", "actors.dot", "--view", "actors", "--no-layout"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 0, "\(r.stderr)")
        let dot = try String(contentsOf: dir.appendingPathComponent("actors.dot"), encoding: .utf8)
        #expect(dot.hasPrefix("digraph newsgraph {"))
        #expect(dot.contains(#"class="newsgraph actors""#) && dot.contains(#"size="6.3,9""#))
        #expect(!dot.contains("pos=") && !dot.contains("bb="), "no layout")
        #expect(r.stdout.contains("not laid out"))
        let laid = try render(["-o", "actors.dot", "--view", "actors"])
        defer { try? FileManager.default.removeItem(at: laid.1) }
        #expect(try String(contentsOf: laid.1.appendingPathComponent("actors.dot"), encoding: .utf8).contains("pos="))
    }

    @Test("--no-layout with a picture format is a one-line usage error")
    func noLayoutNeedsDOT() throws {
        let (r, dir) = try render(["-o", "x.svg", "--no-layout"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 64)
        #expect(r.stderrLines.count == 1 && r.stderr.contains("--no-layout writes DOT"), "\(r.stderr)")
    }

    @Test("--size and --dpi bound a PNG's pixels; a bad --size says how to write it")
    func sizeAndDPI() throws {
        let (r, dir) = try render(["-o", "g.png", "--size", "4x3", "--dpi", "100"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 0, "\(r.stderr)")
        let d = try Data(contentsOf: dir.appendingPathComponent("g.png"))
        let width = d[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = d[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width <= 404 && height <= 304 && (width >= 396 || height >= 296), "\(width) × \(height)")
        let bad = try render(["-o", "g.png", "--size", "big"])
        defer { try? FileManager.default.removeItem(at: bad.1) }
        #expect(bad.0.status == 64 && bad.0.stderrLines.count == 1 && bad.0.stderr.contains("16x23cm"), "\(bad.0.stderr)")
    }

    @Test("a render that outlives --timeout ends in one line and exit 1, not a hung or crashed newsgraph")
    func timeoutIsOneLine() throws {
        let (r, dir) = try render(["-o", "g.svg", "--timeout", "0.001"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 1)
        #expect(r.stderrLines.count == 1 && r.stderr.contains("did not finish within"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("g.svg").path))
    }

    @Test("the child process and --in-process draw the same SVG")
    func childAndInProcessAgree() throws {
        let (a, dirA) = try render(["-o", "chain.svg", "--view", "chain"])
        let (b, dirB) = try render(["-o", "chain.svg", "--view", "chain", "--in-process"])
        defer { try? FileManager.default.removeItem(at: dirA); try? FileManager.default.removeItem(at: dirB) }
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        #expect(try Data(contentsOf: dirA.appendingPathComponent("chain.svg")) == Data(contentsOf: dirB.appendingPathComponent("chain.svg")))
    }

    @Test("the worker is hidden from help")
    func workerIsHidden() throws {
        let r = try CLI.run(["--help"])
        #expect(!r.stdout.contains("render-worker"))
    }
}
