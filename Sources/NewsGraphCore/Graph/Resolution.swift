// Entity and event resolution across articles.
//
// Resolution is a pure function of the set of articles and the analyst overrides: records are numbered in
// article-id order, candidate links are generated from blocking keys and applied in a canonical order
// (rule strength, then record order) by a union–find that refuses unions that would break a constraint
// (Kruskal style). So the result never depends on the order in which articles were ingested.
//
// Entities: elements are records (one per article entity) and distinct normalised forms (type + key).
// A record joins the forms of its name and aliases (rules `name`/`alias`); forms join other forms by
// `acronym`, `fuzzy` and, for persons, `partialName`. Constraints: a cluster never holds two different
// records of one article, never crosses an analyst split, and a person never joins a person whose
// affiliation (member_of / spokesperson_of / leader_of) is known and disjoint. Types never mix.
//
// Events: elements are event records; `eventAttributes` (type, date ±1, place, a shared participant) and
// `eventID` (same local id and type, agreeing and not conflicting on date/place/participants). Constraints:
// one record per article, dates within one day, places equal or directly contained (located_in).
//
// Files: this driver; `EntityForms` (forms and their copies), `Resolution+Entities`, `Resolution+Events`,
// `ConstrainedUnionFind` (constraints, forced merges, node numbering), `RecordLocator`.

struct MergeData: Sendable {
    var rule: ResolutionRule
    var recA: Int32
    var recB: Int32
    /// Form elements involved (entity rules), or -1.
    var formA: Int32
    var formB: Int32
}

struct ResolutionResult: Sendable {
    var entityNodeOfRecord: [Int32] = []
    var entityNodeCount = 0
    var eventNodeOfRecord: [Int32] = []
    var eventNodeCount = 0
    var entityMerges: [MergeData] = []
    var eventMerges: [MergeData] = []
    /// Representative surface of each form (indexed by form number, i.e. element - entity record count).
    var formSurface: [String] = []
    /// Global record numbering: first global entity / event record of each chunk (+ total at the end).
    var entityBase: [Int32] = []
    var eventBase: [Int32] = []
}

/// A candidate union of two elements by a rule; links are applied in (rank, a, b) order.
struct Link {
    var rank: UInt8
    var a: Int32
    var b: Int32
    var rule: ResolutionRule
}

enum Resolver {
    /// Resolves entities and events of `chunks` (sorted by article id) under `overrides`.
    static func resolve(_ chunks: [ArticleChunk], overrides: [ResolutionOverride]) -> ResolutionResult {
        var result = ResolutionResult()
        var eb: [Int32] = [], vb: [Int32] = []
        var ne: Int32 = 0, nv: Int32 = 0
        for c in chunks {
            eb.append(ne); vb.append(nv)
            ne += Int32(c.entities.count); nv += Int32(c.events.count)
        }
        eb.append(ne); vb.append(nv)
        result.entityBase = eb
        result.eventBase = vb
        let locator = RecordLocator(chunks: chunks, entityBase: eb, eventBase: vb)
        resolveEntities(chunks, locator: locator, overrides: overrides, into: &result)
        resolveEvents(chunks, locator: locator, overrides: overrides, into: &result)
        return result
    }
}
