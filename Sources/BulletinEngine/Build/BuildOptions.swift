import BulletinContent
import BulletinIncremental
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    public var includeDrafts: Bool
    public var moment: BuildMoment
    /// Reuse what earlier builds left beside the output; off, everything is built from scratch.
    public var useCache = true
    /// Keep the build's data until the process exits instead of freeing it object by object:
    /// for a one-shot command the operating system reclaims it at once, and faster. Off in
    /// long-running callers such as the tests.
    public var keepDataUntilExit = false
    /// Lists a folder's names; tests shuffle it to prove the output does not depend on it.
    var listDirectory: @Sendable (URL) -> [String] = FolderNames.list
    /// Off, every page is rendered by swift-mustache rather than the compiled templates: the
    /// differential tests compare the two.
    var compileTemplates = true
    /// Pages of types the engine does not list itself, published after its own.
    var extraPages: (@Sendable (SiteGraph) -> [any PageType])?
    /// Write the spare tree and swap it in even when nothing changed (its files are the
    /// output's, linked): the first edit after a build from scratch must otherwise make the
    /// whole spare. The preview server does this while the writer reads the first page.
    public var makeSpare = false
    /// Called before each output file is written; tests throw from it to simulate a full disk,
    /// and the preview server to stop a build when it is asked to stop.
    public var beforeWrite: (@Sendable (String) throws -> Void)?
    /// The language of the progress lines given to the builder's `log`.
    public var language: DiagnosticLanguage = .english

    public init(content: URL, templates: URL, output: URL, includeDrafts: Bool = false, moment: BuildMoment) {
        self.content = content
        self.templates = templates
        self.output = output
        self.includeDrafts = includeDrafts
        self.moment = moment
    }
}

public struct BuildReport: Sendable {
    /// Warnings: things worth fixing that did not stop the build.
    public var diagnostics: [Diagnostic]
    /// Files the site consists of.
    public var files: Int
    /// Files written by this build: rendered or copied; the rest were already in place.
    public var pagesWritten: Int
    /// Pages rendered through the theme; the rest were unchanged or copied.
    public var pagesRendered: Int
    public var timings: [(stage: String, seconds: Double)]
}
