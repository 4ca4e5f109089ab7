#!/usr/bin/env python3
"""Random hard texts for the tokenizer check (developers only): JSON Lines of {"text": ...} on standard output.

Pieces are drawn from words, numbers, units, currencies, punctuation, quotes, brackets, contractions,
abbreviations, emoticons, URLs, e-mail addresses, non-Latin scripts, emoji and whitespace of every kind, and
glued with or without spaces. Feed the output to reference_tokens.py --jsonl, then run the Swift check with
NEWSGRAPH_TOKENIZER_REFERENCE (see Model/FORMAT.md, "tokenizer.json").

    python3 scripts/spacy_model/fuzz_texts.py [COUNT] [SEED] > /tmp/fuzz.jsonl
"""
import json
import random
import sys

PIECES = (
    "the Army said it killed 12 militants U.S. Mr. Dr. St. Gen. Lt. Col. Jan. Feb. a.m. p.m. vs. etc. e.g. i.e. "
    "don't can't won't I'm you're he's she'll we'd they've it's y'all gonna gotta cannot Let's o'clock ma'am "
    "10km 5kg 3.5mm 100m² 20°C 45°F 1,000 3.14 -7 +7 1st 2nd 22nd 1990s '90s 10am 10a.m. 7pm 9:30 24/7 1/2 50% "
    "$5 $5.20 US$10 €3 £40m ¥100 5$ 10€ #tag @user & * + = / \\ | ~ ^ _ < > "
    ". , ; : ! ? ... .. … ' \" ` ´ ‘ ’ “ ” « » „ ‚ ( ) [ ] { } - -- — – ‐ · • § ¶ © ® ™ ° "
    "well-known anti-government co-op pre- -based ex-rebel Al-Shabaab al-Qaeda M23 ISWAP AK-47 F-16 "
    "http://example.com https://www.example.org/path?q=1&r=2#frag www.bbc.co.uk example.com/news "
    "ftp://files.example.net user@example.com first.last+tag@mail.example.co.uk 192.168.1.1 10.0.0.1 "
    ":) :-) ;) :( :D <3 :P (: ): ^_^ o.O xD =) "
    "Москва Київ Αθήνα ΟΔΟΣ İstanbul straße Ærø ǅemal Ⅻ ² ³ ½ ١٢٣ ٤٥ ٪ 北京 東京 한국어 नमस्ते ไทย עברית العربية "
    "😀 👍🏽 🇺🇸 👨‍👩‍👧 ❤️ ✓ ★ → ← ≥ ≤ × ÷ ± √ ∞ "
).split(" ")
GLUE = ["", "", "", " ", " ", " ", " ", "  ", "\n", "\n\n", "\t", " \n", "\xa0", "\u2009", "\u200b", "\u3000", "\r\n"]
STICK = list(".,;:!?'\"()[]-—/…%$")


def text(rng):
    parts = []
    for _ in range(rng.randint(1, 40)):
        piece = rng.choice(PIECES)
        if rng.random() < 0.3:
            piece = rng.choice(STICK) + piece
        if rng.random() < 0.3:
            piece = piece + rng.choice(STICK) * rng.randint(1, 3)
        if rng.random() < 0.1:
            piece = piece.upper() if rng.random() < 0.5 else piece.capitalize()
        parts.append(piece)
        parts.append(rng.choice(GLUE))
    return "".join(parts)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    for _ in range(count):
        print(json.dumps({"text": text(rng)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
