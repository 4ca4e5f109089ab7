import Foundation
import NewsGraph
import Testing

/// Issue 13, item 6: HTML pages are read as text, and articles that are clearly not English are skipped with a
/// warning instead of being extracted as if they were English prose. All texts here are made up.
struct InputFormatTests {
    static let page = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Gunmen attack checkpost &amp; flee</title>
        <style>p { color: red }</style><script>var s = "<p>not text</p>"; if (a < b) {}</script></head>
        <body><nav>Home</nav><article><h1>Gunmen attack checkpost</h1>
        <p>Gunmen attacked a police checkpost in Zhob on Monday,&nbsp;killing two constables, police said.</p>
        <p>The Tehreek-e-Taliban Pakistan claimed <b>responsibility</b> for the attack &#8212; the third this month&#x2e;</p>
        <!-- <p>hidden comment</p> --><noscript>enable scripts</noscript></article></body></html>
        """

    @Test("HTML: tags, scripts, styles and comments dropped, entities decoded, blocks become paragraphs")
    func htmlText() {
        let page = HTMLText(html: Self.page)
        #expect(page.title == "Gunmen attack checkpost & flee")
        #expect(page.text == """
            Home

            Gunmen attack checkpost

            Gunmen attacked a police checkpost in Zhob on Monday, killing two constables, police said.

            The Tehreek-e-Taliban Pakistan claimed responsibility for the attack — the third this month.
            """)
        #expect(HTMLText.looksLikeHTML(Array("\u{FEFF}\n  <!doctype HTML>".utf8)))
        #expect(HTMLText.looksLikeHTML(Array("<html lang=en>".utf8)))
        #expect(!HTMLText.looksLikeHTML(Array("Gunmen <b>attacked</b>".utf8)))
        #expect(HTMLText(html: "<p>a < b &unknown; &amp c</p>").text == "a < b &unknown; & c")
    }

    @Test("an .html file, a .txt file holding a page, and a JSON Lines record holding a page are read as text")
    func htmlInputs() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("zhob.html")
        let txt = dir.appendingPathComponent("saved.txt")
        let jsonl = dir.appendingPathComponent("feed.jsonl")
        try Data(Self.page.utf8).write(to: html)
        try Data(Self.page.replacingOccurrences(of: "Monday", with: "Sunday").utf8).write(to: txt)
        let record = try JSONSerialization.data(withJSONObject: ["id": "rec", "text": Self.page.replacingOccurrences(of: "Monday", with: "Friday")])
        try (record + Data("\n".utf8)).write(to: jsonl)
        var sink = RecordingSink()
        let report = try await IngestPipeline(extractor: try Extractor.standard()).ingest([dir.path], into: &sink)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(Set(sink.articles.map(\.article.id)) == ["zhob", "saved", "rec"], "a directory is read for its .html files too")
        for a in sink.articles {
            #expect(a.article.title == "Gunmen attack checkpost & flee")
            let text = a.article.sentences.joined(separator: " ")
            #expect(!text.contains("<") && !text.contains("not text") && !text.contains("hidden"), "\(text)")
            #expect(a.entities.contains { $0.name == "Tehreek-e-Taliban Pakistan" }, "\(a.entities.map(\.name))")
        }
    }

    static let french = """
        Des hommes armés ont attaqué un poste de police dans la ville de Zhob lundi soir, selon les autorités \
        locales. Deux policiers ont été tués et trois autres blessés dans cette attaque, qui n'a pas été revendiquée. \
        Les forces de sécurité ont lancé une opération de ratissage dans la région, a indiqué un responsable qui a \
        demandé à ne pas être nommé. Cette attaque est la troisième du mois dans la province.
        """
    static let german = """
        Bewaffnete Männer haben am Montagabend einen Polizeiposten in der Stadt Zhob angegriffen, wie die Behörden \
        mitteilten. Zwei Polizisten wurden getötet und drei weitere verletzt, die Tat wurde bisher nicht für sich \
        beansprucht. Die Sicherheitskräfte haben nach dem Angriff eine Suchaktion in der Region begonnen, sagte ein \
        Beamter, der nicht genannt werden wollte. Es ist der dritte Angriff in diesem Monat in der Provinz.
        """
    static let arabic = """
        هاجم مسلحون نقطة للشرطة في مدينة ژوب مساء الاثنين، بحسب السلطات المحلية. وقتل شرطيان وأصيب ثلاثة آخرون في \
        هذا الهجوم الذي لم تعلن أي جهة مسؤوليتها عنه حتى الآن. وقالت قوات الأمن إنها بدأت عملية تمشيط في المنطقة \
        بعد الهجوم، وهو الهجوم الثالث في المحافظة خلال هذا الشهر، وفق مسؤول طلب عدم ذكر اسمه لأنه غير مخول بالحديث
        """

    @Test("clearly non-English articles are recognised; English with foreign names and short texts pass")
    func languageCheck() throws {
        let check = try #require(LanguageCheck.standard, "Lexicons/languages/stopwords.tsv is bundled")
        #expect(check.profiles.count >= 12)
        #expect(check.nonEnglish(Self.french)?.language == "French")
        #expect(check.nonEnglish(Self.german)?.language == "German")
        #expect(check.nonEnglish(Self.arabic)?.language.hasPrefix("Arabic") == true)
        #expect(check.nonEnglish("Des hommes armés ont attaqué un poste de police à Zhob.") == nil, "too short to tell")
        let english = """
            Fighters of Jama'at Nusrat al-Islam wal-Muslimin (JNIM) ambushed a convoy of the Forces Armées Maliennes \
            near Diéma on Tuesday, the Liptako Security Monitor said, quoting a local official who said "la situation \
            est très grave". The convoy was travelling from Kayes to Bamako when it came under fire near the village \
            of Sébékoro, where the Groupe de soutien à l'islam et aux musulmans has been active since 2017, and at \
            least six soldiers were killed.
            """
        #expect(check.nonEnglish(english) == nil)
    }

    @Test("the example articles are all read as English")
    func examplesPass() throws {
        let check = try #require(LanguageCheck.standard)
        for dir in ["Examples/articles", "Examples/heldout"] {
            let folder = Paths.root.appendingPathComponent(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".txt") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                #expect(check.nonEnglish(text) == nil, "\(name)")
            }
        }
    }

    @Test("ingest skips a French article with a warning that names it; --any-language reads it")
    func ingestSkipsNonEnglish() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fr = dir.appendingPathComponent("fr.txt"), en = dir.appendingPathComponent("en.txt")
        try Data(Self.french.utf8).write(to: fr)
        try Data("Gunmen attacked a police checkpost in Zhob on Monday, killing two constables.".utf8).write(to: en)
        let db = dir.appendingPathComponent("s.sqlite").path
        let r = try CLI.run(["ingest", "--db", db, "--no-cache-refresh", "--quiet", fr.path, en.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: \(fr.path): looks like French, not English"), "\(r.stderr)")
        #expect(r.stdout.contains("1 article in \(db): 1 added"), "\(r.stdout)")
        let any = try CLI.run(["ingest", "--db", db, "--no-cache-refresh", "--any-language", fr.path])
        #expect(any.status == 0 && any.stdout.contains("1 added"), "\(any.stdout) \(any.stderr)")
    }
}
