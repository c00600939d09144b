import Foundation

/// The text of sections rendered over a shared view (`View.sharedIdentity`), kept for the
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

    /// A fragment's text, split where the page's root goes.
    struct Text {
        let parts: [Substring]

        init(_ text: String) {
            var copy = text
            let markers: [Int] = copy.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return [] }
                var offsets: [Int] = []
                var from = 0
                while from < bytes.count, let found = memchr(base + from, 0, bytes.count - from) {
                    offsets.append(UnsafeRawPointer(found) - UnsafeRawPointer(base))
                    from = offsets[offsets.count - 1] + 1
                }
                return offsets
            }
            var parts: [Substring] = []
            parts.reserveCapacity(markers.count + 1)
            let utf8 = text.utf8
            var start = utf8.startIndex
            for offset in markers {
                let marker = utf8.index(utf8.startIndex, offsetBy: offset)
                parts.append(text[start..<marker])
                start = utf8.index(after: marker)
            }
            parts.append(text[start...])
            self.parts = parts
        }
    }

    private let lock = NSLock()
    private var texts: [Key: Text] = [:]

    subscript(key: Key) -> Text? {
        get { lock.withLock { texts[key] } }
        set { lock.withLock { texts[key] = newValue } }
    }
}
