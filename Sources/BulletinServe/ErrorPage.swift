import BulletinModel
import BulletinRender
import Foundation

/// The page shown in place of every page while the content does not build: each problem with
/// its file, line, column and field, the message, and the lines around it, in the site's
/// language. It stands alone (its style inline) and reads at 320 px and at large text sizes.
enum ErrorPage {
    /// `roots`: where a diagnostic's path may be found, content first, then the theme.
    static func html(_ diagnostics: [Diagnostic], language: DiagnosticLanguage, roots: [URL]) -> [UInt8] {
        func say(_ kind: DiagnosticKind, _ arguments: KeyValuePairs<String, any MessageArgument> = [:]) -> String {
            escape(Message(kind, arguments).text(in: language))
        }
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(say(.serveErrorTitle))</title>
            <style>
            body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:1.125rem;line-height:1.6;color:#1a1a1a;background:#fff;margin:0;padding:1rem}
            main{max-width:60rem;margin:0 auto}
            h1{color:#a4000f;font-size:1.6rem;line-height:1.3;margin:0 0 .5rem}
            h2{font-size:1.15rem;margin:0 0 .25rem;overflow-wrap:anywhere}
            ol{padding:0;list-style:none}
            li{border:2px solid #a4000f;border-radius:.4rem;padding:.75rem;margin:0 0 1rem}
            .where{font-weight:normal;color:#333}
            .message{margin:.25rem 0 .5rem;font-size:1.15rem}
            pre{background:#f4f4f4;padding:.5rem;margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:1rem}
            .at{background:#ffe08a;color:#1a1a1a}
            </style>
            </head>
            <body>
            <main>
            <h1>\(say(.serveErrorTitle))</h1>
            <p>\(say(.serveErrorIntro))</p>
            <p><strong>\(say(.serveErrorCount, ["count": diagnostics.count]))</strong></p>
            <ol>

            """
        for diagnostic in diagnostics {
            html += "<li><h2>\(escape(diagnostic.path)) <span class=\"where\">"
                + "\(say(.serveWhere, ["line": diagnostic.line, "column": diagnostic.column]))</span></h2>\n"
            if let field = diagnostic.field {
                html += "<p>" + say(.serveField, ["field": "\u{0}"]).replacingOccurrences(of: "\u{0}", with: "<code>\(escape(field))</code>") + "</p>\n"
            }
            html += "<p class=\"message\">\(escape(diagnostic.message(in: language)))</p>\n"
            if let excerpt = excerpt(of: diagnostic, roots: roots) { html += excerpt }
            html += "</li>\n"
        }
        html += "</ol>\n</main>\n</body>\n</html>\n"
        return Array(html.utf8)
    }

    /// Two lines either side of the diagnostic's line, numbered, the line itself marked.
    private static func excerpt(of diagnostic: Diagnostic, roots: [URL]) -> String? {
        guard let text = roots.lazy.compactMap({ try? String(contentsOf: $0.appendingPathComponent(diagnostic.path), encoding: .utf8) }).first
        else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard diagnostic.line >= 1, diagnostic.line <= lines.count else { return nil }
        let range = max(1, diagnostic.line - 2)...min(lines.count, diagnostic.line + 2)
        let width = String(range.upperBound).count
        var pre = "<pre>"
        for number in range {
            let label = String(repeating: " ", count: width - String(number).count) + String(number)
            let text = lines[number - 1]
            guard number == diagnostic.line else {
                pre += escape("\(label) | \(text)") + "\n"
                continue
            }
            pre += "<mark class=\"at\">" + escape("\(label) | \(text)") + "</mark>\n"
            // A caret under the column, the characters before it blanked at their own width.
            let before = text.prefix(max(0, diagnostic.column - 1)).map { character in
                character == "\t" ? "\t" : character.unicodeScalars.first.map(isWide) == true ? "\u{3000}" : " "
            }.joined()
            pre += String(repeating: " ", count: width) + " | " + before + "^\n"
        }
        return pre + "</pre>\n"
    }

    /// Characters a monospaced font shows two columns wide: CJK ideographs, kana, hangul and
    /// full-width forms.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD: true
        default: false
        }
    }

    static func escape(_ text: String) -> String { HTMLText.escaped(text) }
}
