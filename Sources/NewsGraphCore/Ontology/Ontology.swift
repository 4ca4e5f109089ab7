/// The closed vocabularies of newsgraph's ontology, shared with the annotation schema
/// (`SCHEMA.md` of the corpus): entity types, event types, entity–entity predicates and
/// event–event (causal) relations.

/// The type of a named entity.
public enum EntityType: String, Codable, Sendable, CaseIterable, Comparable {
    /// A named individual.
    case person
    /// A non-state armed, militant or political group (also protest movements).
    case group
    /// A state military, police, paramilitary or security force, or one of its units.
    case unit
    /// A government body, agency, media outlet, NGO, think tank or company.
    case organization
    /// A country, province, district, town or area.
    case place
    /// A camp, base, checkpost, building, or a vehicle/convoy as a target.
    case facility

    /// The case's position in `allCases` (0 for `person` … 5 for `facility`).
    @inlinable public var ordinal: Int {
        switch self {
        case .person: 0
        case .group: 1
        case .unit: 2
        case .organization: 3
        case .place: 4
        case .facility: 5
        }
    }

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Hashes the case, not its raw string (the `RawRepresentable` default runs SipHash over the name).
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(UInt8(truncatingIfNeeded: ordinal)) }
}

/// The type of an event node.
public enum EventType: String, Codable, Sendable, CaseIterable, Comparable {
    case attack, bombing, clash, operation, killing, arrest, abduction, claim, statement, protest

    /// The case's position in `allCases` (0 for `attack` … 9 for `protest`).
    @inlinable public var ordinal: Int {
        switch self {
        case .attack: 0
        case .bombing: 1
        case .clash: 2
        case .operation: 3
        case .killing: 4
        case .arrest: 5
        case .abduction: 6
        case .claim: 7
        case .statement: 8
        case .protest: 9
        }
    }

    public static func < (lhs: EventType, rhs: EventType) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Hashes the case, not its raw string (the `RawRepresentable` default runs SipHash over the name).
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(UInt8(truncatingIfNeeded: ordinal)) }
}

/// A predicate of an entity–entity triple. (Named so that it never collides with Foundation's `Predicate`.)
public enum TriplePredicate: String, Codable, Sendable, CaseIterable {
    case attacked, killed, injured, kidnapped, arrested
    /// Group → claimed event (the object is an event).
    case claimedResponsibility = "claimed_responsibility"
    case spokespersonOf = "spokesperson_of"
    case memberOf = "member_of"
    case partOf = "part_of"
    case leaderOf = "leader_of"
    case locatedIn = "located_in"
    case alliedWith = "allied_with"
    case opposed, accused, threatened

    /// The case's position in `allCases`.
    @inlinable public var ordinal: Int {
        switch self {
        case .attacked: 0
        case .killed: 1
        case .injured: 2
        case .kidnapped: 3
        case .arrested: 4
        case .claimedResponsibility: 5
        case .spokespersonOf: 6
        case .memberOf: 7
        case .partOf: 8
        case .leaderOf: 9
        case .locatedIn: 10
        case .alliedWith: 11
        case .opposed: 12
        case .accused: 13
        case .threatened: 14
        }
    }

    /// Hashes the case, not its raw string (the `RawRepresentable` default runs SipHash over the name).
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(UInt8(truncatingIfNeeded: ordinal)) }
}

/// A relation between two events.
public enum CausalRelation: String, Codable, Sendable, CaseIterable {
    /// The later event is a response to (retaliation for, revenge for) the earlier one.
    case respondedTo = "responded_to"
    /// The first event caused the second.
    case caused
    /// An explicit temporal sequence with no causation claimed: the later event followed the earlier one.
    case followed
}

/// The role an entity plays in an event.
public enum EventRole: String, Codable, Sendable, CaseIterable {
    case agent, target, place
}

/// Whether a fact is stated as happened, only claimed by a party, or denied.
public enum Factuality: String, Codable, Sendable, CaseIterable {
    /// Stated by the narrator or officials as having happened.
    case asserted
    /// Stated by one party (a claim, "reportedly", "believed") and not confirmed.
    case reported
    /// Explicitly denied or negated in the text.
    case denied

    /// Hashes the case, not its raw string (the `RawRepresentable` default runs SipHash over the name).
    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(UInt8(self == .asserted ? 0 : self == .reported ? 1 : 2))
    }
}
