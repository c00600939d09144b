import Foundation

/// Holds values until the process exits. Freeing a site graph, its records and the cache
/// object by object takes tens of milliseconds, as long as the rest of a one-edit build;
/// compilers skip the same work the same way (clang's `-disable-free`).
public enum ExitKeeper {
    private static let kept = Kept()

    public static func keep(_ value: Any) { kept.add(value) }

    private final class Kept: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Any] = []
        public func add(_ value: Any) { lock.withLock { values.append(value) } }
    }
}
