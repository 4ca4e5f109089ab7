// extraction-bench: builds a synthetic news corpus on disk and measures the extractor over it,
// streaming one article at a time. Driven by ../../run.sh and ../../hostile.sh; see
// docs/benchmarks-extraction.md.
//
//   extraction-bench generate --out DIR --mb N [--seed S] SOURCE…   (SOURCE: .txt files or dirs of them)
//   extraction-bench run --corpus DIR [--limit-mb N] [--threads T] [--repeat R] [--label L] [--hash 1]
//   extraction-bench hostile FILE…                                   (raw bytes, no validation)
//   extraction-bench dump [--corpus DIR [--limit-mb N]] [FILE|DIR…]  (every ArticleGraph as JSON, one per line)
//
// `run` prints a human-readable summary and one `RESULT {json}` line for the scripts.

import Foundation
@_spi(Testing) import NewsGraphCore
import NewsGraph

#if canImport(Glibc)
import Glibc
#endif

@main
enum Bench {
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        guard let command = args.first else { usage() }
        args.removeFirst()
        do {
            switch command {
            case "generate": try Generate(args).run()
            case "run": try Run(args).run()
            case "hostile": try Hostile(args).run()
            case "dump": try Dump(args).run()
            default: usage()
            }
        } catch {
            fail("\(error)")
        }
    }

    static func usage() -> Never {
        fail("""
            usage:
              extraction-bench generate --out DIR --mb N [--seed S] SOURCE…
              extraction-bench run --corpus DIR [--limit-mb N] [--threads T] [--repeat R] [--label L] [--hash 1]
              extraction-bench hostile FILE…
              extraction-bench dump [--corpus DIR [--limit-mb N]] [FILE|DIR…]
            """)
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("extraction-bench: " + message + "\n").utf8))
    exit(2)
}

/// `--name value` options and positional arguments.
struct Options {
    var values: [String: String] = [:]
    var positional: [String] = []
    init(_ args: [String], known: Set<String>) {
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("--") {
                let name = String(a.dropFirst(2))
                guard known.contains(name), i + 1 < args.count else { fail("unknown option or missing value: \(a)") }
                values[name] = args[i + 1]
                i += 2
            } else {
                positional.append(a)
                i += 1
            }
        }
    }
    func int(_ name: String, _ def: Int) -> Int {
        guard let v = values[name] else { return def }
        guard let n = Int(v) else { fail("--\(name) wants an integer, got \(v)") }
        return n
    }
    func double(_ name: String, _ def: Double) -> Double {
        guard let v = values[name] else { return def }
        guard let n = Double(v) else { fail("--\(name) wants a number, got \(v)") }
        return n
    }
}

// MARK: - measuring

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Process CPU seconds (user + system) and peak resident set size in KiB (Linux ru_maxrss).
func resourceUsage() -> (cpu: Double, maxRSSKiB: Int) {
    var ru = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(truncatingIfNeeded: RUSAGE_SELF.rawValue), &ru)
    #else
    getrusage(RUSAGE_SELF, &ru)
    #endif
    let cpu = Double(ru.ru_utime.tv_sec) + Double(ru.ru_utime.tv_usec) / 1e6
        + Double(ru.ru_stime.tv_sec) + Double(ru.ru_stime.tv_usec) / 1e6
    return (cpu, Int(ru.ru_maxrss))
}

/// Current resident set size in KiB, from /proc/self/statm (0 where unavailable).
func currentRSSKiB() -> Int {
    guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = s.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

/// Whitespace-separated words, as `wc -w` and Python's `str.split()` count them (ASCII whitespace).
func wordCount(_ bytes: [UInt8]) -> Int {
    var n = 0
    var inWord = false
    for b in bytes {
        let space = b == 0x20 || (b >= 0x09 && b <= 0x0D)
        if !space && !inWord { n += 1 }
        inWord = !space
    }
    return n
}

func readFile(_ path: String) throws -> [UInt8] {
    guard let fh = FileHandle(forReadingAtPath: path) else { fail("cannot open \(path)") }
    defer { try? fh.close() }
    return [UInt8](try fh.readToEnd() ?? Data())
}

/// Reads a text file line by line without loading it (getline).
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    init(path: String) {
        guard let f = fopen(path, "r") else { fail("cannot open \(path)") }
        file = f
    }
    deinit { fclose(file) }
    func next() -> String? {
        var line: UnsafeMutablePointer<CChar>? = nil
        var cap = 0
        defer { free(line) }
        let n = getline(&line, &cap, file)
        guard n >= 0, let line else { return nil }
        var s = String(cString: line)
        if s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

// MARK: - generate

/// Writes `--mb` megabytes (10^6 bytes) of news-sized articles into `--out`, one `.txt` per
/// article, plus `index.tsv` (file name, bytes, words; in order). Each article is a source article
/// with its dateline paragraph kept first and the other paragraphs shuffled; some lose a paragraph,
/// some gain one from another article. Nothing is kept in memory but the sources.
struct Generate {
    var out: String
    var megabytes: Double
    var seed: UInt64
    var sources: [String]

    init(_ args: [String]) {
        let o = Options(args, known: ["out", "mb", "seed"])
        guard let out = o.values["out"] else { fail("generate needs --out DIR") }
        self.out = out
        megabytes = o.double("mb", 50)
        seed = UInt64(o.int("seed", 42))
        sources = o.positional
        if sources.isEmpty { fail("generate needs at least one SOURCE (.txt file or directory)") }
    }

    struct Source {
        var stem: String
        var head: [UInt8]
        var paragraphs: [[UInt8]]
    }

    func loadSources() throws -> [Source] {
        var files: [String] = []
        let fm = FileManager.default
        for s in sources {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: s, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                files += try fm.contentsOfDirectory(atPath: s).filter { $0.hasSuffix(".txt") && $0 != "README.txt" }.sorted()
                    .map { (s as NSString).appendingPathComponent($0) }
            } else {
                files.append(s)
            }
        }
        var out: [Source] = []
        for f in files {
            let bytes = try readFile(f)
            // paragraphs: split on blank lines
            var paragraphs: [[UInt8]] = []
            var cur: [UInt8] = []
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0A, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                    while i < bytes.count, bytes[i] == 0x0A { i += 1 }
                    if !cur.isEmpty { paragraphs.append(cur); cur = [] }
                    continue
                }
                cur.append(bytes[i])
                i += 1
            }
            while cur.last == 0x0A { cur.removeLast() }
            if !cur.isEmpty { paragraphs.append(cur) }
            guard let head = paragraphs.first else { continue }
            let stem = ((f as NSString).lastPathComponent as NSString).deletingPathExtension
            out.append(Source(stem: stem, head: head, paragraphs: Array(paragraphs.dropFirst())))
        }
        return out
    }

    func run() throws {
        let pool = try loadSources()
        guard !pool.isEmpty else { fail("no source articles (.txt) found in \(sources)") }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let index = fopen((out as NSString).appendingPathComponent("index.tsv"), "w")
        guard let index else { fail("cannot write \(out)/index.tsv") }
        defer { fclose(index) }
        var rng = SplitMix64(seed: seed)
        let target = Int(megabytes * 1_000_000)
        var total = 0
        var words = 0
        var n = 0
        let t0 = now()
        while total < target {
            let s = pool[Int(rng.next() % UInt64(pool.count))]
            var body = s.paragraphs
            body.shuffle(using: &rng)
            if body.count >= 3, rng.next() % 3 == 0 { body.remove(at: Int(rng.next() % UInt64(body.count))) }
            if rng.next() % 3 == 0 {
                let other = pool[Int(rng.next() % UInt64(pool.count))]
                if !other.paragraphs.isEmpty {
                    let p = other.paragraphs[Int(rng.next() % UInt64(other.paragraphs.count))]
                    body.insert(p, at: Int(rng.next() % UInt64(body.count + 1)))
                }
            }
            var text = s.head
            for p in body { text += [0x0A, 0x0A]; text += p }
            text.append(0x0A)
            n += 1
            let name = String(format: "%07d-%@.txt", n, s.stem)
            try Data(text).write(to: URL(fileURLWithPath: (out as NSString).appendingPathComponent(name)))
            let w = wordCount(text)
            fputs("\(name)\t\(text.count)\t\(w)\n", index)
            total += text.count
            words += w
        }
        print(String(format: "generated %d articles, %.1f MB, %d words from %d sources in %@ (%.1f s)",
                     n, Double(total) / 1e6, words, pool.count, out, now() - t0))
    }
}

// MARK: - run

/// Counts of what was extracted, so the work cannot be optimised away and runs can be compared.
struct Tally: Sendable {
    var articles = 0
    var bytes = 0
    var words = 0
    var entities = 0
    var events = 0
    var triples = 0
    var causal = 0
    var extractSeconds = 0.0
    var maxArticleSeconds = 0.0
    /// per-article extraction latency, log2 buckets of microseconds (fixed size: memory stays flat)
    var histogram = [Int](repeating: 0, count: 40)

    mutating func add(_ o: Tally) {
        articles += o.articles; bytes += o.bytes; words += o.words
        entities += o.entities; events += o.events; triples += o.triples; causal += o.causal
        extractSeconds += o.extractSeconds
        maxArticleSeconds = max(maxArticleSeconds, o.maxArticleSeconds)
        for i in histogram.indices { histogram[i] += o.histogram[i] }
    }

    mutating func record(bytes: [UInt8], graph: ArticleGraph, seconds: Double) {
        articles += 1
        self.bytes += bytes.count
        words += wordCount(bytes)
        entities += graph.entities.count
        events += graph.events.count
        triples += graph.triples.count
        causal += graph.causal.count
        extractSeconds += seconds
        maxArticleSeconds = max(maxArticleSeconds, seconds)
        let us = max(1, Int(seconds * 1e6))
        histogram[min(histogram.count - 1, Int.bitWidth - us.leadingZeroBitCount - 1)] += 1
    }

    /// Upper bound of the bucket holding the q-quantile, in milliseconds.
    func quantileMs(_ q: Double) -> Double {
        let want = Int((Double(articles) * q).rounded(.up))
        var seen = 0
        for (i, c) in histogram.enumerated() {
            seen += c
            if seen >= want { return Double(1 << (i + 1)) / 1000 }
        }
        return 0
    }
}

/// The queue of article files: `index.tsv`, read one line at a time, shared by the workers.
final class Feed: @unchecked Sendable {
    private let lock = NSLock()
    private let reader: LineReader
    private let dir: String
    private let limitBytes: Int
    private var taken = 0

    init(dir: String, limitBytes: Int) {
        self.dir = dir
        self.limitBytes = limitBytes
        reader = LineReader(path: (dir as NSString).appendingPathComponent("index.tsv"))
    }

    /// The next article path, or nil when the index or the byte limit is exhausted. The limit
    /// takes whole articles until the total reaches it (the same rule as run.sh's sample).
    func next() -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < limitBytes, let line = reader.next() else { return nil }
        let fields = line.split(separator: "\t")
        guard fields.count >= 2, let n = Int(fields[1]) else { return nil }
        taken += n
        return (dir as NSString).appendingPathComponent(String(fields[0]))
    }
}

struct Run {
    var corpus: String
    var limitBytes: Int
    var threads: Int
    var repeats: Int
    var label: String
    /// Also compute each article's content hash (SHA-256), as ingest does; `newsgraph extract` does not.
    var hash: Bool

    init(_ args: [String]) {
        let o = Options(args, known: ["corpus", "limit-mb", "threads", "repeat", "label", "hash"])
        guard let c = o.values["corpus"] else { fail("run needs --corpus DIR (made by generate)") }
        corpus = c
        let mb = o.double("limit-mb", 0)
        limitBytes = mb > 0 ? Int(mb * 1_000_000) : Int.max
        threads = max(1, o.int("threads", 1))
        repeats = max(1, o.int("repeat", 1))
        label = o.values["label"] ?? "run"
        hash = o.int("hash", 0) != 0
    }

    /// One worker: read an article file, build the `Article` (dateline), validate it as the CLI
    /// does, extract, count. The text and graph are dropped before the next article.
    static func work(_ feed: Feed, _ extractor: Extractor, _ reader: ArticleReader) -> Tally {
        var t = Tally()
        while let path = feed.next() {
            let bytes: [UInt8]
            do { bytes = try readFile(path); try reader.validate(bytes, path: path) } catch {
                fail("\(error)")
            }
            let a0 = now()
            let article = Article(id: (path as NSString).lastPathComponent, plainText: bytes)
            let graph = extractor.extract(article)
            t.record(bytes: bytes, graph: graph, seconds: now() - a0)
        }
        return t
    }

    func run() throws {
        let l0 = now()
        var configured = try Extractor.standard()
        configured.hashesContent = hash
        let extractor = configured
        let loadSeconds = now() - l0
        let rssAfterLoad = currentRSSKiB()
        let reader = ArticleReader()
        var total = Tally()
        let cpu0 = resourceUsage().cpu
        let w0 = now()
        for _ in 0..<repeats {
            let feed = Feed(dir: corpus, limitBytes: limitBytes)
            if threads == 1 {
                total.add(Run.work(feed, extractor, reader))
            } else {
                let results = ResultBox(count: threads)
                DispatchQueue.concurrentPerform(iterations: threads) { i in
                    results.set(i, Run.work(feed, extractor, reader))
                }
                for t in results.all() { total.add(t) }
            }
        }
        let wall = now() - w0
        let (cpu1, maxRSS) = resourceUsage()
        let cpu = cpu1 - cpu0
        guard total.articles > 0 else { fail("no articles in \(corpus)/index.tsv") }
        let mb = Double(total.bytes) / 1e6
        let json: [String: Any] = [
            "label": label, "threads": threads, "repeat": repeats, "content_hash": hash,
            "articles": total.articles, "bytes": total.bytes, "words": total.words,
            "wall_s": wall, "cpu_s": cpu, "extract_s": total.extractSeconds, "load_s": loadSeconds,
            "mb_per_s": mb / wall, "mb_per_cpu_s": mb / cpu,
            "articles_per_s": Double(total.articles) / wall, "words_per_s": Double(total.words) / wall,
            "p50_ms": total.quantileMs(0.5), "p99_ms": total.quantileMs(0.99), "max_ms": total.maxArticleSeconds * 1000,
            "max_rss_kib": maxRSS, "rss_after_load_kib": rssAfterLoad,
            "entities": total.entities, "events": total.events, "triples": total.triples, "causal": total.causal,
        ]
        print(String(format: "[%@] %d thread(s): %d articles, %.1f MB, %d words in %.2f s wall (%.2f s CPU)%@%@",
                     label, threads, total.articles, mb, total.words, wall, cpu, hash ? ", content hash included" : "",
                     ", with the dependency parse"))
        print(String(format: "[%@]   %.2f MB/s  %.0f articles/s  %.0f words/s  (%.2f MB per CPU-second)",
                     label, mb / wall, Double(total.articles) / wall, Double(total.words) / wall, mb / cpu))
        print(String(format: "[%@]   per article: p50 <= %.2f ms, p99 <= %.2f ms, max %.2f ms; lexicon load %.2f s (excluded)",
                     label, total.quantileMs(0.5), total.quantileMs(0.99), total.maxArticleSeconds * 1000, loadSeconds))
        print(String(format: "[%@]   peak RSS %.1f MiB (after lexicon load %.1f MiB); extracted %d entities, %d events, %d triples, %d causal links",
                     label, Double(maxRSS) / 1024, Double(rssAfterLoad) / 1024, total.entities, total.events, total.triples, total.causal))
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        print("RESULT " + String(decoding: data, as: UTF8.self))
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Tally]
    init(count: Int) { results = Array(repeating: Tally(), count: count) }
    func set(_ i: Int, _ t: Tally) { lock.lock(); results[i] = t; lock.unlock() }
    func all() -> [Tally] { lock.lock(); defer { lock.unlock() }; return results }
}

// MARK: - hostile

/// Feeds files to the extractor as raw bytes, bypassing the reader's validation (NUL bytes and
/// invalid UTF-8 included), and reports time, peak memory and what came out.
struct Hostile {
    var files: [String]
    init(_ args: [String]) {
        files = Options(args, known: []).positional
        if files.isEmpty { fail("hostile needs FILE…") }
    }

    func run() throws {
        let extractor = try Extractor.standard()
        for f in files {
            let bytes = try readFile(f)
            let t0 = now()
            let graph = extractor.extract(Article(id: (f as NSString).lastPathComponent, plainText: bytes))
            let s = now() - t0
            let longest = graph.entities.map { $0.name.utf8.count }.max() ?? 0
            print(String(format: "%@: %d bytes extracted in %.2f s (%.2f MB/s); %d entities (longest name %d bytes), %d events, %d triples; peak RSS %.1f MiB",
                         (f as NSString).lastPathComponent, bytes.count, s, Double(bytes.count) / 1e6 / max(s, 1e-9),
                         graph.entities.count, longest, graph.events.count, graph.triples.count, Double(resourceUsage().maxRSSKiB) / 1024))
        }
    }
}

// MARK: - dump

/// Writes the whole `ArticleGraph` of every article (content hash, sentences, provenance and
/// attributes included) as one sorted-keys JSON line, so two versions of the extractor can be
/// compared with `cmp`: speed work must not change what is extracted. Articles are the corpus
/// index's (`--corpus`, `--limit-mb`) and then the `.txt` files given or found in the directories given.
struct Dump {
    var corpus: String?
    var limitBytes: Int
    var inputs: [String]

    init(_ args: [String]) {
        let o = Options(args, known: ["corpus", "limit-mb"])
        corpus = o.values["corpus"]
        let mb = o.double("limit-mb", 0)
        limitBytes = mb > 0 ? Int(mb * 1_000_000) : Int.max
        inputs = o.positional
        if corpus == nil && inputs.isEmpty { fail("dump needs --corpus DIR or FILE|DIR…") }
    }

    func run() throws {
        let extractor = try Extractor.standard()
        let reader = ArticleReader()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var paths: [String] = []
        if let corpus {
            let feed = Feed(dir: corpus, limitBytes: limitBytes)
            while let p = feed.next() { paths.append(p) }
        }
        let fm = FileManager.default
        for s in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: s, isDirectory: &isDir) else { fail("\(s): no such file or directory") }
            if isDir.boolValue {
                paths += try fm.contentsOfDirectory(atPath: s).filter { $0.hasSuffix(".txt") }.sorted()
                    .map { (s as NSString).appendingPathComponent($0) }
            } else {
                paths.append(s)
            }
        }
        for path in paths {
            let bytes = try readFile(path)
            try reader.validate(bytes, path: path)
            let graph = extractor.extract(Article(id: (path as NSString).lastPathComponent, plainText: bytes))
            var line = try encoder.encode(graph)
            line.append(0x0A)
            FileHandle.standardOutput.write(line)
        }
    }
}
