import BulletinModel

/// Fields read as their table declares them: by its key, required when the table says so,
/// with its example in messages, and for a set of fields, only the keys its table knows.
extension FieldReader {
    /// Messages about a required text show its example, the line the writer is asked to add;
    /// messages about another show any text.
    func string(_ field: FieldSpec) -> String? {
        let required = field.rule.isRequired(draft: false)
        return string(field.key, required: required, example: required ? field.example : nil)
    }

    func int(_ field: FieldSpec) -> Int? { int(field.key, required: field.rule.isRequired(draft: false)) }

    func bool(_ field: FieldSpec) -> Bool? { bool(field.key) }

    /// `draft`: whether the file is a draft, which some fields are required only outside of.
    func date(_ field: FieldSpec, draft: Bool = false) -> SimpleDate? {
        date(field.key, required: field.rule.isRequired(draft: draft))
    }

    func time(_ field: FieldSpec) -> TimeOfDay? { time(field.key) }

    func choice<E: ContentEnum>(_ field: FieldSpec, _ type: E.Type) -> E? {
        choice(field.key, type, required: field.rule.isRequired(draft: false))
    }

    func stringList(_ field: FieldSpec) -> [String] { stringList(field.key) }

    /// A list of entries, each read by `read` once its keys are checked against the field's table.
    func entries<T>(_ field: FieldSpec, _ read: (FieldReader) -> T?) -> [T] {
        guard let table = field.type.nested else { return [] }
        return mapList(field.key, example: table.example) { entry in
            entry.rejectUnknownKeys(table.keys)
            return read(entry)
        }
    }

    /// A set of fields, its keys checked against the field's table.
    func group(_ field: FieldSpec) -> FieldReader? {
        guard let table = field.type.nested, let group = map(field.key, example: table.example) else { return nil }
        group.rejectUnknownKeys(table.keys)
        return group
    }

    func has(_ field: FieldSpec) -> Bool { has(field.key) }

    func value(_ field: FieldSpec) -> YAMLNode? { value(field.key) }

    func position(of field: FieldSpec) -> FieldPosition? { position(of: field.key) }

    func report(field: FieldSpec, _ kind: DiagnosticKind, _ arguments: KeyValuePairs<String, any MessageArgument> = [:]) {
        report(field: field.key, Message(kind, arguments))
    }

    func report(_ mark: YAMLMark?, field: FieldSpec, _ kind: DiagnosticKind) { report(mark, field: field.key, Message(kind)) }
}
