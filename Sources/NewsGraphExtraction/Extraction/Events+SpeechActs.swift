import NewsGraphCore

/// Article-level joins of statements: one speech act told again later in the article.
extension Document {
    /// "In a statement, the Olem Army accused the Tarsk Liberation Front of the raid. … The Olem Army also accused
    /// Omar Dask of backing the group": a speaker told again with the same statement verb, in a later sentence,
    /// tells one statement (its accusations are one act); a speaker's other verb ("threatened", "denied") is
    /// another act. Statements a causal link keeps apart stay apart.
    func joinRepeatedStatements() {
        let statements = events.indices.filter { !events[$0].dropped && events[$0].type == .statement }
            .sorted { events[$0].firstByte < events[$1].firstByte }
        for (n, k) in statements.enumerated() where !events[k].dropped {
            for e in statements[..<n] where !events[e].dropped && sameStatementVerb(e, k) && !linkedCausally(e, k) {
                guard sameSpeaker(events[e].agent, events[k].agent) else { continue }
                joinIncident(k, into: e, reason: "the same speaker with the same statement verb: one speech act told again")
                break
            }
        }
    }

    /// Whether two statements are told by the same verb form ("accused" … "accused", "had announced" …
    /// "had announced").
    func sameStatementVerb(_ a: Int, _ b: Int) -> Bool {
        Names.firstWord(Names.lowercased(events[a].trigger)) == Names.firstWord(Names.lowercased(events[b].trigger))
    }
}
