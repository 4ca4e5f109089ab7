import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphQuery

/// Name resolution may skip the event-description pass (`complete: false`); what it uses must not change.
struct ResolutionShortcutTests {
    /// What `Evaluation.resolve` takes from a candidate list: the choice and the alternatives.
    static func used(_ list: [ScoredNode]) -> [ScoredNode] {
        guard let best = list.first else { return [] }
        return [best] + list.dropFirst().filter { $0.score >= 60 && $0.score >= best.score - 25 }.prefix(5)
    }

    @Test("Skipping the event-description pass never changes the chosen node or the alternatives", arguments: [
        "tarsa_attack", "bakar_raid", "guard_strike", "qamar_arrest", "Tarsa attack", "attack on Tarsa", "the Tarsa attack",
        "Qamar killing", "killing of Nadia Qamar", "Nadia Qamar", "Qamar", "Rind", "RVM", "Red Valley Movement",
        "raid in Bakar", "Bakar raid", "arrest of Omar Qamar", "Zerin arrest", "attack", "National Guard strike",
        "Upper Tarsa", "Zerin", "nothing like this",
    ])
    func shortcutKeepsWhatResolutionUses(name: String) throws {
        let engine = try Fixtures.engine()
        let resolver = NameResolver(graph: engine.graph, index: engine.cache)
        for kind in [nil, NodeKind.entity, .event] {
            for type in [nil, EntityType.place, .person] {
                let full = resolver.candidates(name, prefer: kind, preferType: type)
                let quick = resolver.candidates(name, prefer: kind, preferType: type, complete: false)
                #expect(Self.used(quick) == Self.used(full), "\(name), prefer \(String(describing: kind)) \(String(describing: type))")
            }
        }
    }

    @Test("The bound on event-description scores is never below a score the pass gives", arguments: [
        "Tarsa attack", "attack on Tarsa", "Qamar killing", "killing of Nadia Qamar", "raid in Bakar", "Bakar raid",
        "arrest of Omar Qamar", "Zerin arrest", "attack", "National Guard strike", "tarsa_attack", "attack in Norland",
    ])
    func eventScoreBoundIsAnUpperBound(name: String) throws {
        let engine = try Fixtures.engine()
        let resolver = NameResolver(graph: engine.graph, index: engine.cache)
        let descriptor = try #require(EventDescriptor(name))
        let bound = resolver.eventScoreBound(descriptor)
        for c in resolver.eventCandidates(descriptor) { #expect(c.score <= bound, "\(name): \(c.match) \(c.score) > \(bound)") }
    }

    @Test("An exact event id with a date word is resolved without walking the place's events")
    func datedEventIDNeedsNoDescriptionPass() throws {
        let engine = try Fixtures.engine()
        let resolver = NameResolver(graph: engine.graph, index: engine.cache)
        // "tarsa_attack_20250301" reads as an attack described by "tarsa" and "20250301"; no entity is called
        // "20250301", so a description scores at most (100 + 0) / 2 = 50: below any alternative to an exact id.
        let descriptor = try #require(EventDescriptor("tarsa_attack_20250301"))
        #expect(resolver.eventScoreBound(descriptor) == 50)
    }
}

/// The rare-word shortcut of `nameCandidates` (checking the rarest word's entities instead of intersecting the
/// posting lists) finds the same candidates.
struct RareWordShortcutTests {
    @Test("Checking the rarest word's entities gives the candidates of intersecting the posting lists", arguments: [
        "Nadia Qamar", "Omar Qamar", "Qamar", "Red Valley Movement", "Red Valley", "Valley Movement", "National Guard",
        "Upper Tarsa", "Tarsa", "Nad Qam", "Om Qamar", "Qam", "Red Val Mov", "RVM", "Zerin", "nothing like this",
        "Guard Nadia", "tarsa_attack", "Bakar", "Rind Baloch", "the Red Valley", "Omar",
    ])
    func shortcutFindsTheSameCandidates(name: String) throws {
        let engine = try Fixtures.engine()
        let resolver = NameResolver(graph: engine.graph, index: engine.cache)
        for kind in [nil, NodeKind.entity, .event] {
            let lists = resolver.nameCandidates(name, kind: kind, rareWordFactor: nil)
            // Factor 0: the shortcut whenever there are two or more non-empty posting lists.
            let shortcut = resolver.nameCandidates(name, kind: kind, rareWordFactor: 0)
            #expect(shortcut == lists, "\(name), kind \(String(describing: kind))")
        }
    }
}
