import NewsGraphCore

/// Which of two places told for one incident is the more specific: news writing names the region in the lead and
/// the village or valley further down ("… in Varnok province. … The fighters stormed a camp in the Olem valley").
extension Document {
    /// Whether place `p` names the incident's location more finely than `current`: a place inside it; any place
    /// below country level against a country; any place that is neither a country nor a first-level subdivision
    /// (a province, state or region of the bundled gazetteer) against a first-level subdivision, unless the
    /// gazetteer puts it elsewhere.
    func isFinerPlace(_ p: Int, than current: Int) -> Bool {
        guard p != current else { return false }
        if contained(p, in: current) { return true }
        if isCountry(current) { return !isCountry(p) }
        // (not inside `current`, as asked above: a place the gazetteer gives a parent is elsewhere)
        guard isFirstLevelSubdivision(current), !isCountry(p), !isFirstLevelSubdivision(p) else { return false }
        return !hasGazetteerParent(p)
    }

    /// A first-level subdivision of the bundled gazetteer: a place whose parent is a country.
    func isFirstLevelSubdivision(_ e: Int) -> Bool {
        guard entities[e].type == .place, let li = entities[e].lexiconIndex, let parent = lexicon.entities[li].parent,
              let country = lexicon.entity(named: parent) else { return false }
        return country.type == .place && country.parent == nil
    }

    /// Whether the gazetteer gives place `p` a containing place.
    func hasGazetteerParent(_ p: Int) -> Bool {
        entities[p].lexiconIndex.map { lexicon.entities[$0].parent != nil } ?? false
    }
}
