import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Agents read from words of involvement and from denials reported by a named speaker (sentences written for these
/// tests, invented names).
@Suite("Agent involvement")
struct AgentInvolvementTests: ExtractionSuite {
    @Test("'X did not participate in the attack': a denied frame gives the attack no agent; 'X participated in' does")
    func deniedFrameNamesNoAgent() throws {
        let denied = extract(" date 2024-11-12 Varnok, Nov 12 An official told Eskar News that the Tarsk Liberation Front did not participate in the attack on a police post in Kessa on Monday.")
        let attack = try #require(denied.events.first { $0.type == .attack })
        #expect(!attack.agent.contains("Tarsk Liberation Front"))
        let stated = extract(" date 2024-11-12 Varnok, Nov 12 An official told Eskar News that the Tarsk Liberation Front participated in the attack on a police post in Kessa on Monday.")
        #expect(stated.events.first { $0.type == .attack }?.agent.contains("Tarsk Liberation Front") == true)
    }

    @Test("'X and Y, said to be involved in the incursion': the subject said to be involved carried the event out")
    func involvedSubjectCarriesOutTheEvent() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 The Tarsk Liberation Front and the Eskar Cartel — made up of exiled fighters — said to be involved in a cross-border incursion in the Kessa region.")
        let e = try #require(g.events.first { $0.type == .attack })
        #expect(e.agent.contains("Tarsk Liberation Front"))
        #expect(e.agent.contains("Eskar Cartel"))
    }

    @Test("'X was not involved in the raid' makes X no agent of the raid")
    func negatedInvolvementGivesNoAgent() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 Kessa police said the Tarsk Liberation Front was not involved in the raid on the Varnok market on Monday.")
        #expect(!g.events.contains { $0.type != .statement && $0.agent.contains("Tarsk Liberation Front") })
    }

    @Test("'P, an adviser, said that Norway had nothing to do with it': the denial is the named speaker's, not Norway's")
    func reportedDenialIsTheSpeakers() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 Gunmen attacked a post in Kessa on Monday. The president's adviser, Tarik Vell, said on Sunday that Norway had “nothing to do with it” and blamed smugglers.")
        #expect(g.events.contains { $0.type == .statement && $0.agent == ["Tarik Vell"] })
        #expect(!g.events.contains { $0.type == .statement && $0.agent.contains("Norway") })
    }

    @Test("'it' after 'an official told Eskar News that …' does not stand for the news outlet told")
    func pronounSkipsTheNewsOutletTold() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 The Tarsk Front attacked a post in Kessa on Monday. A police official told Eskar News that the raid lasted two hours. It also attacked a convoy near Tarvek on Tuesday.")
        #expect(!g.events.contains { $0.agent.contains("Eskar News") })
        #expect(g.events.contains { $0.place == "Tarvek" && $0.agent == ["Tarsk Front"] })
    }

    @Test("'… that Norway did not take part. However, it carried out air strikes': 'it' stands for the country last named as a subject")
    func pronounStandsForTheActingCountry() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 Gunmen attacked a post in Kessa on Monday. A defence official told Eskar News that Norway did not take part in the raid. However, it carried out separate air strikes on Tarvek on Sunday.")
        let e = try #require(g.events.first { $0.type == .bombing })
        #expect(e.agent == ["Norway"])
    }

    @Test("'additional airstrikes' by the same actor are another incident, not the raids told before")
    func additionalStrikesAreAnotherIncident() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 Norway carried out air raids on Tarvek on Monday. Tarvek sources said 16 people were wounded in those Norway strikes. Local media also reported additional Norway airstrikes in Tarvek and seven more in Kessa.")
        #expect(g.events.filter { $0.type == .bombing }.count == 2)
    }

    @Test("'According to the Front's statement, fighters raided Kessa': the group telling its own act carried it out")
    func groupTellingItsOwnActIsTheAgent() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 According to the Tarsk Front's statement, fighters raided Kessa on Sunday, killing four villagers.")
        let e = try #require(g.events.first { $0.type == .attack })
        #expect(e.agent == ["Tarsk Front"])
    }

    @Test("'According to the Olem police, fighters raided Kessa': a force telling of others' act is no agent of it")
    func forceReportingOthersActIsNoAgent() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 According to the Olem police, fighters raided Kessa on Sunday, killing four villagers.")
        #expect(!g.events.contains { $0.agent.contains("Olem police") })
    }

    @Test("'he masterminded the ambush': the person who masterminded an attack is its agent")
    func mastermindIsTheAgent() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 Security forces killed the Tarsk commander Tarik Vell on Monday. In 2010, he masterminded the ambush on police in Kessa.")
        let e = try #require(g.events.first { $0.type == .attack })
        #expect(e.agent == ["Tarik Vell"])
    }

    @Test("A body's statement takes its spokesperson named speaking in the next sentence")
    func spokespersonSpeakingNextJoinsTheStatement() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 The army said it killed 300 fighters of the Tarsk Front in Kessa. Tarsk Front representatives have strongly disputed the army's casualty count. Tarsk Front spokesperson Omar Dask told reporters that fewer than 30 of their fighters had died.")
        let e = try #require(g.events.first { $0.type == .statement && $0.agent.contains("Tarsk Front") })
        #expect(e.agent.contains("Omar Dask"))
    }

    @Test("Forces deployed in the sentence right after an operation told without its forces carry it out")
    func deployedForcesCarryOutTheOperation() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 Gunmen attacked a police post near Nairobi on Monday, killing two officers. Security operations are ongoing around Nairobi to identify any remaining militants. In this regard, reinforcement units from the Olem Army and the Kessa Rangers have been deployed to secure the region.")
        let e = try #require(g.events.first { $0.type == .operation })
        #expect(e.agent.contains("Olem Army"))
        #expect(e.agent.contains("Kessa Rangers"))
    }

    @Test("'their joint operation' in what an army spokesman mentioned is the army's operation")
    func possessiveInReportedSpeechIsTheSpeakersBody() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 Gunmen of the Tarsk Front attacked a church in Nairobi on Sunday. Lt Tarik Vell, the Kenyan army spokesman in Nairobi, mentioned that the attack was meant to divert attention from their ongoing joint military operation with the Kessa Rangers targeting the militant group.")
        let e = try #require(g.events.first { $0.type == .operation })
        #expect(e.agent.contains("Kenyan army"))
    }

    @Test("Every force of a deployed list carries out the operation, when the parser splits the list into two subjects")
    func everyDeployedForceOfAListCarriesOutTheOperation() throws {
        let g = extract(" date 2024-05-22 Varnok, May 22 Gunmen attacked a police post near Nairobi on Monday, killing two officers. Security operations are ongoing around Nairobi to identify any remaining militants. In this regard, reinforcement units from the Olem Army, the Kessa Rangers, and the Varnok Police have been deployed to secure the region.")
        let e = try #require(g.events.first { $0.type == .operation })
        #expect(Set(e.agent) == ["Olem Army", "Kessa Rangers", "Varnok Police"])
    }
}
