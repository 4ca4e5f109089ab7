import Testing
@testable import NewsGraphCore

@Suite("Support")
struct SupportTests {
    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256Vectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("Calendar dates round-trip through day numbers and know their weekday")
    func calendarDates() throws {
        let d = try #require(CalendarDate(iso: "2024-11-16"))
        #expect(d.weekday == 5) // Saturday
        #expect(CalendarDate(dayNumber: d.dayNumber) == d)
        #expect(d.adding(days: 16).description == "2024-12-02")
        #expect(try #require(CalendarDate(iso: "2024-03-01")).adding(days: -1).description == "2024-02-29")
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "not a date") == nil)
    }
}
