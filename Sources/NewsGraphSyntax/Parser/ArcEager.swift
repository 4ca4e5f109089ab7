/// spaCy's non-monotonic arc-eager transition system (`spacy/pipeline/_parser_internals/arc_eager.pyx`),
/// as the parser of `en_core_web_sm` 3.8 uses it: the actions in the model's output order, the labels they
/// carry, which of them are valid in a state, and what each does to the state.
///
/// Labels are interned: `labels[0]` is the empty label (shift and reduce), and every decorated label
/// `a||b` of a pseudo-projective lift also has its parts `a` and `b` in the table, so that the
/// deprojectivizer compares label ids, not strings.
struct ArcEager: Sendable {
    /// The five moves (spaCy's `SHIFT`, `REDUCE`, `LEFT`, `RIGHT`, `BREAK`).
    enum Move: UInt8, Sendable {
        /// `S`: push the first buffer word onto the stack.
        case shift
        /// `D`: pop the stack, or put a headless word back onto the buffer.
        case reduce
        /// `L-label`: the first buffer word becomes the head of the stack's top, which is popped.
        case leftArc
        /// `R-label`: the stack's top becomes the head of the first buffer word, which is pushed.
        case rightArc
        /// `B-ROOT`: the second buffer word starts a new sentence.
        case breakSentence
    }

    /// One output of the network: a move and its label id.
    struct Action: Sendable, Hashable {
        var move: Move
        var label: Int32
        /// Whether the label is spaCy's `subtok`, whose arcs are only valid between adjacent words.
        var isSubtoken: Bool
    }

    /// A pseudo-projective label `a||b` taken apart: attach to the nearest `b` below the current head, as `a`.
    struct Lift: Sendable, Hashable {
        var label: Int32
        var headLabel: Int32
    }

    /// The actions in the network's output order.
    let actions: [Action]
    /// The interned labels; index 0 is the empty label.
    let labels: [String]
    /// The id of "ROOT" in `labels`.
    let rootLabel: Int32
    /// For each label id, its undecorated label and the head label to look for, when it is decorated.
    let lifts: [Lift?]
    /// Each action's `move.rawValue`, for the validity mask.
    let moveCodes: [UInt8]
    /// Whether some action carries `subtok` (not in `en_core_web_sm`), whose validity is per action.
    let hasSubtokenActions: Bool

    /// The separator of pseudo-projective labels (spaCy's `nonproj.DELIMITER`).
    static let liftDelimiter = "||"

    /// Reads the action names of the model ("S", "D", "L-nsubj", "R-pobj||prep", "B-ROOT", …).
    init(actionNames: [String]) throws {
        var table = LabelTable()
        _ = table.id("")
        var actions: [Action] = []
        actions.reserveCapacity(actionNames.count)
        for name in actionNames {
            guard let move = Self.move(of: name) else {
                throw SyntaxModelError.malformed(path: "parser actions", reason: "unknown action \(name)")
            }
            let label = name.count > 2 ? String(name.dropFirst(2)) : ""
            if name.count > 1, name.dropFirst().first != "-" {
                throw SyntaxModelError.malformed(path: "parser actions", reason: "unreadable action \(name)")
            }
            actions.append(Action(move: move, label: table.id(label), isSubtoken: label == "subtok"))
        }
        let root = table.id("ROOT")
        var lifts: [Lift?] = []
        for label in table.names {
            lifts.append(try Self.lift(of: label, table: &table))
        }
        while lifts.count < table.names.count { lifts.append(nil) }  // the parts interned just above
        self.actions = actions
        self.labels = table.names
        self.rootLabel = root
        self.lifts = lifts
        self.moveCodes = actions.map(\.move.rawValue)
        self.hasSubtokenActions = actions.contains(where: \.isSubtoken)
    }

    private static func move(of name: String) -> Move? {
        switch name.first {
        case "S": return .shift
        case "D": return .reduce
        case "L": return .leftArc
        case "R": return .rightArc
        case "B": return .breakSentence
        default: return nil
        }
    }

    /// `a||b` → (a, b); nil for a plain label. Like spaCy's `label.split("||")`, more than one
    /// delimiter is an error.
    private static func lift(of label: String, table: inout LabelTable) throws -> Lift? {
        guard label.contains(liftDelimiter) else { return nil }
        let parts = label.components(separatedBy: liftDelimiter)
        guard parts.count == 2 else {
            throw SyntaxModelError.malformed(path: "parser actions", reason: "label \(label) has more than one \(liftDelimiter)")
        }
        return Lift(label: table.id(parts[0]), headLabel: table.id(parts[1]))
    }
}

/// Strings to dense ids, in order of first appearance.
private struct LabelTable {
    var names: [String] = []
    var ids: [String: Int32] = [:]

    mutating func id(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }
}
