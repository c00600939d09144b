import Hummingbird
import NIOCore
import ServiceLifecycle
import Synchronization

/// The site's version: a number raised after every build, good or failed, that open pages
/// follow through `/_bulletin/events` to reload themselves.
final class SiteVersion: Sendable {
    private struct State {
        var value = 0
        var nextSubscriber = 0
        var subscribers: [Int: AsyncStream<Int>.Continuation] = [:]
    }
    private let state = Mutex(State())

    var current: Int { state.withLock { $0.value } }

    /// Raises the version and tells every page listening. Told under the lock, so versions
    /// reach each page in order; telling never waits.
    @discardableResult
    func raise() -> Int {
        state.withLock { state in
            state.value += 1
            for subscriber in state.subscribers.values { subscriber.yield(state.value) }
            return state.value
        }
    }

    /// The versions after this call; a slow page gets only the newest.
    func subscribe() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            defer { state.nextSubscriber += 1 }
            state.subscribers[state.nextSubscriber] = continuation
            return state.nextSubscriber
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }
}

/// What the events stream sends.
private enum SiteEvent: Sendable { case version(Int), keepAlive }

extension Router {
    /// `GET /_bulletin/events`: Server-Sent Events, `data: <version>` after each build and a
    /// comment every `keepAlive` so proxies and browsers keep the connection. The stream ends
    /// when the page goes away or the server stops.
    func addSiteEvents(_ version: SiteVersion, keepAlive: Duration) {
        get("/_bulletin/events") { _, _ -> Response in
            // Subscribed before the head goes out: a page that has read the head hears every build after.
            let versions = version.subscribe()
            let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                // The version now, first: a page served before a build it has not heard of reloads at once.
                try await writer.write(ByteBuffer(string: "retry: 1000\ndata: \(version.current)\n\n"))
                let (events, sink) = AsyncStream<SiteEvent>.makeStream()
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask {
                        for await value in versions { sink.yield(.version(value)) }
                        sink.finish()
                    }
                    // Never throws: a cancelled sleep would otherwise end the group with an error.
                    group.addTask {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: keepAlive)
                            if !Task.isCancelled { sink.yield(.keepAlive) }
                        }
                    }
                    // Without this, stopping the server would wait for every open page.
                    for await event in events.cancelOnGracefulShutdown() {
                        switch event {
                        case .version(let value): try await writer.write(ByteBuffer(string: "data: \(value)\n\n"))
                        case .keepAlive: try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        }
                    }
                    group.cancelAll()
                }
                try await writer.finish(nil)
            })
        }
    }
}
