import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// How the article's mentions of one incident are read and joined: background words, cities acting for their
/// governments, and the evidence that joins two tellings (sentences written for these tests, invented names).
@Suite("Incident reading")
struct IncidentReadingTests: ExtractionSuite {
    @Test("A participle clause telling an act of the same type elaborates the incident: 'went on a rampage, storming police stations'")
    func participleElaboratesTheIncident() throws {
        let g = extract(" date 2024-08-26 Varnok, Aug 26 At least 50 people were killed as fighters of the Tarsk Liberation Front went on a rampage across the province, storming police stations and setting fire to vehicles.")
        let attacks = g.events.filter { $0.type == .attack }
        #expect(attacks.count == 1)
        #expect(attacks.first?.agent == ["Tarsk Liberation Front"])
    }

    @Test("'a recent attack on X' is one incident; 'recent attacks' is background activity")
    func recentAttack() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Tarsk Liberation Front said a recent attack on its camp in Kessa killed four fighters. Recent attacks on the Varnok road have worried traders.")
        let attacks = g.events.filter { $0.type == .attack }
        #expect(attacks.count == 1)
        let e = try #require(attacks.first)
        #expect(e.place == "Kessa")
        #expect(e.target.contains("Tarsk Liberation Front"))
    }

    @Test("'Tehran fired a barrage of missiles at Israel': the capital acting through a carrying verb is the agent")
    func capitalFiresBarrage() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Tehran fired a barrage of missiles at Israel on Saturday.")
        let e = try #require(g.events.first { $0.type == .bombing })
        #expect(e.agent == ["Tehran"])
        #expect(e.target == ["Israel"])
        #expect(e.place == nil)
    }

    @Test("a headline naming the capital and a lead naming its country tell one incident")
    func capitalAndCountryAreOneActor() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Tehran has launched a massive barrage of missiles at Israel\n\nIran launched several waves of attacks against Israel overnight, targeting military sites.")
        let bombings = g.events.filter { $0.type == .bombing || $0.type == .attack }
        #expect(bombings.count == 1)
        #expect(bombings.first.map { Set($0.agent) } == ["Tehran", "Iran"])
    }

    @Test("an unlisted spelling of a listed place, told first, is the same place ('Maidugiri' … 'Maiduguri')")
    func spellingVariantOfListedPlace() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen attacked a market in Maidugiri on Friday, killing five traders.\n\nResidents of Maiduguri said the attack lasted two hours.")
        #expect(g.entities.filter { $0.type == .place && $0.name.hasPrefix("Maidug") }.count == 1)
        #expect(g.events.filter { $0.type == .attack }.count == 1)
        // two different listed places are never joined by spelling
        let h = extract(" date 2024-04-14 Varnok, Apr 14 Troops moved from Maiduguri to Damaturu on Friday.")
        #expect(Set(h.entities.filter { $0.type == .place }.map(\.name)).isSuperset(of: ["Maiduguri", "Damaturu"]))
    }

    @Test("a place noun's 'of' phrase names the event's place: 'the Red Sea port city of Hodeidah', 'struck the port of Hodeidah'")
    func placeNamedByPlaceNoun() throws {
        let g = extract(" date 2025-03-10 Varnok, Mar 10 Olem jets launched strikes on Yemen's Red Sea port city of Hodeidah on Monday.")
        #expect(g.events.first { $0.type == .bombing }?.place == "Hodeidah")
        let h = extract(" date 2025-03-10 Varnok, Mar 10 Olem warplanes struck the port of Hodeidah on Wednesday, killing three dock workers.")
        let e = try #require(h.events.first { $0.type == .bombing })
        #expect(e.place == "Hodeidah")
        #expect(e.killed == 3)
    }

    @Test("a named killer killing one person tells a killing of one; a victim with no killer joins the incident told")
    func killingOfOnePerson() throws {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 During their stay in Kessa, the Olem Defence Forces killed a farmer, residents said.")
        let e = try #require(g.events.first { $0.type == .killing })
        #expect(e.agent == ["Olem Defence Forces"])
        #expect(e.place == "Kessa")
        #expect(e.killed == 1)
        let h = extract(" date 2024-01-18 Varnok, Jan 18 Gunmen attacked a police post in Kessa on Tuesday, officials said.\n\nCaptain Tarik Vell was also killed.")
        #expect(h.events.filter { $0.type == .killing }.isEmpty)
        #expect(h.events.first { $0.type == .attack }?.target.contains("Tarik Vell") == true)
    }

    @Test("deaths told with their own killer and place are a killing of their own, not the toll of the incident in focus")
    func killingAtItsOwnPlace() throws {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 At least 13 soldiers were killed on Tuesday in an ambush by militants in the coastal region of Kessa.\n\nEarlier on Tuesday, two soldiers were killed in the town of Tarvek by former regime loyalists, officials said.")
        let ambush = try #require(g.events.first { $0.type == .attack })
        #expect(ambush.killed == 13)
        #expect(ambush.place == "Kessa")
        let killing = try #require(g.events.first { $0.type == .killing })
        #expect(killing.killed == 2)
        #expect(killing.place == "Tarvek")
    }

    @Test("'a senior officer was shot dead': one victim named by a singular noun is a toll of one")
    func shotDeadIsOne() {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 Late on Wednesday, a senior Olem officer was shot dead in Kessa.")
        #expect(g.events.first { $0.type == .killing }?.killed == 1)
    }

    @Test("'said that an attack on Sunday …' is an indefinite mention: it does not take over the Friday incident")
    func indefiniteAfterThat() throws {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 The Tarsk Front attacked an army post in Kessa on Friday.\n\nResidents said the town was calm.\n\nThe governor said that an attack on Sunday killed two women and a child.")
        let e = try #require(g.events.first { $0.type == .attack && $0.place == "Kessa" })
        #expect(e.killed == nil)
        #expect(e.date == "2024-01-12")
    }

    @Test("'two women and a child' is a toll of three")
    func countedConjunctWithArticle() {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 The governor said that a drone strike in Tarvek on Sunday killed two women and a child.")
        #expect(g.events.first { $0.type == .bombing }?.killed == 3)
    }

    @Test("the dead members of a body died where that body was fought, not in its own attack")
    func deadMembersDiedWhereTheirBodyWasFought() throws {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 Olem Defence Forces clashed with the Tarsk Front near Tarvek on Tuesday.\n\nThe Tarsk Front also attacked a police post in Kessa.\n\nAccording to the army, 40 Tarsk Front fighters were killed.")
        let clash = try #require(g.events.first { $0.type == .clash })
        #expect(clash.killed == 40)
        #expect(g.events.first { $0.type == .attack }?.killed == nil)
    }

    @Test("'one of the attacks' names a part of a set of incidents: it takes no place or day of its clause")
    func partitiveReference() throws {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 The Tarsk Front attacked police posts across Kessa on Monday.\n\nA man mourns his father, who lost his life in one of the attacks, at a hospital in Tarvek on Wednesday.")
        let attacks = g.events.filter { $0.type == .attack }
        #expect(attacks.count == 1)
        #expect(attacks.first?.place == "Kessa")
        #expect(attacks.first?.date == "2024-01-15")
    }

    @Test("a verb of bombing in an attack's sentence is a further act, not the incident's type")
    func furtherActKeepsTheType() {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 Fighters of the Tarsk Front stormed an army camp in Kessa on Monday, blowing up a bridge.")
        #expect(g.events.filter { $0.type == .attack }.count == 1)
        #expect(g.events.filter { $0.type == .bombing }.isEmpty)
    }

    @Test("a condemning adjective in a quote is its speaker's statement; beside 'condemned' it is no second one")
    func quotedCondemnation() throws {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 Gunmen attacked a police post in Kessa on Tuesday, killing four officers.\n\n\"This act of violence is unacceptable,\" said Omar Dask, the governor of Tarvek.")
        let s = try #require(g.events.first { $0.type == .statement })
        // (the place the speaker's office is named after does not speak beside the person)
        #expect(s.agent == ["Omar Dask"])
        let h = extract(" date 2024-01-18 Varnok, Jan 18 Gunmen attacked a police post in Kessa on Tuesday.\n\nThe Olem Defence Forces condemned the attack as \"deplorable\".")
        #expect(h.events.filter { $0.type == .statement }.count == 1)
    }

    @Test("'the coastal region of Tarvek, near Varnok': the place a place noun names is the event's place")
    func regionOfPlace() {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 Fighters ambushed an army patrol in the coastal region of Tarvek, near Varnok, on Monday.")
        #expect(g.events.first { $0.type == .attack }?.place == "Tarvek")
    }

    @Test("a facility named after its town puts the event in the town; a name of capitalised words does not")
    func facilityNamedAfterItsTown() {
        let g = extract(" date 2024-01-18 Varnok, Jan 18 Gunmen attacked the Maiduguri police station in the state of Borno on Monday.")
        #expect(g.events.first { $0.type == .attack }?.place == "Maiduguri")
        let h = extract(" date 2024-01-18 Varnok, Jan 18 Gunmen attacked the Maiduguri Times offices on Monday.")
        #expect(h.events.first { $0.type == .attack }?.place == nil)
    }

    @Test("a place inside the speaker's phrase is where the speaker is, not where the event happened")
    func placeOfTheSpeaker() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 A statement from the Olem Embassy in Varnok reported that the casualties occurred during an attack on a convoy carrying Olem engineers on Sunday.")
        let e = try #require(g.events.first { $0.type == .attack })
        #expect(e.place != "Varnok")
        // the place of the reported clause itself stays
        let h = extract(" date 2024-04-14 Varnok, Apr 14 The Olem Embassy reported that gunmen attacked a convoy in Kessa on Sunday.")
        #expect(h.events.first { $0.type == .attack }?.place == "Kessa")
    }

    @Test("a capitalised common word opening a headline before an event noun is no place ('Drone strike kills five')")
    func headlineWordIsNoPlace() throws {
        for headline in ["Drone strike kills five in Kessa", "Suicide bombing: five killed in Kessa", "Deadly ambush kills five soldiers in Kessa"] {
            let g = extract(" date 2024-10-09 Varnok, Oct 9 \(headline)\n\nThe attack happened on Monday.")
            #expect(g.entities.filter { $0.type == .place }.map(\.name).sorted() == ["Kessa", "Varnok"], "\(headline)")
        }
        // a country acting, named once as the subject of an event verb, is still a place
        let h = extract(" date 2024-10-09 Varnok, Oct 9 Olemia attacked Kessa on Monday.")
        #expect(h.entities.contains { $0.name == "Olemia" && $0.type == .place })
    }

    @Test("a name before 'meadow' is a place, finer than the town it lies near ('in the Tarvek meadow near Kessa')")
    func meadowIsAPlace() throws {
        let g = extract(" date 2025-04-23 Varnok, Apr 23 Gunmen opened fire in the Tarvek meadow near Kessa on Tuesday afternoon, killing 26 tourists.")
        #expect(g.entities.contains { $0.name == "Tarvek" && $0.type == .place })
        #expect(g.events.first { $0.type == .attack }?.place == "Tarvek")
    }

    @Test("a common noun opening the text before 'is' is no country acting ('Tension is rising in the state after …')")
    func commonNounSubjectIsNoPlace() throws {
        for opening in ["Tension is rising", "Anger is growing", "Fear has spread"] {
            let g = extract(" date 2025-05-13 \(opening) in Borno State after gunmen attacked a police post in Maiduguri.")
            #expect(g.entities.filter { $0.type == .place }.map(\.name).sorted() == ["Borno State", "Maiduguri"], "\(opening)")
            #expect(g.events.first { $0.type == .attack }?.place == "Maiduguri", "\(opening)")
        }
        // a name the parser reads as a proper noun still acts as a country
        let h = extract(" date 2024-10-09 Varnok, Oct 9 Olemia is shelling Kessa.")
        #expect(h.entities.contains { $0.name == "Olemia" && $0.type == .place })
    }

    @Test("an event noun as the complement of 'be' tells no incident of its own ('what it said was a terrorist attack')")
    func predicateNominalIsNoIncident() throws {
        let g = extract(" date 2024-10-09 Varnok, Oct 9 A bomb blast killed two engineers in Kessa on Monday. Olemia condemned what it said was a terrorist attack. \"This deplorable act is an attack on all of us,\" the minister said.")
        #expect(g.events.filter { [.attack, .bombing].contains($0.type) }.count == 1)
    }

    @Test("a place named by joining two names with a hyphen is compatible with each ('Tarvek-Kessa' … 'Tarvek')")
    func hyphenJoinedPlace() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Soldiers hunted the men behind the April 6 attack in Tarvek-Kessa, which killed 30 villagers. Residents said the attack in Tarvek was meant to spoil the festival.")
        #expect(g.events.filter { $0.type == .attack }.count == 1)
    }

    @Test("'In the deadliest attack since the 2019 Kessa bombing, 28 were killed when gunmen opened fire': one incident told by its verb, and the earlier one apart")
    func deadliestSince() throws {
        let g = extract(" date 2025-04-23 Varnok, Apr 23 In the deadliest attack in Olem since the 2019 Kessa bombing, 28 people were killed when gunmen opened fire at a market near Tarvek on Tuesday afternoon.")
        let told = try #require(g.events.first { $0.place == "Tarvek" })
        #expect(told.killed == 28)
        #expect(told.date == "2025-04-22")
        let earlier = try #require(g.events.first { $0.type == .bombing })
        #expect(earlier.date == nil)
        #expect(earlier.killed == nil)
        #expect(g.events.filter { Document.incidentTypes.contains($0.type) }.count == 2)
    }

    @Test("'a retaliatory attack' answers the incident in which its agent was attacked (responded_to, no cue phrase)")
    func retaliatoryAttackAnswersTheIncident() throws {
        let g = extract(" date 2024-11-12 Varnok, Nov 12 Militants of the Tarsk Liberation Front attacked a post of the Olem Defence Forces in Kessa on Monday. Gunmen also stormed a market in Tarvek. On Tuesday the Olem Defence Forces carried out a retaliatory attack on the Tarsk Liberation Front near Kessa.")
        let first = try #require(g.events.first { $0.type == .attack && $0.agent.contains("Tarsk Liberation Front") })
        let response = try #require(g.events.first { $0.agent.contains("Olem Defence Forces") })
        #expect(g.causal.contains { $0.from == response.id && $0.relation == .respondedTo && $0.to == first.id })
    }

    @Test("'attacked four military bases, killing soldiers': the count of bases is no toll")
    func countBeforeParticipleIsNoToll() throws {
        let g = extract(" date 2025-05-13 Varnok, May 13 Insurgents of the Tarsk Liberation Front attacked four military bases in Kessa on Monday, killing soldiers and stealing vehicles.")
        let e = try #require(g.events.first { $0.type == .attack })
        #expect(e.killed == nil)
        let h = extract(" date 2025-05-13 Varnok, May 13 Insurgents of the Tarsk Liberation Front attacked a military base in Kessa on Monday, killing four soldiers.")
        #expect(h.events.first { $0.type == .attack }?.killed == 4)
    }

    @Test("a mention naming no participant joins the one incident of its type told on its day, and brings its toll")
    func bareMentionJoinsTheIncidentOfItsDay() throws {
        let g = extract(" date 2024-07-09 Varnok, Jul 9 Gunmen of the Tarsk Liberation Front ambushed an army patrol in Kessa. Fighters of the Eskar Cartel ambushed a convoy. At least five soldiers were killed on Monday when heavily armed gunmen ambushed a patrol. The gunmen of the Tarsk Liberation Front ambushed the patrol in Kessa on Monday morning.")
        let monday = g.events.filter { $0.type == .attack && $0.date == "2024-07-08" }
        #expect(monday.count == 1)
        #expect(monday.first?.killed == 5)
        #expect(monday.first?.agent == ["Tarsk Liberation Front"])
    }

    @Test("a plural common noun opening a sentence is no place ('Eyewitnesses said')")
    func sentenceInitialCommonNounIsNoName() throws {
        let g = extract(" date 2025-05-13 Varnok, May 13 Gunmen stormed a market in Kessa on Monday. Eyewitnesses said the gunmen fled towards the hills.")
        #expect(g.entities.filter { $0.type == .place }.map(\.name).sorted() == ["Kessa", "Varnok"])
    }

    @Test("'attacked four military bases' tells several incidents: a later single attack is not merged into it")
    func countedPluralObjectTellsSeveralIncidents() throws {
        let g = extract(" date 2025-05-13 Varnok, May 13 Fighters of the Tarsk Liberation Front attacked four military bases between Monday and Tuesday. Fighters of the Tarsk Liberation Front attacked a military base in Kessa late on Monday, killing seven soldiers.")
        let kessa = try #require(g.events.first { $0.place == "Kessa" })
        #expect(kessa.killed == 7)
        #expect(kessa.mentions.count == 1)
    }
}
