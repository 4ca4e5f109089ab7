/// The grammar words the entity–entity relation rules test on the dependency parse, read from
/// `relation-word` records of the lexicons (`Lexicons/relations.tsv`): which nouns name a sub-unit, a partner
/// or a rival, which verbs blame, threaten or fight, which prepositions lead to a role's owner. Lower-case
/// word forms.
public typealias RelationWords = RoleWords<RelationRole>

/// The roles a `relation-word` record can give its words.
public enum RelationRole: String, Sendable, CaseIterable {
    /// "the media wing of X", "X's branch": the noun's holder is part of its owner.
    case subUnitNoun = "sub-unit-noun"
    /// "a dissident group in X", "a splinter faction of X": a modifier that makes any body noun a sub-unit noun.
    case splinterModifier = "splinter-modifier"
    /// "a partner of X", "X's ally": allied_with.
    case partnerNoun = "partner-noun"
    /// "a rival of X", "X's enemy": opposed.
    case rivalNoun = "rival-noun"
    /// Role nouns whose owner may be a place: "the governor of X", "X's president" (leader_of).
    case placeHead = "place-head"
    /// "deputy governor", "vice president": a premodifier that makes a leader's role a member's.
    case subordinateModifier = "subordinate-modifier"
    /// "spokesperson for X", "commander of X", "researcher at X": prepositions leading to a role's owner.
    case ownerPreposition = "owner-preposition"
    /// "the commander of the 12th Infantry Brigade, X": a member's role that leads a named state unit it is the one of.
    case commandNoun = "command-noun"
    /// "its allies, including X", "its commanders, like X": prepositions naming the holders of a plural noun.
    case inclusionPreposition = "inclusion-preposition"
    /// "X accused Y of …", "X blamed Y for …".
    case accusationVerb = "accusation-verb"
    /// "X attributed the attack to Y", "X blamed the attack on Y": the object of the preposition is accused.
    case attributionVerb = "attribution-verb"
    case attributionPreposition = "attribution-preposition"
    /// "X warned Y", "X threatened Y".
    case threatVerb = "threat-verb"
    /// "X vowed to punish Y": a verb of intent whose open clause acts against Y.
    case vowVerb = "vow-verb"
    /// The hostile verbs of a vow: "punish", "crush", "avenge".
    case hostileVerb = "hostile-verb"
    /// "X is fighting Y", "X, a group battling Y".
    case fightVerb = "fight-verb"
    /// "clashes between X and Y", "the war between X and Y".
    case fightNoun = "fight-noun"
    /// "allied with", "linked to", "loyal to", "aligned with": an adjective or participle whose preposition names the ally.
    case allianceWord = "alliance-word"
    /// "backed by Y", "Y-backed X": the backer is an ally of the one backed.
    case backingWord = "backing-word"
    /// "affiliated with Y", "Y-affiliated X": part of Y.
    case affiliationWord = "affiliation-word"
    /// "fought alongside Y", "in coordination with Y".
    case alongsidePreposition = "alongside-preposition"
    case coordinationNoun = "coordination-noun"
    /// "their joint operation with Y": an adjective that makes the owner of an action and its "with" partner allies.
    case jointModifier = "joint-modifier"
    /// "Ramon Vidal, alias El Toro": a nickname, not another person.
    case aliasWord = "alias-word"
    /// "Norway's foreign ministry spokesperson X": a lower-case body noun a country's possessive makes an organisation.
    case bodyNoun = "body-noun"
    /// "X, a town in Y": a noun that describes a place.
    case placeNoun = "place-noun"
    /// "X is located in Y", "X, situated in Y".
    case locationParticiple = "location-participle"
    /// "the Eskar Council, chaired by X": a participle whose by-phrase names the person who leads the body it describes.
    case leadershipParticiple = "leadership-participle"
    /// "the Tavro area under Olem upazila": a preposition placing a place in the division it comes under.
    case jurisdictionPreposition = "jurisdiction-preposition"
    /// "the Front, an affiliate based in Niger": a participle that places a body (or a place) in a place.
    case baseParticiple = "base-participle"
    /// "Kenya's capital, Nairobi": a noun for a place that another place holds (with `place-noun`).
    case seatNoun = "seat-noun"
    /// "the Olem city of Tavro", "the town of Tavro": a noun that introduces a settlement's name with "of" (it is
    /// not the head of the name before it).
    case settlementNoun = "settlement-noun"
    /// "Maungdaw Township, Rakhine State": the last word of a named administrative division that holds the place
    /// named before it.
    case divisionNoun = "division-noun"
    /// "the 103rd Infantry Brigade", "Brigade 8": the last word of a military formation named by its number.
    case formationNoun = "formation-noun"
    /// "st", "nd", "rd", "th" written against a number ("5th").
    case ordinalSuffix = "ordinal-suffix"
}
