import Foundation

/// Runs independent work on every core and keeps results in input order, so output never
/// depends on scheduling.
public enum Parallel {
    /// Each result is made in its place in the array returned, so the memory is taken once.
    ///
    /// Items are handed out in runs of neighbours, some 64 runs per core: handed out one by
    /// one, every item would pass a shared counter's cache line between the cores, and
    /// neighbouring results written by different cores would share cache lines too.
    public static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let count = items.count
        let runs = min(count, runsPerCall)
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: runs) { run in
                for index in (run * count / runs)..<((run + 1) * count / runs) {
                    slots.initialize(index, to: transform(items[index]))
                }
            }
            initialized = count
        }
    }

    private static let runsPerCall = ProcessInfo.processInfo.activeProcessorCount * 64
}

/// The array's memory while its elements are made: each index is written by exactly one
/// iteration, so no lock is needed.
private struct Slots<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R>?
    init(_ base: UnsafeMutablePointer<R>?) { self.base = base }

    /// Taken, not borrowed: a result stored from a borrowed value was copied, a retain of
    /// everything in it, and the value then released.
    func initialize(_ index: Int, to value: consuming R) { (base! + index).initialize(to: value) }
}

/// A value worked out on another thread while this one goes on; `value` waits for it.
public final class Background<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    public init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits until the work is done. Any thread may ask, any number of times: each caller
    /// passes the signal on, so the work's end is a latch that stays open.
    public var value: T {
        done.wait()
        done.signal()
        return result!
    }
}
