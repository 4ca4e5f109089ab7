import Foundation
import NewsGraph

/// `newsgraph evaluate`: extracts every article that has a gold annotation and scores the output with
/// `Scorer` (the rules of the corpus scorer `score.py`).
///
/// Gold files are the `*.json` files of the gold directory (`<id>.json`, SCHEMA.md); the text of each is
/// `<id>.txt` in the texts directory, or next to the gold file. Articles are extracted concurrently.
public struct Evaluator: Sendable {
    public var extractor: Extractor
    public var reader: ArticleReader
    public var minConfidence: Double
    public var workers: Int

    public init(extractor: Extractor, reader: ArticleReader = ArticleReader(), minConfidence: Double = 0, workers: Int? = nil) {
        self.extractor = extractor
        self.reader = reader
        self.minConfidence = minConfidence
        self.workers = max(1, workers ?? OrderedConcurrency.defaultWorkers)
    }

    /// One gold document and where its text is.
    public struct Document: Sendable, Hashable {
        public var id: String
        public var goldPath: String
        public var textPath: String
    }

    /// The gold documents of `goldDir` (sorted by file name). Throws when the directory is missing or has no `*.json`.
    public static func documents(goldDir: String, textsDir: String? = nil) throws(InputFailure) -> [Document] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: goldDir, isDirectory: &isDir), isDir.boolValue else {
            throw InputFailure(path: goldDir, message: "\(goldDir): no such directory; --gold takes a directory of <id>.json gold files")
        }
        if let t = textsDir {
            guard FileManager.default.fileExists(atPath: t, isDirectory: &isDir), isDir.boolValue else {
                throw InputFailure(path: t, message: "\(t): no such directory; --texts takes a directory of <id>.txt articles")
            }
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: goldDir)) ?? [])
            .filter { ($0 as NSString).pathExtension.lowercased() == "json" }.sorted()
        guard !names.isEmpty else {
            throw InputFailure(path: goldDir, message: "\(goldDir): no gold files (*.json) found")
        }
        return names.map { name in
            let id = (name as NSString).deletingPathExtension
            let textDir = textsDir ?? goldDir
            return Document(id: id, goldPath: (goldDir as NSString).appendingPathComponent(name),
                            textPath: (textDir as NSString).appendingPathComponent(id + ".txt"))
        }
    }

    /// The prediction for one document: the extraction of its text as an annotation.
    public func predict(_ doc: Document) throws(InputFailure) -> Annotation {
        let articles: [Article]
        do { articles = try reader.read(file: doc.textPath) } catch {
            throw InputFailure(path: doc.textPath, message: "\(error)")
        }
        guard var article = articles.first else { throw InputFailure(path: doc.textPath, message: "\(doc.textPath): no article") }
        article.id = doc.id
        return Annotation(extractor.extract(article).filtered(minConfidence: minConfidence))
    }

    /// Reads a gold annotation.
    public static func gold(_ path: String) throws(InputFailure) -> Annotation {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputFailure(path: path, message: "\(path): cannot be read (\(error.localizedDescription))")
        }
        do { return try JSONDecoder().decode(Annotation.self, from: data) } catch {
            throw InputFailure(path: path, message: "\(path): not a gold annotation: \(AnnotationReader.describe(error))")
        }
    }

    /// Scores one document, strict and lenient. A gold file that cannot be read is a failure; a text that
    /// cannot be read counts as an empty prediction (as a missing prediction does in `score.py`) and is reported.
    public func score(_ doc: Document) -> (strict: Scorer.Scores, lenient: Scorer.Scores, failure: InputFailure?)? {
        let gold: Annotation
        do { gold = try Self.gold(doc.goldPath) } catch { return ([:], [:], error) }
        var predicted = Annotation(id: doc.id)
        var failure: InputFailure?
        do { predicted = try predict(doc) } catch { failure = error }
        return (Scorer.score(gold: gold, predicted: predicted, lenient: false),
                Scorer.score(gold: gold, predicted: predicted, lenient: true), failure)
    }

    /// Evaluates every document of `goldDir`.
    public func evaluate(goldDir: String, textsDir: String? = nil, perDocument: Bool = false) async throws -> EvaluationReport {
        let docs = try Self.documents(goldDir: goldDir, textsDir: textsDir)
        return try await evaluate(docs, perDocument: perDocument)
    }

    /// Evaluates the given documents (extracted concurrently, scored in order).
    public func evaluate(_ docs: [Document], perDocument: Bool = false) async throws -> EvaluationReport {
        var strict: [Scorer.Scores] = []
        var lenient: [Scorer.Scores] = []
        var perDoc: [DocumentScore] = []
        var failures: [String] = []
        var it = docs.makeIterator()
        let me = self
        try await OrderedConcurrency.forEachOrdered(
            workers: workers,
            next: { it.next() },
            transform: { (doc: Document) in (doc.id, me.score(doc)) },
            deliver: { (id, result) in
                guard let result else { return }
                if let f = result.failure { failures.append(f.message) }
                if result.strict.isEmpty && result.failure != nil { return }
                strict.append(result.strict)
                lenient.append(result.lenient)
                if perDocument {
                    perDoc.append(DocumentScore(id: id, strict: result.strict.mapValues(MeasureScore.init),
                                                lenient: result.lenient.mapValues(MeasureScore.init)))
                }
            })
        return EvaluationReport(strict: Scorer.total(strict).mapValues(MeasureScore.init),
                                lenient: Scorer.total(lenient).mapValues(MeasureScore.init),
                                documents: perDocument ? perDoc : nil, count: strict.count, failures: failures)
    }
}
