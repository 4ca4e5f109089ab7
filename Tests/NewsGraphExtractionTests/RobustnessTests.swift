import Foundation
import Testing
@_spi(Testing) @testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Rules index neighbouring tokens; sentences that start or end on a trigger, a cue, a number or punctuation
/// must never index outside their sentence. Random sentences over the words the rules test, with a fixed seed.
@Suite("Robustness")
struct RobustnessTests {
    static let vocabulary: [String] = [
        "attacked", "attack", "stormed", "killed", "killing", "operation", "operations", "blamed", "on", "for", "in", "the",
        "a", "an", "after", "which", "who", ",", ".", ";", ":", "\"", "(", ")", "-", "14:40", "08", "15", "at", "least", "nine",
        "including", "four", "were", "was", "by", "Baloch", "Liberation", "Army", "BLA", "Turbat", "district", "police",
        "station", "camp", "of", "town", "city's", "'s", "Monday", "Tuesday", "March", "12", "and", "13", "April", "hours",
        "days", "later", "next", "day", "in response to", "revenge for", "triggered", "led to", "protest", "protests",
        "called", "first", "seven", "months", "so", "far", "this", "year", "between", "January", "July", "He", "denied",
        "said", "toll", "has", "risen", "to", "27", "repelled", "offensive", "outskirts", "Security", "forces", "curfew",
        "Russia", "drones", "airstrike", "US", "near", "village", "arrested", "abducted", "Boko", "Haram", "IED", "blast",
        "Death", "Sparks", "Protest", "Attack", "Raid", "Operation", "Youth", "Claims", "Strike",
    ]

    @Test("A capitalised headline of triggers ('Youth 's Death Sparks Protest') extracts without a crash")
    func headlineOfTriggers() {
        let text = "NE Youth 's Death Sparks Protest In Kohima Attack Claims Raid"
        _ = ExtractorTests.extractor.extract(Article(id: "h", plainText: Array(text.utf8)))
    }

    @Test("2,000 random sentences over the rules' words extract without a crash, with spans inside the text")
    func randomSentencesNeverBreakTheRules() {
        var rng = SplitMix64(seed: 42)
        for n in 0..<2_000 {
            let length = Int.random(in: 1...40, using: &rng)
            let words = (0..<length).map { _ in Self.vocabulary.randomElement(using: &rng) ?? "." }
            let dateline = n.isMultiple(of: 2) ? " date 2025-04-02 Quetta, Apr 2 " : ""
            let text = dateline + words.joined(separator: " ")
            let g = ExtractorTests.extractor.extract(Article(id: "r\(n)", plainText: Array(text.utf8)))
            let scalars = text.unicodeScalars.count
            for e in g.entities { for m in e.mentions { #expect(m.start >= 0 && m.start <= m.end && m.end <= scalars) } }
            for e in g.events { for m in e.mentions { #expect(m.start >= 0 && m.start <= m.end && m.end <= scalars) } }
        }
    }
}
