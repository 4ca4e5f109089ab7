import Testing
@testable import NewsGraphExtraction

@Suite("Text")
struct TextTests {
    @Test("A dateline gives the date, the place and where the body starts")
    func datelineParsing() throws {
        let text = Array(" date 2024-11-16 Quetta, Nov 16 At least seven soldiers were killed.".utf8)
        let d = try #require(Dateline.parse(text))
        #expect(d.date == "2024-11-16")
        #expect(d.place == "Quetta")
        #expect(String(decoding: text[d.bodyStart...], as: UTF8.self).hasPrefix("At least"))
    }

    @Test("Text without a dateline has none, and a bad date is not a dateline")
    func noDateline() {
        #expect(Dateline.parse(Array("Gunmen attacked a post.".utf8)) == nil)
        #expect(Dateline.parse(Array(" date 2024-13-40 Quetta, Nov 16 Text".utf8)) == nil)
    }

    @Test("The tokenizer keeps hyphenated words, acronyms and numbers whole and splits the possessive")
    func tokenization() {
        let text = Array("Pakistan Army's Inter-Services Public Relations (ISPR) said 1,200 U.S. troops".utf8)
        let toks = Tokenizer.tokenize(text)
        let words = toks.map { String(decoding: text[$0.range], as: UTF8.self) }
        #expect(words == ["Pakistan", "Army", "'s", "Inter-Services", "Public", "Relations", "(", "ISPR", ")", "said", "1,200", "U.S.", "troops"])
        #expect(toks[7].allCaps)
        #expect(toks[0].capitalized)
        #expect(toks[2].key == Tokenizer.possessiveKey)
    }

    @Test("A typographic apostrophe inside a word joins it and keys as the ASCII one; '’s' stays the possessive")
    func typographicApostrophe() {
        let text = Array("Jama’at fighters entered Tehran’s suburbs; Jama'at".utf8)
        let toks = Tokenizer.tokenize(text)
        let words = toks.map { String(decoding: text[$0.range], as: UTF8.self) }
        #expect(words == ["Jama’at", "fighters", "entered", "Tehran", "’s", "suburbs", ";", "Jama'at"])
        #expect(toks[0].key == toks[7].key)
        #expect(toks[4].key == Tokenizer.possessiveKey)
    }

    @Test("Sentences split at full stops but not after abbreviations, and always at a newline")
    func sentenceSplitting() {
        let text = Array("Lt. Gen. Khan said the camp was hit. Five died.\nUpdate: two more".utf8)
        let toks = Tokenizer.tokenize(text)
        let sentences = SentenceSplitter.split(toks)
        #expect(sentences.count == 3)
        #expect(String(decoding: text[sentences[0].bytes], as: UTF8.self) == "Lt. Gen. Khan said the camp was hit.")
    }

    @Test("Hostile input: NUL bytes, invalid UTF-8 and a 10,000-letter word tokenize without trouble")
    func hostileTokens() {
        var bytes = Array("A\u{0}B \u{FF}\u{FE} ".utf8)
        bytes += [0xFF, 0xC3, 0x28]
        bytes += Array(repeating: UInt8(ascii: "A"), count: 10_000)
        let toks = Tokenizer.tokenize(bytes)
        #expect(!toks.isEmpty)
        #expect(toks.allSatisfy { $0.end > $0.start && Int($0.end) <= bytes.count })
    }
}
