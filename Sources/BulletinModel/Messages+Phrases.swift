/// Parts of other entries that are the engine's own words: hints, the names of things, what a
/// value turned out to be. Each follows the language of the message holding it.
extension DiagnosticKind {
    static let phraseKinds: [DiagnosticKind] = [
        didYouMean, didYouMeanFirst, didYouMeanAside, didYouMeanAfter, expectedOneOf, knownFields, renameTo,
        foundValue, foundFields, foundList, foundSingleValue, foundNothing, exampleSomeText,
        kindMeetings, kindActivities, kindConventions, kindProblems, whatPageName, whatCommunityFolder, whatFileName,
        whatImage, whatLink, whereContentFolder, whereThemeFolder, overlapContent, overlapTemplates,
        noProblemsYet, noOtherConvention, addIt, madeFrom,
    ]

    public static let didYouMean = DiagnosticKind(
        "did-you-mean", .phrase, en: "did you mean \"%{word}\"?", zh: "您是不是想写 “%{word}”？")

    /// Before the list of accepted values.
    public static let didYouMeanFirst = DiagnosticKind(
        "did-you-mean-first", .phrase, en: "did you mean \"%{word}\"? ", zh: "您是不是想写 “%{word}”？")

    /// In brackets, inside a sentence.
    public static let didYouMeanAside = DiagnosticKind(
        "did-you-mean-aside", .phrase, en: " (did you mean \"%{word}\"?)", zh: "（您是不是想写 “%{word}”？）")

    /// After a sentence.
    public static let didYouMeanAfter = DiagnosticKind(
        "did-you-mean-after", .phrase, en: "; did you mean \"%{word}\"?", zh: "；您是不是想写 “%{word}”？")

    /// `values`: a list.
    public static let expectedOneOf = DiagnosticKind(
        "expected-one-of", .phrase, en: "expected one of: %{values}", zh: "应当是以下之一：%{values}")

    /// `fields`: a list.
    public static let knownFields = DiagnosticKind(
        "known-fields", .phrase, en: "known fields are: %{fields}", zh: "可以使用的字段有：%{fields}")

    public static let renameTo = DiagnosticKind(
        "rename-to", .phrase, en: "; rename it to \"%{name}\"", zh: "；请改名为 “%{name}”")

    /// A value as written, quoted.
    public static let foundValue = DiagnosticKind(
        "found-value", .phrase, en: "\"%{value}\"", zh: "“%{value}”")

    public static let foundFields = DiagnosticKind(
        "found-fields", .phrase, en: "a set of fields", zh: "一组字段")

    public static let foundList = DiagnosticKind(
        "found-list", .phrase, en: "a list", zh: "一个列表")

    public static let foundSingleValue = DiagnosticKind(
        "found-single-value", .phrase, en: "a single value", zh: "单独一个值")

    public static let foundNothing = DiagnosticKind(
        "found-nothing", .phrase, en: "nothing", zh: "空的")

    /// The value shown for a text field whose table gives no example.
    public static let exampleSomeText = DiagnosticKind(
        "example-some-text", .phrase, en: "some text", zh: "一段文字")

    public static let kindMeetings = DiagnosticKind("kind-meetings", .phrase, en: "meetings", zh: "议事记录")
    public static let kindActivities = DiagnosticKind("kind-activities", .phrase, en: "activities", zh: "社区活动")
    public static let kindConventions = DiagnosticKind("kind-conventions", .phrase, en: "conventions", zh: "公约规约")
    public static let kindProblems = DiagnosticKind("kind-problems", .phrase, en: "problems", zh: "居民问题")

    public static let whatPageName = DiagnosticKind("what-page-name", .phrase, en: "page name", zh: "页面名")
    public static let whatCommunityFolder = DiagnosticKind(
        "what-community-folder", .phrase, en: "community folder name", zh: "社区文件夹名")
    public static let whatFileName = DiagnosticKind("what-file-name", .phrase, en: "file name", zh: "文件名")

    public static let whatImage = DiagnosticKind("what-image", .phrase, en: "the image", zh: "图片")
    public static let whatLink = DiagnosticKind("what-link", .phrase, en: "the link", zh: "链接")

    public static let whereContentFolder = DiagnosticKind(
        "where-content-folder", .phrase, en: "the content folder", zh: "内容文件夹")
    public static let whereThemeFolder = DiagnosticKind(
        "where-theme-folder", .phrase, en: "the theme folder", zh: "主题文件夹")

    public static let overlapContent = DiagnosticKind("overlap-content", .phrase, en: "content", zh: "内容")
    public static let overlapTemplates = DiagnosticKind("overlap-templates", .phrase, en: "templates", zh: "主题模板")

    public static let noProblemsYet = DiagnosticKind(
        "no-problems-yet", .phrase,
        en: "this community has no problems/ yet; add problems/%{slug}.md",
        zh: "这个社区还没有 problems/ 文件夹；请添加 problems/%{slug}.md")

    public static let noOtherConvention = DiagnosticKind(
        "no-other-convention", .phrase,
        en: "this community has no other convention; remove `supersedes` or add the earlier version",
        zh: "这个社区没有别的公约；请删掉 `supersedes`，或者先添加旧版本")

    public static let addIt = DiagnosticKind("add-it", .phrase, en: "add it", zh: "请添加这个文件")

    public static let madeFrom = DiagnosticKind(
        "made-from", .phrase, en: " (made from %{source})", zh: "（由 %{source} 生成）")
}

extension RecordKind {
    /// The kind's name in messages: in English its folder's name (`meetings`).
    public var phrase: DiagnosticKind {
        switch self {
        case .meetings: .kindMeetings
        case .activities: .kindActivities
        case .conventions: .kindConventions
        case .problems: .kindProblems
        }
    }
}
