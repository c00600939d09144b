/// A catalog entry filled in: what a diagnostic (or a part of one) says in a particular case,
/// in whichever language it is asked for. Text the writer wrote (a field name, a value, a file
/// name) goes into every language as it is; parts that are words of the engine's own are
/// phrases of the catalog, and follow the language of the message holding them.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// What fills one placeholder.
    public indirect enum Argument: Sendable, Hashable {
        /// Written into every language as it is.
        case text(String)
        /// A phrase of the catalog, in the language of the message holding it.
        case phrase(Message)
        /// Items joined by ", " in English and by "、" in Chinese.
        case list([Argument])
    }

    public let kind: DiagnosticKind
    /// By placeholder name: exactly the entry's placeholders.
    public let arguments: [String: Argument]

    /// `Message(.fieldUnknown, ["hint": Message(.didYouMean, ["word": near])])`
    public init(_ kind: DiagnosticKind, _ arguments: KeyValuePairs<String, any MessageArgument> = [:]) {
        var values: [String: Argument] = [:]
        for (name, value) in arguments { values[name] = value.messageArgument }
        self.init(kind, values: values)
    }

    public init(_ kind: DiagnosticKind, values: [String: Argument]) {
        // A name mistyped at a call site would leave `%{name}` in the text; caught wherever tests reach it.
        assert(Set(values.keys) == Set(kind.placeholders), "\(kind.code) takes \(kind.placeholders), given \(values.keys.sorted())")
        self.kind = kind
        self.arguments = values
    }

    /// The message in `language`, every phrase inside it in that language too.
    public func text(in language: DiagnosticLanguage) -> String {
        var text = ""
        write(in: language, to: &text)
        return text
    }

    /// The English text: what the engine has always said, and what its tests read.
    public var english: String { text(in: .english) }

    public var description: String { english }

    private func write(in language: DiagnosticLanguage, to text: inout String) {
        var rest = Substring(kind.template(in: language))
        // Placeholders are filled in one pass, so text the writer wrote is never read as one.
        while let open = rest.firstRange(of: "%{") {
            text += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = String(after[..<close])
            if let value = arguments[name] { value.write(in: language, to: &text) } else { text += rest[open.lowerBound...close] }
            rest = after[after.index(after: close)...]
        }
        text += rest
    }
}

extension Message.Argument {
    fileprivate func write(in language: DiagnosticLanguage, to text: inout String) {
        switch self {
        case .text(let value): text += value
        case .phrase(let message): text += message.text(in: language)
        case .list(let items):
            for (index, item) in items.enumerated() {
                if index > 0 { text += language == .chinese ? "、" : ", " }
                item.write(in: language, to: &text)
            }
        }
    }
}

/// What may fill a placeholder: text as written, a number, a phrase, or a list of them.
public protocol MessageArgument {
    var messageArgument: Message.Argument { get }
}

extension String: MessageArgument {
    public var messageArgument: Message.Argument { .text(self) }
}

extension Int: MessageArgument {
    public var messageArgument: Message.Argument { .text(String(self)) }
}

extension Message: MessageArgument {
    public var messageArgument: Message.Argument { .phrase(self) }
}

/// A phrase with no placeholders, written as its entry alone (`"what": DiagnosticKind.whatImage`).
extension DiagnosticKind: MessageArgument {
    public var messageArgument: Message.Argument { .phrase(Message(self)) }
}

extension Array: MessageArgument where Element: MessageArgument {
    public var messageArgument: Message.Argument { .list(map(\.messageArgument)) }
}
