/// The grammar words the argument rules test on the dependency parse, read from `argument` records of the
/// lexicons (`Lexicons/arguments.tsv`): which prepositions carry a target or an agent, which verbs carry out
/// the event they govern, which modifiers make an attack a bombing. Lower-case word forms.
public typealias ArgumentWords = RoleWords<ArgumentRole>

/// The roles an `argument` record can give its words.
public enum ArgumentRole: String, Sendable, CaseIterable {
    case targetPreposition = "target-preposition"
    case victimPreposition = "victim-preposition"
    case opponentPreposition = "opponent-preposition"
    case agentPreposition = "agent-preposition"
    case bodyPreposition = "body-preposition"
    case carryingVerb = "carrying-verb"
    case framePreposition = "frame-preposition"
    case impactVerb = "impact-verb"
    case relativePronoun = "relative-pronoun"
    case speakerPronoun = "speaker-pronoun"
    case bodyPronoun = "body-pronoun"
    /// "'I condemn this attack,' X said": a first-person subject of quoted speech is the one quoted.
    case quotedSpeakerPronoun = "quoted-speaker-pronoun"
    case bombingInstrument = "bombing-instrument"
    case attributionVerb = "attribution-verb"
    case attributionPreposition = "attribution-preposition"
    case accusationVerb = "accusation-verb"
    case possessivePronoun = "possessive-pronoun"
    case claimNoun = "claim-noun"
    case claimedPreposition = "claimed-preposition"
    case speechVerb = "speech-verb"
    case blamePreposition = "blame-preposition"
    case namingParticiple = "naming-participle"
    case leadingParticiple = "leading-participle"
    case targetingParticiple = "targeting-participle"
    case namingPreposition = "naming-preposition"
    case groupKillingVerb = "group-killing-verb"
    case strikeVerb = "strike-verb"
    case announcingVerb = "announcing-verb"
    case aircraftNoun = "aircraft-noun"
    case undergoingPreposition = "undergoing-preposition"
    case partnerPreposition = "partner-preposition"
    case earlierIncidentPreposition = "earlier-incident-preposition"
    case placePreposition = "place-preposition"
    case originPreposition = "origin-preposition"
    case membershipPreposition = "membership-preposition"
    case sponsorParticiple = "sponsor-participle"
    case sponsoredForceNoun = "sponsored-force-noun"
    case absolutePreposition = "absolute-preposition"
    /// "sent suicidal fighters to the camp": a verb of sending, an attack when its object carries an
    /// `assault-fighter-modifier`.
    case sendingVerb = "sending-verb"
    case assaultFighterModifier = "assault-fighter-modifier"
    /// "security forces killed 21 militants": a plural noun for the members of an unnamed armed group, whose
    /// counted dead in an operation belong to the group the article named last (Events+ArmedMembers.swift).
    case armedMemberNoun = "armed-member-noun"
    /// "the Front was involved in the raid", "militiamen were behind the ambush": the word that makes its subject
    /// the one who carried out the event noun it holds (through a preposition, or itself a preposition).
    case involvementWord = "involvement-word"
    /// "X said that Olem had nothing to do with the raid": the head word of a denial trigger that clears its
    /// subject, so that the denial reported by a named speaker is the speaker's.
    case disavowalWord = "disavowal-word"
    /// "citing Reuters", "according to Reuters": the word whose object is a news source, not an actor.
    case sourceWord = "source-word"
    /// "Tarik Vell masterminded the ambush": a verb whose subject, even a person, is the agent of the event it governs.
    case instigatingVerb = "instigating-verb"
    /// "Units from the Olem Rifles have been deployed": forces deployed right after an operation told without its
    /// forces carry it out.
    case deploymentVerb = "deployment-verb"
}
