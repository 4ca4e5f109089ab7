import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Dates and participants of events, on sentences written for these tests (no third-party text).
@Suite("Event arguments")
struct EventArgumentTests: ExtractionSuite {
    @Test("A sentence-opening date dates the main clause's event: 'On 14 March, at about 9 am, … detonated a mine'")
    func openingAdverbialDate() throws {
        let g = extract(" date 2025-03-16 Quetta, Mar 16 On 14 March, at about 9 am, fighters of the Baloch Liberation Army detonated a landmine against an army convoy near Turbat, injuring three soldiers.")
        let e = try #require(event(g, .bombing))
        #expect(e.date == "2025-03-14")
    }

    @Test("'an attack by terrorists of the X' has X as agent; 'killed by gunmen of X … when their patrol was ambushed' makes X the ambush's agent, not its target")
    func byPhraseAgents() throws {
        let g = extract(" date 2025-08-06 Maiduguri, Aug 6 Troops repelled a coordinated attack by terrorists of the Tarsk Liberation Front on their base in Kessa on Tuesday.")
        let e = try #require(event(g, .attack, trigger: "attack"))
        #expect(e.agent == ["Tarsk Liberation Front"])
        let h = extract(" date 2025-02-20 Varnok, Feb 20 Four officers were killed by gunmen of the Eskar Cartel on Tuesday when their patrol was ambushed outside Varnok.")
        let a = try #require(event(h, .attack, trigger: "ambush"))
        #expect(a.agent == ["Eskar Cartel"])
        #expect(!a.target.contains("Eskar Cartel"))
    }

    @Test("'P, spokesperson for the B, condemned …': a statement's agents are the body and the person speaking for it")
    func spokespersonInApposition() throws {
        let g = extract(" date 2025-03-11 Peshawar, Mar 11 Rebels attacked a police post in Tarsk on Monday. Omar Halane, spokesperson for the Eskar Provincial Government, condemned the attack on Tuesday.")
        let e = try #require(event(g, .statement))
        #expect(Set(e.agent) == ["Omar Halane", "Eskar Provincial Government"])
    }

    @Test("A date after a cue belongs to the effect: 'the attack sparked a protest on Saturday' keeps the attack's Thursday")
    func dateAfterACueBelongsToTheEffect() throws {
        let g = extract(" date 2025-06-10 Niamey, Jun 10 Gunmen attacked a convoy near Tessit on Thursday. The attack sparked a protest on Saturday in Menaka.")
        let attack = try #require(event(g, .attack))
        let protest = try #require(event(g, .protest))
        #expect(attack.date == "2025-06-05")
        #expect(protest.date == "2025-06-07")
        #expect(g.causal.contains { $0.from == attack.id && $0.relation == .caused && $0.to == protest.id })
    }

    @Test("A span of days starts on its first day: 'on 12 and 13 April'")
    func daySpan() throws {
        let g = extract(" date 2025-04-20 Quetta, Apr 20 The Frontier Corps conducted a search operation on 12 and 13 April in Turbat against the Baloch Liberation Army.")
        let e = try #require(event(g, .operation))
        #expect(e.date == "2025-04-12")
    }

    @Test("'Hours after the attack' dates an event on the day of the attack")
    func hoursAfterAnotherEvent() throws {
        let g = extract(" date 2025-05-08 Quetta, May 8 Baloch Liberation Army fighters attacked a Frontier Corps camp in Turbat on Tuesday. Hours after the attack, the Pakistan Air Force carried out airstrikes on hideouts of the Baloch Liberation Army near Turbat.")
        let attack = try #require(event(g, .attack))
        let strike = try #require(event(g, .bombing))
        #expect(attack.date == "2025-05-06")
        #expect(strike.date == "2025-05-06")
    }

    @Test("'On Thursday, three days after the army launched an offensive' dates the offensive three days earlier")
    func daysAfterCountedBack() throws {
        let g = extract(" date 2025-03-21 Bannu, Mar 21 Families were on Thursday still leaving the villages of Turbat, three days after the Pakistan Army launched a large-scale offensive against the Baloch Liberation Army in the district.")
        let e = try #require(event(g, .operation))
        #expect(e.date == "2025-03-17")
    }

    @Test("A live-blog timestamp dates the entry's statement on the article's day; 'the Bannu district administration' is a body")
    func liveBlogTimestamp() throws {
        let g = extract(" date 2025-04-02 Bannu, Apr 2 14:40 - The Bannu district administration has imposed a curfew across the city until further notice.")
        let e = try #require(event(g, .statement, trigger: "curfew"))
        #expect(e.date == "2025-04-02")
        #expect(e.agent == ["Bannu district administration"])
    }

    @Test("A date spoken of the statement does not date the event: 'the army said on Monday'")
    func speechDateIsNotEventDate() throws {
        let g = extract(" date 2025-06-10 Quetta, Jun 10 In a statement published on Monday, the army said its troops had repulsed an attack by the Baloch Liberation Army in Turbat last week.")
        let e = try #require(event(g, .attack))
        #expect(e.date == nil)
    }

    @Test("'who are blamed for the attack' makes the blamed group the attack's agent, not a statement")
    func passiveBlameIsAttribution() throws {
        let g = extract(" date 2025-09-23 Beni, Sep 23 Gunmen stormed the village of Kipeta on Saturday night, killing at least 12 civilians. Residents said the Allied Democratic Forces rebels, who are blamed for the attack, came armed with machetes.")
        let e = try #require(event(g, .attack))
        #expect(e.agent.contains("Allied Democratic Forces"))
        #expect(!g.events.contains { $0.type == .statement && $0.trigger.lowercased().hasPrefix("blame") })
    }

    @Test("'police blamed X for the abduction' makes X the abduction's agent, not a statement")
    func activeBlameIsAttribution() throws {
        let g = extract(" date 2025-07-09 Maiduguri, Jul 9 Gunmen abducted 14 passengers on the Damboa road in Borno state on Monday. Police blamed Boko Haram for the abduction.")
        let e = try #require(event(g, .abduction))
        #expect(e.agent == ["Boko Haram"])
        #expect(!g.events.contains { $0.type == .statement })
    }

    @Test("An armed group killing a count of people is an attack, and 'an attack that triggered protests' is that attack")
    func groupKillingIsAnAttack() throws {
        let g = extract(" date 2025-08-25 Bamako, Aug 25 The Islamic State Sahel Province killed at least 40 villagers near Menaka on Tuesday, an attack that triggered protests in the town.")
        let attack = try #require(event(g, .attack))
        #expect(attack.agent == ["Islamic State Sahel Province"])
        #expect(attack.killed == 40)
        let protest = try #require(event(g, .protest))
        #expect(g.causal.contains { $0.from == attack.id && $0.relation == .caused && $0.to == protest.id })
    }

    @Test("'blamed the abduction on X' and 'an attack that police blamed on X' attribute the agent")
    func blameOnIsAttribution() throws {
        let g = extract(" date 2025-07-09 Maiduguri, Jul 9 Gunmen abducted 14 passengers on the Damboa road in Borno state on Monday. A police spokesman blamed the abduction on Boko Haram.")
        let e = try #require(event(g, .abduction))
        #expect(e.agent == ["Boko Haram"])
        #expect(!g.events.contains { $0.type == .statement })
    }

    @Test("'repulsed the offensive' is the offensive, not a new clash")
    func repulsedOffensive() throws {
        let g = extract(" date 2025-04-15 Sittwe, Apr 15 The Arakan Army said it had repulsed the offensive launched by the Tatmadaw near Kyaukpyu on Sunday.")
        #expect(!g.events.contains { $0.type == .clash })
        #expect(event(g, .operation)?.agent == ["Tatmadaw"])
    }

    @Test("Places named through a container: 'in the city's Kyivskyi district', 'near the town of Shebekino'")
    func placesThroughContainers() throws {
        let g = extract(" date 2025-07-22 Kyiv, Jul 22 One civilian was killed on Tuesday when a drone struck a car near the town of Shebekino, the governor said.")
        #expect(event(g, .bombing)?.place == "Shebekino")
    }

    @Test("The subject before a relative clause acts: 'ISSP, which competes with JNIM, killed …'")
    func subjectBeforeRelativeClause() throws {
        let g = extract(" date 2025-08-25 Bamako, Aug 25 The Islamic State Sahel Province, which competes with Jama'at Nusrat al-Islam wal-Muslimin and has fought it for territory, killed at least 40 villagers near Menaka on Tuesday.")
        #expect(event(g, .attack)?.agent == ["Islamic State Sahel Province"])
    }

    @Test("Calls, purposes and statistics are not incidents: 'called for a bandh … in protest', 'kidnapped in the first seven months'")
    func callsPurposesAndStatistics() throws {
        let g = extract(" date 2025-10-06 Raipur, Oct 6 The Maoists called for a bandh across the Bastar division on October 10 in protest. The observatory said 412 people were kidnapped in Burkina Faso in the first seven months of the year.")
        #expect(g.events.isEmpty)
    }

    @Test("A protest told in several verbs is one protest")
    func oneProtestManyVerbs() throws {
        let g = extract(" date 2025-09-23 Butembo, Sep 23 The killings triggered a protest in Butembo on Monday. Hundreds of young people, many of them members of the citizen movement LUCHA, marched towards the town hall.")
        #expect(g.events.filter { $0.type == .protest }.count == 1)
    }

    @Test("'after which the fighters stormed the base' is the next phase of the same incident")
    func afterWhichContinuesTheIncident() throws {
        let g = extract(" date 2025-10-21 Mogadishu, Oct 21 Al-Shabaab fighters detonated a car bomb at the Siinka Dheer military base near Mogadishu on Monday, after which gunmen stormed the base.")
        #expect(g.events.filter { [.attack, .bombing, .clash].contains($0.type) }.count == 1)
    }

    @Test("'the killing of its commander X in an intelligence-based operation' is the operation, aimed at X")
    func killingInAnOperation() throws {
        let g = extract(" date 2025-04-02 Bannu, Apr 2 The group said the attack avenged the killing of its commander Zarwali Mehsud in an intelligence-based operation in Jani Khel on March 3.")
        let op = try #require(event(g, .operation))
        #expect(op.target.contains("Zarwali Mehsud"))
        #expect(!g.events.contains { $0.type == .killing })
    }

    @Test("A state force killing a named commander of an armed group is an operation against the group")
    func forceKillingOfACommanderIsAnOperation() throws {
        let g = extract(" date 2025-03-20 Bannu, Mar 20 Qari Zar Wali, a commander of the Tehrik-i-Taliban Pakistan, was gunned down by security forces in the Jani Khel area on March 3.")
        let op = try #require(event(g, .operation))
        #expect(op.agent == ["security forces"])
        #expect(op.target.contains("Tehrik-i-Taliban Pakistan"))
        #expect(!g.events.contains { $0.type == .killing })
    }

    @Test("'that attack' is the attack just spoken of, not the most mentioned one")
    func demonstrativeIsRecent() throws {
        let g = extract(" date 2025-04-02 Bannu, Apr 2 Militants attacked a police checkpost in Jani Khel on March 1. The attack on the Jani Khel checkpost was the third this year, and the attack wounded two policemen. On March 8, militants stormed the Tajori police station. The group said that attack avenged the killing of its commander Zarwali in an intelligence-based operation on March 3.")
        let tajori = try #require(g.events.first { $0.type == .attack && $0.date == "2025-03-08" })
        #expect(g.causal.contains { $0.from == tajori.id && $0.relation == .respondedTo })
    }

    @Test("A plural event noun with no day is habitual activity, not an incident: 'has carried out attacks in Borno'")
    func habitualPluralIsNotAnIncident() throws {
        let g = extract(" date 2025-07-09 Maiduguri, Jul 9 Boko Haram has carried out attacks in Borno state for years.")
        #expect(g.events.isEmpty)
    }

    @Test("The victims of a 'when' clause are not its agents: 'officers of X were killed when gunmen ambushed'")
    func subordinateClauseEndsSubjectSearch() throws {
        let g = extract(" date 2025-02-12 Culiacan, Feb 12 Three officers of the Sinaloa State Preventive Police were killed on Monday when gunmen ambushed their patrol car in Culiacan.")
        let e = try #require(event(g, .attack))
        #expect(!e.agent.contains("Sinaloa State Preventive Police"))
    }

    @Test("'Security forces killed six militants in an operation': the main clause's subject carries out the operation")
    func mainClauseSubjectOfOperation() throws {
        let g = extract(" date 2025-03-04 Rawalpindi, Mar 4 Security forces killed six militants of the Baloch Liberation Army in an intelligence-based operation in Turbat on Sunday, the military said.")
        let e = try #require(event(g, .operation))
        #expect(e.agent == ["security forces"])
        #expect(e.date == "2025-03-02")
    }

    @Test("'drones hit a base …, in an attack claimed by X' is one incident")
    func secondNounJoinsTheSentenceIncident() throws {
        let g = extract(" date 2025-05-06 Quetta, May 6 Two soldiers were killed when explosives-laden drones hit a Frontier Corps camp in Turbat on Sunday, in an attack claimed by the Baloch Liberation Army.")
        let violent = g.events.filter { [.attack, .bombing, .clash].contains($0.type) }
        #expect(violent.count == 1)
        #expect(violent.first?.agent.contains("Baloch Liberation Army") == true)
    }

    @Test("A country can act: 'Russia attacked Ukraine's Kharkiv region'")
    func countriesActTownsDoNot() throws {
        let g = extract(" date 2025-07-22 Kyiv, Jul 22 Russia attacked Ukraine's Kharkiv region overnight.")
        let e = try #require(event(g, .attack))
        #expect(e.agent == ["Russia"])
    }
}

/// Causal links stated by cues, on sentences written for these tests.
@Suite("Causal cues")
struct CausalCueTests: ExtractionSuite {

    @Test("'the arrest of X … led to Tuesday's ambush': the dated reference is the ambush told before, and 'led' is no light verb")
    func ledToADatedReference() throws {
        let g = extract(" date 2025-02-20 Varnok, Feb 20 Gunmen of the Eskar Cartel ambushed a police patrol outside Varnok on Tuesday, killing four officers. The security secretary said on Wednesday that the arrest on Monday of Tomas Ferrat, a regional boss of the cartel, at a ranch outside Belmira, led to Tuesday's ambush.")
        let attacks = g.events.filter { $0.type == .attack }
        #expect(attacks.count == 1)
        let attack = try #require(attacks.first)
        let arrest = try #require(g.events.first { $0.type == .arrest })
        #expect(g.causal.contains { $0.from == arrest.id && $0.relation == .caused && $0.to == attack.id })
        #expect(attack.agent == ["Eskar Cartel"])
    }

    @Test("A cue in the sentence's opening adverbial links the main clause's event: 'On Monday, a day after the attack, police arrested …'")
    func cueInOpeningAdverbial() throws {
        let g = extract(" date 2025-05-06 Quetta, May 6 Baloch Liberation Army fighters attacked a Frontier Corps camp in Turbat on Sunday. On Monday, a day after the attack, the Balochistan Police arrested two suspected BLA members in Turbat.")
        let attack = try #require(g.events.first { $0.type == .attack })
        let arrest = try #require(g.events.first { $0.type == .arrest })
        #expect(g.causal.contains { $0.from == arrest.id && $0.relation == .followed && $0.to == attack.id })
    }

    @Test("The cause named after a cue is a separate event: 'saying the attack was revenge for a US airstrike near Jilib'")
    func causeIsNotTheEffect() throws {
        let g = extract(" date 2025-10-21 Mogadishu, Oct 21 Al-Shabaab claimed responsibility for a suicide car bombing at a military base on the outskirts of Mogadishu on Monday, saying the attack was revenge for a US airstrike near Jilib last week.")
        let bombing = try #require(g.events.first { $0.type == .bombing && $0.trigger.contains("car bombing") })
        let strike = try #require(g.events.first { $0.trigger == "airstrike" })
        #expect(bombing.id != strike.id)
        #expect(bombing.place == "Mogadishu")
        #expect(strike.place == "Jilib")
        #expect(strike.agent == ["US"])
        #expect(g.causal.contains { $0.from == bombing.id && $0.relation == .respondedTo && $0.to == strike.id })
    }

    @Test("'a fitting reply' in quotation marks is a response cue")
    func quotedFittingReply() throws {
        let g = extract(" date 2025-10-06 Raipur, Oct 6 Security forces killed six Maoists in a search operation in Bijapur district on Sunday. The police chief said the operation was \"a fitting reply\" to the killing of two constables in an IED blast near Kutru last week.")
        let op = try #require(g.events.first { $0.type == .operation })
        let blast = try #require(g.events.first { $0.type == .bombing })
        #expect(g.causal.contains { $0.from == op.id && $0.relation == .respondedTo && $0.to == blast.id })
    }
}

/// Casualty figures, on sentences written for these tests.
@Suite("Casualty figures")
struct CasualtyTests: ExtractionSuite {

    @Test("'nine people, including four soldiers, were killed': the total, not the part")
    func totalNotPart() throws {
        let g = extract(" date 2025-06-17 Quetta, Jun 17 At least nine people, including four soldiers, were killed when Baloch Liberation Army fighters attacked a Frontier Corps camp in Turbat on Monday night.")
        let e = try #require(g.events.first { $0.type == .attack })
        #expect(e.killed == 9)
    }

    @Test("'The death toll from Saturday's massacre in …, has risen to 27' updates the toll")
    func tollRisenTo() throws {
        let g = extract(" date 2025-09-23 Beni, Sep 23 Gunmen of the Allied Democratic Forces attacked the village of Kipeta on Saturday night, killing 12 people. The death toll from Saturday night's massacre in the village of Kipeta, in Beni territory, has risen to 27, local officials said.")
        let e = try #require(g.events.first { $0.type == .attack })
        #expect(e.killed == 27)
    }
}
