import Foundation
import Hummingbird
import NIOCore
import NIOPosix

/// Serves the built site for GET and HEAD; `/_bulletin/` goes on to the router. A middleware
/// rather than a catch-all route: the router answers a method it has no route for with 404,
/// where 405 is meant, and `**` does not match `/`.
struct StaticFiles<Context: RequestContext>: RouterMiddleware {
    let state: PreviewState
    let version: SiteVersion

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let rawPath = request.uri.path
        if rawPath.hasPrefix("/_bulletin/") { return try await next(request, context) }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path: RequestPath
        do { path = try RequestPath(raw: rawPath) } catch { return Self.text(.badRequest, "400 Bad Request\n") }
        let served = version.current
        if let page = state.errorPage, path.mayBePage {
            return html(page, status: .internalServerError, version: served, request: request)
        }
        let root = state.root
        let found = try await NIOThreadPool.singleton.runIfActive { Self.resolve(path, in: root) }
        switch found {
        case .notFound:
            let notFound = try await NIOThreadPool.singleton.runIfActive { FileManager.default.contents(atPath: root + "/404.html") }
            guard let notFound else { return Self.text(.notFound, "404 Not Found\n") }
            return html([UInt8](notFound), status: .notFound, version: served, request: request)
        case .folder:
            var location = rawPath + "/"
            if let query = request.uri.query { location += "?" + query }
            return Response(status: .movedPermanently, headers: [.location: location, .contentLength: "0"])
        case .file(let realPath, let name):
            guard let data = try await NIOThreadPool.singleton.runIfActive({ FileManager.default.contents(atPath: realPath) }) else {
                return Self.text(.notFound, "404 Not Found\n")
            }
            let type = contentType(forFileName: name)
            if type.hasPrefix("text/html") { return html([UInt8](data), status: .ok, version: served, request: request) }
            return Self.response([UInt8](data), status: .ok, type: type, head: request.method == .head)
        }
    }

    private func html(_ page: [UInt8], status: HTTPResponse.Status, version: Int, request: Request) -> Response {
        Self.response(LiveReload.inject(LiveReload.script(version: version), into: page), status: status,
                      type: "text/html; charset=utf-8", head: request.method == .head)
    }

    private static func response(_ bytes: [UInt8], status: HTTPResponse.Status, type: String, head: Bool) -> Response {
        let headers: HTTPFields = [.contentType: type, .contentLength: String(bytes.count), .cacheControl: "no-cache",
                                   .xContentTypeOptions: "nosniff"]
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    enum Found: Sendable {
        case file(realPath: String, name: String)
        /// A folder asked for without its closing `/`: links inside it are relative to it.
        case folder
        case notFound
    }

    /// What `path` names below `root`: no link is followed (a build writes none, so one is
    /// someone else's), no folder is listed (a folder is its `index.html`), and nothing but
    /// files and folders is served.
    static func resolve(_ path: RequestPath, in root: String) -> Found {
        let candidate = ([root] + path.segments).joined(separator: "/")
        guard let real = unlinked(candidate) else { return .notFound }
        switch kind(real) {
        case .file:
            return path.trailingSlash ? .notFound : .file(realPath: real, name: path.segments.last ?? "")
        case .folder:
            if !path.trailingSlash, !path.segments.isEmpty { return .folder }
            guard let index = unlinked(real + "/index.html"), kind(index) == .file else { return .notFound }
            return .file(realPath: index, name: "index.html")
        case .other, nil:
            return .notFound
        }
    }

    /// `path` if it exists and no part of it is a link: its real path is itself. `path` is the
    /// root's real path and checked segments, none `.`, `..` or empty.
    private static func unlinked(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved) == path ? path : nil
    }

    private enum Kind { case file, folder, other }

    private static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }
}

extension RequestPath {
    /// A page rather than a file a page uses: a folder, or a name ending in `.html` or without a suffix.
    var mayBePage: Bool {
        guard !trailingSlash, let last = segments.last else { return true }
        return last.hasSuffix(".html") || !last.contains(".")
    }
}
