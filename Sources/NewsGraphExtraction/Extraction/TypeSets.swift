import NewsGraphCore

/// A set of entity types as a bit mask. The rules test membership for every mention they look at;
/// with a mask that is one AND, where `Set<EntityType>` hashes the type.
struct EntityTypes: ExpressibleByArrayLiteral, Sendable {
    let bits: UInt8

    init(arrayLiteral elements: EntityType...) {
        var b: UInt8 = 0
        for e in elements { b |= 1 << UInt8(e.ordinal) }
        bits = b
    }

    @inline(__always) func contains(_ t: EntityType) -> Bool { bits & (1 << UInt8(t.ordinal)) != 0 }
}

/// A set of event types as a bit mask (see `EntityTypes`).
struct EventTypes: ExpressibleByArrayLiteral, Sendable {
    let bits: UInt16

    init(arrayLiteral elements: EventType...) {
        var b: UInt16 = 0
        for e in elements { b |= 1 << UInt16(e.ordinal) }
        bits = b
    }

    @inline(__always) func contains(_ t: EventType) -> Bool { bits & (1 << UInt16(t.ordinal)) != 0 }
}
