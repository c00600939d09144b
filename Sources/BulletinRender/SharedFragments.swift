import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Foundation

/// The text of sections rendered over a shared view (`SharedViews`), kept for the
/// rest of the build: a record's list entry appears on five pages or so, and is rendered once
/// for each place in the templates that shows it. Links in the text start with
/// `Routes.rootMarker`; each page puts its own way to the site root there.
final class SharedFragments: @unchecked Sendable {
    struct Key: Hashable {
        let identity: ObjectIdentifier
        /// Where the section's operations start in `CompiledTemplates`.
        let section: Int
        /// The partial indentation in force, which every line the section renders may carry.
        let indentation: String
    }

    /// A fragment's bytes, and where in them the page's root goes.
    struct Text {
        let bytes: [UInt8]
        let markers: [Int]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            markers = bytes.withUnsafeBufferPointer { buffer in
                var offsets: [Int] = []
                while let found = buffer.firstOffset(of: 0, from: (offsets.last ?? -1) + 1) { offsets.append(found) }
                return offsets
            }
        }

        /// Appends the bytes to `out` with `root` where each marker is.
        func append(to out: inout [UInt8], root: String) {
            var root = root
            root.withUTF8 { root in
                var start = 0
                for marker in markers {
                    out.append(contentsOf: bytes[start..<marker])
                    out.append(contentsOf: root)
                    start = marker + 1
                }
                out.append(contentsOf: bytes[start...])
            }
        }
    }

    private let lock = NSLock()
    private var texts: [Key: Text] = [:]

    subscript(key: Key) -> Text? {
        get { lock.withLock { texts[key] } }
        set { lock.withLock { texts[key] = newValue } }
    }
}

extension SharedFragments {
    /// `text` with every `Routes.rootMarker` replaced by `root`.
    static func resolvingRootMarker(in text: String, root: String) -> String {
        let marked = Text(Array(text.utf8))
        guard !marked.markers.isEmpty else { return text }
        var out: [UInt8] = []
        marked.append(to: &out, root: root)
        return String(decoding: out, as: UTF8.self)
    }
}
