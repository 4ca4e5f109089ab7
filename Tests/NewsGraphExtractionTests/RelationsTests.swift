import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Entity–entity triples (containment, roles, sub-units, relation phrases) on sentences written for these
/// tests; the names are invented. Each test asserts the exact set of non-event triples of its article.
@Suite("Relations")
struct RelationsTests {
    static let extractor: Extractor = {
        do { return try Extractor.standard() } catch { fatalError("bundled lexicons failed to load: \(error)") }
    }()

    /// Predicates that come from events (the event extractor's business), left out of the comparison.
    static let eventPredicates: Set<TriplePredicate> = [.attacked, .killed, .injured, .kidnapped, .arrested, .claimedResponsibility]

    func triples(_ text: String) -> Set<String> {
        let g = RelationsTests.extractor.extract(Article(id: "r", plainText: Array((" date 2025-03-10 Tarsk, Mar 10 " + text).utf8)))
        return Set(g.triples.filter { !RelationsTests.eventPredicates.contains($0.predicate) }.map { "\($0.subject) | \($0.predicate.rawValue) | \($0.object)" })
    }

    // MARK: located_in

    @Test("'X, in the southern department of Y' and 'near X, in northern Y'")
    func commaInContainer() {
        #expect(triples("Rebels shelled a market in Varnok, in the southern department of Eskar, on Sunday.") == ["market | located_in | Varnok", "Varnok | located_in | Eskar"])
        #expect(triples("Gunmen killed six herders near Tolvi, in northern Niger, last week.") == ["Tolvi | located_in | Niger"])
    }

    @Test("'X in Y's northeastern Z state' and 'the X district of Y's Z province': the inner place contains X")
    func possessiveContainers() {
        #expect(triples("Gunmen attacked villagers in Kessa in Nigeria's northeastern Karvo state on Monday.")
                == ["Kessa | located_in | Karvo", "Karvo | located_in | Nigeria"])
        #expect(triples("Jets bombed areas in the Dalmar district of Afghanistan's Verin province on Tuesday night.")
                == ["Dalmar | located_in | Verin", "Verin | located_in | Afghanistan"])
    }

    @Test("A facility 'of' its owner with an acronym, then 'in' its place; a camp 'outside' a town")
    func facilityContainers() {
        #expect(triples("Militants of the Azawad Liberation Front attacked the Tessit camp of the Menaka Regional Police (MRP) in Talvar district on Friday.")
                == ["Tessit camp | located_in | Talvar"])
        #expect(triples("Fighters stormed the Hamra camp outside Kordi on Sunday, killing nine people.") == ["Hamra camp | located_in | Kordi"])
        #expect(triples("The army said its drones struck Garvo airport, the main supply hub in Tessin, on Monday.") == ["Garvo airport | located_in | Tessin"])
    }

    @Test("'the Tarsk-based Centre …' and 'a Vellor-based monitoring group': the body is in the place")
    func basedOrganisations() {
        #expect(triples("The Tarsk-based Centre for Conflict Studies (CCS), a think tank, said attacks had doubled.")
                == ["Centre for Conflict Studies | located_in | Tarsk"])
        #expect(triples("The Sahel Peace Institute (SPI), a Vellor-based monitoring group, said attacks had doubled.")
                == ["Sahel Peace Institute | located_in | Vellor"])
    }

    @Test("A named facility that starts with a place of the article is in that place")
    func facilityNamedAfterPlace() {
        #expect(triples("Gunmen attacked the Morvan police station late on Saturday. Two policemen were wounded in Morvan town, officials said.")
                == ["Morvan police station | located_in | Morvan"])
    }

    @Test("Anaphoric containers: 'of X in the district', 'the city's X district'; 'the Foreign Office in Y'")
    func anaphoricContainers() {
        #expect(triples("Tension gripped Kalden district on Tuesday after a farmer, identified as Tomas Reyes of Borvik in the district, was shot dead.")
                == ["Borvik | located_in | Kalden"])
        #expect(triples("In Kharvo, two people were killed when drones hit a depot in the city's Podil district.") == ["Podil | located_in | Kharvo"])
        #expect(triples("Officials said the strikes had hit hideouts, while the Foreign Office in Islamabad declined to comment.")
                == ["Foreign Office | located_in | Islamabad"])
    }

    // MARK: roles

    @Test("Spokespersons: 'ORG, whose spokesman P', 'ORG spokesman in the sector, Captain P', 'signed by its spokesperson P'")
    func spokespersons() {
        #expect(triples("Fighting continued on Monday, according to the Eskar Defence Council, whose spokesman Tomas Brell said six soldiers were killed.")
                == ["Tomas Brell | spokesperson_of | Eskar Defence Council"])
        #expect(triples("The Menaka Regional Police spokesman in the sector, Captain Adam Kessel, said the road was closed.")
                == ["Adam Kessel | spokesperson_of | Menaka Regional Police"])
        #expect(triples("A statement issued by the North Ridge Committee of the Azawad Liberation Front and signed by its spokesperson Halim denied the claim.")
                == ["North Ridge Committee | part_of | Azawad Liberation Front", "Halim | spokesperson_of | North Ridge Committee"])
    }

    @Test("Bodies named before a role: 'Information Ministry spokesman P', 'Norway's foreign ministry spokesperson P', 'The United Nations' coordinator, P'")
    func bodiesBeforeRoles() {
        #expect(triples("The convoy was ambushed on Friday, Information Ministry spokesman Omar Halane said.")
                == ["Omar Halane | spokesperson_of | Information Ministry"])
        #expect(triples("Norway's foreign ministry spokesperson Ingrid Lunde condemned the strikes.")
                == ["Ingrid Lunde | spokesperson_of | Norway's foreign ministry"])
        #expect(triples("The United Nations' humanitarian coordinator for Eskar, Lena Dorsk, condemned the killings.")
                == ["Lena Dorsk | member_of | United Nations"])
    }

    @Test("Members: 'A commander of ORG, P,', 'P, a commander who …', 'who they said was a cell leader of ORG', 'ORG jawan, Head Constable P', 'a researcher at ORG'")
    func members() {
        #expect(triples("A commander of the Azawad Liberation Front, Musa Tarek, said his fighters had repelled the attack.")
                == ["Musa Tarek | member_of | Azawad Liberation Front"])
        #expect(triples("The Azawad Liberation Front said the raid avenged the killing of Idris Malo, a commander who was shot dead last month.")
                == ["Idris Malo | member_of | Azawad Liberation Front"])
        #expect(triples("Police arrested Ramon Vidal, alias \"El Toro\", who they said was a regional cell leader of the Cuervos Cartel.")
                == ["Ramon Vidal | member_of | Cuervos Cartel"])
        #expect(triples("One Menaka Regional Police jawan, Head Constable Ravi Kumar, was injured in the exchange of fire.")
                == ["Ravi Kumar | member_of | Menaka Regional Police"])
        #expect(triples("\"The attacks are rising,\" said Lena Dorsk, a researcher at the Sahel Peace Institute.")
                == ["Lena Dorsk | member_of | Sahel Peace Institute"])
    }

    @Test("Membership by apposition: 'X, a Tarsk Front commander', 'Y, an adviser to the Z command', 'W, a researcher at the V Monitor'")
    func appositionMembership() {
        #expect(triples("He said the raid avenged the killing of Kamal Dorsi, a Tarsk Liberation Front commander who was killed last week.")
                .contains("Kamal Dorsi | member_of | Tarsk Liberation Front"))
        #expect(triples("Omid Varek, an adviser to the Eskar Liberation Front command, said the deaths were caused by shelling.")
                .contains("Omid Varek | member_of | Eskar Liberation Front"))
        #expect(triples("\"The two groups fight each other,\" said Lina Moradi, a researcher at the Varnok Security Monitor.")
                == ["Lina Moradi | member_of | Varnok Security Monitor"])
        #expect(triples("Rebels shelled the town after the arrest of Tomas Ferrat, a regional boss of the Tarsk Cartel, on Sunday.")
                .contains("Tomas Ferrat | member_of | Tarsk Cartel"))
    }

    @Test("'PERSON of the ORG told …' names a member; a role before the name gives that role")
    func personOfBody() {
        #expect(triples("Inspector Halim Dorr of the Eskar State Police told reporters that two men were arrested.")
                .contains("Halim Dorr | member_of | Eskar State Police"))
        #expect(triples("Spokesman Arun Vell of the Tarsk Liberation Front said the group would fight on.")
                .contains("Arun Vell | spokesperson_of | Tarsk Liberation Front"))
    }

    // MARK: part_of

    @Test("Sub-units: 'X, ORG's branch in …', 'X, a unit controlled by ORG', 'the group's suicide wing, the X Brigade'")
    func subUnits() {
        #expect(triples("Attacks were attributed to the Kestrel Front (KF), the Azawad Liberation Front's branch in the north.")
                == ["Kestrel Front | part_of | Azawad Liberation Front"])
        #expect(triples("The Northern Legion, a unit controlled by the Eskar Defence Council, replaced the Wagner Group.")
                == ["Northern Legion | part_of | Eskar Defence Council"])
        #expect(triples("The Azawad Liberation Front has stepped up attacks. The group's suicide wing, the Iron Brigade, has carried out several bombings.")
                == ["Iron Brigade | part_of | Azawad Liberation Front"])
        // "its"/"their" skip the body named inside the subject's apposition; "their X allies" are allies
        #expect(triples("The Kestrel Front, the armed wing of the Azawad Liberation Front, said its fighters and their Northern Legion allies had taken the town.")
                == ["Kestrel Front | part_of | Azawad Liberation Front", "Northern Legion | allied_with | Kestrel Front"])
    }

    @Test("Relative clauses: 'which has pledged allegiance to ORG', 'which is affiliated with' the body it is named after")
    func allegiance() {
        #expect(triples("The Kivu Liberation Front, an armed group which has pledged allegiance to the Islamic State, has killed thousands.")
                == ["Kivu Liberation Front | part_of | Islamic State"])
        #expect(triples("The Islamic State Lakes Wing, which is affiliated with the Islamic State, claimed the attack.")
                == ["Islamic State Lakes Wing | part_of | Islamic State"])
    }

    // MARK: relation phrases

    @Test("'its partners of ORG', 'X said … and accused Y', 'which competes with Y', 'which threatened the rival faction, known as Y'")
    func relationPhrases() {
        #expect(triples("The Menaka Regional Police and its Varnese partners of the Northern Legion carried out raids near Tolvi.")
                == ["Northern Legion | allied_with | Menaka Regional Police"])
        #expect(triples("The Azawad Liberation Front said in a statement that its fighters had withdrawn and accused the Menaka Regional Police of killing civilians.")
                == ["Azawad Liberation Front | accused | Menaka Regional Police"])
        #expect(triples("The Lakes Province, which competes with the Azawad Liberation Front, killed 40 villagers.")
                == ["Lakes Province | opposed | Azawad Liberation Front"])
        #expect(triples("A banner signed by the Cuervos Cartel which threatened the rival faction, known as the Halcones Cartel, was found.")
                == ["Cuervos Cartel | threatened | Halcones Cartel", "Cuervos Cartel | opposed | Halcones Cartel"])
    }
    @Test("Framed relations: 'the clashes between X and Y', 'X, an alliance … fighting alongside Y', 'X, an apposition, has blamed Y', 'has long been allied with it'")
    func framedRelations() {
        #expect(triples("The clashes between the Azawad Liberation Front and the Kestrel Front (KF) left five people dead, officials said.")
                == ["Azawad Liberation Front | opposed | Kestrel Front"])
        #expect(triples("The Northern Legion, an alliance of former rebel groups fighting alongside the Menaka Regional Police, repelled the attack.")
                == ["Northern Legion | allied_with | Menaka Regional Police"])
        #expect(triples("The ISPR, the military's media wing, has blamed the Kestrel Front for the deaths.") == ["ISPR | accused | Kestrel Front"])
        #expect(triples("The Kestrel Front is a separate group from the Azawad Liberation Front but shares its goals and has long been allied with it.")
                == ["Kestrel Front | allied_with | Azawad Liberation Front"])
        // a generic designation takes no relation
        #expect(triples("Troops, supported by Northern Legion units, launched pursuit operations.") == [])
    }

    @Test("'Police spokesman P' after the 'Eskar State Police Command'; 'the Afghan Ministry of Defence, whose spokesman P'")
    func forceWordsAndMinistries() {
        #expect(triples("Seven farmers were abducted in Gujba, the Eskar State Police Command said. Police spokesman Omar Halane blamed the abduction on the Kestrel Front.")
                .contains("Omar Halane | spokesperson_of | Eskar State Police Command"))
        #expect(triples("Jets bombed a village, according to the Afghan Ministry of Defence, whose spokesman Habib Nuri said eight civilians were killed.")
                == ["Habib Nuri | spokesperson_of | Afghan Ministry of Defence"])
    }
}
