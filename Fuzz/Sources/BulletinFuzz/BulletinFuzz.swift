import BulletinEngine
import CLibFuzzer
import Foundation

/// libFuzzer target over Bulletin's content pipeline.
///
/// `BULLETIN_FUZZ_TARGET` picks what each input is fed to:
///   `record` (default) — text decoding, front-matter split, YAML, typed decoders of all four kinds
///   `markdown`         — cmark render (safe and unsafe) with heading shift and link unwrapping
///   `all`              — both, on every input
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = count == 0 || start == nil ? Data() : Data(bytes: start!, count: count)
    switch FuzzTarget.current {
    case .record: FuzzEntry.parseRecord(data)
    case .markdown: FuzzEntry.renderMarkdown(data)
    case .all:
        FuzzEntry.parseRecord(data)
        FuzzEntry.renderMarkdown(data)
    }
    return 0
}

enum FuzzTarget: Sendable {
    case record, markdown, all

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["BULLETIN_FUZZ_TARGET"] ?? "record"
        switch name {
        case "record", "": return .record
        case "markdown": return .markdown
        case "all": return .all
        default:
            FileHandle.standardError.write(Data("BULLETIN_FUZZ_TARGET must be record, markdown or all (not \(name))\n".utf8))
            exit(2)
        }
    }()
}

/// SwiftPM links a Linux executable with `--defsym main=BulletinFuzz_main`, which hides
/// libFuzzer's own `main`; this entry point hands the command line to libFuzzer's driver.
@main
enum FuzzMain {
    static func main() {
        _ = FuzzTarget.current  // a wrong BULLETIN_FUZZ_TARGET stops here, not inside libFuzzer
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(UnsafeRawPointer(data), size) })
    }
}
