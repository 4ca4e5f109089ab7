import Foundation
import NewsGraph

/// PETRARCH2's validation records: does the extractor find the expected source and target of each
/// coded event as the agent and target of one extracted event (or subject and object of a triple)?
public struct PetrarchEvaluation: Sendable {
    /// The outcome of one record.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case found = "source and target found"
        case outsideOntology = "no event: a cooperative or verbal CAMEO event (root 01-09), outside the conflict ontology"
        case noEvent = "no event or triple extracted"
        case sourceMissing = "source not found as an agent"
        case targetMissing = "target not found as a target"
        case swapped = "source and target found in swapped roles"
    }

    /// Results: the outcome of each enabled record and the counts by outcome.
    public struct Report: Codable, Sendable {
        public var records: Int
        public var counts: [String: Int]
        public var share: Double
        /// The share among records whose expected event is a conflict event (CAMEO root 10-20).
        public var shareInScope: Double
        public var examples: [String: [String]]
    }

    struct Record: Decodable {
        struct Expected: Decodable { var source_name: String; var target_name: String; var code: String? }
        var id: String
        var text: String
        var date: String?
        var enabled: Bool
        var expected: [Expected]
    }

    public let extractor: Extractor

    public init(extractor: Extractor) { self.extractor = extractor }

    /// Words of an expected actor name ("GONDOR / MINAS TIRITH / ANORIEN", "OSGILIATH military"), without
    /// the qualifiers PETRARCH's actor codes add (a literal list: these are the data set's conventions).
    static func alternatives(_ name: String) -> [Set<String>] {
        name.split(separator: "/").map { alt in
            Set(alt.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { !["government", "military", "the", "of", "police", "rebels", "opposition"].contains($0) })
        }.filter { !$0.isEmpty }
    }

    /// Whether a predicted name holds all the words of one alternative, its words normalised as the graph
    /// normalises names (`NameNormalizer`: a possessive dropped, "U.S." one word).
    static func matches(_ predicted: String, _ alts: [Set<String>]) -> Bool {
        let words = Set(NameNormalizer.normalize(predicted).split(separator: " ").map(String.init))
        return alts.contains { !$0.isEmpty && $0.isSubset(of: words) || ($0.count == 1 && !words.isDisjoint(with: $0)) }
    }

    public func run(path: String) throws -> Report {
        guard let data = FileManager.default.contents(atPath: path) else { throw ArticleReadError.notFound(path: path) }
        var counts: [String: Int] = [:]
        var examples: [String: [String]] = [:]
        var total = 0
        for (_, line) in JSONLines([UInt8](data)) {
            guard let r = try? JSONDecoder().decode(Record.self, from: Data(line)), r.enabled, let exp = r.expected.first else { continue }
            total += 1
            var date: String? = nil
            if let d = r.date, d.count == 8 { date = "\(d.prefix(4))-\(d.dropFirst(4).prefix(2))-\(d.suffix(2))" }
            var article = Article(id: r.id, plainText: Array(r.text.utf8))
            article.date = date
            let g = extractor.extract(article)
            let src = PetrarchEvaluation.alternatives(exp.source_name), tgt = PetrarchEvaluation.alternatives(exp.target_name)
            var outcome = Outcome.noEvent
            var pairs: [([String], [String])] = g.events.map { ($0.agent, $0.target) }
            pairs += g.triples.map { ([$0.subject], [$0.object]) }
            if !pairs.isEmpty {
                if pairs.contains(where: { p in p.0.contains { PetrarchEvaluation.matches($0, src) } && p.1.contains { PetrarchEvaluation.matches($0, tgt) } }) {
                    outcome = .found
                } else if pairs.contains(where: { p in p.1.contains { PetrarchEvaluation.matches($0, src) } && p.0.contains { PetrarchEvaluation.matches($0, tgt) } }) {
                    outcome = .swapped
                } else if !pairs.contains(where: { p in p.0.contains { PetrarchEvaluation.matches($0, src) } }) {
                    outcome = .sourceMissing
                } else {
                    outcome = .targetMissing
                }
            }
            if outcome == .noEvent, let code = exp.code, let root = Int(code.prefix(2)), root >= 1, root <= 9 { outcome = .outsideOntology }
            counts[outcome.rawValue, default: 0] += 1
            if examples[outcome.rawValue, default: []].count < 3 { examples[outcome.rawValue, default: []].append("\(r.id): \(r.text.prefix(100))") }
        }
        let inScope = total - (counts[Outcome.outsideOntology.rawValue] ?? 0)
        return Report(records: total, counts: counts, share: total == 0 ? 0 : Double(counts[Outcome.found.rawValue] ?? 0) / Double(total),
                      shareInScope: inScope == 0 ? 0 : Double(counts[Outcome.found.rawValue] ?? 0) / Double(inScope), examples: examples)
    }
}
