import BulletinModel
import BulletinSupport

/// The rule for community and slug names: lowercase letters of any script, digits and `-`.
public enum Identifier {
    static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.first != "-", name.last != "-" else { return false }
        var name = name
        // Most names are plain ASCII, checked byte by byte rather than scalar by scalar.
        if let ascii = name.withUTF8({ bytes -> Bool? in
            bytes.allSatisfy { $0 < 0x80 } ? bytes.allSatisfy { isAllowed(Unicode.Scalar($0)) } : nil
        }) { return ascii }
        return name.unicodeScalars.allSatisfy(isAllowed)
    }

    /// A valid spelling of `name` to suggest, or nil when nothing usable is left.
    public static func suggestion(for name: String) -> String? {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar != "-", isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            else if scalar == " " || scalar == "_" || scalar == "." || scalar == "-" || scalar == "/" {
                if !out.isEmpty, out.last != "-" { out.append("-") }
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? nil : out
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" { return true }
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) }
        let p = scalar.properties
        return p.isAlphabetic && !p.isUppercase && !p.changesWhenLowercased
            || p.numericType == .decimal
            || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
    }
}
