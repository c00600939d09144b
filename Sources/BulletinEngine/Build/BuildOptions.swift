import Foundation

public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    public var includeDrafts: Bool
    public var moment: BuildMoment

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
    public var pagesWritten: Int
    public var timings: [(stage: String, seconds: Double)]
}
