// In-process rendering through libgraphviz versus the `dot` program on the same DOT, and memory
// growth over many renders in one process. See docs/figures.md ("Benchmark") and run.sh.
import Foundation
import NewsGraphExport
import NewsGraphRender

struct Args {
    var nodes = 200
    var edges = 400
    var iterations = 30
    var memoryRenders = 1_000
    var memoryNodes = 50
    var memoryEdges = 100
    var format = OutputFormat.svg
    var engine = LayoutEngine.dot
    var dotProgram = "/usr/bin/dot"

    init() {
        var it = CommandLine.arguments.dropFirst().makeIterator()
        while let a = it.next() {
            let v = it.next() ?? ""
            switch a {
            case "--nodes": nodes = Int(v) ?? nodes
            case "--edges": edges = Int(v) ?? edges
            case "--iterations": iterations = Int(v) ?? iterations
            case "--memory-renders": memoryRenders = Int(v) ?? memoryRenders
            case "--memory-nodes": memoryNodes = Int(v) ?? memoryNodes
            case "--memory-edges": memoryEdges = Int(v) ?? memoryEdges
            case "--format": format = OutputFormat(rawValue: v) ?? format
            case "--engine": engine = LayoutEngine(rawValue: v) ?? engine
            case "--dot": dotProgram = v
            default: FileHandle.standardError.write(Data("unknown option \(a)\n".utf8)); exit(2)
            }
        }
    }
}

/// A deterministic graph: labelled, shaped and coloured nodes; edges between nearby nodes (±8), like the
/// article-local structure of a news graph, a quarter of them labelled; no self loops. (Uniformly random
/// edges with labels are dot's worst case: 200 nodes and 400 edges take about 44 s of CPU in mincross.)
func makeGraph(nodes: Int, edges: Int, htmlLabels: Bool = false) -> String {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
    let shapes = ["ellipse", "box", "hexagon", "octagon", "house", "note"]
    let colors = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
    var g = DOTGraph(id: "bench", graphAttributes: ["rankdir": "LR", "fontname": "Liberation Sans,DejaVu Sans,sans-serif"])
    g.nodeDefaults = ["style": "filled", "fontname": "Liberation Sans,DejaVu Sans,sans-serif", "fontsize": 10]
    g.edgeDefaults = ["fontsize": 8]
    for i in 0..<nodes {
        // With htmlLabels, every other node gets an HTML label like the figures' event nodes.
        let html = HTMLLabel.element("B", [:], .text("Event \(i)")) + HTMLLabel.element("FONT", ["POINT-SIZE": "8"], .text(" 2025-01-0\(i % 9) · \(i) killed"))
        g.add(DOTNode(DOTID("n\(i)"), [
            "label": htmlLabels && i % 2 == 0 ? .html(html) : .esc(EscString.lines(["Entity \(i)", "type \(i % 6) · 2025-0\(1 + i % 9)-1\(i % 10)"])),
            "shape": .raw(shapes[i % shapes.count]), "fillcolor": .raw(colors[i % colors.count]),
            "tooltip": .text("Evidence sentence for node \(i) & more"),
        ]))
    }
    var seen = Set<Int>()
    var added = 0
    while added < edges {
        let a = next(nodes)
        let offset = 1 + next(8)
        let b = (a + (next(2) == 0 ? offset : nodes - offset)) % nodes
        guard a != b, seen.insert(a * nodes + b).inserted else { continue }
        var attrs: DOTAttributes = [:]
        if added % 4 == 0 { attrs["label"] = .text(["attacked", "member of", "caused", "claimed"][added % 16 / 4]) }
        g.add(DOTEdge(DOTEndpoint(DOTID("n\(a)")), DOTEndpoint(DOTID("n\(b)")), attrs))
        added += 1
    }
    return g.text
}

func rssKB() -> Int {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }
    return -1
}

/// CPU seconds (user + system) of this process, and of its waited-for children.
func cpu(_ who: __rusage_who) -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(who.rawValue), &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func stats(_ xs: [Double]) -> (median: Double, mean: Double, min: Double) {
    let s = xs.sorted()
    return (s[s.count / 2], xs.reduce(0, +) / Double(xs.count), s[0])
}

func ms(_ x: Double) -> String { String(format: "%.1f ms", x * 1000) }

/// Writes a line straight to standard output (unbuffered, so progress shows when piped).
func say(_ s: String = "") { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }

let args = Args()
let dot = makeGraph(nodes: args.nodes, edges: args.edges)
let options = RenderOptions(format: args.format, engine: args.engine)
let clock = ContinuousClock()

say("# Render benchmark")
say()
say("graph: \(args.nodes) nodes, \(args.edges) edges, \(dot.utf8.count) bytes of DOT; format \(args.format.rawValue), engine \(args.engine.rawValue); \(args.iterations) timed runs each after 3 warm-ups")
say()

// In-process.
var inProcessOutput = Data()
for _ in 0..<3 { inProcessOutput = try Graphviz.shared.render(dot: dot, options: options).data }
var inProcess: [Double] = []
var inProcessCPU: [Double] = []
for _ in 0..<args.iterations {
    let start = clock.now
    let c0 = cpu(RUSAGE_SELF)
    inProcessOutput = try Graphviz.shared.render(dot: dot, options: options).data
    inProcessCPU.append(cpu(RUSAGE_SELF) - c0)
    inProcess.append(seconds(clock.now - start))
}

// The dot program on the same DOT (stdin → stdout), as a separate process each time.
func runDot() throws -> Data {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: args.dotProgram)
    p.arguments = ["-K\(args.engine.rawValue)", "-T\(args.format.rawValue)"]
    let input = Pipe(), output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    p.standardError = FileHandle.nullDevice
    try p.run()
    let writer = Thread { input.fileHandleForWriting.write(Data(dot.utf8)); try? input.fileHandleForWriting.close() }
    writer.start()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return out
}
var programOutput = Data()
var program: [Double] = []
var programCPU: [Double] = []
let haveDot = FileManager.default.isExecutableFile(atPath: args.dotProgram)
if haveDot {
    for _ in 0..<3 { programOutput = try runDot() }
    for _ in 0..<args.iterations {
        let start = clock.now
        let c0 = cpu(RUSAGE_CHILDREN) + cpu(RUSAGE_SELF)
        programOutput = try runDot()
        programCPU.append(cpu(RUSAGE_CHILDREN) + cpu(RUSAGE_SELF) - c0)
        program.append(seconds(clock.now - start))
    }
}

if args.iterations > 0 {
let a = stats(inProcess), ac = stats(inProcessCPU)
say("| run | wall median | wall mean | wall min | CPU median (user+sys, incl. child) |")
say("|---|---|---|---|---|")
say("| in-process (libgraphviz, one GVC) | \(ms(a.median)) | \(ms(a.mean)) | \(ms(a.min)) | \(ms(ac.median)) |")
if haveDot {
    let b = stats(program), bc = stats(programCPU)
    say("| `\(args.dotProgram)` process (stdin → stdout) | \(ms(b.median)) | \(ms(b.mean)) | \(ms(b.min)) | \(ms(bc.median)) |")
    say()
    say(String(format: "ratio (dot program / in-process): wall medians %.2f×, CPU medians %.2f×", b.median / a.median, bc.median / ac.median))
    say("same bytes from both: \(programOutput == inProcessOutput ? "yes" : "no (\(programOutput.count) vs \(inProcessOutput.count) bytes)")")
} else {
    say()
    say("(\(args.dotProgram) not found: install graphviz for the comparison)")
}
}

// Memory over many renders in one process.
say()
if args.memoryRenders > 0 {
let memoryDot = makeGraph(nodes: args.memoryNodes, edges: args.memoryEdges, htmlLabels: true)
say("## Memory over \(args.memoryRenders) renders in one process")
say()
say("graph: \(args.memoryNodes) nodes (half with HTML labels, like the figures' events), \(args.memoryEdges) edges, format \(args.format.rawValue)")
say()
for _ in 0..<20 { _ = try Graphviz.shared.render(dot: memoryDot, options: options) }
let base = rssKB()
say("| renders | RSS | growth since start |")
say("|---|---|---|")
say("| 0 (after 20 warm-ups) | \(base) KB | 0 KB |")
let step = max(1, args.memoryRenders / 5)
let memStart = clock.now
for i in 1...max(1, args.memoryRenders) {
    _ = try Graphviz.shared.render(dot: memoryDot, options: options)
    if i % step == 0 || i == args.memoryRenders {
        let r = rssKB()
        say("| \(i) | \(r) KB | \(r - base) KB |")
    }
}
let total = seconds(clock.now - memStart)
let growth = rssKB() - base
say()
say(String(format: "growth per render: %.2f KB (%d KB over %d renders, %.1f s)", Double(growth) / Double(max(1, args.memoryRenders)), growth, args.memoryRenders, total))
}
