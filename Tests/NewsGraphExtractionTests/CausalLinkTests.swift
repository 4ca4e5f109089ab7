import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Event–event links that depend on which incident a mention tells: sentences written for these tests, invented
/// names.
@Suite("Causal links")
struct CausalLinkTests: ExtractionSuite {
    @Test("'an attack on Tuesday in which fighters opened fire at X': the clause tells the attack, one event")
    func relativeClauseTellsTheIncident() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Police blame the Tarsk Liberation Front for an attack on Tuesday in which fighters set off explosives and opened fire at the Tarvek arms depot near Kessa.")
        let attacks = g.events.filter { $0.type == .attack }
        #expect(attacks.count == 1)
        let a = try #require(attacks.first)
        #expect(a.agent == ["Tarsk Liberation Front"])
        #expect(a.target.contains { $0.contains("arms depot") })
    }

    @Test("A retaliation for an attack told later through an 'in which' clause answers that one attack")
    func retaliationReachesTheDescribedAttack() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Olem Army has struck camps near Varnok in retaliation for an attack on a depot that killed four guards.\n\nPolice blame the Tarsk Liberation Front for the attack on Tuesday in which fighters opened fire at the Tarvek arms depot near Kessa.")
        let attacks = g.events.filter { $0.type == .attack && $0.agent.contains("Tarsk Liberation Front") }
        let a = try #require(attacks.first)
        #expect(attacks.count == 1)
        #expect(a.target.contains { $0.contains("arms depot") })
        #expect(g.causal.contains { $0.to == a.id && $0.relation == .respondedTo })
    }

    @Test("'the town in which gunmen opened fire': a clause on a place noun tells its own incident")
    func relativeClauseOnAPlaceIsNoIncident() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Olem Army bombed a camp of the Tarsk Liberation Front near Kessa, the town in which gunmen opened fire at a checkpoint on Monday.")
        #expect(g.events.contains { $0.type == .attack })
        #expect(g.events.contains { $0.type == .bombing })
    }

    @Test("'Vell was among the nine killed in an operation': the named person is a victim of that operation")
    func amongTheKilledIsAVictim() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Commander Tarik Vell was among the nine killed in an operation near Kessa, the Olem Army said on Monday.")
        let op = try #require(g.events.first { $0.type == .operation })
        #expect(op.target.contains("Tarik Vell"))
    }

    @Test("A retaliation for the killing of a commander answers the operation he was among the killed of")
    func retaliationForAKillingReachesTheOperation() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Militants stormed a police post in Tarvek on Tuesday, killing six officers.\n\nThe Tarsk Liberation Front said the attack was retaliation for the killing of a senior commander, Tarik Vell, a day before by the Olem Army.\n\nVell was among the nine killed in an operation near Kessa, the Olem Army said on Monday.")
        let attack = try #require(g.events.first { $0.type == .attack })
        let op = try #require(g.events.first { $0.type == .operation })
        #expect(g.causal.contains { $0.from == attack.id && $0.relation == .respondedTo && $0.to == op.id })
        #expect(!g.events.contains { $0.type == .killing })
    }

    static let strikeArticle = "\n date 2024-04-14 Varnok, Apr 14 Explosions were heard in Tarvek on Thursday as the Olem Army confirmed it struck camps of the Tarsk Liberation Front in Tarvek province.\n\nThe move comes two days after the Tarsk Liberation Front launched a barrage of missiles at a base in Kessa."

    @Test("A headline saying the actor hits targets 'in retaliation for' X: its incident 'comes after' X as a response")
    func headlineResponderResponds() throws {
        let g = extract("Olem Army hits targets in Tarvek in retaliation for the Front's missile strikes" + Self.strikeArticle)
        let strike = try #require(g.events.first { $0.agent.contains("Olem Army") })
        let barrage = try #require(g.events.first { $0.agent.contains("Tarsk Liberation Front") })
        #expect(g.causal.contains { $0.from == strike.id && $0.to == barrage.id && $0.relation == .respondedTo })
    }

    @Test("With no response cue, the incident that 'comes after' X only followed it")
    func noResponderOnlyFollows() throws {
        let g = extract("Olem Army hits targets in Tarvek" + Self.strikeArticle)
        let strike = try #require(g.events.first { $0.agent.contains("Olem Army") })
        let barrage = try #require(g.events.first { $0.agent.contains("Tarsk Liberation Front") })
        #expect(g.causal.contains { $0.from == strike.id && $0.to == barrage.id && $0.relation == .followed })
    }

    @Test("'The Front sent suicidal fighters to a camp': sending suicide attackers is the Front's attack")
    func sendingSuicideFightersIsAnAttack() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Tarsk Liberation Front sent suicidal fighters to a security camp near Kessa on Saturday.")
        let a = try #require(g.events.first { $0.type == .attack })
        #expect(a.agent == ["Tarsk Liberation Front"])
        #expect(a.place == "Kessa")
    }

    @Test("'The army sent troops to Kessa': a deployment, no attack")
    func sendingTroopsIsNoAttack() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Olem Army sent troops to Kessa on Saturday.")
        #expect(g.events.isEmpty)
    }

    @Test("'revenge for the three fighters martyred in Kessa', no incident told there: those deaths are the cause")
    func deathsInAPlaceAreTheCause() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen of the Tarsk Liberation Front ambushed an army convoy near Tarvek on Monday, killing six soldiers.\n\nThe Front said in a statement: \"This attack is revenge for the three fighters martyred in Kessa.\"")
        let attack = try #require(g.events.first { $0.type == .attack })
        let killing = try #require(g.events.first { $0.type == .killing })
        #expect(killing.place == "Kessa")
        #expect(g.causal.contains { $0.from == attack.id && $0.to == killing.id && $0.relation == .respondedTo })
    }

    @Test("'revenge for the martyrs of Kessa', an ambush in Kessa told later: the ambush is the cause, no new killing")
    func incidentToldLaterOutranksTheDeaths() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Olem Army bombed a camp near Tarvek on Monday in revenge for the soldiers killed in Kessa.\n\nOn Sunday, gunmen of the Tarsk Liberation Front ambushed an army convoy in Kessa, killing six soldiers.")
        let bombing = try #require(g.events.first { $0.type == .bombing })
        let ambush = try #require(g.events.first { $0.type == .attack })
        #expect(!g.events.contains { $0.type == .killing })
        #expect(g.causal.contains { $0.from == bombing.id && $0.to == ambush.id && $0.relation == .respondedTo })
    }

    @Test("'to avenge the killing of X, a commander who was killed … in an operation': the operation is avenged")
    func appositionVictimOfAnOperation() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Militants of the Tarsk Liberation Front attacked a checkpost near Tarvek on Monday, killing four soldiers.\n\nHe said the assault had been carried out to avenge the killing of Mufti Tarik Vell, a TLF commander who was killed along with three other militants by security forces in an intelligence-based operation in Kessa last Tuesday.")
        let attack = try #require(g.events.first { $0.type == .attack })
        let op = try #require(g.events.first { $0.type == .operation })
        #expect(op.target.contains("Mufti Tarik Vell"))
        #expect(!g.events.contains { $0.type == .killing })
        #expect(g.causal.contains { $0.from == attack.id && $0.to == op.id && $0.relation == .respondedTo })
    }

    @Test("'X, a commander who was killed in an encounter' (no event told there): X is nobody's target")
    func appositionVictimWithoutAFramedEvent() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Soldiers released a photograph of Tarik Vell, a commander of the Front who was killed in an encounter on Wednesday. The army launched an operation in Kessa on Thursday.")
        #expect(!g.events.contains { $0.target.contains("Tarik Vell") })
    }

    @Test("a link stated in the headline and again in the body is one link that keeps both sentences")
    func linkStatedTwiceIsOneLink() throws {
        let g = extract(" date 2025-04-09 Korvin, Apr 9 Olem drone strike kills seven in Kessa following failed raid\n\nOlem forces killed seven people in a drone strike near the Kessa camp on Sunday. The strike came hours after a failed military raid on the Kessa camp.")
        let links = g.causal.filter { $0.relation == .followed }
        #expect(links.count == 1)
        #expect((links.first?.provenance.count ?? 0) == 2)
    }
}
