import BulletinContent
import BulletinIncremental
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// `bulletin new`: writes a correctly named record with the front matter to fill in.
public enum NewRecord {
    public enum Failure: Error, CustomStringConvertible {
        case unknownKind(String)
        case unknownCommunity(String, suggestion: String?)
        case titleGivesNoName(String)
        case exists(String)

        /// What went wrong, to give in the site's language.
        public var problem: Message {
            switch self {
            case .unknownKind(let kind):
                Message(.newKindUnknown, ["kind": kind, "hint": Suggestion.hint(for: kind, in: RecordKind.allCases.map(\.singular))])
            case .unknownCommunity(let name, let suggestion):
                Message(.newCommunityUnknown, values: ["name": .text(name),
                                                       "hint": suggestion.map { Message(.didYouMeanAfter, ["word": $0]).messageArgument } ?? .text("")])
            case .titleGivesNoName(let title):
                Message(.newTitleGivesNoName, ["title": title])
            case .exists(let path):
                Message(.newFileExists, ["path": path])
            }
        }

        public var description: String { problem.english }
    }

    /// Today in the site's time zone (from site.yml), as the build reckons it.
    public static func today(_ moment: BuildMoment, content: URL) -> SimpleDate {
        let zone = SiteSettings.read(content: content)?.timeZone ?? "UTC"
        return moment.today(timeZone: zone)
    }

    /// Creates the file and returns its content-relative path.
    public static func create(kind name: String, community: String, title: String, content: URL, today: SimpleDate) throws(Failure) -> String {
        guard let kind = RecordKind.allCases.first(where: { $0.singular == name || $0.rawValue == name }) else {
            throw .unknownKind(name)
        }
        let fileManager = FileManager()
        let communities = content.appendingPathComponent("communities")
        guard fileManager.fileExists(atPath: communities.appendingPathComponent(community).appendingPathComponent("community.md").path) else {
            let known = (try? fileManager.contentsOfDirectory(atPath: communities.path)) ?? []
            throw .unknownCommunity(community, suggestion: Suggestion.nearest(to: community, in: known.sorted()))
        }
        guard let slug = Identifier.suggestion(for: title) else { throw .titleGivesNoName(title) }
        let fileName = kind.isDated ? "\(today.iso)-\(slug).md" : "\(slug).md"
        let path = "communities/\(community)/\(kind.rawValue)/\(fileName)"
        let url = content.appendingPathComponent(path)
        guard !fileManager.fileExists(atPath: url.path) else { throw .exists(path) }
        try? fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = "---\n" + frontMatter(kind, title: title, today: today) + "---\n\n" + bodyHint(kind)
        guard fileManager.createFile(atPath: url.path, contents: Data(text.utf8)) else { throw .exists(path) }
        return path
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The front matter the kind's table scaffolds, in its order, each line ending in a newline.
    static func frontMatter(_ kind: RecordKind, title: String, today: SimpleDate) -> String {
        kind.fields.scaffold.map { lines(of: $0, title: title, today: today) }.joined()
    }

    private static func lines(of field: FieldSpec, title: String, today: SimpleDate) -> String {
        let key = field.key
        switch field.scaffold {
        case nil: return ""
        case .givenTitle: return "\(key): \(quoted(title))\n"
        case .value(let value): return "\(key): \(value)\n"
        case .item(let item): return "\(key):\n  - \(item)\n"
        case .choice(let value, let then):
            return "\(key): \(value.rawValue)  # one of: \(type(of: value).allCaseNames.joined(separator: ", "))\(then)\n"
        case .today(let comment): return "\(key): \(today.iso)" + (comment.map { "  # \($0)" } ?? "") + "\n"
        case .entry:
            // One entry: its first field after the list's dash, the others below it.
            let fields = (field.type.nested?.fields ?? []).map { lines(of: $0, title: title, today: today) }.joined()
            let entry = fields.split(separator: "\n").enumerated().map { ($0 == 0 ? "  - " : "    ") + $1 + "\n" }
            return "\(key):\n" + entry.joined()
        }
    }

    private static func bodyHint(_ kind: RecordKind) -> String {
        switch kind {
        case .meetings: "Write the minutes here. Record roles and counts, not residents' names.\n"
        case .activities: "Describe the activity here.\n"
        case .conventions: "Write the articles here.\n"
        case .problems: "Describe the problem as residents reported it, then what was done.\n"
        }
    }
}
