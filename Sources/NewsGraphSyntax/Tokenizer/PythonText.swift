/// Python `str` predicates and `lower()` on Unicode scalars (Python indexes strings by code point), as spaCy
/// uses them: `isspace` splits the text, `isalpha`/`isupper`/`isdigit` make word shapes, `lower` makes norms.
///
/// Characters are judged by the Unicode version of the Python spaCy ran on (`unicodeVersion`, 14.0 for Python
/// 3.11; `tokenizer.json` records it): characters assigned later are unassigned there (no letter, no digit, no
/// case), whatever newer tables Swift has.
enum PythonText {
    /// `unicodedata.unidata_version` of the Python the reference spaCy ran on.
    static let unicodeVersion = (major: 14, minor: 0)

    /// Whether `scalar` was assigned in `unicodeVersion`.
    @inline(__always)
    static func isKnown(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < unicodeVersion.major || (age.major == unicodeVersion.major && age.minor <= unicodeVersion.minor)
    }

    /// Python's `str.isspace()` for one code point (bidirectional class WS, B or S, or category Zs).
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x1C && v <= 0x1F) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Python's `str.isalpha()` for one code point: general category Lu, Ll, Lt, Lm or Lo.
    @inline(__always)
    static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        guard isKnown(scalar) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Python's `str.isupper()` for one code point (the Uppercase property).
    @inline(__always)
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return scalar.properties.isUppercase
    }

    /// Python's `str.isdigit()` for one code point (numeric type Decimal or Digit).
    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        guard isKnown(scalar) else { return false }
        switch scalar.properties.numericType {
        case .decimal?, .digit?: return true
        default: return false
        }
    }

    /// Python's `str.isspace()` of a whole string (false when empty).
    static func isSpace(_ string: Substring.UnicodeScalarView) -> Bool {
        guard !string.isEmpty else { return false }
        return string.allSatisfy(isSpace)
    }

    /// Python's `str.lower()`: full lower-case mappings, with Greek final sigma.
    static func lower(_ string: String) -> String {
        var ascii = true
        var hasUpper = false
        for b in string.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b >= 0x41 && b <= 0x5A { hasUpper = true }
        }
        if ascii {
            guard hasUpper else { return string }
            let bytes = string.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let scalars = Array(string.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if scalar.value == 0x03A3 {
                out.append(isFinalSigma(scalars, at: i) ? "\u{03C2}" : "\u{03C3}")
                continue
            }
            let props = scalar.properties
            if props.changesWhenLowercased && isKnown(scalar) {
                out.append(contentsOf: props.lowercaseMapping.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// CPython's `handle_capital_sigma`: a cased letter before (skipping case-ignorables) and none after.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var j = index - 1
        while j >= 0 && scalars[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0, scalars[j].properties.isCased else { return false }
        var k = index + 1
        while k < scalars.count && scalars[k].properties.isCaseIgnorable { k += 1 }
        return k == scalars.count || !scalars[k].properties.isCased
    }
}
