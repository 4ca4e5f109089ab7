import NewsGraphCore
import Testing
@testable import NewsGraphExtraction

/// In-article coreference normalises names with the core's `NameNormalizer`, as cross-article resolution does.
@Suite("Extractor name normalisation")
struct NameNormalizationTests {
    @Test("\"U.S.\" and \"US\" are one form in an article (not \"u\", from a dropped trailing \" s\")")
    func dottedAcronym() {
        #expect(Names.normalize("U.S.") == Names.normalize("US"))
        #expect(Names.normalize("U.S.") == "us")
        #expect(Names.normalize("U.S. military") == "us military")
    }

    @Test("The extractor and the graph normalise every name alike")
    func oneNormaliser() {
        let names = ["U.S.", "the Tehreek-e-Taliban’s", "Pakistan's Foreign Office", "Léré", "O'Brien", "Sa'sa",
                     "Inter-Services Public Relations (ISPR)", "the", "", "Kech district", "Ahmed s"]
        for name in names { #expect(Names.normalize(name) == NameNormalizer.normalize(name), "\(name)") }
    }

    @Test("Slugs of ids are built from the normal form: a dotted acronym keeps its letters")
    func slugs() {
        #expect(Names.slug("U.S. Army") == "us_army")
        #expect(Names.slug("Shah Mardan") == "shah_mardan")
    }
}
