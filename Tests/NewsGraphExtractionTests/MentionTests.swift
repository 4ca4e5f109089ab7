import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Entity mentions and their types, on sentences written for these tests (no third-party text).
@Suite("Entity mentions")
struct MentionTests {
    func extract(_ text: String) -> ArticleGraph {
        ExtractorTests.extractor.extract(Article(id: "t", plainText: Array(text.utf8)))
    }

    func entity(_ g: ArticleGraph, _ name: String) -> ExtractedEntity? {
        g.entities.first { $0.name == name || $0.aliases.contains(name) }
    }

    @Test("A hyphenated participle modifier ('Vestrian-backed', 'Kurdish-held', 'Nord-led') is neither a name nor part of one")
    func participleModifiers() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Vestrian-backed militias attacked the Kurdish-held town of Tal Dara on Monday, and the Nord-led Tessit Liberation Front said it had repelled them.")
        #expect(entity(g, "Tal Dara")?.type == .place)
        #expect(entity(g, "Tessit Liberation Front")?.type == .group)
        #expect(!g.entities.contains { $0.name.contains("-backed") || $0.name.contains("-held") || $0.name.contains("-led") })
        #expect(!g.entities.contains { $0.type == .person })
    }

    @Test("A region or province of the lexicon before a force word is that place's force: 'Puntland forces' is a unit")
    func regionForces() throws {
        let g = extract(" date 2025-03-04 Bosaso, Mar 4 Puntland forces attacked a militant hideout in the mountains on Monday.")
        #expect(entity(g, "Puntland forces")?.type == .unit)
    }

    @Test("An all-caps dateline before a dash or colon is not an entity")
    func datelines() throws {
        let g = extract(" date 2025-03-04 Mar 4\n\nNORTHPORT — Gunmen attacked a police post in Varnok on Monday, the Varnok Regional Police said.")
        #expect(entity(g, "NORTHPORT") == nil)
        #expect(entity(g, "Varnok Regional Police")?.type == .unit)
    }
}
