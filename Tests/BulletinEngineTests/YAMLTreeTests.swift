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

/// Front matter is read from libyaml's events directly, falling back to Yams for anything
/// unusual. On every record of the sample sites and on random front matter, the tree must be
/// the one Yams composes, and text Yams refuses must be refused.
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
            #expect(throws: (any Error).self, "\(yaml.debugDescription)", sourceLocation: sourceLocation) { try YAMLTree.compose(yaml) }
            return false
        }
        let actual = try YAMLTree.compose(yaml)
        #expect(Self.describe(actual) == Self.describe(expected), "\(yaml.debugDescription)", sourceLocation: sourceLocation)
        return expected != nil
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
