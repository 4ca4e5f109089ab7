import NewsGraphCore

/// Containment read from the dependency parse: a place described by a place noun "in" another ("X, a town in
/// Y"), a place or facility "located in" another ("X is located in Y", "X village, situated in Y"), a place noun
/// a place owns ("Kenya's capital, Nairobi") and a named division in apposition ("X Township, Y State"). The
/// words are `relation-word` records (place-noun, location-participle).
extension Document {
    /// Every containment the sentence states through a place noun or a location participle.
    func findParsedContainment() {
        for p in sentenceParseTokens() {
            if isRelationWord(p, .placeNoun), label(p) == "appos", mention(atParse: p) == nil { placeNounApposition(p) }
            if isRelationWord(p, .locationParticiple) || isRelationWord(p, .baseParticiple) { locatedIn(p) }
            if isRelationWord(p, .placeNoun) || isRelationWord(p, .seatNoun), mention(atParse: p) == nil { possessedPlaceNoun(p) }
            if label(p) == "appos", isRelationWord(p, .divisionNoun) { placeWithItsDivision(p) }
            else if label(p) == "appos" { placeWithItsContainer(p) }
            if treeChildren(p, ["poss"]).count == 1, let held = placeMention(atParse: p) { placeOwnedByPlace(p, held.entity) }
            if isRelationWord(p, .jurisdictionPreposition), label(p) == "prep" { placeUnderDivision(p) }
        }
    }

    /// The places a phrase names (not generic ones), of type place only.
    func namedPlaces(ofPhrase p: Int) -> [Int] {
        namedEntities(ofPhrase: p).filter { entities[$0].type == .place }
    }

    /// "Kenya's capital, Nairobi", "Nigeria's northern city of Kano", "Sudan's capital Khartoum", "the Nigerien city of
    /// Kessa": a place noun owned by a place (or qualified by its demonym) names a place inside it — by apposition,
    /// by an of-phrase, or as the name it qualifies.
    func possessedPlaceNoun(_ n: Int) {
        var owner = treeChildren(n, ["poss"])
        var held = treeChildren(n, ["appos"]).flatMap { namedPlaces(ofPhrase: $0) }
        held += ofObjects(of: n).flatMap { namedPlaces(ofPhrase: $0) }
        if held.isEmpty, ["compound", "nmod"].contains(label(n)), let h = treeHead(n), h > n, let name = mention(atParse: h),
           entities[name.entity].type == .place {
            held = [name.entity]
            if owner.isEmpty { owner = treeChildren(h, ["poss"]) }
        }
        if held.isEmpty, !owner.isEmpty { held = strayApposedPlace(after: n) }
        var containers = owner.flatMap { namedPlaces(ofPhrase: $0) }
        if containers.isEmpty { containers = countriesOfDemonyms(on: n) }
        // "the Olem city of Tavro": a place compound qualifies the noun (not in "Tavro town of Olem district")
        if containers.isEmpty, isRelationWord(n, .settlementNoun), treeChildren(n, ["det"]).contains(where: { lowerWord($0) == "the" }) {
            containers = treeChildren(n, ["compound"]).compactMap { placeMention(atParse: $0)?.entity }
        }
        addRelation(held.filter { !containers.contains($0) }, .locatedIn, containers, evidence: [n], factor: 0.9)
    }

    /// "Raids on Olem's capital, Tarv'a, …": the place set off by commas right after the noun, which the parser
    /// hung nowhere near it (a name it could not read as a noun), is the noun's apposition all the same.
    func strayApposedPlace(after n: Int) -> [Int] {
        guard let sp = sentenceParse(), n + 2 < sp.tokens.upperBound, lowerWord(n + 1) == ",", let name = placeMention(atParse: n + 2),
              let h = parseHead(of: name.tokens), !["appos", "conj", "pobj", "dobj", "nsubj", "nsubjpass", "compound", "poss"].contains(label(h)),
              name.tokens.upperBound >= sentenceRange.upperBound || tokens[name.tokens.upperBound].kind == .punct else { return [] }
        return [name.entity]
    }

    /// "rockets on a base in Mali's Kessa region": a place a place's possessive qualifies is inside it.
    func placeOwnedByPlace(_ p: Int, _ held: Int) {
        let owners = treeChildren(p, ["poss"]).flatMap { namedPlaces(ofPhrase: $0) }.filter { $0 != held }
        addRelation([held], .locatedIn, owners, evidence: [p], factor: 0.9)
    }

    /// "Rebels seized Maungdaw Township, Rakhine State": a place followed in apposition by a named division holds it.
    func placeWithItsDivision(_ d: Int) {
        guard let h = treeHead(d), let division = mention(atParse: d), entities[division.entity].type == .place,
              let place = placeMention(atParse: h), place.entity != division.entity else { return }
        addRelation([place.entity], .locatedIn, [division.entity], evidence: [h, d], factor: 0.9)
    }

    /// "Gunmen burned a school in the hills of Tavro, Eskar on Monday": a place followed in apposition by another place, closing the
    /// phrase (no list goes on), lies in it.
    func placeWithItsContainer(_ a: Int) {
        guard let syntax, let h = treeHead(a), syntax.conjuncts(of: a).count == 1, syntax.conjuncts(of: h).count == 1,
              let container = mention(atParse: a), entities[container.entity].type == .place, !entities[container.entity].generic,
              let place = placeMention(atParse: h), place.entity != container.entity else { return }
        addRelation([place.entity], .locatedIn, [container.entity], evidence: [h, a], factor: 0.85)
    }

    /// "The raid took place in the Tavro area under Olem upazila": a place is in the division it is said to come under.
    func placeUnderDivision(_ prep: Int) {
        guard let h = treeHead(prep), let place = placeMention(atParse: h) else { return }
        let objects = treeChildren(prep, ["pobj"])
        let divisions = objects.compactMap { placeMention(atParse: $0)?.entity }.filter { $0 != place.entity && !entities[$0].generic }
        addRelation([place.entity], .locatedIn, divisions, evidence: [h] + objects, factor: 0.85)
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
    /// "the Forward Base, 12 Battalion, located in X": a participle hung on an apposition describes what the
    /// apposition names.
    func locatedIn(_ a: Int) {
        guard parseTag(a) == "VBN" || parseTag(a) == "VBG" else { return }
        // "the Front, an affiliate based in Niger": a body is where it is based
        let types: EntityTypes = isRelationWord(a, .baseParticiple) ? [.place, .facility, .group, .unit, .organization] : [.place, .facility]
        var held = describedEntities(a).filter { types.contains(entities[$0].type) }
        if held.isEmpty, label(a) == "acl", let h = treeHead(a), label(h) == "appos", let named = treeHead(h) {
            held = namedEntities(ofPhrase: named).filter { types.contains(entities[$0].type) }
        }
        addRelation(held, .locatedIn, containingPlaces(of: a), evidence: [a], factor: 0.9)
    }
}
