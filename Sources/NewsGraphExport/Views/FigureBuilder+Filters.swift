import NewsGraphCore

/// The filters of a view (dates, event types, place, entity) and name lookups.
extension Builder {
    // MARK: - Filters

    /// The events the filters keep, or nil when no filter restricts events.
    func allowedEvents() throws(FigureError) -> Set<NodeID>? {
        let f = o.filter
        guard f.isActive else { return nil }
        var events: Set<NodeID>
        if f.from != nil || f.to != nil {
            for d in [f.from, f.to].compactMap({ $0 }) where !Builder.isISODate(d) {
                throw FigureError("dates must be written YYYY-MM-DD (got '\(d)')")
            }
            if let a = f.from, let b = f.to, a > b {
                throw FigureError("--from \(a) is after --to \(b); swap them")
            }
            guard let dated = g.events(from: f.from, through: f.to) else {
                throw FigureError("dates must be written YYYY-MM-DD (got --from \(f.from ?? "-") --to \(f.to ?? "-"))")
            }
            events = Set(dated)
        } else {
            events = Set(g.eventIDs)
        }
        if !f.eventTypes.isEmpty {
            events = events.filter { g.eventType(of: $0).map(f.eventTypes.contains) ?? false }
        }
        if let p = f.place {
            let places = try resolvePlaces(p)
            events = events.filter { e in
                if let pl = g.event(e)?.place, places.contains(pl) { return true }
                return g.neighbours(of: e, relation: .role(.place), direction: .outgoing).contains(where: places.contains)
            }
        }
        if let name = f.entity {
            let x = try resolveEntity(name)
            let involved = Set(g.neighbours(of: x).filter { g.isEvent($0) })
            events = events.intersection(involved)
        }
        return events
    }

    static func isISODate(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { u[$0] >= 48 && u[$0] <= 57 }
    }

    /// An entity by name; errors say what was found instead.
    func resolveEntity(_ name: String) throws(FigureError) -> NodeID {
        // The very name first (lookup normalises, and a name like "_" normalises to nothing).
        let verbatim = g.entityIDs.filter { g.name(of: $0) == name }
        if verbatim.count == 1 { return verbatim[0] }
        let exact = g.lookup(name, kind: .entity)
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 {
            let list = exact.prefix(6).map { "\(g.name(of: $0)) (\(g.entityType(of: $0)?.rawValue ?? "?"))" }.joined(separator: ", ")
            throw FigureError("'\(name)' names \(exact.count) entities: \(list); give the full name")
        }
        let partial = g.lookupPartial(name, kind: .entity)
        if partial.count == 1 { return partial[0] }
        if partial.isEmpty {
            throw FigureError("no entity called '\(name)' in the graph; check the spelling or list entities with a query")
        }
        let list = partial.prefix(6).map { g.name(of: $0) }.joined(separator: ", ")
        throw FigureError("'\(name)' is not an entity name; did you mean: \(list)?")
    }

    /// A place and every place located in it (transitively).
    func resolvePlaces(_ name: String) throws(FigureError) -> Set<NodeID> {
        var roots = g.lookup(name, kind: .entity, type: .place)
        if roots.isEmpty { roots = g.lookupPartial(name, kind: .entity, type: .place) }
        guard !roots.isEmpty else {
            throw FigureError("no place called '\(name)' in the graph; check the spelling")
        }
        var out = Set(roots)
        var queue = roots
        while let p = queue.popLast() {
            for sub in g.neighbours(of: p, relation: .triple(.locatedIn), direction: .incoming) where out.insert(sub).inserted {
                queue.append(sub)
            }
        }
        return out
    }
}
