import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// The article-level picture: which mentions are one incident or one statement, which are habitual activity,
/// on sentences written for these tests (no third-party text).
@Suite("Incidents and statements")
struct IncidentTests: ExtractionSuite {
    @Test("Each speech act is a statement: a declaration, a minister's condemnation and a later vow are three")
    func oneStatementPerSpeechAct() throws {
        let g = extract(" date 2025-03-23 Dosso, Mar 23 Gunmen of the Tarsk Liberation Front attacked a mosque in Kessa village on Friday, killing 30 worshippers. The government declared three days of national mourning. Interior Minister Amar Kessel condemned the attack. Residents buried the dead on Saturday. The government vowed that the crimes would not go unpunished.")
        let statements = g.events.filter { $0.type == .statement }
        #expect(statements.count == 3)
        #expect(statements.contains { $0.trigger.lowercased().contains("condemned") && $0.agent.contains("Amar Kessel") })
        #expect(statements.filter { $0.agent == ["government"] }.count == 2)
    }

    @Test("The same speaker's next sentence continues the statement: 'X condemned the attacks. He accused …'")
    func sameSpeakerNextSentenceIsOneStatement() throws {
        let g = extract(" date 2025-05-02 Varnok, May 2 Gunmen of the Eskar Cartel attacked a police post in Varnok on Thursday. Provincial spokesperson Amar Kessel condemned the attack on the post. He accused the Eskar Cartel of trying to intimidate the police.")
        let statements = g.events.filter { $0.type == .statement }
        #expect(statements.count == 1)
    }

    @Test("Two mentions by one actor on the same stated day are one incident when their places may nest ('Niger' … 'Kessa, a town in Niger')")
    func sameDaySameActorIsOneIncident() throws {
        let g = extract(" date 2025-04-19 Varnok, Apr 19 Gunmen attacked a church in Tarsk on Thursday. Police arrested two men in Dorim. Residents fled the area. The Eskar Cartel attacked Niger on Friday, officials said. Aid groups asked for calm. Schools were closed. On Friday, the Eskar Cartel shelled an army post in Kessa, a town in Niger.")
        let incidents = g.events.filter { [.attack, .bombing].contains($0.type) && $0.agent.contains("Eskar Cartel") }
        #expect(incidents.count == 1)
        // on different days they stay apart
        let two = extract(" date 2025-04-19 Varnok, Apr 19 The Eskar Cartel attacked an army post in Kessa on Friday. The Eskar Cartel had attacked an army post in Dorim on Tuesday.")
        #expect(two.events.filter { $0.type == .attack }.count == 2)
    }

    @Test("Two mentions of the attack on one named facility are one incident, whatever places their sentences name")
    func sameFacilityIsOneIncident() throws {
        let g = extract(" date 2025-04-19 Varnok, Apr 19 Gunmen attacked a church in Tarsk on Thursday. Militants attacked the Kessa Police Station in Dorim on Friday. Residents fled the area. Militants also attacked the Kessa Police Station in Olem district, police said.")
        #expect(g.events.filter { $0.type == .attack && $0.target.contains("Kessa Police Station") }.count == 1)
        #expect(g.events.filter { $0.type == .attack }.count == 2)
    }

    @Test("A statement's agent is the body plus its spokesperson named where it speaks")
    func statementAgentIncludesItsSpokesperson() throws {
        let g = extract(" date 2025-04-19 Varnok, Apr 19 Gunmen attacked a police post in Varnok on Friday. The Tarsk Liberation Front condemned the attack, its spokesperson Amar Kessel told reporters.")
        let statement = try #require(g.events.first { $0.type == .statement })
        #expect(statement.agent == ["Tarsk Liberation Front", "Amar Kessel"])
        // a spokesperson named in another sentence only is not this statement's speaker
        let other = extract(" date 2025-04-19 Varnok, Apr 19 Amar Kessel, spokesperson for the Tarsk Liberation Front, spoke on Monday. Gunmen attacked a police post in Varnok on Friday. The Tarsk Liberation Front condemned the attack.")
        #expect(other.events.first { $0.type == .statement }?.agent == ["Tarsk Liberation Front"])
    }

    @Test("A pronoun subject opening a sentence stands for the body named just before: 'It accused the Olem Army of …'")
    func pronounSubjectIsTheLastBody() throws {
        let g = extract(" date 2025-04-19 Varnok, Apr 19 The Tarsk Liberation Front attacked a police post in Varnok on Friday. It accused the Olem Army of killing civilians.")
        let statement = try #require(g.events.first { $0.type == .statement })
        #expect(statement.agent == ["Tarsk Liberation Front"])
        #expect(g.triples.contains { $0.subject == "Tarsk Liberation Front" && $0.predicate == .accused && $0.object == "Olem Army" })
    }

    @Test("A first-person subject of a quote is the one quoted: '\"I condemn this attack,\" the envoy Amar Kessel said'")
    func firstPersonQuoteIsTheSpeaker() throws {
        let g = extract(" date 2025-04-19 Varnok, Apr 19 Gunmen attacked a police post in Varnok on Friday. \"I condemn this reprehensible attack,\" Amar Kessel, the governor of Olem province, said.")
        let statement = try #require(g.events.first { $0.type == .statement })
        #expect(statement.agent.contains("Amar Kessel"))
        // a title before the name is not part of it ("Special Envoy")
        let envoy = extract(" date 2025-04-19 Varnok, Apr 19 Gunmen attacked a police post in Varnok on Friday. \"I condemn this reprehensible attack,\" UN Special Envoy Amar Kessel said.")
        #expect(envoy.events.first { $0.type == .statement }?.agent == ["UN", "Amar Kessel"])
    }

    @Test("A warning's hostile clause names the statement's target: 'warned they would continue targeting Vestria's airports'")
    func warningClauseTarget() throws {
        let g = extract(" date 2025-04-19 Varnok, Apr 19 The Tarsk Liberation Front warned they would continue targeting Niger's airports.")
        #expect(g.events.first { $0.type == .statement }?.target == ["Niger"])
        let demonym = extract(" date 2025-04-19 Varnok, Apr 19 Niger closed its airspace. The Tarsk Liberation Front warned that it would keep attacking Nigerien airports.")
        #expect(demonym.events.first { $0.type == .statement }?.target == ["Niger"])
    }

    @Test("A vow to punish someone for an act answers that act: 'vowed to punish the Front for the attack'")
    func vowForAnActIsAResponse() throws {
        let g = extract(" date 2025-04-19 Varnok, Apr 19 Gunmen of the Tarsk Liberation Front attacked a police post in Varnok on Friday. The governor vowed to punish the Tarsk Liberation Front for the attack on the police post.")
        let vow = try #require(g.events.first { $0.type == .statement })
        let attack = try #require(g.events.first { $0.type == .attack })
        #expect(g.causal.contains { $0.from == vow.id && $0.relation == .respondedTo && $0.to == attack.id })
    }

    @Test("Habitual violence is no incident but states who attacks whom: 'the Front has repeatedly attacked the Kessa camp'")
    func habitualAttackTriple() throws {
        let g = extract(" date 2025-04-19 Varnok, Apr 19 The Tarsk Liberation Front has repeatedly attacked the Kessa camp.")
        #expect(!g.events.contains { $0.type == .attack })
        #expect(g.triples.contains { $0.subject == "Tarsk Liberation Front" && $0.predicate == .attacked && $0.object.contains("Kessa") })
    }

    @Test("A government named by no other word is the speaker of its statement")
    func governmentIsTheSpeaker() throws {
        let g = extract(" date 2025-03-23 Dosso, Mar 23 Gunmen of the Tarsk Liberation Front attacked a mosque in Kessa village on Friday. The government condemned the attack.")
        let statement = try #require(g.events.first { $0.type == .statement })
        #expect(statement.agent == ["government"])
        #expect(g.entities.contains { $0.name == "government" && $0.type == .organization })
    }

    @Test("A plural event noun in the present perfect is habitual; in the past tense with an actor it is an incident")
    func habitualPluralByTense() throws {
        let habitual = extract(" date 2025-07-09 Maiduguri, Jul 9 The Tarsk Liberation Front has carried out attacks in Kessa district for years.")
        #expect(habitual.events.isEmpty)
        let present = extract(" date 2025-07-09 Maiduguri, Jul 9 The Tarsk Liberation Front regularly carries out bombings in the capital.")
        #expect(present.events.isEmpty)
        let incident = extract(" date 2025-07-09 Maiduguri, Jul 9 Security forces launched search operations in Varnok district.")
        #expect(incident.events.contains { $0.type == .operation && $0.agent.contains("security forces") })
    }

    @Test("A bare mention in the headline joins the one incident the lead names")
    func bareHeadlineMentionJoinsTheIncident() throws {
        let g = extract(" date 2025-06-14 Varnok, Jun 14 Attack on a police station leaves nine dead\n\nGunmen of the Eskar Cartel attacked a police station in Varnok on Friday, killing nine officers.")
        #expect(g.events.filter { $0.type == .attack || $0.type == .bombing }.count == 1)
    }
}

/// The date a page prints in its header, read when the article has no dateline.
@Suite("Publication date")
struct PublicationDateTests: ExtractionSuite {
    func date(_ text: String) -> String? { PublicationDate.find(in: Array(text.utf8))?.description }

    @Test("A header stamp, a line of its own, a dateline dash and a parenthesis give the page's date")
    func headerDates() {
        #expect(date("Kessa attack\n\nPublished May 5th, 2025 - 06:24 GMT\nGunmen attacked a post.") == "2025-05-05")
        #expect(date("Drone strike kills seven\n07 January, 2024\nSeven people were killed.") == "2024-01-07")
        #expect(date("Varnok, May 7, 2025 – Troops launched an offensive.") == "2025-05-07")
        #expect(date("Varnok, (Wire Agency - 16th Apr, 2024) A source said a strike killed a commander.") == "2024-04-16")
        #expect(date("Tuesday, 04/02/2024\nThe minister vowed revenge.") == "2024-04-02")
        #expect(date("Kessa attack\n\nWire Agency MIDDLE EAST\nPublished April 15,2024\nGunmen attacked a post.") == "2024-04-15")
    }

    @Test("A date in running prose is an event's date, not the page's")
    func proseDatesAreNotThePages() {
        #expect(date("On the morning of September 17, 2024, the capital was hit by attacks on a school and the airport of the city.") == nil)
        #expect(date("Fighting has flared in the prefecture since the country's December 28, 2025 election, the army and several witnesses said.") == nil)
    }

    @Test("A weekday is resolved against the printed date when there is no dateline")
    func weekdayAgainstPrintedDate() throws {
        let g = ExtractorTests.extractor.extract(Article(id: "t", plainText: Array("Varnok bombing\nPublished May 7th, 2025\nGunmen of the Eskar Cartel bombed a police station in Varnok on Monday.".utf8)))
        let e = try #require(g.events.first { $0.type == .bombing || $0.type == .attack })
        #expect(e.date == "2025-05-05")
    }
}

/// Casualty figures read from the parse, each construction on a sentence written for the test.
@Suite("Casualty figures from the parse")
struct CasualtyTreeTests {
    func extract(_ text: String) -> ArticleGraph {
        ExtractorTests.extractor.extract(Article(id: "t", plainText: Array((" date 2025-06-14 Varnok, Jun 14 " + text).utf8)))
    }

    func killed(_ text: String) -> Int? {
        extract(text).events.compactMap(\.killed).max()
    }

    @Test("A count far from its verb: 'At least five soldiers, including an officer, were killed when …'")
    func passiveVictimsFarFromTheVerb() {
        #expect(killed("At least five soldiers of the Kessa Rifles, including a junior commissioned officer, were killed on Monday when gunmen ambushed their patrol near Varnok.") == 5)
    }

    @Test("A noun of death: 'confirmed the deaths of 44 civilians in an attack', 'the attack claimed 43 lives'")
    func nounsOfDeath() {
        #expect(killed("The government confirmed the deaths of 44 civilians in an attack by the Tarsk Liberation Front on Kessa village.") == 44)
        #expect(killed("Gunmen of the Eskar Cartel attacked a church in Varnok on Sunday. The attack claimed at least 43 lives, the police said.") == 43)
    }

    @Test("'fighting that left at least 30 combatants dead'")
    func leftDead() {
        #expect(killed("The Tarsk Liberation Front launched an offensive on Varnok, igniting heavy fighting that left at least 30 combatants dead.") == 30)
    }

    @Test("A casualty sentence after the lead belongs to the incident being told")
    func figureOfTheIncidentInFocus() {
        #expect(killed("Gunmen of the Eskar Cartel attacked a police station in Varnok on Friday. At least 28 people were killed, the police said.") == 28)
    }

    @Test("A toll goes past an event in a 'since' phrase: 'the deadliest attack since the 2019 Kessa bombing, 28 people were killed'")
    func sincePhraseIsAPointOfReference() throws {
        let g = extract("In the deadliest attack in the province since the 2019 Kessa bombing, 28 people were killed when gunmen of the Eskar Cartel opened fire on a market in Varnok on Tuesday.")
        let attack = try #require(g.events.first { $0.type == .attack && $0.agent == ["Eskar Cartel"] })
        #expect(attack.killed == 28)
        #expect(!g.events.contains { $0.killed == 28 && $0.agent != ["Eskar Cartel"] })
    }

    @Test("Named dead are the targets of the event they died in: 'were also killed', 'identified as', 'among the dead were'")
    func namedVictims() throws {
        func killedTriples(_ text: String) -> Set<String> {
            Set(extract(text).triples.filter { $0.predicate == .killed }.map { "\($0.subject) | \($0.object)" })
        }
        #expect(killedTriples("Gunmen of the Eskar Cartel attacked a police post in Varnok on Tuesday, killing four officers. Inspector Tarik Vell and three constables were also killed.")
                == ["Eskar Cartel | Tarik Vell"])
        #expect(killedTriples("Gunmen of the Eskar Cartel attacked a police post in Varnok on Tuesday, killing four officers. The victims were identified by the police as Tarik Vell, 26, and Omar Dask, 31.")
                == ["Eskar Cartel | Tarik Vell", "Eskar Cartel | Omar Dask"])
        #expect(killedTriples("Gunmen of the Eskar Cartel attacked a police post in Varnok on Tuesday, killing four officers. Among the dead were Tarik Vell and Omar Dask.")
                == ["Eskar Cartel | Tarik Vell", "Eskar Cartel | Omar Dask"])
        // people named "as" something else are no victims
        #expect(killedTriples("Gunmen of the Eskar Cartel attacked a police post in Varnok on Tuesday. The police identified the commander as Tarik Vell.") == [])
    }

    @Test("The named object of a verb of killing, or the person a 'who was killed' clause hangs from, is a victim; a speaker next to 'killed' is not")
    func victimsReadFromTheTree() throws {
        func killedTriples(_ text: String) -> Set<String> {
            Set(extract(text).triples.filter { $0.predicate == .killed }.map { "\($0.subject) | \($0.object)" })
        }
        #expect(killedTriples("The Olem Army killed a commander named Tarik Vell in an operation near Varnok on Monday.")
                == ["Olem Army | Tarik Vell"])
        #expect(killedTriples("The Olem Army raided a hideout near Varnok on Monday. Commander Tarik Vell, who was killed in the raid, had led the Tarsk Liberation Front.")
                == ["Olem Army | Tarik Vell"])
        // the speaker after a quote ending in "killed" is no victim
        let g = extract("Gunmen of the Eskar Cartel attacked a police post in Varnok on Tuesday. \u{201C}Two officers were killed,\u{201D} said Omar Dask, a local journalist.")
        #expect(!g.events.contains { $0.target.contains("Omar Dask") })
    }

    @Test("The body whose members died is a target: 'members of the Kessa Rifles were killed in an ambush'")
    func bodyOfTheDeadIsATarget() throws {
        let ambush = try #require(extract("At least 13 members of the Kessa Rifles were killed on Thursday in an ambush by gunmen of the Eskar Cartel near Varnok.").events.first { $0.type == .attack })
        #expect(ambush.target.contains("Kessa Rifles"))
        let operation = try #require(extract("Troops of the Olem Army killed 30 fighters from the Tarsk Liberation Front in an operation near Varnok on Monday.").events.first { $0.type == .operation })
        #expect(operation.target.contains("Tarsk Liberation Front"))
        // the from-phrase of the dead, on the noun or (as the parser often hangs it) on the verb of killing
        let clash = try #require(extract("The army announced on Friday that its troops killed more than 300 fighters from the Tarsk Liberation Front in two days of intense fighting in the Varnok region.").events.first { $0.type == .clash })
        #expect(clash.target.contains("Tarsk Liberation Front"))
        // residents of a place: the place is no target
        let attack = try #require(extract("Gunmen of the Eskar Cartel killed 13 residents of Varnok in an attack on Monday.").events.first { $0.type == .attack })
        #expect(!attack.target.contains("Varnok"))
    }

    @Test("Parts of one toll are summed: 'a missile strike killed three women and four children' → 7")
    func partsOfATollAreSummed() {
        #expect(killed("Officials said a missile strike by the Olem Army killed three women and four children in Varnok on Tuesday.") == 7)
    }

    @Test("One victim named by a singular noun is a toll of one, which a stated count replaces")
    func singleVictim() {
        #expect(killed("A source said an Olem Army strike killed a local commander of the Tarsk Liberation Front in Varnok on Tuesday.") == 1)
        #expect(killed("An Olem Army strike killed a local commander and 11 fighters of the Tarsk Liberation Front in Varnok on Tuesday. In all, 12 people were killed, officials said.") == 12)
        #expect(killed("A number of people were killed when the Tarsk Liberation Front attacked Varnok on Tuesday.") == nil)
    }

    @Test("The armed body holding an unnamed facility is attacked with it: 'raided the Tarsk Front's camp', 'an ambush on a Tarsk Front camp'")
    func facilityHolderIsATarget() throws {
        let raid = try #require(extract("Troops raided the Tarsk Liberation Front's camp in Varnok on Sunday.").events.first)
        #expect(raid.target.contains("Tarsk Liberation Front"))
        let ambush = try #require(extract("Nigerien special forces staged an ambush on a Tarsk Liberation Front temporary camp near Varnok on Sunday.").events.first)
        #expect(ambush.target.contains("Tarsk Liberation Front"))
        // "special forces" is a force word: a demonym before it names the country's force
        #expect(ambush.agent == ["Nigerien special forces"])
        // a place that names the facility does not hold it
        let market = try #require(extract("Gunmen attacked the Varnok market on Sunday, killing six people.").events.first)
        #expect(!market.target.contains("Varnok"))
    }

    @Test("A statistic is not an incident's toll: 'in the first seven months of the year, 412 people were killed'")
    func statisticsAreNotTolls() {
        #expect(killed("Gunmen of the Eskar Cartel attacked a police station in Varnok on Friday. In the first seven months of the year, 412 people were killed in the province.") == nil)
    }

    @Test("Announcing that something happened reports it ('X announced that its troops killed …'); announcing a toll is a statement")
    func announcingWhatHappenedIsNoStatement() {
        let g = extract("The Norland army announced on Friday that its troops killed 30 fighters of the Kestrel Front in clashes near Varnok.")
        #expect(!g.events.contains { $0.type == .statement })
        #expect(g.events.contains { $0.type == .clash })
        let h = extract("Gunmen attacked a police post in Varnok on Friday. Government spokesman Tomas Brell announced the death toll on Saturday.")
        #expect(h.events.contains { $0.type == .statement && $0.agent.contains("Tomas Brell") })
    }

    @Test("A sentence counting over years holds statistics: 'between January 2004 and January 2025 … 7,683 deaths', 'since 2006'")
    func countsOverYearsAreStatistics() {
        #expect(killed("Gunmen attacked the Varnok district office on Friday, killing two guards. Between January 2004 and January 2025, there were 22,000 incidents in the province, resulting in 7,683 deaths.") == 2)
        #expect(killed("Gunmen attacked the Varnok district office on Friday, killing two guards. Cartel violence has claimed around 48,000 lives in the province since 2006.") == 2)
    }
}

/// Responses whose cause the cue does not name as an event.
@Suite("Unstated causes")
struct UnstatedCauseTests {
    func extract(_ text: String) -> ArticleGraph {
        ExtractorTests.extractor.extract(Article(id: "t", plainText: Array((" date 2025-04-16 Varnok, Apr 16 " + text).utf8)))
    }

    @Test("A described cause naming a place answers the incident there, even told later: 'in revenge for the martyrs of Dorn'")
    func aDescribedCauseNamingAPlace() throws {
        let g = extract("Kessa jets struck a Red Ridge Front camp near Varnok on Monday. The army said the strike was in revenge for the martyrs of Dorn. Last week Red Ridge Front fighters ambushed an army patrol in Dorn, killing nine soldiers.")
        let ambush = try #require(g.events.first { $0.trigger == "ambushed" })
        #expect(g.causal.contains { $0.relation == .respondedTo && $0.to == ambush.id })
    }

    @Test("A place before a causal cue is the effect's, not the cause's: 'jets struck targets in Dorn in retaliation for an attack on a factory'")
    func aPlaceBeforeTheCueIsTheEffects() throws {
        let g = extract("The Kessa Air Force has struck militant targets in Dorn in apparent retaliation for an attack by the Red Ridge Front on a defence company that killed five people.")
        let attack = try #require(g.events.first { $0.trigger == "attack" })
        #expect(attack.place == nil)
        #expect(attack.killed == 5)
        let strike = try #require(g.events.first { $0.trigger == "struck" })
        #expect(strike.place == "Dorn")
        #expect(g.causal.contains { $0.from == strike.id && $0.relation == .respondedTo && $0.to == attack.id })
    }

    @Test("A cue with no object: 'the group shelled an army base in retaliation' answers the strike told before")
    func bareCueAnswersTheIncidentTold() throws {
        let g = extract("A drone strike by the Kessa Army killed a commander of the Tarsk Liberation Front in Varnok on Tuesday. Hours later the Tarsk Liberation Front shelled an army base in Dorn in retaliation.")
        let strike = try #require(g.events.first { $0.trigger == "drone strike" })
        let shelling = try #require(g.events.first { $0.trigger == "shelled" })
        #expect(g.causal.contains { $0.from == shelling.id && $0.relation == .respondedTo && $0.to == strike.id })
    }

    @Test("A described cause: 'In response to the tragedy, the government declared …' answers the incident in focus")
    func describedCauseIsTheIncidentInFocus() throws {
        let g = extract("Gunmen of the Tarsk Liberation Front attacked a mosque in Kessa village on Friday, killing 30 worshippers. In response to the tragedy, the government declared three days of national mourning.")
        let attack = try #require(g.events.first { $0.type == .attack })
        let declaration = try #require(g.events.first { $0.type == .statement })
        #expect(g.causal.contains { $0.from == declaration.id && $0.relation == .respondedTo && $0.to == attack.id })
    }
}

/// One claim per responsibility claim, however often it is told.
@Suite("Repeated claims")
struct RepeatedClaimTests: ExtractionSuite {
    @Test("'X claimed responsibility for the attack. In a statement, the group said it had carried out the attack' is one claim")
    func oneClaimToldTwice() {
        let text = " date 2025-03-09 Bannu, Mar 9 Militants of the Tarsk Liberation Front stormed a police station in Varnok on Saturday, killing four policemen. The Tarsk Liberation Front claimed responsibility for the attack. In a statement sent to reporters, the group said it had carried out the attack on the police station."
        let g = ExtractorTests.extractor.extract(Article(id: "t", plainText: Array(text.utf8)))
        #expect(g.events.filter { $0.type == .claim }.count == 1)
        #expect(g.events.filter { $0.type == .attack }.count == 1)
    }
}

/// Places named as modifiers of an event noun.
@Suite("Place modifiers")
struct PlaceModifierTests: ExtractionSuite {
    @Test("'the Quetta terror attack' happened in Quetta; the dateline's city is not its place")
    func placeModifierIsThePlace() throws {
        let text = " date 2025-05-07 Karachi, May 7 The army launched strikes on Wednesday in response to the Quetta terror attack that killed 26 people on April 22."
        let g = ExtractorTests.extractor.extract(Article(id: "t", plainText: Array(text.utf8)))
        let attack = try #require(g.events.first { $0.trigger.lowercased().contains("attack") })
        #expect(attack.place == "Quetta")
    }
}

/// The article the reliability fuzzing found recursing without end (`Benchmarks/fuzz/findings/extraction/`, our
/// own example text with words shuffled).
@Suite("Extraction fuzz findings")
struct ExtractionFuzzFindingTests: ExtractionSuite {
    @Test("A garbled parse of 'its fighters' owners no longer recurses until the stack overflows")
    func shuffledWordsFinish() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/fuzz/findings/extraction/shuffled-words-recursion.jsonl")
        let line = try #require(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").first)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let text = try #require(record["text"] as? String)
        let g = ExtractorTests.extractor.extract(Article(id: "shuffled", plainText: Array(text.utf8)))
        #expect(!g.entities.isEmpty)
    }
}
