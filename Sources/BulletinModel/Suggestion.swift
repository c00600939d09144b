import BulletinSupport

/// Finds the nearest known spelling for a typo (`attendence` → `attendance`).
public enum Suggestion {
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let shorter = min(candidate.count, word.count)
        let allowed = shorter <= 4 ? 1 : max(2, shorter / 3)
        return distance <= allowed ? candidate : nil
    }

    /// `did you mean "x"?` or the whole list when nothing is close.
    public static func hint(for word: String, in candidates: [String]) -> Message {
        if let near = nearest(to: word, in: candidates) { return Message(.didYouMean, ["word": near]) }
        return Message(.expectedOneOf, ["values": candidates])
    }

    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
