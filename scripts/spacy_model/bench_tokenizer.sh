#!/usr/bin/env bash
# Times the Swift tokenizer (+ lexical features) in an optimised build, in µs per token and per word
# (whitespace-separated), on a reference JSON written by reference_tokens.py (developers only):
#
#   scripts/spacy_model/bench_tokenizer.sh [REFERENCE.json] [ROUNDS]
#
# Default reference: the committed Tests/NewsGraphSyntaxTests/Resources/tokenizer-reference.json. The tokenizer
# sources are compiled with `swiftc -O` on their own (no package build needed); the first round starts with an
# empty chunk cache (cold), later rounds reuse it (warm), as a long-running spaCy tokenizer does.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
reference="${1:-$repo/Tests/NewsGraphSyntaxTests/Resources/tokenizer-reference.json}"
rounds="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/main.swift" <<'SWIFT'
import Foundation

enum SyntaxResources {
    static func url(of file: String) throws -> URL {
        URL(fileURLWithPath: CommandLine.arguments[1]).appendingPathComponent(file)
    }
}

struct Reference: Decodable {
    struct Text: Decodable { let text: String }
    let texts: [Text]
}

let args = CommandLine.arguments
let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: args[2])))
let rounds = Int(args[3]) ?? 5
let texts = reference.texts.map(\.text)
let words = texts.reduce(0) { $0 + $1.split(whereSeparator: { $0.isWhitespace }).count }
let tokenizer = try SyntaxTokenizer.bundled()
let clock = ContinuousClock()
var tokens = 0
var checksum: UInt64 = 0
for round in 0..<rounds {
    tokens = 0
    let elapsed = clock.measure {
        for text in texts {
            let t = tokenizer.tokenize(text)
            tokens += t.count
            checksum &+= tokenizer.lexicalFeatures(t).last ?? 0
        }
    }
    let us = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
    print(String(format: "round %d (%@): %d texts, %d words, %d tokens: %.3f µs/word, %.3f µs/token, %.0f words/s",
                 round + 1, round == 0 ? "cold cache" : "warm cache", texts.count, words, tokens,
                 us / Double(words), us / Double(tokens), Double(words) / us * 1e6))
}
if checksum == 42 { print("") }
SWIFT
swiftc -O -module-name TokenizerBench -o "$work/bench" \
    "$repo"/Sources/NewsGraphSyntax/Tokenizer/*.swift "$work/main.swift" 2>&1 | grep -v "^$" || true
"$work/bench" "$repo/Sources/NewsGraphSyntax/Resources/Model" "$reference" "$rounds"
