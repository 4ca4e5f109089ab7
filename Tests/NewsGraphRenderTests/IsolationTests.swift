import Foundation
import NewsGraphCore
import NewsGraphExport
@testable import NewsGraphRender
import Testing

/// Issue 13, item 2: a fault inside Graphviz never takes the caller's process down. Each test makes
/// Graphviz fail in the child process (`newsgraph render-worker`) and checks that this process gets a
/// one-line `RenderError` and carries on.
@Suite("Rendering in a child process", .enabled(if: WorkerBinary.isAvailable, "needs the built newsgraph executable"))
struct IsolationTests {
    let small = "digraph G { a -> b; b -> c; a [label=\"A & B\"]; }"

    @Test("a small graph renders the same bytes in the child as in-process")
    func sameBytesAsInProcess() throws {
        let child = try WorkerBinary.renderer().render(dot: small, options: RenderOptions(format: .svg))
        let here = try Graphviz.shared.render(dot: small, options: RenderOptions(format: .svg))
        #expect(child.data == here.data)
        #expect(child.nodeCount == 3 && child.edgeCount == 2 && child.engine == .dot)
        #expect(child.layoutSize == here.layoutSize && child.layoutSize != nil)
        let png = try WorkerBinary.renderer().render(dot: small, options: RenderOptions(format: .png))
        #expect(Array(png.data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test("a Graphviz segfault becomes a one-line crashed error, and this process renders on")
    func segfaultIsAnError() throws {
        let renderer = try WorkerBinary.renderer()
        #expect {
            try renderer.render(dot: graphvizSegfaultDOT, options: RenderOptions(format: .svg))
        } throws: { error in
            guard let e = error as? RenderError else { return false }
            return e.stage == .crashed && e.description.contains("Graphviz crashed (SIGSEGV")
                && !e.description.contains("\n") && e.description.contains("--no-layout")
        }
        // Still alive, and so is the next job.
        #expect(try renderer.render(dot: small).text?.contains("</svg>") == true)
    }

    @Test("a layout that does not finish is killed at the time limit")
    func hangIsKilled() throws {
        let start = Date()
        #expect {
            try WorkerBinary.renderer(timeout: 1).render(dot: slowDOT(nodes: 1500), options: RenderOptions(largeGraphThreshold: nil))
        } throws: { error in
            guard let e = error as? RenderError else { return false }
            return e.stage == .timedOut && e.description.contains("within 1 s") && !e.description.contains("\n")
        }
        #expect(Date().timeIntervalSince(start) < 15)
    }

    @Test("a layout that outgrows the memory limit ends in a crashed error that names the limit")
    func memoryLimitHolds() throws {
        #expect {
            try WorkerBinary.renderer(timeout: 60, memoryLimit: 512 << 20)
                .render(dot: slowDOT(nodes: 1500), options: RenderOptions(largeGraphThreshold: nil))
        } throws: { error in
            guard let e = error as? RenderError else { return false }
            return e.stage == .crashed && e.description.contains("512 MB") && !e.description.contains("\n")
        }
    }

    @Test("typed Graphviz errors come back typed, with Graphviz's messages")
    func typedErrorsCrossTheProcessBoundary() throws {
        #expect {
            try WorkerBinary.renderer().render(dot: "digraph { a -> ; }")
        } throws: { error in
            guard let e = error as? RenderError else { return false }
            return e.stage == .parse && e.messages.contains { $0.contains("syntax error") }
        }
    }

    @Test("a missing worker executable is an isolation error, not a crash")
    func missingExecutable() {
        let r = IsolatedRenderer(executable: URL(fileURLWithPath: "/nonexistent/newsgraph"))
        #expect { try r.render(dot: "digraph { a }") } throws: { ($0 as? RenderError)?.stage == .isolation }
    }

    @Test("the worker's arguments round-trip")
    func workerArguments() throws {
        let o = RenderOptions(format: .png, engine: .neato, largeGraphThreshold: 12, largeGraphEngine: .fdp, dpi: 150)
        let parsed = try #require(RenderWorker.parse(RenderWorker.arguments(options: o, memoryLimit: 1 << 30)))
        #expect(parsed.options == o && parsed.memoryLimit == 1 << 30)
        #expect(RenderWorker.parse(["--format", "gif"]) == nil)
        #expect(RenderWorker.parse(["--format"]) == nil)
    }

    @Test("figures render through the child with the page notes")
    func figureThroughTheChild() throws {
        let r = try Graphviz.shared.render(renderFixture(), figure: FigureOptions(view: .graph), render: RenderOptions(format: .svg),
                                           isolation: .childProcess(WorkerBinary.renderer()))
        #expect(r.result.text?.contains("Hill &amp; Valley Front") == true)
        #expect(r.result.layoutSize != nil)
    }
}
