// The Swift side of the scale benchmark (issue 4). See docs/benchmarks-scale.md; run.sh drives it.
//
//   scale-bench ingest --db STORE [--batch 500] FILE.jsonl…
//       annotation JSON Lines → ArticleGraph(annotation:contentHash:) → GraphStore.ingest, one transaction
//       per batch (the store's ingest path for annotation JSON). Prints a JSON summary.
//   scale-bench open --db STORE --queries queries.json [--runs 20] [--cache on|off]
//       a cold process: opens the store and loads the KnowledgeGraph (timed; with the store's graph cache
//       unless --cache off, when it resolves the stored records again), then runs the three queries
//       through the public query language (QueryEngine.run) and through the KnowledgeGraph API the
//       engine walks (forEachEdge, breadthFirst, shortestPath), first run and median of --runs. Prints a JSON object with times, sizes and peak RSS.
//   scale-bench query --db STORE --text QUERY [--runs 1000]
//       one query, many times (to profile it).
//   scale-bench phases --db STORE
//       where the open time goes: GraphStore init, reading the rows, resolution + index build (informational).
import Foundation
import NewsGraph
#if canImport(Glibc)
import Glibc
#endif

// MARK: - Small helpers

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ from: UInt64, _ to: UInt64 = now()) -> Double { Double(to - from) / 1e6 }

func peakRSSMiB() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_maxrss) / 1024 // kilobytes on Linux
}

/// CPU time of this process (all threads), in milliseconds: immune to other processes on a shared machine.
func cpuMs() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}

func currentRSSMiB() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let parts = s.split(separator: " ")
    guard parts.count > 1, let pages = Double(parts[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("scale-bench: \(message)\n".utf8))
    exit(2)
}

struct Options {
    var values: [String: String] = [:]
    var positional: [String] = []
    init(_ args: ArraySlice<String>) {
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            if a.hasPrefix("--"), i + 1 < args.endIndex {
                values[String(a.dropFirst(2))] = args[i + 1]
                i += 2
            } else {
                positional.append(a)
                i += 1
            }
        }
    }
    func string(_ k: String) -> String {
        guard let v = values[k] else { fail("missing --\(k)") }
        return v
    }
    func int(_ k: String, _ d: Int) -> Int { values[k].flatMap(Int.init) ?? d }
}

func printJSON(_ object: [String: Any]) {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]) else {
        fail("cannot encode the result")
    }
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

// MARK: - ingest

func ingest(_ o: Options) throws {
    let db = o.string("db")
    let batchSize = o.int("batch", 500)
    let files = o.positional
    guard !files.isEmpty else { fail("ingest: give the JSON Lines files") }
    let t0 = now()
    let store = try GraphStore(path: db, create: true)
    let decoder = JSONDecoder()
    var batch: [ArticleGraph] = []
    batch.reserveCapacity(batchSize)
    var articles = 0, facts = 0, added = 0, transactions = 0
    var decodeNs: UInt64 = 0, storeNs: UInt64 = 0
    func flush() throws {
        guard !batch.isEmpty else { return }
        let t = now()
        let outcomes = try store.ingest(batch)
        storeNs += now() - t
        added += outcomes.filter { $0.status == .added }.count
        transactions += 1
        batch.removeAll(keepingCapacity: true)
    }
    for path in files {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        // Stream the file line by line (a file holds a few thousand articles).
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            let line = data[start ..< end]
            start = end < data.endIndex ? end + 1 : end
            if line.isEmpty { continue }
            let t = now()
            let annotation = try decoder.decode(Annotation.self, from: line)
            let graph = try ArticleGraph(annotation: annotation, contentHash: SHA256.hex(line))
            decodeNs += now() - t
            facts += graph.entities.count + graph.events.count + graph.triples.count + graph.causal.count
            articles += 1
            batch.append(graph)
            if batch.count >= batchSize { try flush() }
        }
    }
    try flush()
    let total = ms(t0)
    let size = (try? FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0
    printJSON([
        "articles": articles, "facts": facts, "added": added, "transactions": transactions, "batch": batchSize,
        "ingest_ms": total, "decode_ms": Double(decodeNs) / 1e6, "store_ms": Double(storeNs) / 1e6,
        "facts_per_s": Double(facts) / (total / 1000), "db_bytes": size, "peak_rss_mib": peakRSSMiB(),
    ])
}

// MARK: - open + queries

struct QueryTargets: Decodable {
    var chain_start: String
    var hub: String
    var path_from: String
    var path_to: String
}

/// Forward causal steps as the query engine takes them: `X ← responded_to`, `X → caused`.
func causalForward(_ g: KnowledgeGraph, _ node: NodeID, _ causal: RelationMask, into out: inout [NodeID]) {
    g.forEachEdge(of: node, in: causal) { id, other in
        let (s, r, _) = g.endpoints(of: id)
        let outgoing = s == node
        if (r == .causal(.caused)) == outgoing { out.append(other) }
    }
}

/// Events reached from `start` by at most `depth` forward causal steps (the start included).
func chainAPI(_ g: KnowledgeGraph, _ start: NodeID, depth: Int) -> Int {
    let causal = RelationMask([.causal(.respondedTo), .causal(.caused)])
    var seen: Set<NodeID> = [start]
    var frontier = [start]
    var level = 0
    var steps: [NodeID] = []
    while !frontier.isEmpty && level < depth {
        level += 1
        var next: [NodeID] = []
        for v in frontier {
            steps.removeAll(keepingCapacity: true)
            causalForward(g, v, causal, into: &steps)
            for w in steps where seen.insert(w).inserted { next.append(w) }
        }
        frontier = next
    }
    return seen.count
}

/// Nodes within `depth` undirected hops of `start` (the start included): the engine's breadth-first walk.
func neighbourhoodAPI(_ g: KnowledgeGraph, _ start: NodeID, depth: Int, marks: inout WalkMarks) -> Int {
    var count = 1
    g.breadthFirst(from: start, depth: depth, marks: &marks) { _, _, _ in count += 1 }
    return count
}

/// Shortest undirected path length (edges), or -1: the engine's bidirectional breadth-first search.
func pathAPI(_ g: KnowledgeGraph, _ a: NodeID, _ b: NodeID, search: inout PathSearch) -> Int {
    switch g.shortestPath(from: a, to: b, maxDepth: 40, search: &search) {
    case .found(let steps): return steps.count - 1
    case .notConnected, .tooLong: return -1
    }
}

func timed<T>(runs: Int, _ body: () throws -> T) rethrows -> (first: Double, median: Double, cpu: Double, result: T) {
    var t = now()
    var result = try body()
    let first = ms(t)
    var xs: [Double] = [], cpu: [Double] = []
    for _ in 0 ..< runs {
        t = now()
        let c = cpuMs()
        result = try body()
        xs.append(ms(t))
        cpu.append(cpuMs() - c)
    }
    return (first, median(xs), median(cpu), result)
}

func open(_ o: Options) throws {
    let db = o.string("db")
    let runs = o.int("runs", 20)
    guard let qdata = FileManager.default.contents(atPath: o.string("queries")) else { fail("cannot read --queries") }
    let q = try JSONDecoder().decode(QueryTargets.self, from: qdata)
    let rssBefore = currentRSSMiB()

    // Open: the store, then the resolved in-memory graph (what every CLI command does first).
    let useCache = (o.values["cache"] ?? "on") != "off"
    let cacheExisted = FileManager.default.fileExists(atPath: db + ".graphcache")
    let t0 = now()
    let c0 = cpuMs()
    let store = try GraphStore(path: db, create: false, useGraphCache: useCache)
    let graph = try store.loadGraph()
    let openMs = ms(t0)
    let openCpuMs = cpuMs() - c0
    let rssAfterOpen = currentRSSMiB()
    let peakAfterOpen = peakRSSMiB()

    var result: [String: Any] = [:]
    result["graph_cache"] = useCache ? (cacheExisted ? "present before the open" : "absent before the open") : "not used"
    result["open_ms"] = openMs
    result["open_cpu_ms"] = openCpuMs
    result["rss_before_open_mib"] = rssBefore
    result["rss_after_open_mib"] = rssAfterOpen
    result["peak_rss_after_open_mib"] = peakAfterOpen
    result["articles"] = graph.articleCount
    result["entities"] = graph.entityCount
    result["events"] = graph.eventCount
    result["edges"] = graph.edgeCount
    result["runs"] = runs
    guard runs > 0 else {  // an open-only process (run.sh's repeats)
        result["peak_rss_mib"] = peakRSSMiB()
        printJSON(result)
        return
    }
    let engine = QueryEngine(graph: graph)
    let chainText = "chain from \"\(q.chain_start)\" via responded_to,caused depth 4"
    let hoodText = "neighbours of \"\(q.hub)\" depth 2"
    let pathText = "path from \"\(q.path_from)\" to \"\(q.path_to)\" depth 40"
    func run(_ key: String, _ text: String) throws {
        let (first, med, cpu, answer) = try timed(runs: runs) { try engine.run(text) }
        result[key] = ["query": text, "first_ms": first, "median_ms": med, "median_cpu_ms": cpu, "rows": answer.rows.count,
                       "resolved": answer.resolutions.map(\.chosen.name), "notes": answer.notes] as [String: Any]
    }
    try run("q_chain", chainText)
    try run("q_hood", hoodText)
    try run("q_path", pathText)

    // The same walks through the KnowledgeGraph API (names resolved once, outside the timing).
    func node(_ name: String, _ kind: NodeKind) -> NodeID {
        guard let n = graph.lookupExact(name, kind: kind).first else { fail("'\(name)' is not in the graph") }
        return n
    }
    let start = node(q.chain_start, .event), hub = node(q.hub, .entity)
    let pa = node(q.path_from, .entity), pb = node(q.path_to, .entity)
    // Working memory of the walks, reused from run to run as the engine reuses it from query to query.
    var marks = WalkMarks()
    var search = PathSearch()
    let c = timed(runs: runs) { chainAPI(graph, start, depth: 4) }
    let h = timed(runs: runs) { neighbourhoodAPI(graph, hub, depth: 2, marks: &marks) }
    let p = timed(runs: runs) { pathAPI(graph, pa, pb, search: &search) }
    result["api_chain"] = ["first_ms": c.first, "median_ms": c.median, "median_cpu_ms": c.cpu, "nodes": c.result]
    result["api_hood"] = ["first_ms": h.first, "median_ms": h.median, "median_cpu_ms": h.cpu, "nodes": h.result]
    result["api_path"] = ["first_ms": p.first, "median_ms": p.median, "median_cpu_ms": p.cpu, "length": p.result]

    var maxDegree = 0, maxNode = NodeID(0)
    for n in graph.entityIDs { let d = graph.degree(of: n); if d > maxDegree { maxDegree = d; maxNode = n } }
    result["peak_rss_mib"] = peakRSSMiB()
    result["hub_degree"] = graph.degree(of: hub)
    result["max_degree_entity"] = graph.name(of: maxNode)
    result["max_degree"] = maxDegree
    printJSON(result)
}

// MARK: - one query, many times (for a profiler)

func query(_ o: Options) throws {
    let runs = o.int("runs", 1000)
    let text = o.string("text")
    let graph = try GraphStore(path: o.string("db"), create: false).loadGraph()
    let engine = QueryEngine(graph: graph)
    let (first, med, cpu, answer) = try timed(runs: runs) { try engine.run(text) }
    printJSON(["query": text, "first_ms": first, "median_ms": med, "median_cpu_ms": cpu, "rows": answer.rows.count])
}

// MARK: - phases (informational)

func phases(_ o: Options) throws {
    let db = o.string("db")
    var t = now()
    let store = try GraphStore(path: db, create: false)
    let initMs = ms(t)
    t = now()
    let articles = try store.loadArticles()
    let overrides = try store.overrides().map(\.override)
    let readMs = ms(t)
    let rssRead = currentRSSMiB()
    t = now()
    let graph = KnowledgeGraph(articles: articles, overrides: overrides)
    let buildMs = ms(t)
    printJSON([
        "store_init_ms": initMs, "read_rows_ms": readMs, "resolve_and_index_ms": buildMs,
        "rss_after_read_mib": rssRead, "peak_rss_mib": peakRSSMiB(), "nodes": graph.nodeCount,
    ])
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail("usage: scale-bench ingest|open|phases …") }
let options = Options(args.dropFirst(2))
do {
    switch args[1] {
    case "ingest": try ingest(options)
    case "open": try open(options)
    case "phases": try phases(options)
    case "query": try query(options)
    default: fail("unknown command \(args[1])")
    }
} catch {
    fail("\(error)")
}
