import NewsGraphCore

/// The recursive-descent parser of the query language. The grammar is in `docs/query-language.md`.
///
/// Keywords are case-insensitive and contextual: "operation" or "by" can still be part of a name
/// where no keyword is expected. Names that contain a clause keyword (`to`, `via`, `and`, …) must be quoted
/// in the structured forms.
public struct QueryParser: Sendable {
    public let source: String
    var tokens: [Token] = []
    var index = 0
    /// How deep the parser is in parentheses and `not`s (bounded by `maxNesting`).
    var nesting = 0
    /// Words that also end an unquoted value in a condition (`per`, `group by` in aggregations).
    var extraStops: Set<String> = []

    /// The deepest nesting of parentheses and `not` a condition may have. Deeper queries are refused with a
    /// one-line error instead of exhausting the stack (no hand-written query comes near it).
    public static let maxNesting = 64

    /// Parses one query.
    public static func parse(_ source: String) throws(QueryError) -> Query {
        var parser = QueryParser(source: source)
        return try parser.parseQuery()
    }

    private init(source: String) {
        self.source = source
    }

    // MARK: Token access

    var current: Token { tokens[index] }
    func peek(_ n: Int = 1) -> Token { tokens[min(index + n, tokens.count - 1)] }
    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }
    func isWord(_ t: Token, _ words: Set<String>) -> Bool { t.kind == .word && words.contains(t.lower) }
    func at(_ words: String...) -> Bool { isWord(current, Set(words)) }
    mutating func accept(_ words: String...) -> Token? {
        isWord(current, Set(words)) ? advance() : nil
    }
    /// The end of the query: the end token, or trailing `?`/`.`/`!` before it.
    var atEnd: Bool {
        var i = index
        while tokens[i].kind == .terminator { i += 1 }
        return tokens[i].kind == .end
    }

    func error(_ message: String, at token: Token? = nil) -> QueryError {
        QueryError(.syntax, message, at: (token ?? current).range, in: source)
    }

    mutating func expect(_ word: String, _ context: String) throws(QueryError) -> Token {
        guard let t = accept(word) else { throw error("expected '\(word)' \(context), found \(current.display)") }
        return t
    }

    // MARK: Query

    private mutating func parseQuery() throws(QueryError) -> Query {
        tokens = try Lexer(source).tokens()
        if atEnd {
            throw error("empty query; try 'response to NAME', 'who attacked NAME', 'timeline of NAME' or 'events where …'")
        }
        let query = try parseForm()
        while current.kind == .terminator { _ = advance() }
        guard current.kind == .end else {
            throw error("unexpected \(current.display) after the end of the query")
        }
        return query
    }

    private static let fillers: Set<String> = ["show", "list", "find", "give", "me", "get", "all"]
    static let eventPlurals: [String: EventType] = {
        var map: [String: EventType] = [:]
        for t in EventType.allCases { map[t.rawValue + "s"] = t; map[t.rawValue] = t }
        map["attacks"] = .attack; map["bombings"] = .bombing; map["clashes"] = .clash
        map["abductions"] = .abduction; map["kidnappings"] = .abduction; map["killings"] = .killing
        map["raids"] = .operation; map["strikes"] = .bombing; map["airstrikes"] = .bombing
        return map
    }()

    /// One form. "what was …" restarts the form after it: a loop, not a recursion, so that a query of
    /// thousands of "what was" costs no stack.
    private mutating func parseForm() throws(QueryError) -> Query {
        while true {
            if let query = try parseFormStep() { return query }
        }
    }

    /// A form, or nil after a leading "what was" (the form starts again after it).
    private mutating func parseFormStep() throws(QueryError) -> Query? {
        // Leading filler words: "show", "list all", "give me".
        // The fillers are skipped unless they are the whole query ("show all" alone is an empty query);
        // one scan, so that a long run of fillers costs linear time.
        if !atEndAfterFillers {
            while isWord(current, Self.fillers) { _ = advance() }
        }

        // "what was the response to X", "what caused X", "what led to X".
        if at("what") { return try parseWhatForm() }
        _ = accept("the")
        let head = current
        switch head.kind == .word ? head.lower : "" {
        case "response", "responses", "reaction", "reactions", "retaliation", "reply", "replies":
            _ = advance()
            guard accept("to", "for") != nil else {
                throw error("expected 'to' after '\(head.text)', found \(current.display)")
            }
            return .responses(to: try parseReference(after: "\(head.lower) to", stoppingAt: []))
        case "cause", "causes", "reason", "reasons", "trigger", "triggers":
            _ = advance()
            guard accept("of", "for") != nil else {
                throw error("expected 'of' after '\(head.text)', found \(current.display)")
            }
            return .causes(of: try parseReference(after: "\(head.lower) of", stoppingAt: []))
        case "who":
            _ = advance()
            return try parseWhoForm()
        case "timeline", "history":
            _ = advance()
            guard accept("of", "for") != nil else {
                throw error("expected 'of' after '\(head.text)', found \(current.display)")
            }
            return .timeline(of: try parseReference(after: "timeline of", stoppingAt: []))
        case "chain", "chains":
            _ = advance()
            return .chain(try parseChain())
        case "path", "shortest", "route", "connection":
            _ = advance()
            if head.lower == "shortest" { _ = try expect("path", "after 'shortest'") }
            return .path(try parsePath())
        case "neighbours", "neighbors", "neighbourhood", "neighborhood":
            _ = advance()
            return .neighbours(try parseNeighbours())
        case "events", "event":
            _ = advance()
            return .events(try parseEvents(preset: nil))
        case "count", "how", "sum", "total":
            if head.lower == "how" {
                guard peek().kind == .word, peek().lower == "many" else { break }
                _ = advance()
            }
            _ = advance()
            return .aggregate(try parseAggregate(head))
        default:
            break
        }
        if let query = try parsePluralForm(head) { return query }
        throw error("unknown query \(current.display); start with 'response to', 'cause of', 'who attacked', 'attacks by', 'timeline of', 'chain from', 'path from', 'neighbours of', 'events', 'entities', 'count' or 'sum'")
    }

    /// After "what": "what caused X", "what led to X"; nil after "what was" (the form starts again after it).
    private mutating func parseWhatForm() throws(QueryError) -> Query? {
        let what = advance()
        if let _ = accept("caused", "triggered", "provoked", "prompted", "sparked") {
            return .causes(of: try parseReference(after: "what caused", stoppingAt: []))
        }
        if accept("led") != nil {
            _ = try expect("to", "after 'what led'")
            return .causes(of: try parseReference(after: "what led to", stoppingAt: []))
        }
        guard accept("was", "were", "is", "are", "was's") != nil else {
            throw error("expected 'was', 'caused' or 'led to' after 'what', found \(current.display)", at: current.kind == .end ? what : current)
        }
        return nil
    }

    /// After "who": "who attacked X", "who carried out X", "who was behind X".
    private mutating func parseWhoForm() throws(QueryError) -> Query {
        if accept("attacked", "attacks", "attack", "bombed", "targeted", "hit", "struck", "ambushed", "raided", "killed") != nil {
            return .attackers(of: try parseReference(after: "who attacked", stoppingAt: []))
        }
        if accept("carried") != nil {
            _ = try expect("out", "after 'who carried'")
            return .attackers(of: try parseReference(after: "who carried out", stoppingAt: []))
        }
        if accept("was", "is", "were", "are") != nil {
            _ = try expect("behind", "after 'who was'")
            return .attackers(of: try parseReference(after: "who was behind", stoppingAt: []))
        }
        throw error("expected 'attacked' after 'who', found \(current.display)")
    }

    /// A form that starts with a plural: `groups in Kech`, `attacks by X …`, `bombings in Kech`, `attacks per group`.
    private mutating func parsePluralForm(_ head: Token) throws(QueryError) -> Query? {
        // "entities", "groups in Kech", "places where place in Balochistan".
        if head.kind == .word, let preset = Self.entityPlurals[head.lower] {
            let typeToken = advance()
            return .entities(try parseEntities(preset: preset.map { typeCondition($0, typeToken) }))
        }
        // "attacks by X" and other plural event types: "bombings by X", "killings in Kech".
        if head.kind == .word, let type = Self.eventPlurals[head.lower] {
            let typeToken = advance()
            if type == .attack, accept("by", "from") != nil {
                let ref = try parseReference(after: "attacks by", stoppingAt: Self.agentStops)
                return .attacks(by: ref, refinement: atEnd ? nil : try parseEvents(preset: nil))
            }
            let typeCondition = typeCondition(type.rawValue, typeToken)
            // "attacks per group", "killings per month": a count.
            if at("per") {
                var q = AggregateQuery(measure: .count, filter: typeCondition)
                try parseAggregateClauses(&q)
                return .aggregate(q)
            }
            if accept("by", "from") != nil {
                let ref = try parseReference(after: "\(typeToken.lower) by", stoppingAt: Self.agentStops)
                let agent = Condition.comparison(Comparison(field: .agent, op: .equal, values: [Value(text: ref.text, quoted: ref.quoted, range: ref.range)], range: ref.range))
                var tail = atEnd ? EventsQuery() : try parseEvents(preset: nil)
                tail.filter = tail.filter.map { .and(.and(typeCondition, agent), $0) } ?? .and(typeCondition, agent)
                return .events(tail)
            }
            return .events(try parseEvents(preset: typeCondition))
        }
        return nil
    }

    private var atEndAfterFillers: Bool {
        var i = index
        while isWord(tokens[i], Self.fillers) { i += 1 }
        while tokens[i].kind == .terminator { i += 1 }
        return tokens[i].kind == .end
    }

    // MARK: References

    /// A name: one quoted string, or words up to a stop keyword, a punctuation token or the end.
    mutating func parseReference(after context: String, stoppingAt stops: Set<String>) throws(QueryError) -> NameReference {
        // In a structured form a quoted name is complete; in a natural form it may mix with words
        // (`killing of "Sana Baru"`).
        if current.kind == .string, !stops.isEmpty || !(peek().kind == .word || peek().kind == .string) {
            let t = advance()
            try checkNameLength(t.text.count, at: t)
            return NameReference(text: t.text, quoted: true, range: t.range)
        }
        var parts: [Token] = []
        var characters = 0
        while current.kind == .word || current.kind == .string {
            if isWord(current, stops) { break }
            // "… group by agent" in an aggregation.
            if stops.contains("per"), isWord(current, ["group"]), isWord(peek(), ["by"]) { break }
            if parts.count == Self.maxNameWords {
                throw error("a name of more than \(Self.maxNameWords) words; no entity or event has one, so shorten it", at: current)
            }
            characters += current.text.count + 1
            try checkNameLength(characters, at: current)
            parts.append(advance())
        }
        guard let first = parts.first, let last = parts.last else {
            throw error("expected a name after '\(context)', found \(current.display)")
        }
        let length = last.range.start.offset + last.range.length - first.range.start.offset
        return NameReference(text: parts.map(\.text).joined(separator: " "), quoted: false,
                         range: SourceRange(start: first.range.start, length: length))
    }

    /// The longest name a query may give, in words and in characters. Names are matched against every node
    /// name by similarity, so an unbounded name would make answering take time in proportion to its square;
    /// no entity or event name comes near these.
    public static let maxNameWords = 64
    public static let maxNameCharacters = 1_000

    func checkNameLength(_ characters: Int, at token: Token) throws(QueryError) {
        if characters > Self.maxNameCharacters {
            throw error("a name longer than \(Self.maxNameCharacters) characters; no entity or event has one, so shorten it", at: token)
        }
    }

    mutating func parseEvents(preset: Condition?, keys: [OrderKey] = OrderKey.allCases) throws(QueryError) -> EventsQuery {
        var q = EventsQuery(filter: preset)
        // "killings in Kech", "attacks at Kalat": shorthand for `where place in X`.
        if let preposition = accept("in", "at") {
            let ref = try parseReference(after: preposition.lower, stoppingAt: Self.conditionStops)
            let place = Condition.comparison(Comparison(field: .place, op: .in, values: [Value(text: ref.text, quoted: ref.quoted, range: ref.range)], range: ref.range))
            q.filter = q.filter.map { .and($0, place) } ?? place
        }
        if accept("where", "with") != nil {
            let condition = try parseCondition()
            q.filter = q.filter.map { .and($0, condition) } ?? condition
        }
        if at("order", "sorted", "ordered") {
            _ = advance()
            _ = try expect("by", "after 'order'")
            q.order = try parseOrdering(keys)
        } else if accept("by") != nil {
            q.order = try parseOrdering(keys)
        }
        if accept("limit", "top", "first") != nil {
            q.limit = try parseInt(after: "limit", range: 1...Int.max)
        }
        if !atEnd {
            let expected = q.filter == nil ? "'where', 'by' or 'limit'" : q.order.isEmpty ? "'and', 'or', 'by' or 'limit'" : "',' or 'limit'"
            throw error("expected \(expected), found \(current.display)")
        }
        return q
    }

    mutating func parseOrdering(_ keys: [OrderKey] = OrderKey.allCases) throws(QueryError) -> [Ordering] {
        var result: [Ordering] = []
        repeat {
            let t = current
            guard t.kind == .word, let key = OrderKey(rawValue: t.lower == "deaths" || t.lower == "fatalities" ? "killed" : t.lower),
                  keys.contains(key) else {
                throw error("expected an ordering key (\(keys.map(\.rawValue).joined(separator: ", "))) after 'by', found \(t.display)")
            }
            _ = advance()
            var descending = key == .killed || key == .injured || key == .confidence
            if accept("asc", "ascending") != nil { descending = false }
            else if accept("desc", "descending") != nil { descending = true }
            result.append(Ordering(key: key, descending: descending))
        } while current.kind == .comma && { _ = advance(); return true }()
        return result
    }

    mutating func parseEdgeKinds() throws(QueryError) -> [Relation] {
        let source = self.source
        return try parseList(after: "via") { (t) throws(QueryError) -> Relation in
            guard let kind = Relation(queryName: t.text) else {
                throw QueryError(.syntax, "unknown edge kind '\(t.text)'; use a predicate (attacked, located_in, …), responded_to, caused, followed, agent, target or place", at: t.range, in: source)
            }
            return kind
        }
    }

    /// `ITEM {, ITEM}` or `(ITEM {, ITEM})`, each item one word.
    mutating func parseList<T>(after context: String, _ item: (Token) throws(QueryError) -> T) throws(QueryError) -> [T] {
        let parenthesised = current.kind == .leftParen
        if parenthesised { _ = advance() }
        var result: [T] = []
        repeat {
            guard current.kind == .word || current.kind == .string else {
                throw error("expected a name after '\(result.isEmpty ? context : ",")', found \(current.display)")
            }
            result.append(try item(advance()))
        } while current.kind == .comma && { _ = advance(); return true }()
        if parenthesised {
            guard current.kind == .rightParen else { throw error("expected ')' to close the list, found \(current.display)") }
            _ = advance()
        }
        return result
    }

    mutating func parseInt(after context: String, range: ClosedRange<Int>) throws(QueryError) -> Int {
        let t = current
        guard t.kind == .word, let n = Int(t.text) else {
            throw error("expected a number after '\(context)', found \(t.display)")
        }
        guard range.contains(n) else {
            throw QueryError(.invalidValue, "'\(context)' must be at least \(range.lowerBound)\(range.upperBound < Int.max ? " and at most \(range.upperBound)" : ""), found \(n)", at: t.range, in: source)
        }
        _ = advance()
        return n
    }
}
