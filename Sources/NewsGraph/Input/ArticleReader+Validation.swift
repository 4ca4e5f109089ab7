extension ArticleReader {
    /// Checks that bytes are a usable text: not empty or blank, no NUL bytes, valid UTF-8.
    public func validate(_ bytes: [UInt8], path: String) throws {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw ArticleReadError.empty(path: path) }
        if bytes.prefix(8192).contains(0) { throw ArticleReadError.binary(path: path) }
        if let bad = ArticleReader.firstInvalidUTF8(bytes) { throw ArticleReadError.invalidUTF8(path: path, byteOffset: bad) }
        if bytes.contains(0) { throw ArticleReadError.binary(path: path) }
    }

    /// Offset of the first byte that is not valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            var minScalar: UInt32
            if b & 0xE0 == 0xC0 { len = 2; minScalar = 0x80 } else if b & 0xF0 == 0xE0 { len = 3; minScalar = 0x800 } else if b & 0xF8 == 0xF0 { len = 4; minScalar = 0x10000 } else { return i }
            guard i + len <= n else { return i }
            var v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
            for k in 1..<len {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                v = v << 6 | UInt32(c & 0x3F)
            }
            if v < minScalar || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return i }
            minScalar = 0
            i += len
        }
        return nil
    }
}
