import NewsGraphCore

/// Affiliations a sentence states without a relational noun between the two sides: a body named after the
/// body it belongs to ("the Kestrel Front Iron Brigade").
extension Document {
    /// Every affiliation of the sentence.
    func findAffiliationRelations() {
        for m in mentions { bodyNamedAfterBody(m) }
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
