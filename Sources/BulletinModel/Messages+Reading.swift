/// What reading a file up to its fields says: its bytes, its text, its front matter and YAML.
extension DiagnosticKind {
    static let readingKinds: [DiagnosticKind] = [
        fileEmpty, frontMatterMissing, frontMatterUnclosed, fileUnreadable, fileTooLarge, textNotUTF8, textUTF16,
        textNULByte, frontMatterNotFields, yamlTooLarge, yamlOutOfMemory, yamlUnreadable, yamlQuoteUnclosed,
        yamlDocumentEnd, yamlInvalid, yamlInvalidTabs, yamlInvalidColon, yamlStructure, yamlAnchor, yamlDuplicateField,
        yamlTooDeep,
        yamlMappingValues, yamlEndOfStream, yamlCannotStartToken, yamlTabViolatesIndentation, yamlTabWhereSpaceExpected,
        yamlColonMissing, yamlDidNotFind, yamlExpectedKey, yamlExpectedNode, yamlExpectedListEnd, yamlExpectedMapEnd,
        yamlOtherProblem,
    ]

    public static let fileEmpty = DiagnosticKind(
        "file-empty",
        en: "the file is empty; start it with a line `---`, the fields (at least `title: ...`), then another `---` line",
        zh: "文件是空的；请先写一行 `---`，再写各个字段（至少要有 `title: ...`），然后再写一行 `---`")

    public static let frontMatterMissing = DiagnosticKind(
        "front-matter-missing",
        en: "the file must start with a line `---`, then the fields, then another `---` line before the text",
        zh: "文件的第一行必须是 `---`，接着写各个字段，正文前面再写一行 `---`")

    public static let frontMatterUnclosed = DiagnosticKind(
        "front-matter-unclosed",
        en: "the front matter is never closed; add a line `---` after the last field",
        zh: "开头的字段部分没有结束；请在最后一个字段下面加一行 `---`")

    public static let fileUnreadable = DiagnosticKind(
        "file-unreadable",
        en: "cannot be read; check the file's permissions",
        zh: "无法读取；请检查文件的访问权限")

    public static let fileTooLarge = DiagnosticKind(
        "file-too-large",
        en: "is %{size}, more than the %{limit} a record may be; move photos and scans into a bundle folder beside its index.md",
        zh: "文件大小为 %{size}，超过了一条记录最多 %{limit} 的限制；请把照片和扫描件移到记录文件夹里，和 index.md 放在一起")

    public static let textNotUTF8 = DiagnosticKind(
        "text-not-utf8",
        en: "the text is not valid UTF-8; save the file as UTF-8 in your editor",
        zh: "文字不是有效的 UTF-8 编码；请在编辑器里把文件另存为 UTF-8 编码")

    public static let textUTF16 = DiagnosticKind(
        "text-utf16",
        en: "the file is saved as UTF-16 (\"Unicode\" in some editors); save it as UTF-8",
        zh: "文件保存成了 UTF-16 编码（有的编辑器叫作 “Unicode”）；请另存为 UTF-8 编码")

    public static let textNULByte = DiagnosticKind(
        "text-nul-byte",
        en: "the file holds a NUL byte, so it is not a text file; save it again as plain UTF-8 text",
        zh: "文件里有一个空字符（NUL），所以不是文本文件；请重新保存为纯文本（UTF-8 编码）")

    /// `found`: `foundList`, `foundSingleValue` or `foundNothing`.
    public static let frontMatterNotFields = DiagnosticKind(
        "front-matter-not-fields",
        en: "front matter holds %{found}; write one `field: value` per line, e.g. title: Roof repair meeting",
        zh: "开头的字段部分应当是一行一个 `字段: 值`，现在却是%{found}；请每行写一个 `字段: 值`，例如 title: 屋顶维修议事会")

    public static let yamlTooLarge = DiagnosticKind(
        "yaml-too-large",
        en: "the front matter is %{size}, more than the %{limit} fields may take; move long text below the closing `---`",
        zh: "开头的字段部分有 %{size}，超过了字段最多 %{limit} 的限制；请把长段文字移到结束的 `---` 下面的正文里")

    public static let yamlOutOfMemory = DiagnosticKind(
        "yaml-out-of-memory",
        en: "the front matter cannot be read: out of memory",
        zh: "无法读取开头的字段部分：内存不足")

    /// `problem`: libyaml's own words, which name a fault in the text's bytes.
    public static let yamlUnreadable = DiagnosticKind(
        "yaml-unreadable",
        en: "the front matter cannot be read: %{problem}",
        zh: "无法读取开头的字段部分：“%{problem}”（YAML 解析器的原话）")

    public static let yamlQuoteUnclosed = DiagnosticKind(
        "yaml-quote-unclosed",
        en: "this quoted value is never closed; add the closing quote mark",
        zh: "这个加了引号的值没有结束；请补上后面的引号")

    public static let yamlDocumentEnd = DiagnosticKind(
        "yaml-document-end",
        en: "a line `---` or `...` ends the fields early and more follows; remove that line, or put the text holding it in quotes",
        zh: "有一行 `---` 或 `...` 让字段部分提前结束了，后面却还有内容；请删掉那一行，或者把含有它的文字放在引号里")

    /// `problem`: one of the libyaml phrases below.
    public static let yamlInvalid = DiagnosticKind(
        "yaml-invalid",
        en: "the front matter is not valid YAML: %{problem}",
        zh: "开头的字段部分格式有误（不是有效的 YAML）：%{problem}")

    public static let yamlInvalidTabs = DiagnosticKind(
        "yaml-invalid-tabs",
        en: "the front matter is not valid YAML: %{problem}; indent with spaces, not tabs",
        zh: "开头的字段部分格式有误（不是有效的 YAML）：%{problem}；缩进请用空格，不要用 Tab 键")

    public static let yamlInvalidColon = DiagnosticKind(
        "yaml-invalid-colon",
        en: "the front matter is not valid YAML: %{problem}; a value containing \": \" must be put in quotes, e.g. title: \"Roof: round 2\"",
        zh: "开头的字段部分格式有误（不是有效的 YAML）：%{problem}；值里面有 “: ”（冒号加空格）时，必须把整个值放在引号里，例如 title: \"屋顶维修: 第二轮\"")

    public static let yamlStructure = DiagnosticKind(
        "yaml-structure",
        en: "the front matter is not valid YAML",
        zh: "开头的字段部分格式有误（不是有效的 YAML）")

    /// `start`: `&` or `*`.
    public static let yamlAnchor = DiagnosticKind(
        "yaml-anchor",
        en: "anchors (&name) and aliases (*name) are not supported in front matter; write the value out in full, and put text that starts with %{start} in quotes",
        zh: "字段里不支持锚点（&名称）和别名（*名称）；请把值完整地写出来，以 %{start} 开头的文字请放在引号里")

    public static let yamlDuplicateField = DiagnosticKind(
        "yaml-duplicate-field",
        en: "the field \"%{field}\" is written more than once (first on line %{line}); keep one",
        zh: "字段 “%{field}” 写了不止一次（第一次在第 %{line} 行）；请只保留一个")

    public static let yamlTooDeep = DiagnosticKind(
        "yaml-too-deep",
        en: "the front matter is nested more than %{depth} levels deep; fields need only a few levels",
        zh: "开头的字段部分嵌套超过了 %{depth} 层；字段只需要几层就够了")

    // libyaml's most frequent problems, in its words in English and explained in Chinese.

    public static let yamlMappingValues = DiagnosticKind(
        "yaml-mapping-values", .phrase,
        en: "mapping values are not allowed in this context",
        zh: "这里不能再出现 “名称: 值”")

    public static let yamlEndOfStream = DiagnosticKind(
        "yaml-end-of-stream", .phrase,
        en: "found unexpected end of stream",
        zh: "还没写完就到了字段部分的末尾")

    public static let yamlCannotStartToken = DiagnosticKind(
        "yaml-cannot-start-token", .phrase,
        en: "found character that cannot start any token",
        zh: "这里有一个不能用在开头的字符（例如 @、反引号或制表符）；请把整个值放在引号里")

    public static let yamlTabViolatesIndentation = DiagnosticKind(
        "yaml-tab-violates-indentation", .phrase,
        en: "found a tab character that violates indentation",
        zh: "这里用制表符（Tab 键）缩进了")

    public static let yamlTabWhereSpaceExpected = DiagnosticKind(
        "yaml-tab-where-space-expected", .phrase,
        en: "found a tab character where an indentation space is expected",
        zh: "这里应当用空格缩进，却用了制表符（Tab 键）")

    public static let yamlColonMissing = DiagnosticKind(
        "yaml-colon-missing", .phrase,
        en: "could not find expected ':'",
        zh: "这里缺少应有的冒号 “:”（字段名后面要写冒号和空格）")

    /// `expected`: one of the four phrases below it.
    public static let yamlDidNotFind = DiagnosticKind(
        "yaml-did-not-find", .phrase,
        en: "did not find expected %{expected}",
        zh: "这里缺少应有的%{expected}")

    public static let yamlExpectedKey = DiagnosticKind(
        "yaml-expected-key", .phrase,
        en: "key",
        zh: "字段名（请检查缩进是否对齐）")

    public static let yamlExpectedNode = DiagnosticKind(
        "yaml-expected-node", .phrase,
        en: "node content",
        zh: "值")

    public static let yamlExpectedListEnd = DiagnosticKind(
        "yaml-expected-list-end", .phrase,
        en: "',' or ']'",
        zh: "逗号 “,” 或右方括号 “]”")

    public static let yamlExpectedMapEnd = DiagnosticKind(
        "yaml-expected-map-end", .phrase,
        en: "',' or '}'",
        zh: "逗号 “,” 或右花括号 “}”")

    /// Any other problem libyaml names: its own words, quoted, in Chinese.
    public static let yamlOtherProblem = DiagnosticKind(
        "yaml-other-problem", .phrase,
        en: "%{problem}",
        zh: "“%{problem}”（YAML 解析器的原话）")
}
