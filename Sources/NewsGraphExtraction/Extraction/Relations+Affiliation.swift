import NewsGraphCore

/// Affiliations a sentence states without a relational noun between the two sides: a body named after the
/// body it belongs to ("the Kestrel Front Iron Brigade"), partners of a joint action ("their joint operation with
/// the Eskar police").
extension Document {
    /// Every affiliation of the sentence.
    func findAffiliationRelations() {
        for m in mentions { bodyNamedAfterBody(m); unitNamedRightAfterBody(m) }
        for p in sentenceParseTokens() where isRelationWord(p, .jointModifier) && label(p) == "amod" {
            if let n = treeHead(p) { jointActionPartners(n, evidence: p) }
        }
    }

    /// "The army said the raid came during their joint operation with the Eskar police", "the Front
    /// launched a joint offensive with the Kestrel Front": the owner of a joint action (its possessor, else the
    /// subject of its clause) is allied with the partner named by "with".
    func jointActionPartners(_ n: Int, evidence p: Int) {
        // ("launched a joint offensive with Y": the parser may hang the partner on the verb)
        let holders = label(n) == "dobj" ? [n] + (treeHead(n).map { [$0] } ?? []) : [n]
        let withs = holders.flatMap { prepositionObjects(of: $0, .partnerPreposition) }
        let partners = withs.flatMap { relationEntities(ofPhrase: $0) }.filter { canHoldStance($0) }
        guard !partners.isEmpty else { return }
        var owners = ownerByPossessor(n, generic: false)
        if owners.isEmpty, let v = syntax?.governingVerb(of: n), v != n { owners = stanceSubjects(of: v) }
        addRelation(owners.filter { canHoldStance($0) }, .alliedWith, partners, evidence: [n, p] + withs, factor: 0.85)
    }

    /// "Officers of the Tarsk Liberation Front (TLF) Iron Brigade were killed": a unit named (by a sub-unit head) right
    /// after another body, its bracketed acronym between, is one of that body's units, as when one name holds the other.
    func unitNamedRightAfterBody(_ m: Mention) {
        let e = m.entity
        let r = sentenceRange
        guard Document.subUnitTypes.contains(entities[e].type), !entities[e].generic, !m.anaphoric else { return }
        var end = m.tokens.lowerBound
        // (the acronym may be left out of the body's mention)
        if !mentions.contains(where: { $0.tokens.upperBound == end }), end - 1 > r.lowerBound, key(end - 1) == w.closeParen,
           let open = (max(r.lowerBound, end - 5)..<(end - 1)).last(where: { key($0) == w.openParen }) { end = open }
        guard let body = mentions.last(where: { $0.tokens.upperBound == end && $0.tokens.lowerBound < m.tokens.lowerBound }),
              body.entity != e, Document.orgTypes.contains(entities[body.entity].type), !entities[body.entity].generic, !body.anaphoric,
              suffixHeadOfEntity(e) || isLexiconParent(body.entity, of: e) else { return }
        // (one name read as two mentions: "the Kessa 5th Battalion", a formation numbered within the body's name)
        if Names.normalize(entities[e].name).hasPrefix(Names.normalize(entities[body.entity].name) + " ") { return }
        if let first = text[tokens[m.tokens.lowerBound].range].first, first >= 0x30, first <= 0x39 { return }
        addTriple(e, .partOf, body.entity, bytes: body.bytes.lowerBound..<m.bytes.upperBound, confidence: 0.8 * sentenceHedge * 0.8)
    }

    /// Whether the lexicon records `body` as the parent of `unit` (an `entity` record's parent column).
    func isLexiconParent(_ body: Int, of unit: Int) -> Bool {
        guard let li = entities[unit].lexiconIndex, let parent = lexicon.entities[li].parent, let bl = entities[body].lexiconIndex else { return false }
        return lexicon.entityIndex(named: parent) == bl
    }

    /// "The Kestrel Front Iron Brigade said …", "the TLF Fifth Battalion" (after "the Tarsk Liberation Front (TLF)"):
    /// a body whose name begins with the name of another body of the article is one of its units.
    func bodyNamedAfterBody(_ m: Mention) {
        let e = m.entity
        guard Document.subUnitTypes.contains(entities[e].type), !entities[e].generic, !m.anaphoric else { return }
        let words = entities[e].name.split(separator: " ")
        guard words.count >= 2 else { return }
        for n in stride(from: words.count - 1, through: 1, by: -1) {
            guard let o = entityByForm[Names.normalize(words[0..<n].joined(separator: " "))], o != e,
                  Document.orgTypes.contains(entities[o].type), !entities[o].generic else { continue }
            addTriple(e, .partOf, o, bytes: m.bytes, confidence: 0.8 * sentenceHedge * 0.8)
            return
        }
    }
}
