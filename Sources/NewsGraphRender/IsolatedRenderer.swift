import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Renders DOT in a child process, so that whatever Graphviz does with a graph — abort, crash, exhaust
/// memory, never finish — the caller's process survives and gets a `RenderError` of one line.
///
/// The child is an executable that runs `RenderWorker.serve(arguments:)`: by default this very program
/// (`/proc/self/exe`) with the hidden subcommand `render-worker`, as `newsgraph render` does. The DOT goes
/// through a temporary file on the child's standard input, the bytes come back on its standard output.
/// The child limits its address space to `memoryLimit` (so a runaway allocation fails there), and is
/// killed (SIGKILL) when it has not finished after `timeout` seconds.
///
/// `Graphviz.shared` stays the in-process option: faster for many small figures, but a Graphviz fault
/// takes the process with it.
public struct IsolatedRenderer: Sendable {
    /// The program that hosts the worker.
    public var executable: URL
    /// Arguments that select the worker (before the job's own): `["render-worker"]` for `newsgraph`.
    public var workerArguments: [String]
    /// Seconds before the child is killed.
    public var timeout: Double
    /// Bytes of address space the child may use (`RLIMIT_AS`); nil for no limit.
    public var memoryLimit: Int?

    /// 300 seconds: dot on a thousand nodes takes about a minute; sfdp on 20,000 less.
    public static let defaultTimeout: Double = 300
    /// 4 GiB: a 5,000-node PNG (the largest `newsgraph render` draws) fits.
    public static let defaultMemoryLimit = 4 << 30

    public init(executable: URL, workerArguments: [String] = [RenderWorker.subcommand],
                timeout: Double = IsolatedRenderer.defaultTimeout, memoryLimit: Int? = IsolatedRenderer.defaultMemoryLimit) {
        self.executable = executable
        self.workerArguments = workerArguments
        self.timeout = timeout
        self.memoryLimit = memoryLimit
    }

    /// The running program's own executable (`/proc/self/exe` on Linux), or nil where it cannot be found.
    public static func currentExecutable() -> URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        return Bundle.main.executableURL
    }

    /// An isolated renderer that re-runs this program (which must register `RenderWorker.subcommand`).
    public static func selfHosted(timeout: Double = defaultTimeout, memoryLimit: Int? = defaultMemoryLimit) throws(RenderError) -> IsolatedRenderer {
        guard let exe = currentExecutable() else {
            throw RenderError(stage: .isolation, reason: "cannot find this program's executable to run the renderer in a child process")
        }
        return IsolatedRenderer(executable: exe, timeout: timeout, memoryLimit: memoryLimit)
    }

    /// Renders `dot` in a child process. Blocks until the child ends or is killed.
    public func render(dot: String, options: RenderOptions = RenderOptions()) throws(RenderError) -> RenderResult {
        let files: JobFiles
        do { files = try JobFiles(dot: dot) } catch {
            throw RenderError(stage: .isolation, reason: "cannot write the renderer's temporary files (\(error.localizedDescription)); check TMPDIR")
        }
        defer { files.remove() }
        let outcome = try run(files: files, options: options)
        let stdout = (try? Data(contentsOf: files.output)) ?? Data()
        let stderr = String(decoding: (try? Data(contentsOf: files.errors)) ?? Data(), as: UTF8.self)
        return try WorkerReport(stderr: stderr).result(outcome: outcome, data: stdout, options: options, limits: self)
    }

    /// How the child ended.
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    private func run(files: JobFiles, options: RenderOptions) throws(RenderError) -> Outcome {
        let p = Process()
        p.executableURL = executable
        p.arguments = workerArguments + RenderWorker.arguments(options: options, memoryLimit: memoryLimit)
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"  // a crash's last words are Graphviz's, not a Swift backtrace
        p.environment = environment
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        do {
            p.standardInput = try FileHandle(forReadingFrom: files.input)
            p.standardOutput = try FileHandle(forWritingTo: files.output)
            p.standardError = try FileHandle(forWritingTo: files.errors)
            try p.run()
        } catch {
            throw RenderError(stage: .isolation, reason: "cannot start the renderer process \(executable.path) (\(error.localizedDescription))")
        }
        let seconds = max(0.001, timeout)
        if done.wait(timeout: .now() + .milliseconds(Int(seconds * 1000))) == .timedOut {
            kill(p.processIdentifier, SIGKILL)
            done.wait()
            return .timedOut
        }
        return p.terminationReason == .uncaughtSignal ? .signalled(p.terminationStatus) : .exited(p.terminationStatus)
    }

    /// The temporary files of one job: the DOT (the child's standard input), its output and its errors.
    struct JobFiles {
        let directory: URL
        var input: URL { directory.appendingPathComponent("figure.dot") }
        var output: URL { directory.appendingPathComponent("figure.out") }
        var errors: URL { directory.appendingPathComponent("figure.err") }

        init(dot: String) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-render-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(dot.utf8).write(to: directory.appendingPathComponent("figure.dot"))
            try Data().write(to: directory.appendingPathComponent("figure.out"))
            try Data().write(to: directory.appendingPathComponent("figure.err"))
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }
}
