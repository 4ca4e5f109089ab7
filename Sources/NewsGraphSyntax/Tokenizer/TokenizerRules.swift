import Foundation

/// One token of a tokenizer special case (spaCy's `ORTH`, with its `NORM` when the rule sets one).
struct SpecialPiece: Sendable {
    /// The token's text.
    let orth: String
    /// Its length in Unicode scalars.
    let length: Int
    /// The rule's NORM, if any (else the lexeme's norm applies).
    let norm: String?
    /// Whether the text is whitespace only.
    let isSpace: Bool
    /// Whether the text is the first token of a special-case matcher pattern.
    let startsMatcherPattern: Bool
}

/// A special case that spaCy's final matcher pass restores when the affix rules cut it into `tokens`.
struct MatcherRule: Sendable {
    /// The special case's text.
    let key: String
    /// The token texts the affix rules alone make of `key`.
    let tokens: [String]
}

/// Compiled ICU patterns (NSRegularExpression is immutable and safe to share across threads). Prefixes and
/// suffixes are searched with the per-character groups of `CharDispatch` instead of the whole patterns.
final class AffixPatterns: @unchecked Sendable {
    let infix: NSRegularExpression
    let tokenMatch: NSRegularExpression?
    let urlMatch: NSRegularExpression?

    init(infix: String, tokenMatch: String?, urlMatch: String?) throws {
        func compile(_ name: String, _ pattern: String) throws -> NSRegularExpression {
            do {
                return try NSRegularExpression(pattern: pattern, options: [])
            } catch {
                throw SyntaxTokenizerError.badPattern(name, String(describing: error))
            }
        }
        self.infix = try compile("infix", infix)
        self.tokenMatch = try tokenMatch.map { try compile("tokenMatch", $0) }
        self.urlMatch = try urlMatch.map { try compile("urlMatch", $0) }
    }
}

/// Errors reading the tokenizer's rule file.
public enum SyntaxTokenizerError: Error, CustomStringConvertible {
    /// The file could not be read or decoded.
    case unreadable(URL, String)
    /// A pattern of the file does not compile.
    case badPattern(String, String)

    public var description: String {
        switch self {
        case .unreadable(let url, let why):
            return "cannot read the tokenizer rules at \(url.path) (\(why)); regenerate them with "
                + "scripts/spacy_model/export_tokenizer.py or reinstall newsgraph's resources"
        case .badPattern(let name, let why):
            return "the tokenizer's \(name) pattern does not compile (\(why)); regenerate tokenizer.json with "
                + "scripts/spacy_model/export_tokenizer.py"
        }
    }
}

/// Everything the tokenizer and the lexical features read from `tokenizer.json` (format in Model/FORMAT.md).
struct TokenizerRules: Sendable {
    let patterns: AffixPatterns
    /// Prefix alternatives by first character, suffix alternatives by last character.
    let prefixes: CharDispatch
    let suffixes: CharDispatch
    /// The characters an infix match can start with.
    let infixFirstChars: ScalarRanges
    /// A character every URL match contains.
    let urlRequiredChar: Unicode.Scalar?
    let specials: [String: [SpecialPiece]]
    /// The longest special case, in scalars (longer strings are never looked up).
    let maxSpecialLength: Int
    /// Matcher rules by the text of their first token.
    let matcherByFirstToken: [String: [MatcherRule]]
    let keys: SpacyStringKeys
    /// Lexeme norm exceptions by the string key of the text (`lexeme_norm` table, then spaCy's BASE_NORMS).
    let lexemeNorms: HashKeyMap<String>
    /// The special cases by the hash of their text (spaCy's `_specials`), for whole chunks.
    let specialsByHash: HashKeyMap<(key: String, pieces: [SpecialPiece])>

    private struct File: Decodable {
        let infix: String
        let tokenMatch: String?
        let urlMatch: String?
        let prefixByFirstChar: CharDispatch.File
        let suffixByLastChar: CharDispatch.File
        let infixFirstChars: [[UInt32]]
        let urlRequiredChar: String?
        let specialCases: [String: [[String]]]
        let specialMatcher: [String: [String]]
        let symbols: [String: UInt64]
        let lexemeNorm: [String: String]
    }

    init(contentsOf url: URL) throws {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        } catch {
            throw SyntaxTokenizerError.unreadable(url, String(describing: error))
        }
        patterns = try AffixPatterns(infix: file.infix, tokenMatch: file.tokenMatch, urlMatch: file.urlMatch)
        prefixes = try CharDispatch(file.prefixByFirstChar, name: "prefix")
        suffixes = try CharDispatch(file.suffixByLastChar, name: "suffix")
        infixFirstChars = ScalarRanges(file.infixFirstChars)
        urlRequiredChar = file.urlRequiredChar?.unicodeScalars.first
        var matcher: [String: [MatcherRule]] = [:]
        for (key, tokens) in file.specialMatcher.sorted(by: { $0.key < $1.key }) {
            guard let first = tokens.first else { continue }
            matcher[first, default: []].append(MatcherRule(key: key, tokens: tokens))
        }
        matcherByFirstToken = matcher
        var specials: [String: [SpecialPiece]] = [:]
        var longest = 0
        for (key, pieces) in file.specialCases {
            specials[key] = pieces.compactMap { piece in
                guard let orth = piece.first else { return nil }
                return SpecialPiece(
                    orth: orth, length: orth.unicodeScalars.count, norm: piece.count > 1 ? piece[1] : nil,
                    isSpace: PythonText.isSpace(orth.unicodeScalars[...]), startsMatcherPattern: matcher[orth] != nil)
            }
            longest = max(longest, key.unicodeScalars.count)
        }
        self.specials = specials
        maxSpecialLength = longest
        keys = SpacyStringKeys(symbols: file.symbols)
        lexemeNorms = HashKeyMap(file.lexemeNorm.compactMap { key, value in UInt64(key).map { ($0, value) } })
        specialsByHash = HashKeyMap(specials.map { (SpacyStringKeys.hash($0.key), (key: $0.key, pieces: $0.value)) })
    }

    /// spaCy's lexeme NORM: the norm table's entry for the text, else its Python lower-case.
    func lexemeNorm(_ text: String) -> String {
        lexemeNorm(text, hash: SpacyStringKeys.hash(text))
    }

    /// The lexeme NORM of `text`, whose `SpacyStringKeys.hash` is `hash`.
    func lexemeNorm(_ text: String, hash: UInt64) -> String {
        if !text.isEmpty, let norm = lexemeNorms[keys.key(text, hash: hash)] { return norm }
        return PythonText.lower(text)
    }

    /// The special case of a whole chunk whose hash is `hash`.
    @inline(__always)
    func special(_ chunk: String, hash: UInt64) -> [SpecialPiece]? {
        guard let entry = specialsByHash[hash], entry.key == chunk else { return nil }
        return entry.pieces
    }
}
