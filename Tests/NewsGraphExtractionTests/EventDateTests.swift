import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// The dates of events, on invented articles with a dateline (no third-party text).
@Suite("Event dates")
struct EventDateTests: ExtractionSuite {
    @Test("'… in response to a rocket attack that struck the airport a day earlier' lies a day before the sentence's Monday")
    func dayEarlierCountsBackFromTheSentenceDate() throws {
        let g = extract(" date 2024-03-05 Varnok, Mar 5 Kessa launched a series of airstrikes on the port of Tarvek on Monday, in response to a rocket attack by the Tarsk Liberation Front that struck near the Olem airport a day earlier.")
        let e = try #require(event(g, .bombing, trigger: "rocket attack"))
        #expect(e.date == "2024-03-03")
    }

    @Test("'The move comes two days after X launched a barrage' is counted from the day of publication")
    func presentTenseComesAfterCountsFromPublication() throws {
        let g = extract(" date 2024-03-02 Varnok, Mar 2 The move comes two days after the Tarsk Liberation Front launched a barrage of missiles at the Olem province.")
        let e = try #require(event(g, .bombing, trigger: "barrage"))
        #expect(e.date == "2024-02-29")
    }

    @Test("'a development on Sunday, when the Tarsk Liberation Front claimed responsibility' dates the claim")
    func whenClauseTakesTheDayItDescribes() throws {
        let g = extract(" date 2024-03-05 Varnok, Mar 5 The escalation follows a dramatic development on Sunday, when the Tarsk Liberation Front claimed responsibility for firing a missile at the Olem airport.")
        let e = try #require(event(g, .claim))
        #expect(e.date == "2024-03-03")
    }

    @Test("'On Sunday, … killed in an attack … the attack on Saturday night': the night before is the incident's day")
    func nightBeforeStartsTheIncident() throws {
        let g = extract(" date 2024-03-05 Varnok, Mar 5 On Sunday, two soldiers were killed in an attack by suspected rebels in Tarvek. Police said another soldier was injured in the attack on Saturday night.")
        let e = try #require(event(g, .attack))
        #expect(e.date == "2024-03-02")
    }

    @Test("'… killed in a bomb blast in Varnok, officials confirmed Monday': Monday dates the confirmation, not the blast")
    func dayOfAConfirmationIsNotTheIncidentDay() throws {
        let g = extract(" date 2024-03-06 Varnok, Mar 6 At least two soldiers were killed in a bomb blast in Varnok, officials confirmed Monday.")
        let e = try #require(event(g, .bombing))
        #expect(e.date == nil)
    }

    @Test("'… killed in an overnight bomb blast in Varnok, officials confirmed Monday': the night began on Sunday")
    func overnightIncidentStartsTheEveningBeforeTheReport() throws {
        let g = extract(" date 2024-03-06 Varnok, Mar 6 At least two soldiers were killed in an overnight bomb blast in Varnok, officials confirmed Monday.")
        let e = try #require(event(g, .bombing))
        #expect(e.date == "2024-03-03")
    }

    @Test("With no dateline, 'on January 4' after 'since December 28, 2025' is 2026-01-04: a day without a year follows the last full date")
    func dayWithoutYearFollowsTheLastFullDate() throws {
        let g = extract("Fighting between the Tarsk Liberation Front and the Kessa army has flared in Olem since December 28, 2025.\n\nThe Tarsk Liberation Front attacked the hospital in Varnok on January 4.")
        let e = try #require(event(g, .attack, trigger: "attacked"))
        #expect(e.date == "2026-01-04")
    }

    @Test("'Kessa forces killed seven villagers near Olem on Sunday, following a failed raid': the deaths' Sunday dates the raid they are given to")
    func dayOfTheDeathsDatesTheirIncident() throws {
        let g = extract(" date 2024-03-05 Varnok, Mar 5 Kessa forces killed seven villagers near the Olem refugee camp on Sunday, following a failed military raid on the area.")
        let e = try #require(event(g, .operation, trigger: "raid"))
        #expect(e.killed == 7)
        #expect(e.date == "2024-03-03")
    }

    @Test("'Tuesday's strike came a day after an airstrike hit the Olem camp': counted back from the subject's day")
    func cameAfterCountsFromTheSubjectsDay() throws {
        let g = extract(" date 2024-03-08 Varnok, Mar 8 A Kessa strike killed a commander in Tarvek on Tuesday. Tuesday's strike came a day after an airstrike hit the Olem camp.")
        let e = try #require(event(g, .bombing, trigger: "airstrike"))
        #expect(e.date == "2024-03-04")
    }

    @Test("'His message came a day after an airstrike leveled the consulate': an undated subject is the news of the day of publication")
    func cameAfterWithAnUndatedSubjectCountsFromPublication() throws {
        let g = extract(" date 2024-03-08 Varnok, Mar 8 The leader of Kessa has vowed to punish Tarvek. His message came a day after an airstrike leveled the Kessa consulate in Olem.")
        let e = try #require(event(g, .bombing, trigger: "airstrike"))
        #expect(e.date == "2024-03-07")
    }

    @Test("'the militants launched numerous attacks on Sunday midnight': a stated day makes incidents, not a habit")
    func numerousAttacksOnAStatedDayAreIncidents() throws {
        let g = extract(" date 2024-03-05 Varnok, Mar 5 In the latest flare of violence, fighters of the Tarsk Liberation Front launched numerous attacks on Sunday midnight, targeting police posts in Olem.")
        let e = try #require(event(g, .attack))
        #expect(e.date == "2024-03-03")
    }
}
