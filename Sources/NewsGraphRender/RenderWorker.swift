import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The child side of `IsolatedRenderer`: reads DOT on standard input, renders it with `Graphviz.shared`
/// and writes the rendered bytes to standard output and a report (engine, counts, diagnostics, or a typed
/// error) to standard error, on lines that start with `RenderWorker.marker`.
///
/// Any executable can host it: `newsgraph` runs it as the hidden subcommand `render-worker`; a library user
/// who wants isolation calls `RenderWorker.serve(arguments:)` from a small executable of their own and
/// points `IsolatedRenderer` at it.
public enum RenderWorker {
    /// The hidden subcommand of `newsgraph` that runs the worker.
    public static let subcommand = "render-worker"
    /// The prefix of the worker's report lines on standard error (other lines there are Graphviz's own).
    static let marker = "@@newsgraph-worker"

    /// Exit status of a worker that reports a typed `RenderError`.
    static let errorStatus: Int32 = 3
    /// Exit status of a worker given arguments it does not understand.
    static let usageStatus: Int32 = 2

    /// The worker's arguments for a job (after the subcommand).
    static func arguments(options: RenderOptions, memoryLimit: Int?) -> [String] {
        var args = ["--format", options.format.rawValue, "--engine", options.engine.rawValue,
                    "--large-graph-engine", options.largeGraphEngine.rawValue]
        if let t = options.largeGraphThreshold { args += ["--large-graph-threshold", String(t)] }
        if let d = options.dpi { args += ["--dpi", String(d)] }
        if let m = memoryLimit { args += ["--memory-limit", String(m)] }
        return args
    }

    /// The job described by `arguments`; nil when an argument is unknown or malformed.
    static func parse(_ arguments: [String]) -> (options: RenderOptions, memoryLimit: Int?)? {
        var options = RenderOptions(largeGraphThreshold: nil)
        var memoryLimit: Int?
        var i = 0
        while i + 1 < arguments.count {
            let value = arguments[i + 1]
            switch arguments[i] {
            case "--format": guard let f = OutputFormat(rawValue: value) else { return nil }; options.format = f
            case "--engine": guard let e = LayoutEngine(rawValue: value) else { return nil }; options.engine = e
            case "--large-graph-engine": guard let e = LayoutEngine(rawValue: value) else { return nil }; options.largeGraphEngine = e
            case "--large-graph-threshold": guard let t = Int(value) else { return nil }; options.largeGraphThreshold = t
            case "--dpi": guard let d = Double(value) else { return nil }; options.dpi = d
            case "--memory-limit": guard let m = Int(value), m > 0 else { return nil }; memoryLimit = m
            default: return nil
            }
            i += 2
        }
        return i == arguments.count ? (options, memoryLimit) : nil
    }

    /// Runs one job: limits its own memory, reads DOT from standard input until end of file, renders it,
    /// and returns the process exit status (0 rendered, 3 a `RenderError` was reported, 2 bad arguments).
    public static func serve(arguments: [String]) -> Int32 {
        guard let (options, memoryLimit) = parse(arguments) else {
            report(["error", RenderError.Stage.isolation.rawValue, "the render worker does not understand its arguments: \(arguments.joined(separator: " "))"])
            return usageStatus
        }
        limitResources(memoryLimit: memoryLimit)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        do {
            let result = try Graphviz.shared.render(dot: String(decoding: input, as: UTF8.self), options: options)
            FileHandle.standardOutput.write(result.data)
            for d in result.diagnostics { report(["note", d]) }
            let size = result.layoutSize
            report(["ok", result.engine.rawValue, String(result.nodeCount), String(result.edgeCount),
                    size.map { String($0.width) } ?? "", size.map { String($0.height) } ?? ""])
            return 0
        } catch {
            report(["error", error.stage.rawValue, error.reason])
            for m in error.messages { report(["message", m]) }
            return errorStatus
        }
    }

    /// No core files, and at most `memoryLimit` bytes of address space (malloc fails beyond it).
    static func limitResources(memoryLimit: Int?) {
        #if os(Linux)
        var core = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &core)
        if let m = memoryLimit {
            var r = rlimit(rlim_cur: rlim_t(m), rlim_max: rlim_t(m))
            _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &r)
        }
        #endif
    }

    /// One report line on standard error: the marker and the fields, tab-separated, each on one line.
    static func report(_ fields: [String]) {
        let clean = fields.map { String($0.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        FileHandle.standardError.write(Data(([marker] + clean).joined(separator: "\t").appending("\n").utf8))
    }
}
