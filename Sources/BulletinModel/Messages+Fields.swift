/// What reading the fields of a file says: a field unknown, missing, or holding the wrong
/// kind of value. `found` is `foundValue` (the value written, quoted), `foundFields` or
/// `foundList`; `key` is the field's name and `example` a value to write, as the field's table
/// gives them.
extension DiagnosticKind {
    static let fieldKinds: [DiagnosticKind] = [
        fieldNameNotWord, fieldUnknown, fieldNotText, fieldEmpty, fieldControlCharacter, fieldNotNumber, fieldNotFlag,
        fieldNotDate, fieldNotTime, fieldNotChoice, choiceUnknown, fieldNotList, fieldNotTextList, listItemNotText,
        fieldNotEntries, entryNotFields, fieldNotGroup, fieldRequired,
        baseURLNotAbsolute, timeZoneUnknown, pageSizeTooSmall, languageNotInTheme, languageNotATag,
    ]

    public static let fieldNameNotWord = DiagnosticKind(
        "field-name-not-word",
        en: "a field name must be a word such as `title`, not a list or a set of fields",
        zh: "字段名必须是一个词，例如 `title`，不能是列表或一组字段")

    /// `hint`: `didYouMean` or `knownFields`.
    public static let fieldUnknown = DiagnosticKind(
        "field-unknown",
        en: "unknown field; %{hint}",
        zh: "未知字段；%{hint}")

    public static let fieldNotText = DiagnosticKind(
        "field-not-text",
        en: "found %{found}, expected text on one line, e.g. %{key}: %{example}",
        zh: "这里写的是%{found}，应当是一行文字，例如 %{key}: %{example}")

    public static let fieldEmpty = DiagnosticKind(
        "field-empty",
        en: "is empty; write %{key}: %{example}",
        zh: "是空的；请写成 %{key}: %{example}")

    /// `code`: the character's two hexadecimal digits (`1B`).
    public static let fieldControlCharacter = DiagnosticKind(
        "field-control-character",
        en: "holds the invisible control character U+00%{code}, which a page cannot show; remove it (in quotes it may be written as an escape such as \\x%{code})",
        zh: "含有看不见的控制字符 U+00%{code}，网页无法显示；请删掉它（如确实需要，可在引号里写成转义形式，例如 \\x%{code}）")

    public static let fieldNotNumber = DiagnosticKind(
        "field-not-number",
        en: "found %{found}, expected a whole number such as 12",
        zh: "这里写的是%{found}，应当是一个整数，例如 12")

    public static let fieldNotFlag = DiagnosticKind(
        "field-not-flag",
        en: "found %{found}, expected true or false",
        zh: "这里写的是%{found}，应当是 true（是）或 false（否）")

    public static let fieldNotDate = DiagnosticKind(
        "field-not-date",
        en: "found %{found}, expected a date written YYYY-MM-DD, e.g. 2024-05-18",
        zh: "这里写的是%{found}，应当是按 YYYY-MM-DD 写的日期，例如 2024-05-18")

    public static let fieldNotTime = DiagnosticKind(
        "field-not-time",
        en: "found %{found}, expected a time written HH:MM, e.g. %{key}: \"19:30\"",
        zh: "这里写的是%{found}，应当是按 HH:MM 写的时间，例如 %{key}: \"19:30\"")

    /// `values`: the values the field takes, as a list.
    public static let fieldNotChoice = DiagnosticKind(
        "field-not-choice",
        en: "found %{found}, expected one of: %{values}",
        zh: "这里写的是%{found}，应当是以下之一：%{values}")

    /// `hint`: `didYouMeanFirst`, or nothing.
    public static let choiceUnknown = DiagnosticKind(
        "choice-unknown",
        en: "found \"%{value}\", %{hint}expected one of: %{values}",
        zh: "这里写的是 “%{value}”，%{hint}可以写的值有：%{values}")

    public static let fieldNotList = DiagnosticKind(
        "field-not-list",
        en: "found %{found}, expected a list, e.g. %{key}: [first, second]",
        zh: "这里写的是%{found}，应当是一个列表，例如 %{key}: [第一项, 第二项]")

    public static let fieldNotTextList = DiagnosticKind(
        "field-not-text-list",
        en: "found %{found}, expected a list of text",
        zh: "这里写的是%{found}，应当是一列文字")

    public static let listItemNotText = DiagnosticKind(
        "list-item-not-text",
        en: "found %{found}, expected text",
        zh: "这里写的是%{found}，应当是文字")

    public static let fieldNotEntries = DiagnosticKind(
        "field-not-entries",
        en: "found %{found}, expected a list of entries, each like: - %{example}",
        zh: "这里写的是%{found}，应当是一列条目，每条写成：- %{example}")

    public static let entryNotFields = DiagnosticKind(
        "entry-not-fields",
        en: "found %{found}, expected an entry like: %{example}",
        zh: "这里写的是%{found}，应当是这样的一条：%{example}")

    public static let fieldNotGroup = DiagnosticKind(
        "field-not-group",
        en: "found %{found}, expected fields like: %{example}",
        zh: "这里写的是%{found}，应当是这样的一组字段：%{example}")

    public static let fieldRequired = DiagnosticKind(
        "field-required",
        en: "is required; add a line `%{key}: %{example}`",
        zh: "必须填写；请加一行 `%{key}: %{example}`")

    public static let baseURLNotAbsolute = DiagnosticKind(
        "base-url-not-absolute",
        en: "found \"%{value}\", expected an absolute address such as https://bulletin.example.org/",
        zh: "这里写的是 “%{value}”，应当是一个完整的网址，例如 https://bulletin.example.org/")

    public static let timeZoneUnknown = DiagnosticKind(
        "time-zone-unknown",
        en: "found \"%{value}\", expected an IANA time zone name such as Asia/Shanghai",
        zh: "这里写的是 “%{value}”，应当是一个 IANA 时区名，例如 Asia/Shanghai")

    public static let pageSizeTooSmall = DiagnosticKind(
        "page-size-too-small",
        en: "must be at least 1",
        zh: "至少要是 1")

    /// `languages`: those the theme has strings for, as a list.
    public static let languageNotInTheme = DiagnosticKind(
        "language-not-in-theme",
        en: "is \"%{language}\", which is not a language this theme has; write one of: %{languages}",
        zh: "写的是 “%{language}”，但主题里没有这种语言；请写以下之一：%{languages}")

    public static let languageNotATag = DiagnosticKind(
        "language-not-a-tag",
        en: "is \"%{language}\", which is not a language tag; write one such as en or zh-CN",
        zh: "写的是 “%{language}”，这不是一个语言代码；请写 en 或 zh-CN 这样的代码")
}
