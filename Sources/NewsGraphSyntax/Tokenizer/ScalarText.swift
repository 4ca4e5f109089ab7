import Foundation

/// A run of Unicode scalars as the `String` NSRegularExpression searches, with the UTF-16 ↔ scalar offset
/// conversion ICU's ranges need (the identity when every scalar is in the Basic Multilingual Plane).
struct ScalarText {
    let string: String
    let utf16Length: Int
    /// Scalar index of each UTF-16 offset (count utf16Length + 1), nil when all scalars are one unit.
    private let scalarAtUTF16: [Int]?

    init(_ scalars: ArraySlice<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        string = String(view)
        var units = 0
        var wide = false
        for s in scalars {
            if s.value > 0xFFFF { wide = true; units += 2 } else { units += 1 }
        }
        utf16Length = units
        if wide {
            var map = [Int]()
            map.reserveCapacity(units + 1)
            var index = 0
            for s in scalars {
                map.append(index)
                if s.value > 0xFFFF { map.append(index) }
                index += 1
            }
            map.append(index)
            scalarAtUTF16 = map
        } else {
            scalarAtUTF16 = nil
        }
    }

    /// The scalar offset of a UTF-16 offset.
    @inline(__always)
    func scalarOffset(_ utf16: Int) -> Int {
        guard let map = scalarAtUTF16 else { return utf16 }
        return map[min(max(utf16, 0), map.count - 1)]
    }

    /// The first match of `regex` (scalar offsets), optionally anchored at the start.
    func firstMatch(_ regex: NSRegularExpression, anchored: Bool) -> Range<Int>? {
        let options: NSRegularExpression.MatchingOptions = anchored ? [.anchored] : []
        guard let m = regex.firstMatch(in: string, options: options, range: NSRange(location: 0, length: utf16Length)),
            m.range.location != NSNotFound
        else { return nil }
        return scalarOffset(m.range.location)..<scalarOffset(m.range.location + m.range.length)
    }

    /// Every match of `regex`, left to right (scalar offsets), as Python's `finditer`.
    func allMatches(_ regex: NSRegularExpression) -> [Range<Int>] {
        regex.matches(in: string, options: [], range: NSRange(location: 0, length: utf16Length)).compactMap { m in
            guard m.range.location != NSNotFound else { return nil }
            return scalarOffset(m.range.location)..<scalarOffset(m.range.location + m.range.length)
        }
    }
}
