import CGraphviz
import Foundation

/// Reads DOT text with a cgraph ID discipline that numbers names in order of first appearance.
///
/// `agmemread` uses cgraph's default ID discipline, whose ID for a named object is the *address* of its
/// interned name. Subgraphs are kept in ID order, so the order of clusters (and so the SVG, and for dot
/// possibly the layout) depends on where malloc happened to put the names: two renders of the same DOT in
/// one process gave clusters in different orders. Here an ID is `2 × (position of the name in the input)`,
/// anonymous objects get odd numbers in creation order, and both restart for every job, so the same DOT
/// always gives the same graph. Reading is line by line, like `agmemread`.
///
/// Only used with the `Graphviz` lock held (one graph at a time); the tables are emptied after `agclose`.
enum DeterministicReader {
    /// Names by ID / 2 and IDs by name bytes. Names are interned with `agstrdup` in the graph, as cgraph's
    /// own discipline does: other code reads the reference-string header in front of a name (`aghtmlstr`
    /// decides whether `-Tdot` writes it as `<…>`), so a plain C string would be read out of bounds. The
    /// graph frees them at `agclose`.
    final class Table: @unchecked Sendable {
        var names: [UnsafeMutablePointer<CChar>] = []
        var ids: [[UInt8]: IDTYPE] = [:]
        var anonymous: IDTYPE = 1
        var text: UnsafeMutablePointer<CChar>?
        var length = 0
        var cursor = 0

        func reset() {
            names.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            anonymous = 1
            if let text { free(text) }
            text = nil
            length = 0
            cursor = 0
        }
    }

    static let table = Table()

    /// A pointer that is only used with the `Graphviz` lock held.
    struct Discipline: @unchecked Sendable { let pointer: UnsafeMutablePointer<Agdisc_t> }

    /// The discipline, allocated once for the life of the process (graphs keep pointers to its parts).
    static let discipline: Discipline = {
        let id = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        id.initialize(to: Agiddisc_t(
            open: { g, _ in UnsafeMutableRawPointer(g) },
            map: { state, _, str, idOut, create in
                guard let idOut else { return 0 }
                let t = DeterministicReader.table
                guard let str else {
                    idOut.pointee = t.anonymous
                    t.anonymous += 2
                    return 1
                }
                let len = strlen(str)
                let key = [UInt8](UnsafeRawBufferPointer(start: str, count: len))
                if let existing = t.ids[key] {
                    idOut.pointee = existing
                    return 1
                }
                guard create != 0, let g = state?.assumingMemoryBound(to: Agraph_t.self), let copy = agstrdup(g, str) else { return 0 }
                let id = IDTYPE(2 * (t.names.count + 1))
                t.names.append(copy)
                t.ids[key] = id
                idOut.pointee = id
                return 1
            },
            alloc: { _, _, _ in 0 },
            free: { _, _, _ in },
            print: { _, _, id in
                let t = DeterministicReader.table
                guard id % 2 == 0, id >= 2 else { return nil }
                let i = Int(id / 2) - 1
                return i < t.names.count ? t.names[i] : nil
            },
            close: { _ in },
            idregister: { _, _, _ in }))
        let io = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        io.initialize(to: Agiodisc_t(
            afread: { _, buf, size in
                let t = DeterministicReader.table
                guard let buf, size > 0, let text = t.text, t.cursor < t.length else { return 0 }
                var n = 0
                while n < Int(size), t.cursor < t.length {
                    let c = text[t.cursor]
                    buf[n] = c
                    n += 1
                    t.cursor += 1
                    if c == 10 { break }  // one line at a time, like agmemread
                }
                return Int32(n)
            },
            putstr: newsgraph_default_io_discipline().putstr,
            flush: newsgraph_default_io_discipline().flush))
        let mem = UnsafeMutablePointer<Agmemdisc_t>.allocate(capacity: 1)
        mem.initialize(to: newsgraph_default_mem_discipline())
        let disc = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        disc.initialize(to: Agdisc_t(mem: mem, id: id, io: io))
        return Discipline(pointer: disc)
    }()

    /// Parses the first graph of `dot` (nil on a syntax error). Call `finish()` after `agclose`.
    static func read(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? {
        let t = table
        t.reset()
        t.text = strdup(dot)
        t.length = t.text.map { strlen($0) } ?? 0
        return agread(Unmanaged.passUnretained(t).toOpaque(), discipline.pointer)
    }

    /// Frees the names of the last graph (after `agclose`).
    static func finish() {
        table.reset()
    }
}
