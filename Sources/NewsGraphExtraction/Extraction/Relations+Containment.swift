import NewsGraphCore

/// Containment read from the dependency parse: a place described by a place noun "in" another ("X, a town in
/// Y") and a place or facility "located in" another ("X is located in Y", "X village, situated in Y"). The
/// words are `relation-word` records (place-noun, location-participle).
extension Document {
    /// Every containment the sentence states through a place noun or a location participle.
    func findParsedContainment() {
        for p in sentenceParseTokens() {
            if isRelationWord(p, .placeNoun), label(p) == "appos", mention(atParse: p) == nil { placeNounApposition(p) }
            if isRelationWord(p, .locationParticiple) { locatedIn(p) }
        }
    }

    /// The places an "in" or "within" preposition of `p` names.
    func containingPlaces(of p: Int) -> [Int] {
        treeChildren(p, ["prep"]).filter { ["in", "within", "inside"].contains(lowerWord($0)) }
            .flatMap { treeChildren($0, ["pobj"]) }
            .flatMap { namedEntities(ofPhrase: $0) }
            .filter { entities[$0].type == .place }
    }

    /// "Fighting reached Tolvi, a town in Eskar province": the apposition's place is in the place after "in".
    func placeNounApposition(_ n: Int) {
        guard let h = treeHead(n) else { return }
        let held = namedEntities(ofPhrase: h).filter { [.place, .facility].contains(entities[$0].type) }
        addRelation(held, .locatedIn, containingPlaces(of: n), evidence: [h, n], factor: 0.9)
    }

    /// "Tolvi is located in Eskar province", "in nearby Varnok village, situated in Kalden district".
    func locatedIn(_ a: Int) {
        guard parseTag(a) == "VBN" || parseTag(a) == "VBG" else { return }
        let held = describedEntities(a).filter { [.place, .facility].contains(entities[$0].type) }
        addRelation(held, .locatedIn, containingPlaces(of: a), evidence: [a], factor: 0.9)
    }
}
