import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an XML document with Foundation's `XMLParser`: it must be well-formed, and the
/// elements are collected as a flat list in document order.
final class XMLReader: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
        /// Names of the enclosing elements, outermost first.
        let ancestors: [String]
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: String?

    /// Nil with `error` set when the text is not well-formed XML.
    static func parse(_ text: String) -> XMLReader {
        let reader = XMLReader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        if !parser.parse() {
            reader.error = parser.parserError.map { "\($0)" } ?? "unknown XML error"
        }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let ancestors = open.map { elements[$0].name }
        elements.append(Element(name: name, attributes: attributes, text: "", ancestors: ancestors))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Text of every `child` element directly inside a `parent` element.
    func texts(of child: String, in parent: String) -> [String] {
        elements.filter { $0.name == child && $0.ancestors.last == parent }
            .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}
