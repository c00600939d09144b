/// What loading the theme says: its templates, and the words of its strings file. The people
/// who read these are theme designers as often as writers; the Chinese keeps Mustache's tags
/// (`{{#x}}`, `{{/x}}`) as they are written.
extension DiagnosticKind {
    static let themeKinds: [DiagnosticKind] = [
        templateNameClash, templateNotUTF8, templateNULByte, templateSyntax, templateSyntaxSection, templateError,
        layoutMissing, partialMissing,
        mustacheSectionName, mustacheUnclosedTag, mustacheSectionUnclosed, mustacheBadDelimiter,
        mustacheTransformInheritance, mustacheInheritContent, mustacheSetting, mustacheOther,
        stringsLanguageMissing, stringsUnreadable, stringsNotSections, stringsSectionMissing, stringsWordMissing,
        stringsFieldLabelMissing, stringsValueLabelMissing, stringsMonths, stringsDateFormat, stringsKindNames,
    ]

    public static let templateNameClash = DiagnosticKind(
        "template-name-clash",
        en: "a layout and a partial are both named \"%{name}\"; rename the partial",
        zh: "有一个布局（layout）和一个局部模板（partial）都叫 “%{name}”；请给局部模板改名")

    public static let templateNotUTF8 = DiagnosticKind(
        "template-not-utf8",
        en: "cannot be read as UTF-8 text; save the template as UTF-8",
        zh: "无法按 UTF-8 文字读取；请把模板另存为 UTF-8 编码")

    public static let templateNULByte = DiagnosticKind(
        "template-nul-byte",
        en: "holds a NUL byte, which a page cannot show; save the template as plain UTF-8 text",
        zh: "含有空字符（NUL），网页无法显示；请把模板另存为纯文本（UTF-8 编码）")

    /// `problem`: one of the Mustache phrases below; `source`: the template's line, trimmed.
    public static let templateSyntax = DiagnosticKind(
        "template-syntax",
        en: "template syntax error: %{problem} in `%{source}`",
        zh: "模板语法错误：%{problem}，出错的一行是 `%{source}`")

    /// The same, when a section is closed with another name: `open` names the one still open.
    public static let templateSyntaxSection = DiagnosticKind(
        "template-syntax-section",
        en: "template syntax error: %{problem}; the section open here is {{%{open}}} in `%{source}`",
        zh: "模板语法错误：%{problem}；这里还没关闭的区块是 {{%{open}}}，出错的一行是 `%{source}`")

    /// `error`: the template library's own description of an error it did not explain.
    public static let templateError = DiagnosticKind(
        "template-error",
        en: "template syntax error: %{error}",
        zh: "模板语法错误：“%{error}”（模板库的原话）")

    public static let layoutMissing = DiagnosticKind(
        "layout-missing",
        en: "the theme has no %{layout} layout, which the site needs; add layouts/%{layout}.mustache",
        zh: "主题里没有网站需要的布局 %{layout}；请添加 layouts/%{layout}.mustache")

    /// `hint`: `addIt`, `didYouMean` or `expectedOneOf`.
    public static let partialMissing = DiagnosticKind(
        "partial-missing",
        en: "includes the partial \"%{name}\", but there is no partials/%{name}.mustache; %{hint}",
        zh: "引用了局部模板 “%{name}”，但没有 partials/%{name}.mustache 这个文件；%{hint}")

    public static let mustacheSectionName = DiagnosticKind(
        "mustache-section-name", .phrase,
        en: "a section is closed with a different name than it was opened with ({{#x}}…{{/x}})",
        zh: "区块关闭时用的名字和打开时不一样（应当是 {{#x}}…{{/x}}）")

    public static let mustacheUnclosedTag = DiagnosticKind(
        "mustache-unclosed-tag", .phrase,
        en: "a tag is not closed with }}",
        zh: "有一个标签没有用 }} 关闭")

    public static let mustacheSectionUnclosed = DiagnosticKind(
        "mustache-section-unclosed", .phrase,
        en: "a section is opened but never closed; add {{/name}}",
        zh: "有一个区块打开后没有关闭；请加上 {{/name}}")

    public static let mustacheBadDelimiter = DiagnosticKind(
        "mustache-bad-delimiter", .phrase,
        en: "the delimiter-changing tag {{=…=}} is malformed",
        zh: "更换分隔符的标签 {{=…=}} 写得不对")

    public static let mustacheTransformInheritance = DiagnosticKind(
        "mustache-transform-inheritance", .phrase,
        en: "a transform cannot be applied to an inheritance section",
        zh: "继承区块上不能使用转换（transform）")

    public static let mustacheInheritContent = DiagnosticKind(
        "mustache-inherit-content", .phrase,
        en: "only {{$block}} overrides may appear inside {{<parent}}…{{/parent}}",
        zh: "{{<parent}}…{{/parent}} 里面只能出现 {{$block}} 覆盖块")

    public static let mustacheSetting = DiagnosticKind(
        "mustache-setting", .phrase,
        en: "the {{%…}} setting is not recognised",
        zh: "无法识别 {{%…}} 这个设置")

    /// A parse error of a kind added to the template library after this was written: its own words.
    public static let mustacheOther = DiagnosticKind(
        "mustache-other", .phrase,
        en: "%{error}",
        zh: "“%{error}”（模板库的原话）")

    /// `available`: the languages the theme has strings for, as a list.
    public static let stringsLanguageMissing = DiagnosticKind(
        "strings-language-missing",
        en: "the theme has no strings for the site language \"%{language}\"; available: %{available}",
        zh: "主题里没有网站语言 “%{language}” 的用语文件；现有的语言：%{available}")

    /// `problem`: what reading its YAML said, a message of `readingKinds`.
    public static let stringsUnreadable = DiagnosticKind(
        "strings-unreadable",
        en: "cannot read the strings file: %{problem}",
        zh: "无法读取用语文件：%{problem}")

    public static let stringsNotSections = DiagnosticKind(
        "strings-not-sections",
        en: "the strings file must be a set of sections (ui, fields, values, dates, kinds)",
        zh: "用语文件必须由几个部分组成（ui、fields、values、dates、kinds）")

    public static let stringsSectionMissing = DiagnosticKind(
        "strings-section-missing",
        en: "section \"%{name}\" is missing",
        zh: "缺少 “%{name}” 这一部分")

    public static let stringsWordMissing = DiagnosticKind(
        "strings-word-missing",
        en: "is missing; the engine shows this word",
        zh: "缺少这个词；网站生成时要显示它")

    public static let stringsFieldLabelMissing = DiagnosticKind(
        "strings-field-label-missing",
        en: "is missing; the engine labels this field with it",
        zh: "缺少这个词；网站生成时要用它作这个字段的标签")

    public static let stringsValueLabelMissing = DiagnosticKind(
        "strings-value-label-missing",
        en: "is missing; give the display name of this value",
        zh: "缺少这个词；请写出这个值在网页上显示的名称")

    public static let stringsMonths = DiagnosticKind(
        "strings-months",
        en: "must list the 12 month names",
        zh: "必须列出 12 个月的名称")

    public static let stringsDateFormat = DiagnosticKind(
        "strings-date-format",
        en: "must contain {day}, {month} or {month_name}, and {year}",
        zh: "必须包含 {day}、{month} 或 {month_name}，以及 {year}")

    public static let stringsKindNames = DiagnosticKind(
        "strings-kind-names",
        en: "needs `one:` and `many:` names",
        zh: "需要写 `one:` 和 `many:` 两个名称")
}
