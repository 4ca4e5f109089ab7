import NewsGraphCore
import Testing
@testable import NewsGraphExtraction

/// `CaseSet` (`EntityTypes`, `EventTypes`): sets of ontology cases as bit masks.
@Suite("Case sets")
struct CaseSetTests {
    @Test("A CaseSet contains exactly the cases it was written with")
    func membership() {
        let set: EntityTypes = [.person, .place]
        #expect(set.contains(.person))
        #expect(set.contains(.place))
        for t in EntityType.allCases where t != .person && t != .place { #expect(!set.contains(t), "\(t)") }
        let none: EventTypes = []
        #expect(EventType.allCases.allSatisfy { !none.contains($0) })
    }

    @Test("Every entity and event type has its own bit, so a set of all cases holds each and one case holds one")
    func everyCase() {
        #expect(EntityType.allCases.count <= 32 && EventType.allCases.count <= 32)
        #expect(Set(EntityType.allCases.map(\.ordinal)).count == EntityType.allCases.count)
        #expect(Set(EventType.allCases.map(\.ordinal)).count == EventType.allCases.count)
        for t in EventType.allCases {
            let one = EventTypes(arrayLiteral: t)
            #expect(EventType.allCases.filter { one.contains($0) } == [t])
        }
    }

    @Test("A repeated case is the same as one")
    func repeated() {
        let a: EventTypes = [.attack, .attack]
        let b: EventTypes = [.attack]
        #expect(a.bits == b.bits)
    }
}
