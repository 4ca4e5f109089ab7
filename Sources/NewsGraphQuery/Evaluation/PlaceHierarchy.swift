import Foundation
import NewsGraphCore

/// Background knowledge of which place lies in which ("Kech is in Balochistan"), beyond the `located_in` facts
/// of the graph: for example the PARENT field of a lexicon's `entity` records.
///
/// A place filter (`place in Balochistan`, `events in Balochistan`, `timeline of Balochistan`) matches the place,
/// every place `located_in` it in the graph, and every place this hierarchy puts inside it, transitively. Names
/// are matched to the graph's place entities by normalised name or alias.
///
/// ```swift
/// var places = PlaceHierarchy()
/// places.add("Kech", aliases: ["Turbat district"], in: "Balochistan")
/// let engine = QueryEngine(graph: graph, places: places)
/// ```
public struct PlaceHierarchy: Sendable, Hashable {
    /// Normalised key of a parent's name → the names (name, then aliases) of the places directly inside it.
    private var children: [String: [[String]]] = [:]

    /// An empty hierarchy: containment comes from the graph's `located_in` facts only.
    public init() {}

    /// Whether the hierarchy holds no place.
    public var isEmpty: Bool { children.isEmpty }

    /// How many containment records it holds.
    public var count: Int { children.values.reduce(0) { $0 + $1.count } }

    /// Records that `place` (also known as `aliases`) lies in `parent`.
    public mutating func add(_ place: String, aliases: [String] = [], in parent: String) {
        let key = NameNormalizer.key(parent)
        guard !key.isEmpty, NameNormalizer.key(place) != key else { return }
        children[key, default: []].append([place] + aliases)
    }

    /// The names of the places directly inside a place known by any of `names`.
    func children(of names: [String]) -> [[String]] {
        var out: [[String]] = []
        var seen: Set<String> = []
        for name in names where seen.insert(NameNormalizer.key(name)).inserted {
            out.append(contentsOf: children[NameNormalizer.key(name)] ?? [])
        }
        return out
    }
}

/// A place hierarchy read on first use (a lexicon is read only by queries that filter by place), then kept.
final class LazyPlaceHierarchy: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: PlaceHierarchy?
    private let load: @Sendable () -> PlaceHierarchy

    init(_ load: @escaping @Sendable () -> PlaceHierarchy) {
        self.load = load
    }

    var hierarchy: PlaceHierarchy {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let value = load()
        loaded = value
        return value
    }
}

extension NameResolver {
    /// A place and every place or facility inside it, transitively (the place first), breadth-first: the graph's
    /// `located_in` facts and the engine's `PlaceHierarchy`.
    func placesWithin(_ place: NodeID, limit: Int = 100_000) -> [NodeID] {
        var seen: Set<NodeID> = [place]
        var order = [place]
        let places = graph.entityType(of: place) == .place ? placeSource?.hierarchy ?? PlaceHierarchy() : PlaceHierarchy()
        var i = 0
        while i < order.count, order.count < limit {
            let node = order[i]
            for eid in graph.edgeIDs(of: node, relation: .triple(.locatedIn), direction: .incoming) {
                let s = graph.endpoints(of: eid).source
                if seen.insert(s).inserted { order.append(s) }
            }
            if !places.isEmpty, let entity = graph.entity(node), entity.type == .place {
                for forms in places.children(of: [entity.name] + entity.aliases) {
                    for form in forms {
                        for s in graph.lookupExact(form, kind: .entity, type: .place) where seen.insert(s).inserted {
                            order.append(s)
                        }
                    }
                }
            }
            i += 1
        }
        return order
    }
}
