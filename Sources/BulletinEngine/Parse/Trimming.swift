extension StringProtocol {
    /// Leading and trailing white space removed. Foundation's `trimmingCharacters` goes through
    /// NSString on Linux and was a tenth of validation time.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
