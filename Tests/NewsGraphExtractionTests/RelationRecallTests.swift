import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// The recall rules for stated relations (Relations+Affiliation.swift and the stance and noun rules they extend),
/// one test per rule on invented sentences. Each asserts the exact set of non-event triples of its text.
@Suite("Relation recall rules")
struct RelationRecallTests {
    func triples(_ text: String) -> Set<String> {
        let g = RelationRuleTests.extractor.extract(Article(id: "r", plainText: Array((" date 2025-03-10 Tarsk, Mar 10 " + text).utf8)))
        return Set(g.triples.filter { !RelationRuleTests.eventPredicates.contains($0.predicate) }.map { "\($0.subject) | \($0.predicate.rawValue) | \($0.object)" })
    }

    @Test("A body named after another body of the article is its unit: 'the Tarsk Liberation Front (TLF) … the TLF Fifth Battalion'")
    func bodyNamedAfterBody() {
        #expect(triples("The Tarsk Liberation Front (TLF) held the pass. Fighters of the TLF Fifth Battalion left Varnok on Monday.")
                == ["TLF Fifth Battalion | part_of | Tarsk Liberation Front"])
    }

    @Test("Inclusion: 'X and its allies, including Y' (the names a plural relational noun includes hold it; 'its' a country when no body precedes)")
    func holderByInclusion() {
        #expect(triples("The Tarsk Liberation Front and its allies, including the Eskar Cartel, attacked Varnok.")
                == ["Eskar Cartel | allied_with | Tarsk Liberation Front"])
        #expect(triples("The strike hit Varnok, prompting Kenya and its allies, including Uganda and Tanzania, to close the border.")
                == ["Uganda | allied_with | Kenya", "Tanzania | allied_with | Kenya"])
    }

    @Test("Place apposition: 'in the hills of Kessa, Mali on Monday', 'to Kessa, Mali,' (a place in apposition to a place holds it)")
    func placeWithItsContainer() {
        #expect(triples("Gunmen burned a school in the hills of Kessa, Mali on Monday.") == ["Kessa | located_in | Mali"])
        #expect(triples("Fighting spread to Kessa, Mali, on Monday.") == ["Kessa | located_in | Mali"])
    }

    @Test("Copula complement: 'X is a network that is closely linked to Y' (the complement describes the copula's subject)")
    func copulaComplementDescribesSubject() {
        #expect(triples("Officials say the Eskar Cartel is a criminal network that is closely linked to the Tarsk Liberation Front.")
                == ["Eskar Cartel | allied_with | Tarsk Liberation Front"])
    }

    @Test("Joint action: 'their joint operation with Y', 'X launched a joint offensive with Y' (the owner is allied with the partner)")
    func jointActionPartners() {
        #expect(triples("Colonel Adam Kessel, the Eskar army spokesman, said the raid came during their joint operation with the Olem Defence Force.")
                == ["Adam Kessel | spokesperson_of | Eskar army", "Eskar army | allied_with | Olem Defence Force"])
        #expect(triples("The Eskar Cartel launched a joint offensive with the Tarsk Liberation Front on Monday.")
                == ["Eskar Cartel | allied_with | Tarsk Liberation Front"])
    }

    @Test("Fight against generic state forces: 'X, a rebel movement fighting security forces near Y' (a named group only)")
    func groupFightingStateForces() {
        #expect(triples("The Tarsk Liberation Front, a rebel movement fighting security forces near Kessa, claimed the attack.")
                == ["Tarsk Liberation Front | opposed | security forces"])
    }

    @Test("Unit command: 'the commander of the 12th Infantry Brigade, X', 'Eskar Army Region commander X' lead it; 'a senior commander of' is a member")
    func commanderLeadsUnit() {
        #expect(triples("The commander of the 12th Infantry Brigade, Colonel Adam Kessel, told reporters the road was open.")
                == ["Adam Kessel | leader_of | 12th Infantry Brigade"])
        #expect(triples("Eskar Army Region commander Lt Gen Adam Kessel visited Kessa on Thursday.")
                == ["Adam Kessel | leader_of | Eskar Army Region"])
        #expect(triples("Adam Kessel, a senior commander of the Eskar Army Region, was killed.")
                == ["Adam Kessel | member_of | Eskar Army Region"])
    }

    @Test("One of several leaders: 'X, a senior leader of ORG' is a member; 'X, the leader of ORG' leads it")
    func leaderAmongSeveralIsMember() {
        #expect(triples("Idris Malo, a senior leader of the Tarsk Liberation Front, was seen in Kessa on Monday.")
                == ["Idris Malo | member_of | Tarsk Liberation Front"])
        #expect(triples("Omar Halane, the leader of the Tarsk Liberation Front, denied the report.")
                == ["Omar Halane | leader_of | Tarsk Liberation Front"])
    }

    @Test("Numbered formation: 'Brigade 8 of ORG' is part of it (a formation named by its number is a sub-unit head)")
    func numberedFormationOfBody() {
        #expect(triples("The strike hit an area held by Brigade 8 of the Tarsk Liberation Front on Monday.")
                == ["Brigade 8 | part_of | Tarsk Liberation Front"])
    }

    @Test("Locative list: 'in Kessa, Mali, and Tavro' is a list of places, not a town and its region")
    func locativeListWithSerialComma() {
        #expect(triples("Militants attacked three army bases in Kessa, Mali, and Tavro on Monday.") == [])
    }

    @Test("Jurisdiction: 'the Tavro area under Olem upazila' is in it; 'under ORG control' places nothing")
    func placeUnderDivision() {
        #expect(triples("The raid took place in the Tavro area under Olem upazila, the army said.") == ["Tavro | located_in | Olem"])
        #expect(triples("The villages under Tarsk Liberation Front control were shelled.") == [])
    }

    @Test("Outlet: 'ORG news channel Tavro TV' is part of ORG (channels and stations are sub-unit nouns)")
    func outletOfBody() {
        #expect(triples("Tarsk Liberation Front news channel Tavro TV said two jets bombed the camp.")
                == ["Tavro TV | part_of | Tarsk Liberation Front"])
    }

    @Test("Splinter: 'X, a dissident group of ORG' is part of ORG")
    func splinterGroupOfBody() {
        #expect(triples("Members of the Eskar Cartel, a dissident group of the Tarsk Liberation Front, were arrested on Monday.")
                == ["Eskar Cartel | part_of | Tarsk Liberation Front"])
    }
}
