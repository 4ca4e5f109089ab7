import Foundation

/// Reads annotation JSON (the corpus `SCHEMA.md` format, as written by `newsgraph extract --format
/// annotation` or `export --format annotation`, by another extractor or by a language model) as
/// `ArticleGraph`s, so that their facts can join the graph. `.graphml` files are read with
/// `GraphMLReader` (one article per file; its guesses are returned as notes).
///
/// A file holds one annotation object (`.json`, pretty-printed or not), a JSON array of them, or one
/// object per line (JSON Lines). Every error names the file (and the line for JSON Lines) and says what
/// to fix: malformed JSON, a missing field, an unknown entity type, event type or predicate, a triple or
/// event that names an entity the file does not define.
public struct AnnotationReader: Sendable {
    /// The largest file read, in bytes.
    public var maxBytes: Int

    public init(maxBytes: Int = 256 << 20) {
        self.maxBytes = maxBytes
    }

    /// The annotation files of `paths`: files as given, directories expanded to their `*.json`, `*.jsonl`
    /// and `*.ndjson` files (sorted, not recursive).
    public func files(_ paths: [String]) throws(InputFailure) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for p in paths {
            if let problem = InputPath.problem(p) { throw InputFailure(path: p, message: problem) }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
                throw InputFailure(path: p, message: "\(p): no such file or directory")
            }
            if isDir.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: InputPath.listable(p))) ?? []
                let found = names.filter { ["json", "jsonl", "ndjson", "graphml"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
                guard !found.isEmpty else {
                    throw InputFailure(path: p, message: "\(p): no annotation files found (expected *.json, *.jsonl or *.graphml)")
                }
                out += found.map { (p as NSString).appendingPathComponent($0) }
            } else {
                out.append(p)
            }
        }
        return out
    }

    /// The article graphs of one file. The content hash of each is the SHA-256 of its annotation as
    /// canonical JSON, so importing the same annotation again (from any file) changes nothing.
    public func read(file path: String) throws(InputFailure) -> [ArticleGraph] {
        try readWithNotes(file: path).graphs
    }

    /// The article graphs of one file, with notes about what had to be guessed (GraphML).
    public func readWithNotes(file path: String) throws(InputFailure) -> (graphs: [ArticleGraph], notes: [String]) {
        if let problem = InputPath.problem(path) { throw InputFailure(path: path, message: problem) }
        if (path as NSString).pathExtension.lowercased() == "graphml" {
            guard FileManager.default.fileExists(atPath: path) else {
                throw InputFailure(path: path, message: "\(path): no such file or directory")
            }
            do {
                let url = URL(fileURLWithPath: path)
                if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
                    throw InputFailure(path: path, message: "\(path): \(size) bytes is larger than the \(maxBytes)-byte limit")
                }
                let data = try Data(contentsOf: url)
                // Checked before the XML parser sees it: Foundation's parser traps on some invalid UTF-8 in
                // element and attribute names (found by ReaderFuzzTests), and GraphML is UTF-8 text.
                let bytes = [UInt8](data)
                if let bad = ArticleReader.firstInvalidUTF8(bytes) {
                    throw InputFailure(path: path, message: "\(path): invalid UTF-8 at byte \(bad); GraphML must be UTF-8 (convert it, e.g. iconv -f latin1 -t utf-8)")
                }
                if let nul = bytes.firstIndex(of: 0) {
                    throw InputFailure(path: path, message: "\(path): a NUL byte at byte \(nul); this is not GraphML text")
                }
                let r = try GraphMLReader().read(data, id: url.deletingPathExtension().lastPathComponent, source: path)
                if let problem = ArticleValidation.problem(r.article) {
                    throw InputFailure(path: path, message: "\(path): \(problem)")
                }
                return ([r.article], r.notes.map { "\(path): \($0)" })
            } catch {
                let m = "\(error)"
                throw InputFailure(path: path, message: m.hasPrefix(path) ? m : "\(path): \(m)")
            }
        }
        let annotations = try readAnnotations(file: path)
        var out: [ArticleGraph] = []
        for (line, a) in annotations {
            let graph: ArticleGraph
            do {
                graph = try ArticleGraph(annotation: a, contentHash: Self.hash(a))
            } catch {
                throw InputFailure(path: path, message: "\(path)\(line.map { ":\($0)" } ?? ""): \(error)")
            }
            // NUL and control characters, impossible dates: refused here, naming the file and line, before the store.
            if let problem = ArticleValidation.problem(graph) {
                throw InputFailure(path: path, message: "\(path)\(line.map { ":\($0)" } ?? ""): article '\(ArticleValidation.shown(a.id))': \(problem)")
            }
            out.append(graph)
        }
        return (out, [])
    }

    /// The annotations of one file, each with its line number for JSON Lines.
    public func readAnnotations(file path: String) throws(InputFailure) -> [(line: Int?, annotation: Annotation)] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maxBytes {
            throw InputFailure(path: path, message: "\(path): \(size) bytes is larger than the \(maxBytes)-byte limit")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let missing = !FileManager.default.fileExists(atPath: path)
            throw InputFailure(path: path, message: missing ? "\(path): no such file or directory" : "\(path): cannot be read (\(error.localizedDescription))")
        }
        let bytes = [UInt8](data)
        do { try ArticleReader().validate(bytes, path: path) } catch {
            throw InputFailure(path: path, message: "\(error)".replacingOccurrences(of: "an article", with: "an annotation")
                .replacingOccurrences(of: "give plain text or JSON Lines", with: "give annotation JSON")
                .replacingOccurrences(of: "give an article in plain text or JSON Lines", with: "give annotation JSON"))
        }
        let decoder = JSONDecoder()
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        if first == UInt8(ascii: "[") {
            do { return try decoder.decode([Annotation].self, from: data).map { (nil, $0) } } catch {
                throw InputFailure(path: path, message: "\(path): \(Self.describe(error)); expected an array of annotation objects (SCHEMA.md)")
            }
        }
        guard first == UInt8(ascii: "{") else {
            throw InputFailure(path: path, message: "\(path): not annotation JSON (it must start with '{' or '['); see SCHEMA.md")
        }
        // One object (possibly pretty-printed), else one object per line.
        var wholeError: (any Error)?
        do { return [(nil, try decoder.decode(Annotation.self, from: data))] } catch { wholeError = error }
        var out: [(Int?, Annotation)] = []
        var objectLines = 0
        for (lineNo, line) in JSONLines(bytes) {
            objectLines += 1
            do { out.append((lineNo, try decoder.decode(Annotation.self, from: Data(line)))) } catch {
                // A pretty-printed object that failed as a whole: report that error, not the first line's.
                if objectLines == 1, line.last(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) != UInt8(ascii: "}"), let e = wholeError {
                    throw InputFailure(path: path, message: "\(path): \(Self.describe(e))")
                }
                throw InputFailure(path: path, message: "\(path):\(lineNo): \(Self.describe(error))")
            }
        }
        guard !out.isEmpty else { throw InputFailure(path: path, message: "\(path): no annotation objects found") }
        return out
    }

    /// SHA-256 of the annotation as canonical JSON (sorted keys).
    public static func hash(_ a: Annotation) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(a)) ?? Data(a.id.utf8)
        return SHA256.hex([UInt8](data))
    }

    /// A decoding error as one line: where in the JSON, and what is wrong. Public for the evaluation's
    /// reading of gold annotations (`NewsGraphEvaluation`), which reports them alike.
    public static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var s = ""
            for k in keys {
                if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
            }
            return s.isEmpty ? "" : " at \(s)"
        }
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing field \"\(key.stringValue)\"\(path(ctx.codingPath))"
        case DecodingError.typeMismatch(let type, let ctx):
            return "wrong type\(path(ctx.codingPath)) (expected \(type))"
        case DecodingError.valueNotFound(_, let ctx):
            return "missing value\(path(ctx.codingPath))"
        case DecodingError.dataCorrupted(let ctx):
            let where_ = path(ctx.codingPath)
            if let last = ctx.codingPath.last, ["type", "factuality"].contains(last.stringValue) {
                let allowed: String
                let inEvents = ctx.codingPath.contains { $0.stringValue == "events" }
                if last.stringValue == "factuality" {
                    allowed = Factuality.allCases.map(\.rawValue).joined(separator: ", ")
                } else if inEvents {
                    allowed = EventType.allCases.map(\.rawValue).joined(separator: ", ")
                } else {
                    allowed = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
                }
                return "unknown \(last.stringValue)\(where_); use one of \(allowed)"
            }
            if ctx.codingPath.isEmpty { return "malformed JSON (\(ctx.underlyingError.map { "\($0)" } ?? ctx.debugDescription))" }
            return "invalid value\(where_) (\(ctx.debugDescription))"
        default:
            return "malformed JSON (\(error))"
        }
    }
}

/// Annotation files, one at a time, as pipeline items.
public struct AnnotationSource {
    private var inputs: IndexingIterator<[String]>
    private var files: IndexingIterator<[String]> = [String]().makeIterator()
    private var graphs: IndexingIterator<[ArticleGraph]> = [ArticleGraph]().makeIterator()
    private var notes: IndexingIterator<[String]> = [String]().makeIterator()
    public let reader: AnnotationReader

    public init(inputs: [String], reader: AnnotationReader = AnnotationReader()) {
        self.inputs = inputs.makeIterator()
        self.reader = reader
    }

    public mutating func next() -> PipelineItem? {
        while true {
            if let n = notes.next() { return .note(n) }
            if let g = graphs.next() { return .graph(g) }
            if let f = files.next() {
                do {
                    let (g, n) = try reader.readWithNotes(file: f)
                    graphs = g.makeIterator()
                    notes = n.makeIterator()
                } catch { return .failure(error) }
                continue
            }
            guard let input = inputs.next() else { return nil }
            do { files = try reader.files([input]).makeIterator() } catch { return .failure(error) }
        }
    }
}

/// `newsgraph import`: annotation files into a sink, in batches (one transaction each), like `ingest`.
public struct AnnotationImporter: Sendable {
    public var reader: AnnotationReader
    public var batchSize: Int

    public init(reader: AnnotationReader = AnnotationReader(), batchSize: Int = 32) {
        self.reader = reader
        self.batchSize = batchSize
    }

    /// Imports the annotation files of `inputs` (files or directories) into `sink`. Unusable files are
    /// reported as failures (naming the file) and skipped; the others are imported.
    public func importFiles<Sink: ArticleSink>(_ inputs: [String], into sink: inout Sink,
                                               progress: (IngestEvent) -> Void = { _ in }) async throws -> IngestReport {
        var source = AnnotationSource(inputs: inputs, reader: reader)
        return try await BatchIngest.run(workers: 1, batchSize: batchSize, next: { source.next() }, into: &sink, progress: progress)
    }
}
