import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Who or what an event was aimed at, read from the parse (Arguments.swift, Syntax/Document+Designation.swift),
/// each rule on sentences written for these tests (invented names; no third-party text).
@Suite("Event targets from the parse")
struct TargetArgumentTests: ExtractionSuite {
    var dateline: String { " date 2025-04-09 Korvin, Apr 9 " }

    @Test("A verb with a clause as complement shares no object with the next verb: 'condemned what it said was an attack and urged Chad'")
    func coordinatedVerbWithItsOwnComplementSharesNoObject() throws {
        let g = extract("Niger condemned what it said was a terrorist attack and urged Chad to punish the perpetrators.")
        let statement = try #require(event(g, .statement))
        #expect(statement.agent == ["Niger"])
        #expect(statement.target.isEmpty)
        // a right-node-raised object is still shared: "attacked and burned the hospital"
        let h = extract("Gunmen of the Tarsk Liberation Front attacked and burned the Kessa General Hospital on Monday.")
        #expect(event(h, .attack)?.target.contains("Kessa General Hospital") == true)
    }

    @Test("An organization after a headline's closing colon is the report's source, not the victims' apposition: '…killed in army operation: KMD'")
    func headlineSourceAfterColonIsNoTarget() throws {
        let g = extract("Two Tarsk operatives killed in army operation in Kessa: KMD\n\nTwo operatives of the Tarsk Liberation Front (TLF) were killed in an operation conducted by the Olem Army in Kessa on Sunday, said a release issued by the Kessa Media Directorate (KMD).")
        let operation = try #require(event(g, .operation))
        #expect(operation.target == ["Tarsk Liberation Front"])
        #expect(operation.agent == ["Olem Army"])
    }

    @Test("The body whose members were killed is the killing's target: 'two members of the Olem Army were killed by gunmen'")
    func bodyOfTheKilledIsTheKillingsTarget() throws {
        let g = extract("Earlier on Thursday, two members of the Olem Army were killed in the coastal town of Kessa by gunmen, officials said.")
        let killing = try #require(event(g, .killing))
        #expect(killing.target == ["Olem Army"])
        #expect(killing.killed == 2)
    }

    @Test("Counted militants killed in an operation belong to the armed group named last: 'security forces killed 21 militants'")
    func countedMilitantsOfAnOperationAreTheGroupNamedLast() throws {
        let g = extract("The Tarsk Liberation Front attacked a police post in Kessa on Monday. In a follow-up operation on Tuesday, security forces killed 21 militants near Varnok.")
        let operation = try #require(event(g, .operation))
        #expect(operation.target == ["Tarsk Liberation Front"])
        #expect(operation.killed == 21)
        // with no armed group named before, the militants stay unnamed
        let h = extract("In an operation on Tuesday, security forces killed 21 militants near Varnok.")
        #expect(event(h, .operation)?.target.isEmpty == true)
        // the nominal form: "the elimination of 27 militants"
        let n = extract("The Tarsk Liberation Front attacked a police post in Kessa on Monday. On Wednesday security forces launched an operation, leading to the elimination of 27 militants in the forests of Varnok.")
        #expect(event(n, .operation)?.target == ["Tarsk Liberation Front"])
    }

    @Test("What a habit noun's 'of' phrase tells is no incident and lends no target: 'a history of planting landmines and attacking security forces'")
    func habitNounPhraseTellsNoIncident() throws {
        let g = extract("Criminal gangs in the region have a history of planting landmines and attacking security forces with explosive-laden drones. On Monday a roadside bomb killed four soldiers near Kessa.")
        let bombing = try #require(event(g, .bombing))
        #expect(!bombing.target.contains("security forces"))
        #expect(bombing.killed == 4)
        #expect(!g.events.contains { $0.trigger.lowercased().contains("attacking") })
    }

    @Test("An official named only by office speaks for the administration: 'the district magistrate imposed a curfew'")
    func officialNamedByOfficeIsTheSpeaker() throws {
        let g = extract("Gunmen attacked a police post in Kessa on Monday. In response to the attack, the district magistrate of Kessa District imposed a curfew restricting the gathering of five or more people.")
        let curfew = try #require(event(g, .statement, trigger: "curfew"))
        #expect(curfew.agent == ["district magistrate"])
        #expect(g.causal.contains { $0.relation == .respondedTo && $0.from == curfew.id })
    }

    @Test("Victims named apart from any event are the dead of the event a verb of killing last framed: 'Two of the victims were identified as …'")
    func identifiedVictimsAreOfTheDeathsToldLast() throws {
        let g = extract("Olem drone strike kills seven in Kessa following failed raid\n\nOlem forces killed seven people in a drone strike near the Kessa camp on Sunday. The strike came hours after a failed military raid on the Kessa camp. Two of the victims were identified by the health ministry as Tarik Vell, 26, and Omar Dask, 22.")
        let strike = try #require(event(g, .bombing))
        #expect(strike.target.contains("Tarik Vell") && strike.target.contains("Omar Dask"))
        let raid = try #require(event(g, .operation))
        #expect(!raid.target.contains("Tarik Vell"))
    }

    @Test("A raid by plain members of an armed group is an attack: 'fighters raided Kessa, killing four people'")
    func raidByArmedMembersIsAnAttack() throws {
        let g = extract("According to a statement, fighters raided the town of Kessa on Sunday, killing four people and looting their belongings.")
        let attack = try #require(event(g, .attack))
        #expect(attack.place == "Kessa")
        #expect(attack.killed == 4)
        #expect(event(g, .operation) == nil)
        // a raid by troops stays an operation
        let h = extract("According to a statement, troops raided the town of Kessa on Sunday, arresting four people.")
        #expect(event(h, .operation) != nil)
    }

    @Test("Two coordinated demonyms before one force word are two sides: 'clashes between Indian and Pakistani troops'; a side told again as a subject stays the opponent")
    func coordinatedDemonymsAreTwoSides() throws {
        let g = extract("At least nine civilians were killed on Wednesday in clashes between Indian and Pakistani troops across the Line of Control. Later on Wednesday, Pakistani troops exchanged fire again near the Line of Control.")
        let clashes = g.events.filter { $0.type == .clash }
        #expect(clashes.count == 1)
        let clash = try #require(clashes.first)
        #expect(clash.agent == ["Indian Army"])
        #expect(clash.target == ["Pakistani troops"])
        #expect(clash.killed == 9)
    }
}
