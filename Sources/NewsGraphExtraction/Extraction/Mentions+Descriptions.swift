import NewsGraphCore

/// The body a definite description ("the group", "the army", "the outfit") stands for: an entity told before.
extension Document {
    /// The most recent entity of one of `types` mentioned before byte `before`.
    func recentEntity(_ types: EntityTypes, before: Int, excluding: (Int) -> Bool = { _ in false }) -> Int? {
        var best: (Int, Int)? = nil
        // by index: binding `entities[i]` to a constant would copy (retain and release) each entity's arrays
        for i in entities.indices where types.contains(entities[i].type) && !entities[i].generic && entities[i].lastSeen < before && !excluding(i) {
            let seen = entities[i].lastSeen
            if best == nil || seen > best!.1 { best = (i, seen) }
        }
        return best?.0
    }

    /// "the Indian Army … the CRPF … Following the attack, the army retaliated": the body a definite description
    /// stands for when an entity of its types seen before has a name ending in the description's head word (the
    /// most recent such entity); nil when none has.
    func recentEntity(_ types: EntityTypes, headedBy r: Range<Int>, before: Int) -> Int? {
        guard let last = r.last else { return nil }
        let head = tokenText(last).lowercased()
        return recentEntity(types, before: before) { i in
            entities[i].name.split(separator: " ").last.map { $0.lowercased() != head } ?? true
        }
    }
}
