import Testing
@testable import NewsGraphCore

@Suite("Ontology")
struct OntologyTests {
    @Test("each type's ordinal is its position in allCases, so orderings and stored codes stay the same")
    func ordinalsFollowAllCases() {
        for (i, t) in EntityType.allCases.enumerated() { #expect(t.ordinal == i) }
        for (i, t) in EventType.allCases.enumerated() { #expect(t.ordinal == i) }
        for (i, p) in TriplePredicate.allCases.enumerated() { #expect(p.ordinal == i) }
        #expect(EntityType.allCases.sorted() == EntityType.allCases)
        #expect(EventType.allCases.sorted() == EventType.allCases)
    }

    @Test("distinct cases hash apart and equal cases hash alike")
    func hashingByCase() {
        #expect(Set(EntityType.allCases).count == EntityType.allCases.count)
        #expect(Set(EventType.allCases).count == EventType.allCases.count)
        #expect(Set(TriplePredicate.allCases).count == TriplePredicate.allCases.count)
        #expect(Set(Factuality.allCases).count == Factuality.allCases.count)
        #expect(EntityType.group.hashValue == EntityType(rawValue: "group")?.hashValue)
        #expect(Set([EventType.attack, .attack, .claim]) == [.claim, .attack])
    }
}
