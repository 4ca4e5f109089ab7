import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Entity mentions and their types, on sentences written for these tests (no third-party text).
@Suite("Entity mentions")
struct MentionTests: ExtractionSuite {
    func entity(_ g: ArticleGraph, _ name: String) -> ExtractedEntity? {
        g.entities.first { $0.name == name || $0.aliases.contains(name) }
    }

    @Test("A hyphenated participle modifier ('Vestrian-backed', 'Kurdish-held', 'Nord-led') is neither a name nor part of one")
    func participleModifiers() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Vestrian-backed militias attacked the Kurdish-held town of Tal Dara on Monday, and the Nord-led Tessit Liberation Front said it had repelled them.")
        #expect(entity(g, "Tal Dara")?.type == .place)
        #expect(entity(g, "Tessit Liberation Front")?.type == .group)
        // (the backed force is a group of its own, named by its whole phrase — see ParsedArgumentTests)
        #expect(!g.entities.contains { ($0.name.contains("-backed") && $0.name != "Vestrian-backed militias") || $0.name.contains("-held") || $0.name.contains("-led") })
        #expect(entity(g, "Vestrian-backed militias")?.type == .group)
        #expect(!g.entities.contains { $0.type == .person })
    }

    @Test("A definite description that opens a name is the name: 'the Ministry of Defence' is one organisation, 'the ministry' refers back")
    func descriptorOpeningAName() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Officials at the Ministry of Defence said the attack occurred on Friday. The ministry said two soldiers were hurt.")
        #expect(entity(g, "Ministry of Defence")?.type == .organization)
        #expect(entity(g, "Defence") == nil)
    }

    @Test("A name spelt otherwise, defined by an acronym the lexicon knows, is the lexicon's entity when the names share words")
    func acronymDefinesTheLexiconEntity() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 The Tahreek e Taliban Pakistan (TTP) claimed the attack on the Kessa post.")
        let e = try #require(entity(g, "TTP"))
        #expect(e.type == .group)
        #expect(e.name == "Tahreek e Taliban Pakistan")
        #expect(g.entities.filter { $0.aliases.contains("TTP") || $0.name == "TTP" }.count == 1)
        // an acronym the lexicon knows does not make an unrelated name its entity
        let h = extract(" date 2025-03-04 Gao, Mar 4 The Tessit Transport Project (TTP) suspended its buses on Monday.")
        #expect(entity(h, "Tessit Transport Project")?.type != .group)
    }

    @Test("No mention starts at a possessive: 'Tehran’s consulate' is not '’s consulate'")
    func noMentionStartsAtAPossessive() {
        let g = extract(" date 2025-03-04 Gao, Mar 4 A strike hit Tehran’s consulate in Damascus on Monday.")
        #expect(!g.entities.contains { $0.name.hasPrefix("’s") || $0.name.hasPrefix("'s") })
    }

    @Test("A formation named by its number is a state unit, number included: 'the 103rd Infantry Brigade', 'Brigade 8', 'the 5th Battalion of the Norland Army'")
    func numberedFormations() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 The commander of the 103rd Infantry Brigade said troops of Brigade 8 and the 22nd Infantry Division repelled the attack.")
        #expect(entity(g, "103rd Infantry Brigade")?.type == .unit)
        #expect(entity(g, "Brigade 8")?.type == .unit)
        #expect(entity(g, "22nd Infantry Division")?.type == .unit)
        let h = extract(" date 2025-03-04 Gao, Mar 4 Soldiers of the 5th Battalion of the Nigerian Army were deployed to the town on Monday.")
        #expect(entity(h, "5th Battalion")?.type == .unit)
        #expect(h.triples.contains { $0.subject == "5th Battalion" && $0.predicate == .partOf && $0.object == "Nigerian Army" })
        // a brigade named by words is an armed group's, and a count of soldiers is not a formation
        let k = extract(" date 2025-03-04 Gao, Mar 4 The Tessit Martyrs Brigade said it killed 12 Army soldiers on Monday.")
        #expect(entity(k, "Tessit Martyrs Brigade")?.type == .group)
        #expect(!k.entities.contains { $0.name.hasPrefix("12") })
    }

    @Test("A region or province of the lexicon before a force word is that place's force: 'Puntland forces' is a unit")
    func regionForces() throws {
        let g = extract(" date 2025-03-04 Bosaso, Mar 4 Puntland forces attacked a militant hideout in the mountains on Monday.")
        #expect(entity(g, "Puntland forces")?.type == .unit)
    }

    @Test("An all-caps dateline before a dash or colon is not an entity")
    func datelines() throws {
        let g = extract(" date 2025-03-04 Mar 4\n\nNORTHPORT — Gunmen attacked a police post in Varnok on Monday, the Varnok Regional Police said.")
        #expect(entity(g, "NORTHPORT") == nil)
        #expect(entity(g, "Varnok Regional Police")?.type == .unit)
    }

    @Test("The name before a participle modifier's hyphen is a mention when known: 'al-Qaeda-affiliated' names al-Qaeda")
    func participlePrefix() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 An al-Qaeda-affiliated group attacked a convoy near Tessit on Monday.")
        #expect(entity(g, "al-Qaeda")?.type == .group)
    }

    @Test("A name of two words after a place preposition is a place, not a person: 'in Vel Aran'")
    func placePrepositionNames() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 A drone struck a car in Vel Aran on Monday, killing two men.")
        #expect(entity(g, "Vel Aran")?.type == .place)
    }

    @Test("A plural or adjective word (in the parse) makes a headless name an organisation, not a person")
    func pluralNamesAreNotPersons() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Officials of Marsh Industries were evacuated after the attack, a manager said. Marsh Industries reopened the plant on Tuesday.")
        #expect(entity(g, "Marsh Industries")?.type == .organization)
    }

    @Test("A title inside a capitalised span ends what comes before it: 'Vestrian Defence Minister Aldo Brenn' is Aldo Brenn")
    func titleInsideSpan() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Vestrian Defence Minister Aldo Brenn said on Monday that the army had retaken the town.")
        #expect(entity(g, "Aldo Brenn")?.type == .person)
        #expect(!g.entities.contains { $0.name.contains("Minister") })
        let h = extract(" date 2025-03-04 Gao, Mar 4 The Nord State Police Commissioner Tomas Ruel said the road was closed.")
        #expect(entity(h, "Tomas Ruel")?.type == .person)
        #expect(entity(h, "Nord State Police")?.type == .unit)
    }

    @Test("A role noun in apposition (in the parse) makes a name a person; a title alone is not a name")
    func roleApposition() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Brenn Talo Varek, a spokesman for the front, denied the claim. Forces led by Lt. Gen. Orsin Dahl retreated.")
        #expect(entity(g, "Brenn Talo Varek")?.type == .person)
        #expect(entity(g, "Lt") == nil)
        #expect(entity(g, "Orsin Dahl")?.type == .person)
    }

    @Test("Apposition to a person noun through its complement ('the governor of the region, X') and overlapping titles ('Army Chief of Staff X') make persons")
    func appositionChainAndOverlappingTitles() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 The governor of the northern region, Orsin Dahl, said on Monday that the road had reopened.")
        #expect(entity(g, "Orsin Dahl")?.type == .person)
        let h = extract(" date 2025-03-04 Gao, Mar 4 The army will respond, Army Chief of Staff Tamas Velo said on Monday.")
        #expect(entity(h, "Tamas Velo")?.type == .person)
        #expect(!h.entities.contains { $0.name.contains("Chief") })
    }

    @Test("Name particles continue a person's name: 'de la', 'van der', 'al-' joined to a capitalised word")
    func nameParticles() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Colonel Tomas de la Vega said on Monday that the convoy had been attacked. Anna van der Berg, a spokesperson for the mission, confirmed it. Kamal al-Rashid said the rebels had ordered the raid.")
        #expect(entity(g, "Tomas de la Vega")?.type == .person)
        #expect(entity(g, "Anna van der Berg")?.type == .person)
        #expect(entity(g, "Kamal al-Rashid") != nil)
        #expect(entity(g, "Tomas") == nil && entity(g, "Anna") == nil && entity(g, "Kamal") == nil)
    }

    @Test("The parse types unknown places: a place noun in apposition ('Velmar, a town near …'), a conjunct of a known place")
    func parsePlaceEvidence() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 The rebels attacked Velmar, a town near the border, on Monday.")
        #expect(entity(g, "Velmar")?.type == .place)
        let h = extract(" date 2025-03-04 Gao, Mar 4 The insurgents attacked three military bases in Menaka, Orsa and Telmi on Monday.")
        #expect(entity(h, "Telmi")?.type == .place)
    }

    @Test("A place's possessive before a force word is its force, and the place is named too: 'Mali's military'")
    func possessiveForces() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Mali's military said on Monday that it had repelled an attack near Tessit.")
        #expect(entity(g, "Mali's military")?.type == .unit || g.entities.contains { $0.type == .unit && $0.aliases.contains("Mali's military") })
        #expect(entity(g, "Mali")?.type == .place)
    }

    @Test("A plural role noun in apposition is no person evidence: 'members of the movement Velanord (VENO)'")
    func pluralRoleIsNoPersonEvidence() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Dozens of young people, many of them members of the citizen movement Velanord (VENO), blocked the road. VENO said the protest would continue.")
        #expect(entity(g, "VENO")?.type == .organization)
        #expect(!g.entities.contains { $0.type == .person })
    }

    @Test("Force heads: a 'Police Reserve' and an 'Army Region' are units")
    func forceHeads() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Two members of the Varnok Police Reserve were killed on Monday. The Sixth Army Region said it had sent reinforcements.")
        #expect(entity(g, "Varnok Police Reserve")?.type == .unit)
        #expect(entity(g, "Sixth Army Region")?.type == .unit)
    }

    @Test("A lower-case place noun after a name typed by its head does not make it a place: 'the Varnok Operations Command sector'")
    func headTypedNameBeforePlaceNoun() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Aircraft struck a hideout within the Varnok Operations Command sector on Monday, the Varnok Operations Command said.")
        #expect(entity(g, "Varnok Operations Command")?.type == .unit)
    }

    @Test("'the Army' standing alone is a unit named so, or the force named before with that word")
    func definiteForceWord() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 Gunmen ambushed a patrol on Monday during an operation that the Army was carrying out near Tessit.")
        #expect(entity(g, "Army")?.type == .unit)
        let h = extract(" date 2025-03-04 Quetta, Mar 4 The Pakistan Army said on Monday that the Army had lost two soldiers near Turbat.")
        #expect(entity(h, "Pakistan Army")?.type == .unit)
        #expect(!h.entities.contains { $0.name == "Army" })
    }

    @Test("A name's possessive before an organisation head is one organisation: 'the Varnok Mayor's Office'")
    func possessiveOffices() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 The Varnok Mayor's Office said on Monday that two officers were killed.")
        #expect(entity(g, "Varnok Mayor's Office")?.type == .organization)
        #expect(!g.entities.contains { $0.type == .person })
    }

    @Test("Not names: a clock time's 'PM'/'GMT', a named operation ('Operation Silver Dawn'), a single letter")
    func notNames() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 The strikes began at 1:44 AM GMT under Operation Silver Dawn, the army said. Officials posted the news on X before noon.")
        #expect(!g.entities.contains { ["AM", "AM GMT", "GMT", "X", "Operation Silver Dawn", "Silver Dawn"].contains($0.name) })
    }

    @Test("'National Security Adviser' is a title before a person's name")
    func securityAdviserTitle() throws {
        let g = extract(" date 2025-03-04 Delhi, Mar 4 The minister met National Security Adviser Ravi Tandel on Monday.")
        #expect(entity(g, "Ravi Tandel")?.type == .person)
        #expect(!g.entities.contains { $0.name.hasPrefix("National") })
    }

    @Test("A capitalised span ending on a title is a role, not a person: 'the Acting Minister said'")
    func spanEndingOnTitle() throws {
        let g = extract(" date 2025-03-04 Gao, Mar 4 The Acting Minister said on Monday that the road was open, and the Acting Minister later visited Tessit.")
        #expect(!g.entities.contains { $0.type == .person })
    }

    @Test("A definite description stands for the body whose name ends in its head word: 'the army' is the Olem Army, not the police named since")
    func descriptionHeadNamesTheBody() throws {
        let g = extract(" date 2024-07-09 Varnok, Jul 9 Gunmen ambushed a patrol of the Olem Army near Kessa on Monday. Two officers of the Central Reserve Police Force were wounded. The army launched an operation in Tarvek on Tuesday.")
        let op = try #require(g.events.first { $0.type == .operation })
        #expect(op.agent == ["Olem Army"])
        // with no body so named, the body of its type seen last
        let h = extract(" date 2024-07-09 Varnok, Jul 9 Gunmen ambushed a patrol of the Central Reserve Police Force near Kessa on Monday. The forces launched an operation in Tarvek on Tuesday.")
        #expect(h.events.first { $0.type == .operation }?.agent == ["Central Reserve Police Force"])
    }
}
