import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Event–event links of the twelfth session: responses announced in reported speech and the tree's reading of
/// sequence cues. Sentences written for these tests, invented names.
@Suite("Causal responses")
struct CausalResponseTests: ExtractionSuite {
    func link(_ g: ArticleGraph, from: EventType, to: EventType) -> ExtractedCausalLink? {
        let ids = Dictionary(uniqueKeysWithValues: g.events.map { ($0.id, $0.type) })
        return g.causal.first { ids[$0.from] == from && ids[$0.to] == to }
    }

    @Test("'the army, supported by police, retaliated': an armed actor fighting back is a clash answering the attack on it")
    func retaliatingForceIsAClash() throws {
        let g = extract(" date 2024-07-09 Varnok, Jul 9 Gunmen ambushed a patrol of the Olem Army near Kessa on Monday. Following the attack, the gunmen fled into the forest, while the army, supported by police, retaliated.")
        let clash = try #require(g.events.first { $0.type == .clash })
        #expect(clash.agent == ["Olem Army"])
        let l = try #require(link(g, from: .clash, to: .attack))
        #expect(l.relation == .respondedTo)
        // a vow or a denial to retaliate is no clash
        for told in ["The army vowed to retaliate.", "The army did not retaliate."] {
            let h = extract(" date 2024-07-09 Varnok, Jul 9 Gunmen ambushed a patrol of the Olem Army near Kessa on Monday. \(told)")
            #expect(!h.events.contains { $0.type == .clash }, "\(told)")
        }
    }

    @Test("A response and a sequence found for two tellings joined into one incident are one link: the response")
    func joinedTellingsKeepTheResponse() throws {
        let g = extract(" date 2024-07-09 Follow us on Image Source : VARNOK TV Terrorists ambushed a patrolling party in the remote Tarvek area of Kessa district\n\nKessa terror attack: The Tarsk Liberation Front has claimed responsibility for the attack on the Olem Army convoy in the remote Tarvek area of Kessa district. Five soldiers were killed.\n\nFollowing the attack, the terrorists fled into the nearby forest, while the army, supported by police and paramilitary personnel, retaliated.")
        let clash = try #require(g.events.first { $0.type == .clash })
        let links = g.causal.filter { $0.from == clash.id }
        #expect(links.count == 1)
        #expect(links.first?.relation == .respondedTo)
    }

    @Test("'on a mission to hunt down persons connected with the attack': the pursuers' operation answers the attack")
    func pursuitAnswersTheIncident() throws {
        let g = extract(" date 2024-11-30 Varnok, Nov 30 Soldiers of the Olem Army raided the house of Tarik Vell in Kessa on Thursday.\n\nWitnesses say the soldiers were on a mission to hunt down persons connected with the November 6 attack on a police post in Tarvek.")
        let l = try #require(link(g, from: .operation, to: .attack))
        #expect(l.relation == .respondedTo)
        // the operation of the same sentence, the event named in a phrase the parser hung on the verb
        let h = extract(" date 2024-11-30 Varnok, Nov 30 Olem troops launched an operation in Kessa on Thursday to track down the gunmen behind the ambush on a police post in Tarvek.")
        #expect(link(h, from: .operation, to: .attack)?.relation == .respondedTo)
        // an operation that pursues no one answers nothing
        let k = extract(" date 2024-11-30 Varnok, Nov 30 Gunmen attacked a police post in Tarvek on Monday.\n\nOlem troops launched an operation in Kessa on Thursday to secure the road to the border.")
        #expect(link(k, from: .operation, to: .attack) == nil)
    }

    @Test("A retaliatory attack is never the incident it answers: 'The retaliatory attack by the Olem Army' is a new attack")
    func responseIsNotTheIncidentItAnswers() throws {
        let g = extract(" date 2024-07-09 Varnok, Jul 9 A police post in Kessa was attacked on Monday night.\n\nThe retaliatory attack by the Olem Army killed five militants on Tuesday.")
        let first = try #require(g.events.first { $0.place == "Kessa" })
        #expect(first.agent.isEmpty)
        let response = try #require(g.events.first { $0.agent == ["Olem Army"] })
        #expect(g.causal.contains { $0.from == response.id && $0.relation == .respondedTo && $0.to == first.id })
    }

    @Test("A country's retaliation answers the strike on its soil before a clash its troops fought")
    func retaliationAnswersTheStrikeOnItsSoil() throws {
        let g = extract(" date 2025-05-07 Islamabad, May 7 India struck several sites in Muzaffarabad on Tuesday night.\n\nLater, Pakistani troops clashed with Indian troops along the Line of Control.\n\nPakistan carried out a retaliatory attack on an Indian army post on Wednesday.")
        let strike = try #require(g.events.first { $0.place == "Muzaffarabad" })
        let response = try #require(g.events.first { $0.agent == ["Pakistan"] })
        #expect(g.causal.contains { $0.from == response.id && $0.relation == .respondedTo && $0.to == strike.id })
    }

    @Test("'In response to the incident, …': the response answers the incident the article leads with, not the last told")
    func responseToTheIncidentIsTheLead() throws {
        let g = extract(" date 2024-11-12 Varnok, Nov 12 Gunmen of the Tarsk Liberation Front attacked a police post in Kessa on Monday.\n\nThe Olem Defence Forces carried out a retaliatory attack near Tarvek.\n\nSecurity operations were launched in Tarvek on Tuesday.\n\nIn response to the incident, the district magistrate imposed a curfew.")
        let attack = try #require(g.events.first { $0.type == .attack && $0.place == "Kessa" })
        let curfew = try #require(g.events.first { $0.type == .statement })
        #expect(g.causal.contains { $0.from == curfew.id && $0.relation == .respondedTo && $0.to == attack.id })
        // a described cause that says what it was keeps answering the incident last told
        let h = extract(" date 2024-11-12 Varnok, Nov 12 Gunmen of the Tarsk Liberation Front attacked a police post in Kessa on Monday.\n\nThe Olem Defence Forces killed a commander of the Front in Tarvek on Tuesday.\n\nIn response to the killing, the Front declared a week of mourning.")
        #expect(!h.causal.contains { $0.to == attack.id && $0.relation == .respondedTo })
    }

    @Test("'X stated that Kessa would retaliate to the attack': X's vow responds to the attack")
    func reportedResponseIsAVow() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Tarsk Liberation Front attacked a police post in Kessa on Sunday.\n\nGeneral Tarik Vell stated on Monday that Kessa would retaliate to the attack on the post.")
        let vow = try #require(g.events.first { $0.type == .statement })
        #expect(vow.agent.contains("Tarik Vell"))
        let l = try #require(link(g, from: .statement, to: .attack))
        #expect(l.relation == .respondedTo)
    }

    @Test("'Kessa will respond to the attack, X said' twice: one vow of response")
    func repeatedVowIsOneStatement() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Tarsk Liberation Front attacked a police post in Kessa on Sunday.\n\nGeneral Tarik Vell stated on Monday that Kessa would retaliate to the attack on the post.\n\nKessa will respond to the attack, General Tarik Vell said.")
        #expect(g.events.filter { $0.type == .statement }.count == 1)
        #expect(g.causal.filter { $0.relation == .respondedTo }.count == 1)
    }

    @Test("'X said Kessa had responded to the attack': a report of the past, no vow")
    func pastResponseIsNoVow() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Tarsk Liberation Front attacked a police post in Kessa on Sunday.\n\nGeneral Tarik Vell said that Kessa had responded to the attack on the post.")
        #expect(link(g, from: .statement, to: .attack) == nil)
    }

    @Test("'… as the council swore in a governor following clashes': the cue orders the swearing-in, not the attack")
    func sequenceCueOnAnotherAct() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen of the Tarsk Liberation Front attacked a police post in Kessa on Sunday.\n\nThe attack came as the Olem council swore in a new governor following clashes between the Eskar Cartel and the Olem Defence Forces in Tarvek.")
        #expect(link(g, from: .attack, to: .clash) == nil)
    }

    @Test("'The attack came a day after clashes …': the attack followed the clashes")
    func sequenceCueOnTheIncident() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen of the Tarsk Liberation Front attacked a police post in Kessa on Sunday.\n\nThe attack came a day after clashes between the Eskar Cartel and the Olem Defence Forces in Tarvek.")
        let l = try #require(link(g, from: .attack, to: .clash))
        #expect(l.relation == .followed)
    }

    @Test("'… in response to the Front's targeting of Varnok with hundreds of rockets in retaliation for the raid': the rockets answer the raid, not the bombing")
    func responseCueOnANoun() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Olem jets bombed a depot in Kessa on Sunday as part of the expected response to the Front's targeting of Varnok with hundreds of rockets in retaliation for the raid on its camp in Tarvek.")
        #expect(g.causal.isEmpty)
    }

    @Test("'in retaliation for an ambush two days earlier', nothing to join it by: not the attack on the bus told before")
    func indefiniteCauseIsItsOwnIncident() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen attacked a bus near Tarvek on Saturday.\n\nThe Tarsk Liberation Front attacked a police post in Kessa on Sunday in retaliation for an ambush two days earlier.")
        #expect(g.causal.isEmpty)
    }

    @Test("'The attack led the district administration to impose a curfew': the curfew took place, the attack caused it")
    func causedInfinitiveTookPlace() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen of the Tarsk Liberation Front attacked a police post in Kessa on Monday.\n\nThe attack led the Kessa district administration to impose a curfew across the town on Monday evening.")
        let curfew = try #require(g.events.first { $0.type == .statement })
        #expect(curfew.agent == ["Kessa district administration"])
        let l = try #require(link(g, from: .attack, to: .statement))
        #expect(l.relation == .caused)
    }
}
