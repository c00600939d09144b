import Foundation
import Testing
import Yams
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// Front matter is read from libyaml's events directly. On every record of the sample sites and
/// on random front matter, the tree must be the one Yams composes; text Yams refuses must be
/// refused, and so must anchors, aliases and repeated keys, which Yams reads.
@Suite("YAML tree against Yams")
struct YAMLTreeTests {
    @Test func everySampleFrontMatterReadsAsYamsReadsIt() throws {
        var checked = 0
        for content in [Repo.root.appendingPathComponent("Content"), Repo.fixtures.appendingPathComponent("en-site"),
                        Repo.fixtures.appendingPathComponent("zh-site")] {
            var scanner = ContentScanner(root: content)
            let inventory = scanner.scan()
            for file in inventory.records.map(\.file) + inventory.communities.map(\.profile) {
                let text = try String(contentsOfFile: file.location, encoding: .utf8)
                guard let split = try? FrontMatter.split(text) else { continue }
                try expectSameAsYams(split.yaml)
                checked += 1
            }
        }
        #expect(checked > 80)
    }

    @Test func randomFrontMatterReadsAsYamsReadsIt() throws {
        let pieces = ["title: Roof", "title: \"Roof: 2\"", "title: 'it''s'", "date: 2024-05-18", "tags: [a, b]", "tags:\n  - a\n  - b",
                      "vote: {for: 3, against: 1}", "vote:\n  for: 3\n  against: 1", "x: ~", "y: null", "z:", "empty: ''",
                      "text: |\n  line one\n  line two", "folded: >\n  a\n  b", "# comment", "title: Roof", "n: 12",
                      "标题: 电梯", "k: [a, {b: c}]", "? complex\n: value", "- item", "a: &x 1", "b: *x", "t: !!str 5",
                      "bad: [1, 2", "tab:\tx", "  indented: 1", "key: value: more", "\"quoted key\": 1", "---", "...", ""]
        var generator = SeededGenerator(seed: 5)
        var documents = 0
        for _ in 0..<3_000 {
            let yaml = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: "\n")
            if try expectSameAsYams(yaml) { documents += 1 }
        }
        #expect(documents > 500)
    }

    /// Whether Yams read a document.
    @discardableResult
    private func expectSameAsYams(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        let expected: YAMLNode?
        do {
            expected = try Yams.compose(yaml: yaml, Resolver.basic, .default, .utf8).map(YAMLNode.init)
        } catch {
            #expect(throws: YAMLProblem.self, "\(yaml.debugDescription)", sourceLocation: sourceLocation) { try YAMLTree.read(yaml) }
            return false
        }
        let actual: YAMLNode?
        do {
            actual = try YAMLTree.read(yaml)
        } catch {
            let refusedOnPurpose = error.message.hasPrefix("anchors (&name)") || error.message.contains("is written more than once")
            #expect(refusedOnPurpose, "\(yaml.debugDescription): \(error)", sourceLocation: sourceLocation)
            return false
        }
        #expect(Self.describe(actual) == Self.describe(expected), "\(yaml.debugDescription)", sourceLocation: sourceLocation)
        return expected != nil
    }

    @Test func anchorsAliasesAndRepeatsAreRefusedWhereTheyStand() {
        func refusal(_ yaml: String) -> YAMLProblem? {
            do { _ = try YAMLTree.read(yaml) } catch { return error }
            return nil
        }
        #expect(refusal("title: Tom & Jerry *fixed* it\nsummary: \"*a* &b\"\n") == nil)
        #expect(refusal("s: |\n  *starred*\n  &amp;\n") == nil)
        #expect(refusal("a: &x 1\nb: *x\n").map { [$0.line, $0.column] } == [1, 4])
        #expect(refusal("a: 1\n? *x\n: v\n").map { [$0.line, $0.column] } == [2, 3])
        #expect(refusal("a: {b: [1, *x]}\n").map { [$0.line, $0.column] } == [1, 12])
        #expect(refusal("t: x\n  \"y\na: &x [1]\nb: {*x : 1}\n").map { [$0.line, $0.column] } == [3, 4])
        // libyaml skips a byte-order mark at the start of a line, and counts it as a column.
        #expect(refusal("a: [1]\nb: {\n\u{FEFF}*x : 1}\n").map { [$0.line, $0.column] } == [3, 2])
        let repeated = refusal("vote:\n  for: 3\n  against: 1\n  for: 4\n")
        #expect(repeated == YAMLProblem(line: 4, column: 3, field: "vote.for", message: Message(.yamlDuplicateField, ["field": "vote.for", "line": 2])))
        #expect(repeated?.message == "the field \"vote.for\" is written more than once (first on line 2); keep one")
        #expect(refusal("participants:\n  - role: owners\n    role: tenants\n")?.field == "participants[1].role")
    }

    @Test func nestingIsCountedInListsAndMappingsAlike() {
        func depthRefusal(_ yaml: String) -> [Int]? {
            do { _ = try YAMLTree.read(yaml) } catch { return error.message.contains("nested more than") ? [error.line, error.column] : nil }
            return nil
        }
        let limit = YAMLTree.maximumDepth
        #expect(depthRefusal("a: " + String(repeating: "[", count: limit) + String(repeating: "]", count: limit)) == nil)
        #expect(depthRefusal("a: " + String(repeating: "[", count: limit + 1)) == [1, 4 + limit])
        #expect(depthRefusal("é: " + String(repeating: "{b: ", count: limit + 1)) == [1, 4 + 4 * limit])
        #expect(depthRefusal("a: " + String(repeating: "[", count: 100_000)) == [1, 4 + limit])
    }

    /// libyaml stops at a `---` line itself, and at the text after a `...` line.
    @Test(arguments: [("a: 1\n---\nb: 2\n", 6), ("a: 1\n...\nb: 2\n", 7)])
    func aSecondDocumentIsNamed(_ yaml: String, _ line: Int) {
        #expect(throws: YAMLProblem(line: line, column: 1, message: YAMLErrorReport.secondDocument)) {
            try YAMLTree.read(yaml, firstLine: 5)
        }
    }

    /// Every value, position and quoting, in one line.
    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.mark.line):\(node.mark.column)"
        switch node {
        case .scalar(let s): return "\(s.string.debugDescription)\(s.isPlain ? "" : "q")\(at)"
        case .sequence(let items, _): return "[" + items.map { describe($0) }.joined(separator: ", ") + "]\(at)"
        case .mapping(let pairs, _): return "{" + pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}\(at)"
        }
    }
}

extension YAMLNode {
    /// A Yams node as the tree would hold it, for comparing the two readers.
    init(_ node: Node) {
        let mark = YAMLMark(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar): self = .scalar(YAMLScalar(string: scalar.string, isPlain: scalar.style == .plain, mark: mark))
        case .sequence(let sequence): self = .sequence(sequence.map(YAMLNode.init), mark)
        case .mapping(let mapping): self = .mapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) }, mark)
        case .alias: self = .scalar(YAMLScalar(string: "*alias", isPlain: true, mark: mark))
        }
    }
}
