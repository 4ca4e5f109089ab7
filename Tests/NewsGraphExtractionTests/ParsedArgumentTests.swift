import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// The argument rules read from the dependency parse (Arguments.swift, Events+Attribution.swift), each on
/// sentences written for these tests (invented names; no third-party text).
@Suite("Event arguments from the parse")
struct ParsedArgumentTests: ExtractionSuite {
    var dateline: String { " date 2025-04-09 Korvin, Apr 9 " }

    @Test("The victim's 'of' phrase after a place is the event's: 'the arrest in Varnok of Tarik Vell'")
    func victimAfterAPlace() throws {
        let g = extract("State media also reported the arrest in Varnok of former intelligence chief Tarik Vell on Tuesday.")
        let arrest = try #require(event(g, .arrest))
        #expect(arrest.target == ["Tarik Vell"])
        #expect(arrest.place == "Varnok")
    }

    @Test("The person a role noun's misplaced apposition names is the target: 'the house of a commander in Varnok, Tarik Vell, was raided'")
    func roleNamedAfterAPlace() throws {
        let g = extract("The house of a separatist commander in Varnok, Tarik Vell, was raided on Monday by state security forces.")
        #expect(event(g, .operation)?.target == ["Tarik Vell"])
        let h = extract("The house of a separatist commander in Varnok, Tarik Vell was raided on Monday by state security forces.")
        #expect(event(h, .operation)?.target == ["Tarik Vell"])
    }

    @Test("Counted generic dead give the toll, not the target: '54 soldiers were killed in an attack'")
    func countedGenericDeadAreNoTarget() throws {
        let g = extract("The government of Olem has confirmed that 54 soldiers were killed in an attack by the Tarsk Liberation Front near Varnok.")
        let attack = try #require(event(g, .attack))
        #expect(attack.killed == 54)
        #expect(!attack.target.contains("soldiers"))
        // a named body of the dead is still the target
        let h = extract("Six officers of the Varn Police were killed in an ambush near Tessel on Monday.")
        #expect(event(h, .attack)?.target == ["Varn Police"])
    }

    @Test("'the responsibility of which was claimed by the group' is a claim of the event its clause hangs from, and the narrator's toll stands")
    func passiveClaimOfTheNarratedEvent() throws {
        let g = extract("The Tarsk Liberation Front is a militant group based in the hills. Late on Wednesday, a senior Olem Army officer was shot dead in Varnok, the responsibility of which was claimed by the group on its Telegram channel.")
        let killing = try #require(event(g, .killing))
        #expect(killing.agent == ["Tarsk Liberation Front"])
        #expect(killing.killed == 1)
        let claim = try #require(event(g, .claim))
        #expect(claim.agent == ["Tarsk Liberation Front"])
        #expect(g.triples.contains { $0.predicate == .claimedResponsibility && $0.subject == "Tarsk Liberation Front" })
    }

    @Test("A claim of many past attacks claims no incident; one naming an incident among them does")
    func claimOfBackgroundAttacks() throws {
        let g = extract("Olem jets struck a camp of the Tarsk Liberation Front near Varnok on Tuesday. The Tarsk Liberation Front has claimed responsibility for many terrorist attacks inside Olem.")
        #expect(event(g, .claim) == nil)
        let h = extract("The Tarsk Liberation Front claimed responsibility for several assaults last week, including the beheading of two farmers in Varnok on Thursday.")
        #expect(event(h, .claim)?.agent == ["Tarsk Liberation Front"])
    }

    @Test("A force a named sponsor backs is a group of its own: 'Iran-backed militias attacked a base'; bare 'allied militias' is not")
    func sponsoredForceIsAGroup() throws {
        let g = extract("Iran-backed militias attacked a base near Varnok on Tuesday.")
        #expect(event(g, .attack)?.agent == ["Iran-backed militias"])
        #expect(g.entities.first { $0.name == "Iran-backed militias" }?.type == .group)
        let h = extract("Human rights groups accused the Olem Army and allied militias of killing 30 farmers near Varnok on Tuesday.")
        #expect(!h.entities.contains { $0.name == "allied militias" })
    }

    @Test("The unit set in apposition to an attacked base holds it and is a target: 'the Forward Operation Base, 153 Battalion'")
    func unitBesideItsBase() throws {
        let g = extract("Fighters of the Tarsk Front carried out the first attack on the Forward Operation Base, 153 Battalion, located in Kessa, minutes before 3 a.m.")
        let attack = try #require(event(g, .attack))
        #expect(attack.target.contains("Forward Operation Base"))
        #expect(attack.target.contains("153 Battalion"))
    }

    @Test("In a with-absolute the object of 'with' acts: 'drew condemnation, with X and Y both denouncing the violence'")
    func withAbsoluteSubject() throws {
        let g = extract("The attack on the Varnok market drew strong international condemnation, with Olem President Tarik Vell and Kessa President Omar Dask both denouncing the violence.")
        let statement = try #require(event(g, .statement))
        #expect(Set(statement.agent) == ["Tarik Vell", "Omar Dask"])
    }

    @Test("A garrison is a facility attacked; a facility naming a commander's post is not where the event happened")
    func garrisonAndGarrisonCommander() throws {
        let g = extract("The Tarsk Liberation Front overran the Kessa garrison on Monday, forcing Olem Army troops to retreat.")
        #expect(event(g, .attack)?.target == ["Kessa garrison"])
        let h = extract("On Tuesday a relief convoy came under fire, killing Kessa garrison commander Colonel Tarik Vell.")
        let attack = try #require(event(h, .attack))
        #expect(attack.place != "Kessa")
    }

    @Test("A passive subject is the target, not the agent: 'six officers of the Varn Police were killed in an ambush'")
    func passiveSubjectOfAFramingVerbIsTheTarget() throws {
        let g = extract("Six officers of the Varn Police were killed in an ambush near Tessel on Monday.")
        let e = try #require(event(g, .attack, trigger: "ambush"))
        #expect(e.agent.isEmpty)
        #expect(e.target == ["Varn Police"])
    }

    @Test("The head of a subject acts, not the nearest name: 'the Oskar Dahl group of the Red Ridge Front claimed responsibility'")
    func headOfTheSubjectClaims() throws {
        let g = extract("The Oskar Dahl group of the banned Red Ridge Front took responsibility for the attack on the Tessel checkpoint.")
        let claim = try #require(event(g, .claim))
        #expect(!claim.agent.contains("Red Ridge Front"))
    }

    @Test("A speaker is not the agent of the event it reports: 'a statement issued by the MPR said security forces conducted an operation'")
    func reportedSpeechKeepsItsOwnAgent() throws {
        let g = extract("A statement issued by the Military Press Relations said security forces conducted an operation in the Tessel district on Monday.")
        let op = try #require(event(g, .operation))
        #expect(op.agent == ["security forces"])
    }

    @Test("A country that acts is an actor and the accused the target: 'Russia has accused Ukraine of shelling the plant'")
    func countriesActAndAreAccused() throws {
        let g = extract("Russia has accused Ukraine of shelling the Koro power plant on Monday.")
        let statement = try #require(event(g, .statement))
        #expect(statement.agent == ["Russia"])
        #expect(statement.target == ["Ukraine"])
        #expect(event(g, .bombing)?.agent == ["Ukraine"])
    }

    @Test("A country attacked as a whole is the target, a town only the place: 'drone attacks on Israel', 'strikes on Yemen's capital'")
    func aCountryAttackedIsTheTargetATownThePlace() throws {
        let whole = extract("Iran launched missile and drone attacks on Israel on Saturday night.")
        let attack = try #require(event(whole, .bombing))
        #expect(attack.agent == ["Iran"])
        #expect(attack.target == ["Israel"])
        let qualified = extract("Israel carried out air strikes on Yemen's capital on Monday.")
        #expect(event(qualified, .bombing)?.target.contains("Yemen") == false)
        let town = extract("Gunmen launched an attack on Tessel on Monday.")
        #expect(event(town, .attack)?.target.isEmpty == true)
    }

    @Test("A place in a clause describing another noun is not the event's: 'the Kestrel Front, a group based in Tarsk, claimed the attack'")
    func aPlaceDescribingAnotherNounIsNotTheEvents() throws {
        let g = extract("Gunmen attacked the Varn checkpoint in Kessa on Monday. The Kestrel Front, a militia based in Tarsk, claimed responsibility for the attack.")
        let attack = try #require(event(g, .attack))
        #expect(attack.place == "Kessa")
        #expect(g.events.filter { $0.type == .attack }.count == 1)
    }

    @Test("An armed actor's strike verb tells a strike: 'Norland warplanes struck the port', 'the Red Ridge Front struck a convoy'; 'an earthquake struck the coast' does not")
    func anArmedActorsStrikeVerbIsAnEvent() throws {
        let air = extract("Israeli warplanes struck the port of Tessel on Monday, the army of Israel said.")
        let bombing = try #require(event(air, .bombing, trigger: "struck"))
        #expect(bombing.agent == ["Israel"])
        let ground = extract("The Red Ridge Front struck a military convoy near Tessel on Monday.")
        let attack = try #require(event(ground, .attack, trigger: "struck"))
        #expect(attack.agent == ["Red Ridge Front"])
        let weather = extract("A powerful earthquake struck the coast near Tessel on Monday.")
        #expect(weather.events.isEmpty)
    }

    @Test("A vow's hostile clause names the statement's target: 'the Red Ridge Front vowed to punish the Kessa Rifles'")
    func aVowsTargetIsTheStatementsTarget() throws {
        let g = extract("The Red Ridge Front vowed to punish the Kessa Rifles for the raid on Tessel.")
        let statement = try #require(event(g, .statement, trigger: "vowed"))
        #expect(statement.agent == ["Red Ridge Front"])
        #expect(statement.target == ["Kessa Rifles"])
        let pledge = extract("The Red Ridge Front pledged to support the families of the victims of the raid on Tessel.")
        #expect(event(pledge, .statement)?.target.isEmpty ?? true)
    }

    @Test("A known city as subject or by-agent stands for its government: 'Islamabad accused Kabul …'; 'the Kabul attack' is a place")
    func aCityActingIsAnActor() throws {
        let g = extract("Islamabad accused Kabul of sheltering the Red Ridge Front on Monday.")
        let statement = try #require(event(g, .statement))
        #expect(statement.agent == ["Islamabad"])
        let h = extract("Gunmen carried out the Kabul attack on Monday.")
        #expect(event(h, .attack).map { !$0.agent.contains("Kabul") } ?? true)
    }

    @Test("An armed group's raid is an attack: 'the Red Ridge Front launched a deadly raid on a military base'")
    func anArmedGroupsRaidIsAnAttack() throws {
        let g = extract("The Red Ridge Front launched a deadly raid on the Tessel military base on Monday.")
        let e = try #require(g.events.first { $0.trigger.lowercased().contains("raid") })
        #expect(e.type == .attack)
        #expect(e.agent == ["Red Ridge Front"])
    }

    @Test("The instrument makes a bombing: 'killed 19 people in an air attack on the village'")
    func anAirAttackIsABombing() throws {
        let g = extract("The Norland Air Force killed 19 people in an air attack on Tessel on Monday.")
        let e = try #require(g.events.first { $0.trigger.lowercased().contains("attack") })
        #expect(e.type == .bombing)
        #expect(e.agent == ["Norland Air Force"])
    }

    @Test("A possessor or a named modifier of an event noun carries it out: 'the Red Ridge Front's attack', 'an RRF ambush'")
    func possessorAndNamedModifierAct() throws {
        let g = extract("The Red Ridge Front's attack on the Tessel police station killed two officers on Monday.")
        #expect(event(g, .attack)?.agent == ["Red Ridge Front"])
        let h = extract("An RRF ambush on a convoy of the Varn Police killed two officers near Tessel on Monday.")
        #expect(event(h, .attack)?.agent == ["RRF"])
    }

    @Test("The subject of a carrying verb carries out its object: 'the Varn Police conducted an operation against the Red Ridge Front'")
    func carryingVerbSubjectAndTargetPreposition() throws {
        let g = extract("The Varn Police conducted an operation against the Red Ridge Front in Tessel on Monday.")
        let e = try #require(event(g, .operation))
        #expect(e.agent == ["Varn Police"])
        #expect(e.target == ["Red Ridge Front"])
    }

    @Test("A passive by-phrase acts, even hung on a noun: 'was gunned down along with two guards by security forces'")
    func passiveByPhrase() throws {
        let g = extract("Amar Kessel, a commander of the Red Ridge Front, was gunned down along with two guards by the Varn Police in Tessel on Monday.")
        let e = try #require(g.events.first { $0.trigger.lowercased().contains("gunned") })
        #expect(e.agent == ["Varn Police"])
        #expect(e.target.contains("Amar Kessel"))
    }

    @Test("Coordinated subjects all act, and a relative clause does not hide its antecedent: 'the Red Ridge Front, which …, attacked'")
    func coordinatedSubjectsAndRelativeClauses() throws {
        let g = extract("The Red Ridge Front and the Grey Hill Brigade attacked the Tessel checkpoint on Monday.")
        #expect(Set(event(g, .attack)?.agent ?? []) == ["Red Ridge Front", "Grey Hill Brigade"])
        let h = extract("The Red Ridge Front, which has fought the Varn Police for years, killed at least 12 villagers near Tessel on Monday.")
        #expect(event(h, .attack)?.agent == ["Red Ridge Front"])
    }

    @Test("A demonym names the country that acts when the article names it: 'Israel … an Israeli airstrike'")
    func demonymAgent() throws {
        let g = extract("Israel has denied targeting civilians. An Israeli airstrike hit the Tessel market on Monday, killing four people.")
        let e = try #require(event(g, .bombing))
        #expect(e.agent == ["Israel"])
    }

    @Test("Blame names the agent: 'police blamed the Red Ridge Front for the abduction'; 'the bombing was blamed on the RRF'")
    func blameNamesTheAgent() throws {
        let g = extract("Gunmen abducted 12 farmers near Tessel on Monday. The Varn Police blamed the Red Ridge Front for the abduction.")
        #expect(event(g, .abduction)?.agent == ["Red Ridge Front"])
        #expect(event(g, .statement) == nil)
    }

    @Test("A group saying it carried out an attack claims it, and 'it' is the group: 'the RRF said it had carried out the attack'")
    func speechClaim() throws {
        let g = extract("Fighters stormed the Tessel police station on Monday. The Red Ridge Front said it had carried out the attack.")
        let claim = try #require(event(g, .claim))
        #expect(claim.agent.contains("Red Ridge Front"))
        #expect(event(g, .attack)?.agent == ["Red Ridge Front"])
    }

    @Test("A claimant carries out the claimed event: 'the Red Ridge Front claimed responsibility for a car bombing at the base'")
    func claimantOfAClaimedEvent() throws {
        let g = extract("The Red Ridge Front claimed responsibility for a car bombing at the Tessel military base on Monday.")
        #expect(event(g, .bombing)?.agent == ["Red Ridge Front"])
    }

    @Test("A reported statement whose subject is a description is the reporter's: 'Vell said that the ministry condemns …'")
    func reportedStatementSpeaker() throws {
        let g = extract("Omar Vell, spokesman of the Norland Ministry of Defence, said that the ministry strongly condemns the attack on Tessel.")
        let e = try #require(event(g, .statement))
        #expect(e.agent.contains("Omar Vell"))
    }

    @Test("A country's force word is its state force, and 'its' refers to the subject above: 'Myanmar's military said its columns …'")
    func countryForceAndPossessivePronoun() throws {
        let g = extract("Myanmar's military said on Tuesday that its security columns had killed 27 members of the Arakan Army during a clearance operation around Kyaukpyu.")
        let e = try #require(event(g, .operation))
        // the country's force, named as the text names it ("Myanmar's military") or by the lexicon
        #expect(e.agent == ["Tatmadaw"] || e.agent == ["Myanmar's military"])
        #expect(e.target == ["Arakan Army"])
    }

    @Test("The bundled lexicon knows each country's main force, by name or alias (indexed before the lexicon is returned)")
    func countryForcesAreIndexed() throws {
        let lexicon = ExtractorTests.extractor.lexicon
        #expect(lexicon.countryForces["myanmar"].map { lexicon.entities[$0].name } == "Tatmadaw")
        #expect(lexicon.countryForces["pakistan"] != nil)
    }

    @Test("An advcl event takes the agent of the event it times: 'killed by gunmen of the X when their patrol was ambushed'")
    func framingEventAgent() throws {
        let g = extract("Four officers were killed by gunmen of the Grey Hill Brigade on Monday when their patrol was ambushed outside Tessel.")
        let e = try #require(event(g, .attack, trigger: "ambush"))
        #expect(e.agent == ["Grey Hill Brigade"])
    }

    @Test("Two claims by one group of two incidents stay two claims, and a claimed raid by a group is an attack")
    func claimsOfTwoIncidents() throws {
        let g = extract("The Red Ridge Front claimed responsibility for the beheading of two farmers in Tessel on Monday. The Red Ridge Front also claimed responsibility for a raid on Koro village on Tuesday.")
        let claims = g.events.filter { $0.type == .claim }
        #expect(claims.count == 2)
        let raid = try #require(g.events.first { $0.trigger.lowercased().contains("raid") })
        #expect(raid.type == .attack)
        #expect(raid.agent == ["Red Ridge Front"])
        #expect(g.triples.filter { $0.predicate == .claimedResponsibility }.count == 2)
    }

    @Test("Disputes and declarations are statements: 'the Red Ridge Front disputed the figures', 'the governor declared a curfew'")
    func disputesAndDeclarationsAreStatements() throws {
        let g = extract("The Varn Police said 40 fighters were killed near Tessel on Monday. The Red Ridge Front disputed the figures.")
        #expect(event(g, .statement)?.agent == ["Red Ridge Front"])
    }

    @Test("What a modifying clause says the event hit is its target: 'a missile attack by the RRF that struck near the Koro airport'")
    func targetOfAModifyingClause() throws {
        let g = extract("The Varn Police raided Tessel on Monday in response to a missile attack by the Red Ridge Front that struck near the Koro Airport a day earlier.")
        let attack = try #require(g.events.first { $0.trigger.lowercased().contains("missile") })
        #expect(attack.agent == ["Red Ridge Front"])
        #expect(attack.target == ["Koro Airport"])
    }

    @Test("A role-word record adds to its role's words, and an unknown role is a one-line error naming the roles")
    func roleWordRecords() throws {
        var lexicon = Lexicon()
        try lexicon.load(Array("argument\ttarget-preposition\tAgainst|upon\nevent-word\tmodal\twill\n".utf8), file: "mine.tsv")
        #expect(lexicon.argumentWords.contains("against", as: .targetPreposition))
        #expect(!lexicon.argumentWords.contains("against", as: .agentPreposition))
        #expect(lexicon.eventWords.modals.contains(Tokenizer.hash(Array("will".utf8))))
        #expect(throws: LexiconError.self) { try lexicon.load(Array("relation-word\tno-such-role\tfoo\n".utf8), file: "bad.tsv") }
        do {
            try lexicon.load(Array("argument\tno-such-role\tfoo\n".utf8), file: "bad.tsv")
        } catch let error as LexiconError {
            #expect(error.message.contains("unknown argument role 'no-such-role'") && error.message.contains("target-preposition"))
        }
    }

    @Test("A context-trigger record codes an event the context tells; a later record recodes it, an unknown kind is a one-line error")
    func contextTriggerRecords() throws {
        let standard = try Lexicon.standard()
        let strike = try #require(standard.contextTrigger(.aerialStrike, form: "struck"))
        #expect(strike.type == .bombing && strike.form == "struck" && !strike.cameo.isEmpty && !strike.acled.isEmpty)
        // every kind the extractor uses is coded by the bundled lexicon
        for kind in ContextTrigger.allCases { #expect(standard.contextTrigger(kind, form: "x") != nil, "\(kind)") }
        var lexicon = Lexicon()
        try lexicon.load(Array("context-trigger\taerial-strike\tbombing\t195\tExplosions/Remote violence/Air/drone strike\ncontext-trigger\taerial-strike\tattack\t190\tBattles/Armed clash\n".utf8), file: "mine.tsv")
        #expect(lexicon.contextTrigger(.aerialStrike, form: "hit")?.type == .attack)
        #expect(lexicon.contextTrigger(.groupKilling, form: "killed") == nil)
        do {
            try lexicon.load(Array("context-trigger\tno-such-kind\tattack\t190\tBattles/Armed clash\n".utf8), file: "bad.tsv")
            Issue.record("an unknown kind loaded")
        } catch let error as LexiconError {
            #expect(error.message.contains("aerial-strike"))
        }
    }
}
