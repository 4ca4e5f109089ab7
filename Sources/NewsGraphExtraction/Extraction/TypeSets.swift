import NewsGraphCore

/// An ontology enum whose cases have a small position (`ordinal`), so that a set of them fits in a bit mask.
protocol OrdinalCase {
    var ordinal: Int { get }
}

extension EntityType: OrdinalCase {}
extension EventType: OrdinalCase {}

/// A set of entity or event types as a bit mask. The rules test membership for every mention and event they
/// look at; with a mask that is one AND, where a `Set` hashes the type.
struct CaseSet<Element: OrdinalCase>: ExpressibleByArrayLiteral, Sendable {
    let bits: UInt32

    init(arrayLiteral elements: Element...) {
        var b: UInt32 = 0
        for e in elements { b |= 1 << UInt32(e.ordinal) }
        bits = b
    }

    @inline(__always) func contains(_ t: Element) -> Bool { bits & (1 << UInt32(t.ordinal)) != 0 }
}

/// A set of entity types (see `CaseSet`).
typealias EntityTypes = CaseSet<EntityType>
/// A set of event types (see `CaseSet`).
typealias EventTypes = CaseSet<EventType>
