import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Article-level joins that make one event of one incident (or one speech act) told several times: the
/// sentences are written for these tests, with invented names.
@Suite("Incident joins")
struct IncidentJoinTests: ExtractionSuite {
    @Test("the same speaker told again with the same statement verb is one statement; another verb is another")
    func repeatedStatementVerb() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 In a statement, the Olem Army accused the Tarsk Liberation Front of attacks on its posts in Kessa. "
            + "Traders in Kessa closed their shops on Sunday. Schools stayed shut across the district. "
            + "The Olem Army also accused Omar Dask of backing the Tarsk Liberation Front.")
        let statements = g.events.filter { $0.type == .statement }
        #expect(statements.count == 1)
        let s = try #require(statements.first)
        #expect(s.agent.contains("Olem Army"))
        #expect(s.target.contains("Tarsk Liberation Front"))
        let h = extract(" date 2024-04-14 Varnok, Apr 14 In a statement, the Olem Army accused the Tarsk Liberation Front of attacks on its posts in Kessa. "
            + "Traders in Kessa closed their shops on Sunday. Schools stayed shut across the district. "
            + "The Olem Army threatened the Tarsk Liberation Front with reprisals.")
        #expect(h.events.filter { $0.type == .statement }.count == 2)
    }

    @Test("the day of a speech does not date the incident a definite noun in its report refers to, so the two tellings join")
    func speechDayIsNotTheIncidentDay() throws {
        let g = extract(" date 2024-04-15 Varnok, Apr 15 Olem launched a barrage of rockets at Kessa on Saturday, striking the Tarvek airbase.\n\n"
            + "Kessa army chief Omar Dask stated on Monday that Kessa would retaliate to the Olem attack over the weekend.")
        let violent = g.events.filter { $0.type == .attack || $0.type == .bombing }
        #expect(violent.count == 1)
        #expect(violent.first?.date == "2024-04-13")
        #expect(!g.events.contains { $0.type != .statement && $0.date == "2024-04-15" })
    }

    @Test("an attack on 'its consulate in Tarvek' and an airstrike on 'the consulate in Dorvan, Tarvek' are one incident; consulates in two unnested towns are two")
    func sameBareFacilityInNestedPlaces() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Olem fired a barrage of missiles at Kessa in retaliation for a recent attack on its consulate in Tarvek.\n\n"
            + "The strikes come in retaliation for an airstrike on the consulate in Dorvan, Tarvek, which killed seven officers.")
        let consulate = g.events.filter { ($0.type == .attack || $0.type == .bombing) && $0.target.contains("consulate") }
        #expect(consulate.count == 1)
        #expect(consulate.first?.place == "Dorvan")
        #expect(consulate.first?.killed == 7)
        let h = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen attacked a consulate in Tarvek on Friday.\n\n"
            + "Residents said the attackers also carried out a raid on a consulate in Dorvan.")
        #expect(h.events.filter { $0.target.contains("consulate") }.count == 2)
    }

    @Test("a later mention naming only its actor retells the actor's first incident; one told with a year is the past")
    func actorOnlyMentionRetellsTheIncident() throws {
        let g = extract(" date 2024-04-16 Varnok, Apr 16 The Tarsk Liberation Front attacked a police post in Kessa on Tuesday, killing four officers.\n\n"
            + "The governor visited the town. Shops stayed closed. Schools were shut.\n\n"
            + "\"Our officers died in an attack by the Tarsk Liberation Front,\" a police source told reporters.\n\n"
            + "The Tarsk Liberation Front seized control of the whole province in 2014.")
        let attacks = g.events.filter { $0.type == .attack }
        #expect(attacks.count == 2)
        let lead = try #require(attacks.first { $0.place == "Kessa" })
        #expect(lead.killed == 4)
        #expect(attacks.contains { $0.trigger == "seized control" && $0.agent == ["Tarsk Liberation Front"] })
    }

    @Test("two mentions by one actor giving the same death toll, on days equal or unknown, in nesting places, are one incident")
    func sameActorSameToll() throws {
        let g = extract(" date 2024-04-16 Varnok, Apr 16 The Olem Army killed a commander of the Tarsk Liberation Front in a drone strike in southern Chad on Tuesday.\n\n"
            + "The governor visited the region. Shops stayed closed. Schools were shut.\n\n"
            + "Local media reported one dead in a drone strike by the Olem Army on a car in Kessa.")
        let strikes = g.events.filter { $0.type == .bombing }
        #expect(strikes.count == 1)
        #expect(strikes.first?.killed == 1)
        #expect(strikes.first?.date == "2024-04-16")
    }

    @Test("A headline mention with neither participant nor place is the one other incident of its type, told with a place: '… following failed raid'")
    func emptyHeadlineMentionJoinsTheOnePlacedIncidentOfItsType() throws {
        let g = extract(" date 2025-04-09 Korvin, Apr 9 Drone strike kills seven following failed raid\n\nOlem forces killed seven people in a drone strike near Varnok on Sunday.\n\nEarlier that day, a military raid in Kessa had failed, residents said.")
        let raid = try #require(g.events.first { $0.type == .operation })
        #expect(raid.place == "Kessa")
        #expect(raid.mentions.count == 2)
    }

    @Test("A participle describing whom it was done to ('the abducted manager was rescued in Varnok') is the abduction already told")
    func participleModifierRefersToTheIncidentTold() throws {
        let g = extract(" date 2025-04-09 Korvin, Apr 9 Gunmen of the Tarsk Liberation Front abducted a bank manager, Omar Dask, in Kessa on 2 April. On 4 April, the abducted manager was rescued from the Varnok area through the mediation of local leaders.")
        let abductions = g.events.filter { $0.type == .abduction }
        #expect(abductions.count == 1)
        #expect(abductions.first?.place == "Kessa")
        #expect(abductions.first?.target == ["Omar Dask"])
    }

    @Test("'A meticulously planned operation struck camps': a participle describing the event noun makes no plan of it")
    func describedAsPlannedIsAnIncident() throws {
        let g = extract(" date 2025-05-07 Varnok, May 7 A meticulously planned operation by the Olem Defence Forces struck camps of the Tarsk Liberation Front in Kessa on Monday.")
        let op = try #require(g.events.first { $0.type == .operation })
        #expect(op.agent.contains("Olem Defence Forces"))
        // planning an operation is still no operation
        let h = extract(" date 2025-05-07 Varnok, May 7 The Olem Defence Forces planned an operation against the Tarsk Liberation Front in Kessa.")
        #expect(h.events.isEmpty)
    }

    @Test("What a verb of intention's infinitive tells has not happened: 'they were going to commit an attack'")
    func intendedActIsNoIncident() throws {
        let g = extract(" date 2025-04-09 Korvin, Apr 9 At least two fighters died on Saturday when they were going to commit an attack with explosives against a police station in Kessa.")
        #expect(!g.events.contains { $0.type == .attack })
        let h = extract(" date 2025-04-09 Korvin, Apr 9 Fighters of the Tarsk Liberation Front committed an attack with explosives against a police station in Kessa on Saturday.")
        #expect(h.events.contains { $0.type == .attack })
    }

    @Test("A place below province level names the incident more finely than the province: 'In Sindh province … storming its gates in the Olem valley'")
    func placeBelowProvinceIsFiner() throws {
        let g = extract(" date 2025-04-09 Korvin, Apr 9 In Sindh province, fighters of the Tarsk Liberation Front attacked an army camp on Saturday, storming its gates in the Olem valley and killing six soldiers.")
        let attack = try #require(g.events.first { $0.type == .attack })
        #expect(attack.place == "Olem")
        // a country gives way to a province, as before
        let h = extract(" date 2025-04-09 Korvin, Apr 9 In Pakistan, fighters of the Tarsk Liberation Front attacked an army camp on Saturday, storming its gates in Sindh province.")
        #expect(h.events.first { $0.type == .attack }?.place == "Sindh")
    }

    @Test("a headline telling a response and the incident it answers: the response is the headline's news and joins the lead's incident")
    func headlineResponseJoinsTheLead() throws {
        let g = extract(" date 2024-03-10 The Tarsk Liberation Front has launched a massive barrage of rockets in retaliation for a recent attack by the Eskar Cartel on its headquarters in Olem\n\n"
            + "The Tarsk Liberation Front launched several waves of rocket attacks against the Eskar Cartel overnight, targeting its bases across the region.\n")
        let responses = g.events.filter { $0.agent.contains("Tarsk Liberation Front") }
        #expect(responses.count == 1)
        let answered = try #require(g.events.first { $0.agent.contains("Eskar Cartel") })
        #expect(g.causal.contains { $0.relation == .respondedTo && $0.to == answered.id && $0.from == responses.first?.id })
    }

    @Test("an attack and a later airstrike that name no actor, told in nested places with no other incident there, are one incident")
    func unclaimedIncidentsInNestedPlacesJoin() throws {
        let g = extract(" date 2024-04-02 Varnok, Apr 2 General Omar Dask vowed to punish the Eskar Cartel for the attack on the Kessa consulate in Tarvek that killed seven officers.\n\n"
            + "In a message released on Tuesday, he said the cartel would regret this crime.\n\nThe message was read on state television.\n\n"
            + "Crowds gathered outside the ministry in Varnok.\n\n"
            + "His message came a day after an airstrike leveled the building, next to the embassy in Tarvek's Olem district, killing Tarik Vell, a senior commander.\n")
        let incidents = g.events.filter { $0.type == .attack || $0.type == .bombing }
        #expect(incidents.count == 1)
        let strike = try #require(incidents.first)
        #expect(strike.type == .bombing)
        #expect(g.causal.contains { $0.relation == .respondedTo && $0.to == strike.id })
    }

    @Test("an actor read off a headline's capitals and never named again does not keep the headline's incident from the lead's")
    func headlineOnlyActorDoesNotKeepIncidentsApart() throws {
        let g = extract(" date 2024-07-09 Photo : KESSA NEWS Gunmen ambushed a patrol in the Olem area of Tarvek district\n\n"
            + "Tarvek attack: The Tarsk Liberation Front has claimed responsibility for the attack on the army convoy in the Olem area of Tarvek district, in which at least five soldiers were killed on Monday.\n")
        let attacks = g.events.filter { $0.type == .attack }
        #expect(attacks.count == 1)
        #expect(attacks.first?.agent.contains("Tarsk Liberation Front") == true)
    }

    @Test("two tellings of one incident joined keep the larger of two tolls read as surely")
    func joinedTellingsKeepTheLargerToll() throws {
        let g = extract(" date 2024-07-09 Photo : KESSA NEWS Gunmen ambushed a patrol in the Olem area of Tarvek district, killing three soldiers\n\n"
            + "Fighters of the Tarsk Liberation Front ambushed an army convoy in the Olem area of Tarvek district on Monday, killing five soldiers.\n")
        let attacks = g.events.filter { $0.type == .attack }
        #expect(attacks.count == 1)
        #expect(attacks.first?.killed == 5)
    }
}
