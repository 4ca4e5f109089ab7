/// A table of grammar words by role, read from lexicon records of the form `KIND ROLE FORMS`: the
/// `argument`, `relation-word` and `event-word` records. `Role` is the closed set of roles a kind allows.
public protocol RoleWordTable: Sendable {
    associatedtype Role: RawRepresentable & CaseIterable where Role.RawValue == String
    /// Adds `forms` (any case) to `role`.
    mutating func add(_ forms: [String], as role: Role)
}

/// Lower-case words by role, compared as strings (the parse rules compare a parse token's word).
public struct RoleWords<R: Hashable & Sendable & RawRepresentable & CaseIterable>: RoleWordTable, Hashable where R.RawValue == String {
    public typealias Role = R

    private var words: [R: Set<String>] = [:]

    public init() {}

    public mutating func add(_ forms: [String], as role: R) {
        words[role, default: []].formUnion(forms.map { $0.lowercased() })
    }

    /// Whether the (lower-case) word has the role.
    public func contains(_ word: String, as role: R) -> Bool {
        words[role]?.contains(word) ?? false
    }

    /// The words of a role.
    public func words(_ role: R) -> Set<String> { words[role] ?? [] }
}
