import Foundation
import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// A short fuzz run on every test run: the seed corpus of `Fuzz/` and a fixed set of mutants
/// of it go through the record parser and the Markdown renderer, so CI catches a crash, a hang
/// or a broken promise without libFuzzer. The long runs stay in `Fuzz/` (see its README).
/// `BULLETIN_FUZZ_SEED` picks other mutants for a local run.
@Suite("Fuzz smoke run")
struct FuzzSmokeTests {
    static let corpus: [(name: String, bytes: [UInt8])] = ["record", "markdown"].flatMap { folder in
        let url = Repo.root.appendingPathComponent("Fuzz/Corpus/\(folder)")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        return names.compactMap { name in
            (try? Data(contentsOf: url.appendingPathComponent(name))).map { ("\(folder)/\(name)", [UInt8]($0)) }
        }
    }
    static let seed = ProcessInfo.processInfo.environment["BULLETIN_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_123

    @Test func theCorpusIsThere() {
        #expect(Self.corpus.count >= 300)
    }

    /// The seeds, then 1,500 mutants in six parts that the test runner spreads over the cores.
    @Test(.timeLimit(.minutes(2)), arguments: 0...6)
    func corpusAndMutantsKeepEveryPromise(part: Int) {
        var random = SeededGenerator(seed: Self.seed &+ UInt64(part))
        let inputs = part == 0 ? Self.corpus : (0..<250).map { index in
            ("mutant \(index) of part \(part), seed \(Self.seed)", Self.mutant(&random))
        }
        for (name, bytes) in inputs {
            var problems: [String] = []
            let seconds = Robust.seconds { problems = Self.brokenPromises(bytes) }
            #expect(problems.isEmpty, "\(name): \(problems)")
            #expect(seconds < 2, "\(name) took \(seconds) s")
        }
    }

    /// The mutator can only find something if the checks can: a script that got through would be reported.
    @Test func theChecksSeeAScriptThatGetsThrough() {
        #expect(Self.unsafeMarkup(in: "<p><a href=\"JavaScript:alert(1)\">x</a></p>") == ["href=\"javascript:"])
        #expect(Self.unsafeMarkup(in: "<script>alert(1)</script>") == ["<script"])
        #expect(Self.unsafeMarkup(in: "<p>&lt;script&gt; and javascript: as text</p>") == [])
    }

    /// What went wrong with one input: diagnostics that do not point into the file, or markup
    /// the safe renderer let through.
    static func brokenPromises(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let data = Data(bytes)
        let lines = bytes.count(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) + 1
        for diagnostic in FuzzEntry.recordDiagnostics(data)
        where diagnostic.path != "fuzz.md" || !(0...lines).contains(diagnostic.line) || diagnostic.column < 0
            || diagnostic.message.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(diagnostic.description)
        }
        problems += unsafeMarkup(in: FuzzEntry.markdownHTML(data).safe).map { "safe Markdown gave \($0)" }
        return problems
    }

    static func unsafeMarkup(in html: String) -> [String] {
        let lowered = html.lowercased()
        let tags = ["<script", "<iframe", "<object", "<embed", "<style"]
        let addresses = ["href", "src"].flatMap { attribute in
            ["javascript:", "vbscript:", "file:"].map { "\(attribute)=\"\($0)" }
        } + ["href=\"data:"]
        return (tags + addresses).filter { lowered.contains($0) }
    }

    /// One to four edits of a corpus file: bytes flipped, inserted, dropped, repeated, or a
    /// piece of another file spliced in. Inserted bytes favour those that mean something to
    /// YAML and Markdown.
    static func mutant(_ random: inout SeededGenerator) -> [UInt8] {
        let meaningful = Array("-:#*&!|>[]()<{}'\"\\`\n\t ".utf8) + [0x00, 0x0D, 0xC3, 0xA9, 0xE2, 0x80, 0xAE, 0xEF, 0xBB, 0xBF, 0xFF]
        var bytes = corpus.randomElement(using: &random)!.bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1:
                let count = Int.random(in: 1...8, using: &random)
                bytes.insert(contentsOf: (0..<count).map { _ in meaningful.randomElement(using: &random)! }, at: at)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 3 where !bytes.isEmpty:
                let piece = Array(bytes[at..<min(bytes.count, at + Int.random(in: 1...64, using: &random))])
                bytes.insert(contentsOf: Array(repeating: piece, count: Int.random(in: 2...40, using: &random)).joined(), at: at)
            default:
                let other = corpus.randomElement(using: &random)!.bytes
                guard !other.isEmpty else { continue }
                let start = Int.random(in: 0..<other.count, using: &random)
                bytes.insert(contentsOf: other[start..<min(other.count, start + Int.random(in: 1...256, using: &random))], at: at)
            }
        }
        return bytes
    }
}
