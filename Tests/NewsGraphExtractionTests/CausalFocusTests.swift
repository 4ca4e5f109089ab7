import Foundation
import Testing
@testable import NewsGraphCore
@testable import NewsGraphExtraction

/// Event–event links whose subject names no event and stands for the incident in focus ("The move comes two days
/// after …", "The killings led to …"): sentences written for these tests, invented names.
@Suite("Causal focus")
struct CausalFocusTests: ExtractionSuite {
    func link(_ g: ArticleGraph, from: EventType, to: EventType) -> ExtractedCausalLink? {
        let ids = Dictionary(uniqueKeysWithValues: g.events.map { ($0.id, $0.type) })
        return g.causal.first { ids[$0.from] == from && ids[$0.to] == to }
    }

    @Test("'The move comes two days after X': the incident in focus followed X")
    func moveComesAfter() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen of the Tarsk Liberation Front attacked a police post in Tarvek on Sunday, killing four officers.\n\nThe move comes two days after the Olem Defence Forces bombed a camp of the Front near Kessa.")
        let l = try #require(link(g, from: .attack, to: .bombing))
        #expect(l.relation == .followed)
    }

    @Test("'This escalation comes days after X', the incident told as a retaliation: it responded to X")
    func retaliationComesAfter() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 The Tarsk Liberation Front launched a retaliatory attack on a police post in Tarvek on Sunday, killing four officers.\n\nThis escalation comes days after the Olem Defence Forces bombed a camp of the Front near Kessa.")
        let l = try #require(link(g, from: .attack, to: .bombing))
        #expect(l.relation == .respondedTo)
    }

    @Test("'His message came a day after X': somebody's act, not the incident in focus")
    func possessedSubjectIsNotTheIncident() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen of the Tarsk Liberation Front attacked a police post in Tarvek on Sunday, killing four officers.\n\nHis message came a day after the Olem Defence Forces bombed a camp of the Front near Kessa.")
        #expect(link(g, from: .attack, to: .bombing) == nil)
    }

    @Test("'The killings led to a demonstration': the incident in focus caused the demonstration")
    func definiteSubjectCauses() throws {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen of the Tarsk Liberation Front attacked a camp for displaced people near Kessa on Monday, killing eleven civilians.\n\nThe killings led to a demonstration in Tarvek on Tuesday, where hundreds of students marched to the governor's office.")
        let l = try #require(link(g, from: .attack, to: .protest))
        #expect(l.relation == .caused)
    }

    @Test("'Their anger led to a demonstration': a subject that is not a definite description is not the incident")
    func possessedCauseIsNotTheIncident() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen of the Tarsk Liberation Front attacked a camp for displaced people near Kessa on Monday, killing eleven civilians.\n\nTheir anger led to a demonstration in Tarvek on Tuesday, where hundreds of students marched to the governor's office.")
        #expect(link(g, from: .attack, to: .protest) == nil)
    }

    @Test("'The decision comes a day after the attack', the attack told first: the attack is the incident in focus")
    func causeInFocusLinksNothing() {
        let g = extract(" date 2024-04-14 Varnok, Apr 14 Gunmen of the Tarsk Liberation Front attacked a police post in Tarvek on Sunday, killing four officers. Olem Defence Forces later bombed a camp of the Front near Kessa.\n\nThe decision comes a day after the attack on the police post in Tarvek.")
        #expect(g.causal.isEmpty)
    }
}
