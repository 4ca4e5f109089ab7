import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Behaviour of the extractor on sentences written for these tests (no third-party text).
@Suite("Extractor")
struct ExtractorTests {
    static let extractor: Extractor = {
        do { return try Extractor.standard() } catch { fatalError("bundled lexicons failed to load: \(error)") }
    }()

    func extract(_ text: String, id: String = "t") -> ArticleGraph {
        ExtractorTests.extractor.extract(Article(id: id, plainText: Array(text.utf8)))
    }

    func entity(_ g: ArticleGraph, _ name: String) -> ExtractedEntity? {
        g.entities.first { $0.name == name || $0.aliases.contains(name) }
    }

    @Test("An acronym defined once names the same group later, and a misspelling resolves to it")
    func acronymsAndMisspellings() throws {
        let g = extract(" date 2025-01-11 Quetta, Jan 11 Fighters of the Baloch Liberation Army (BLA) attacked a checkpost in Turbat on Friday. The BLA said later that the Baloch Liberaton Army had lost two men.")
        let bla = try #require(entity(g, "Baloch Liberation Army"))
        #expect(bla.type == .group)
        #expect(bla.aliases.contains("BLA"))
        #expect(bla.aliases.contains("Baloch Liberaton Army"))
        #expect(g.entities.filter { $0.type == .group }.count == 1)
    }

    @Test("Unknown names are typed by their head word: a Front is a group, Police a unit, a district a place")
    func headWordTyping() throws {
        let g = extract(" date 2025-02-03 Gao, Feb 3 The Azawad Liberation Front said the Menaka Regional Police had arrested four of its members in Tidermene district.")
        #expect(entity(g, "Azawad Liberation Front")?.type == .group)
        #expect(entity(g, "Menaka Regional Police")?.type == .unit)
        #expect(entity(g, "Tidermene")?.type == .place)
        // a head word that may also open a name ("Army Aviation") still types a name it ends
        #expect(entity(extract("The Olem Army attacked Varnok on Monday."), "Olem Army")?.type == .unit)
    }

    @Test("A sentence's capitalised first word does not extend a name through 'of'; 'the village of X Y' is a place")
    func sentenceInitialWordAndPlaceNouns() throws {
        let g = extract(" date 2025-02-03 Gao, Feb 3 Flags of the Tessit Resistance Movement were raised in the market. Fighters captured the village of Buq Tarsa on Monday.")
        #expect(entity(g, "Tessit Resistance Movement")?.type == .group)
        #expect(entity(g, "Flags of the Tessit Resistance Movement") == nil)
        #expect(entity(g, "Buq Tarsa")?.type == .place)
        let m = extract(" date 2025-02-03 Kabul, Feb 3 Ministry of Defence officials said the road was closed.")
        #expect(m.entities.contains { $0.name.hasPrefix("Ministry of Defence") })
    }

    @Test("Relative dates resolve against the dateline: 'on Saturday' is the Saturday on or before it")
    func relativeDates() throws {
        // 2024-11-16 is a Saturday; "on Thursday" is two days earlier, "last Saturday" a week earlier.
        let g = extract(" date 2024-11-16 Peshawar, Nov 16 Militants attacked a police station in Bannu on Thursday. In a separate incident, gunmen ambushed a convoy in Tank last Saturday.")
        let dates = Set(g.events.compactMap(\.date))
        #expect(dates.contains("2024-11-14"))
        #expect(dates.contains("2024-11-09"))
    }

    @Test("Passive voice: the agent comes from the by-phrase and the casualty count from the numbers")
    func passiveVoice() throws {
        let g = extract(" date 2025-03-02 Maiduguri, Mar 2 At least twelve soldiers were killed and 7 others injured when their base in Monguno was attacked by Islamic State West Africa Province fighters on Saturday.")
        let attack = try #require(g.events.first { $0.type == .attack })
        #expect(attack.agent.contains("Islamic State West Africa Province"))
        #expect(attack.killed == 12)
        #expect(attack.injured == 7)
        #expect(attack.place == "Monguno")
        #expect(attack.date == "2025-03-01")
        #expect(attack.attributes["cameo"] != nil)
        #expect(attack.attributes["acled"] != nil)
    }

    @Test("A responsibility claim links the group to the event it claims, and a retaliation cue links the events")
    func claimsAndCausalLinks() throws {
        let g = extract(" date 2025-05-20 Quetta, May 20 Security forces killed a commander named Dad Karim in an operation in Kharan on Sunday. On Monday, militants attacked an army post in Noshki. The Baloch Liberation Army claimed responsibility for the attack, which it said was in retaliation for the killing of Dad Karim.")
        let attack = try #require(g.events.first { $0.type == .attack })
        let operation = try #require(g.events.first { $0.type == .operation })
        #expect(g.triples.contains { $0.predicate == .claimedResponsibility && $0.subject == "Baloch Liberation Army" && $0.object == attack.id })
        #expect(g.causal.contains { $0.from == attack.id && $0.relation == .respondedTo && $0.to == operation.id })
    }

    @Test("A denial is not a plain fact: 'No group has claimed responsibility' yields no claim")
    func denialsAreNotClaims() {
        let g = extract(" date 2025-04-01 Kabul, Apr 1 A roadside bomb killed three policemen in Khost on Monday. No group has claimed responsibility for the blast.")
        #expect(!g.events.contains { $0.type == .claim })
        #expect(!g.triples.contains { $0.predicate == .claimedResponsibility })
    }

    @Test("Appositions give spokesperson_of: 'X, spokesperson of Y,'")
    func appositions() {
        let g = extract(" date 2025-06-01 Mogadishu, Jun 1 Ali Dheere, spokesperson of al-Shabaab, said the group had attacked the base.")
        #expect(g.triples.contains { $0.subject == "Ali Dheere" && $0.predicate == .spokespersonOf && $0.object.lowercased().contains("shabaab") })
    }

    @Test("Hedged statements lower confidence, and --min-confidence filtering drops them")
    func confidenceFromHedges() throws {
        let g = extract(" date 2025-07-07 Goma, Jul 7 Rebels reportedly attacked a camp in Rutshuru on Sunday.")
        let attack = try #require(g.events.first { $0.type == .attack })
        #expect(attack.confidence < 0.85)
        #expect(attack.factuality == .reported)
        #expect(g.filtered(minConfidence: 0.9).events.isEmpty)
    }

    @Test("Every fact carries provenance that points at its text")
    func provenanceSpans() throws {
        let text = " date 2025-01-11 Quetta, Jan 11 Militants attacked a checkpost in Turbat on Friday."
        let g = extract(text)
        let scalars = Array(text.unicodeScalars)
        let attack = try #require(g.events.first)
        let p = try #require(attack.mentions.first)
        #expect(String(String.UnicodeScalarView(scalars[p.start..<p.end])) == "attacked")
        #expect(g.article.sentences.indices.contains(p.sentence))
    }

    @Test("A user lexicon adds an armed group, and its version is recorded")
    func userLexicon() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ng-user-\(UUID().uuidString).tsv")
        try "entity\tKhorasan Shadow Battalion\tgroup\tKSB\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let ex = try Extractor.standard(userLexicons: [url.path])
        let g = ex.extract(Article(id: "u", plainText: Array(" date 2025-01-01 Kabul, Jan 1 KSB fighters attacked a post.".utf8)))
        #expect(g.entities.contains { $0.name == "KSB" && $0.type == .group })
        #expect(g.lexiconVersion.contains("ng-user-"))
    }

    @Test("A malformed user lexicon is an error naming the file and line")
    func badLexicon() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ng-bad-\(UUID().uuidString).tsv")
        try "entity\tSomething\tspaceship\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: LexiconError.self) { try Extractor.standard(userLexicons: [url.path]) }
    }

    @Test("Among thousands of distinct names, a misspelt repeat still resolves to the name it misspells")
    func misspellingAmongThousandsOfNames() throws {
        // Made-up names of 13 bytes: an initial and syllables that differ from each other in both
        // letters, so no two names are one edit apart and none merges with another. Half share the
        // misspelt name's first letter and length (the candidates it has to be compared with).
        let syllables = ["ba", "ce", "di", "fo", "gu", "hy"]
        let initials = Array("QBCDFGHJKLMN")
        func name(_ i: Int) -> String {
            var d = i / 2
            func syl() -> String { defer { d /= 6 }; return syllables[d % 6] }
            let first = String(i % 2 == 0 ? "Q" : initials[1 + (i / 2) % 11]) + syl() + syl()
            return first + " V" + syl() + syl() + syl()
        }
        let count = 3000
        var text = " date 2025-03-01 Gao, Mar 1 A farmer named Qarsan Velmor was present at the market.\n"
        for i in 0..<count { text += "A farmer named \(name(i)) was present.\n" }
        text += "Later a farmer named Qarsan Velmar was present again.\n"
        let g = extract(text)
        let persons = g.entities.filter { $0.type == .person }
        #expect(persons.count == count + 1)
        let qarsan = try #require(entity(g, "Qarsan Velmor"))
        #expect(qarsan.aliases.contains("Qarsan Velmar"))
        #expect(qarsan.mentions.count == 2)
        #expect(entity(g, name(0)) != nil && entity(g, name(count - 1)) != nil)
    }
}

/// Hostile input neither crashes nor hangs the extractor.
@Suite("Hostile input")
struct HostileInputTests {
    let extractor = ExtractorTests.extractor

    @Test("NUL bytes and invalid UTF-8 inside text are survived")
    func nulAndInvalidBytes() {
        var bytes = Array("Militants attacked a post in Bannu.".utf8)
        bytes += [0, 0, 0xFF, 0xFE, 0xC3, 0x28, 0xE2, 0x82]
        bytes += Array(" Then gunmen attacked a school in Tank.".utf8)
        let g = extractor.extract(Article(id: "h", plainText: bytes))
        #expect(g.article.sentences.count >= 1)
    }

    @Test("A 10,000-character name and a 10,000-word capitalised run are survived")
    func hugeNames() {
        let name = String(repeating: "A", count: 10_000)
        let words = Array(repeating: "Zorg", count: 10_000).joined(separator: " ")
        let g = extractor.extract(Article(id: "n", plainText: Array("\(name) attacked \(words) in Kalat.".utf8)))
        #expect(g.entities.allSatisfy { $0.name.count <= 20_000 })
    }

    @Test("A long single-line input is processed in bounded chunks")
    func longSingleLine() {
        let sentence = "Militants attacked a checkpost in Kalat and the Baloch Liberation Army claimed responsibility. "
        var ex = extractor
        ex.chunkBytes = 1 << 16
        let text = String(repeating: sentence, count: 4_000) // ~400 KB on one line
        let g = ex.extract(Article(id: "l", plainText: Array(text.utf8)))
        #expect(!g.events.isEmpty)
        #expect(g.article.sentences.count >= 4_000)
    }
}
