import Foundation

/// What a render worker said on standard error: its report lines (`RenderWorker.marker`) and whatever
/// else was printed there (Graphviz or the C library: `free(): double free detected in tcache 2`).
struct WorkerReport {
    var ok: [String]?
    var error: (stage: String, reason: String)?
    var notes: [String] = []
    var messages: [String] = []
    /// Lines that are not the worker's: the last words of a crashed process.
    var other: [String] = []

    init(stderr: String) {
        for line in stderr.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.first == RenderWorker.marker, fields.count >= 2 else {
                let text = line.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { other.append(text) }
                continue
            }
            let rest = Array(fields.dropFirst(2))
            switch fields[1] {
            case "ok": ok = rest
            case "error" where rest.count >= 2: error = (rest[0], rest[1])
            case "note": notes.append(rest.joined(separator: " "))
            case "message": messages.append(rest.joined(separator: " "))
            default: other.append(String(line))
            }
        }
    }

    /// The job's result, or the error that says in one line what happened and what to do.
    func result(outcome: IsolatedRenderer.Outcome, data: Data, options: RenderOptions, limits: IsolatedRenderer) throws(RenderError) -> RenderResult {
        switch outcome {
        case .timedOut:
            throw RenderError(
                stage: .timedOut,
                reason: "Graphviz did not finish within \(Self.seconds(limits.timeout)) and was stopped; draw fewer nodes (--max-nodes N), "
                    + "use a faster engine (--engine sfdp) or allow more time (--timeout SECONDS)")
        case .signalled(let signal):
            throw crash("Graphviz crashed (\(Self.signalName(signal))) while drawing the figure", limits: limits)
        case .exited(0):
            guard let ok, ok.count >= 3, let engine = LayoutEngine(rawValue: ok[0]), let nodes = Int(ok[1]), let edges = Int(ok[2]) else {
                throw RenderError(stage: .isolation, reason: "the renderer process ended without a report", messages: other)
            }
            var size: LayoutSize?
            if ok.count >= 5, let w = Double(ok[3]), let h = Double(ok[4]) { size = LayoutSize(width: w, height: h) }
            return RenderResult(data: data, format: options.format, engine: engine, nodeCount: nodes, edgeCount: edges,
                                diagnostics: notes, layoutSize: size)
        case .exited(let status):
            if status == RenderWorker.errorStatus || status == RenderWorker.usageStatus, let error {
                throw RenderError(stage: RenderError.Stage(rawValue: error.stage) ?? .isolation, reason: error.reason, messages: messages)
            }
            throw crash("Graphviz stopped the renderer process (exit status \(status)) while drawing the figure", limits: limits)
        }
    }

    /// A crash: what happened, its last words, and what to try.
    func crash(_ what: String, limits: IsolatedRenderer) -> RenderError {
        let memory = limits.memoryLimit.map { ", or allow more memory than \($0 >> 20) MB (--memory-limit MB)" } ?? ""
        if let limit = limits.memoryLimit, other.contains(where: { $0.lowercased().contains("out of memory") }) {
            return RenderError(
                stage: .crashed,
                reason: "Graphviz ran out of memory (the renderer may use \(limit >> 20) MB) and stopped; newsgraph itself is fine: "
                    + "draw fewer nodes (--max-nodes N), use the sfdp engine, or allow more memory (--memory-limit MB)",
                messages: Array(other.suffix(2)))
        }
        return RenderError(
            stage: .crashed,
            reason: "\(what); newsgraph itself is fine: try another engine (--engine neato), fewer nodes (--max-nodes N)\(memory), "
                + "or report the figure's DOT (render --no-layout -o figure.dot)",
            messages: Array((messages + other).suffix(3)))
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 4: "SIGILL, illegal instruction"
        case 6: "SIGABRT, abort"
        case 7: "SIGBUS, bus error"
        case 8: "SIGFPE, arithmetic error"
        case 9: "SIGKILL, killed"
        case 11: "SIGSEGV, segmentation fault"
        default: "signal \(signal)"
        }
    }
}
