import Foundation

/// Runs independent work on every core and keeps results in input order, so output never
/// depends on scheduling.
enum Parallel {
    static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let slots = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values()
    }
}

/// Each index is written by exactly one iteration, so no lock is needed.
private final class Slots<R>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<R?>
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    func set(_ index: Int, _ value: R) { storage[index] = value }
    func values() -> [R] { storage.map { $0! } }
}

/// A value worked out on another thread while this one goes on; `value` waits for it.
final class Background<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits once; later calls return at once.
    lazy var value: T = {
        done.wait()
        return result!
    }()
}
