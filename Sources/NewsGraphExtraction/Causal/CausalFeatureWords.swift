/// The word lists the causal-sentence features are written with: connectives, causal verbs, event nouns
/// and the stems of irregular verbs. Data, not rules: the model learns what each feature is worth; these
/// lists only decide which words get features of their own beyond the bag of words.
///
/// Words are lower case; verbs and nouns are compared by their stem (`CausalFeatures.stem`), so one form
/// of a word stands for all of its forms ("cause" for caused, causes, causing).
enum CausalFeatureWords {
    /// Subordinators and prepositions that link two events ("because", "after", "amid", "following").
    static let connectives: Set<String> = [
        "because", "after", "as", "since", "when", "while", "before", "until", "once", "following", "amid",
        "amidst", "despite", "over", "against", "for", "to", "with", "by", "from", "in", "on", "so", "thus",
        "therefore", "hence", "consequently", "due", "owing", "thanks", "given", "if", "unless", "though",
        "although", "whereas", "without", "through", "upon", "prior", "ahead", "during", "following", "into",
    ]

    /// Verbs (stems) whose subject and object are often cause and effect ("the killing sparked protests").
    static let causalVerbs: Set<String> = [
        "caus", "lead", "result", "trigger", "prompt", "spark", "provok", "fuel", "driv", "spur", "forc", "compel",
        "ignit", "bring", "push", "make", "prevent", "block", "disrupt", "halt", "paralys", "paralyz", "stop",
        "affect", "hit", "leav", "end", "creat", "produc", "generat", "contribut", "stem", "aris", "follow",
        "respond", "react", "retaliat", "aveng", "protest", "demand", "condemn", "oppos", "denounc", "urg",
        "seek", "press", "call", "express", "highlight", "mark", "commemorat", "support", "demonstrat",
        "escalat", "set", "touch", "inspir", "motivat", "encourag", "allow", "enabl", "deter", "threaten",
        "injur", "kill", "damag", "destroy", "delay", "cancel", "suspend", "shut", "clos", "clash",
    ]

    /// Nouns (stems) of events and states the corpus's causes and effects are made of.
    static let eventNouns: Set<String> = [
        "protest", "strik", "attack", "war", "violenc", "clash", "ralli", "rally", "march", "riot", "crackdown", "death",
        "arrest", "ban", "unrest", "crisi", "sit-in", "demonstr", "agitat", "boycott", "bandh", "hartal",
        "shutdown", "walkout", "picket", "stoppag", "lockout", "dispute", "fire", "shoot", "bomb", "blast",
        "explos", "kill", "murder", "assassin", "raid", "ambush", "fight", "battl", "conflict", "tension", "ang",
        "outrag", "anger", "fear", "concern", "injur", "casualti", "damag", "loss", "hike", "cut", "increas",
        "decis", "polic", "law", "bill", "order", "rule", "verdict", "elect", "vote", "poll", "incid",
        "accid", "flood", "drought", "shortag", "inflat", "price", "layoff", "dismiss", "suspens", "closur",
        "evict", "demolit", "detent", "abduct", "kidnap", "rape", "assault", "beat", "tortur", "firing",
        "curfew", "lathicharg", "teargas", "gas", "disrupt", "delay", "block", "blockad", "siege", "occup",
        "movement", "campaign", "agit", "hunger", "fast", "stir", "uprising", "revolt", "coup", "repress",
    ]

    /// Noun endings that mark a noun of an event or process ("demonstration", "movement", "killing").
    static let eventNounSuffixes: [String] = ["tion", "sion", "ment", "ing", "ure", "ance", "ence", "age", "ism"]

    /// Irregular forms and their stem ("led" → "lead").
    static let irregular: [String: String] = [
        "led": "lead", "brought": "bring", "drove": "driv", "driven": "driv", "made": "make", "took": "tak",
        "taken": "tak", "left": "leav", "arose": "aris", "arisen": "aris", "hit": "hit", "set": "set",
        "began": "begin", "begun": "begin", "went": "go", "gone": "go", "came": "come", "saw": "see",
        "seen": "see", "said": "say", "told": "tell", "held": "hold", "fought": "fight", "shot": "shoot",
        "thrown": "throw", "threw": "throw", "struck": "strik", "broke": "break", "broken": "break",
        "fell": "fall", "fallen": "fall", "rose": "ris", "risen": "ris", "sought": "seek", "gave": "giv",
        "given": "giv", "got": "get", "gotten": "get", "was": "be", "were": "be", "is": "be", "are": "be",
        "been": "be", "am": "be", "had": "hav", "has": "hav", "did": "do", "does": "do", "done": "do",
        "children": "child", "people": "person", "men": "man", "women": "woman", "crises": "crisi",
    ]

    /// Punctuation: no arc features of its own.
    static let punctuation: Set<String> = [",", ".", "\"", "'", "“", "”", "‘", "’", "(", ")", "-", "–", "—", ":", ";"]
}
