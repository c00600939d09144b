import BulletinContent
import BulletinModel
import BulletinSupport
import Foundation

/// Where every page of the site lives. The only place output paths and links are decided.
public enum Routes {
    /// Kinds that also get a site-wide list.
    public static let siteWideKinds: [RecordKind] = RecordKind.allCases

    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let communities = "communities/index.html"
    public static let tags = "tags/index.html"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let stylesheet = "assets/style.css"

    public static func page(_ slug: String) -> String { "\(slug)/index.html" }
    public static func community(_ id: String) -> String { "communities/\(id)/index.html" }
    public static func communityFeed(_ id: String) -> String { "communities/\(id)/feed.xml" }

    public static func record(_ record: Record) -> String { recordPath(record, then: "/index.html") }

    /// The folder holding a record's page and, for a bundle, its files.
    public static func recordFolder(_ record: Record) -> String { recordPath(record, then: "") }

    private static func recordPath(_ record: Record, then suffix: String) -> String {
        join("communities/", record.community, "/", record.kind.rawValue, "/", record.slug, suffix)
    }

    /// The parts as one string, copied into it at once: interpolation and `String.append` do
    /// far more work a part, and a build makes a path for every page.
    static func join(_ parts: String...) -> String {
        var total = 0
        for part in parts { total += part.utf8.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var end = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: bytes)
                    end += bytes.count
                }
            }
            return end
        }
    }

    /// Page `number` (from 1) of a list whose first page lives in `folder`.
    public static func listPage(_ folder: String, _ number: Int) -> String {
        number == 1 ? join(folder, "/index.html") : join(folder, "/page/", String(number), "/index.html")
    }

    public static func communityList(_ id: String, _ kind: RecordKind) -> String { "communities/\(id)/\(kind.rawValue)" }
    public static func siteList(_ kind: RecordKind) -> String { kind.rawValue }
    public static func tagFolder(_ slug: String) -> String { "tags/\(slug)" }

    /// The URL segment for a free-form tag: `Mutual aid` → `mutual-aid`, `电梯` → `电梯`.
    public static func tagSlug(_ tag: String) -> String {
        if let slug = Identifier.suggestion(for: tag) { return slug }
        return "tag-" + tag.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-")
    }

    /// The link from the page at `from` to the file at `to`, both site-relative paths.
    public static func link(from: String, to: String) -> String {
        rootPrefix(of: from) + percentEncoded(to)
    }

    /// Stands for the way to the site root in text shared between pages (`SharedFragments`);
    /// each page's text has it replaced by its own `rootPrefix`. No content can hold it: a file
    /// with a NUL byte is refused, and cmark turns `&#0;` into U+FFFD.
    public static let rootMarker = "\u{0}"

    /// `../` once per folder between a page and the site root.
    public static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.utf8.count(where: { $0 == UInt8(ascii: "/") }))
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
        default: false
        }
    }

    /// An absolute URL under the site's `base_url`.
    public static func absolute(_ path: String, base: String) -> String {
        base + percentEncoded(path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    /// Encodes each path segment so links stay valid with any script in a name.
    public static func percentEncoded(_ path: String) -> String {
        var path = path
        if path.withUTF8({ $0.allSatisfy(isUnreserved) }) { return path }
        var out = ""
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
