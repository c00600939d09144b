/// What is said about a record as a whole: fields that must agree, its Markdown, its links to
/// its files and to other records, and its page address.
extension DiagnosticKind {
    static let recordKinds: [DiagnosticKind] = [
        dateDisagreesWithFileName, outcomeRequired, endTimeBeforeStart, resolvedRequired, resolvedBeforeRaised,
        bundleLinkNeedsBundle, bundleLinkOutside, bundleFileMissing, markdownTooDeep,
        pageAddressClash, meetingDatePassed, problemUnknown, problemIsDraft, conventionSupersedesItself,
        conventionUnknown, baseURLMissing,
    ]

    public static let dateDisagreesWithFileName = DiagnosticKind(
        "date-disagrees-with-file-name",
        en: "is %{date} but the file name says %{fileDate}; make them agree (the file name decides the page address)",
        zh: "写的是 %{date}，文件名里却是 %{fileDate}；请让两者一致（网页地址由文件名决定）")

    public static let outcomeRequired = DiagnosticKind(
        "outcome-required",
        en: "is required for a meeting that was held; add e.g. `outcome: agreed` (or set `status: scheduled`)",
        zh: "已召开的会议必须填写议事结果；请加上例如 `outcome: agreed`（如果会议还没开，请写 `status: scheduled`）")

    public static let endTimeBeforeStart = DiagnosticKind(
        "end-time-before-start",
        en: "is %{end}, before the start time %{start}; check both times",
        zh: "写的是 %{end}，早于开始时间 %{start}；请检查这两个时间")

    public static let resolvedRequired = DiagnosticKind(
        "resolved-required",
        en: "is required when status is resolved; add `resolved: YYYY-MM-DD`",
        zh: "状态为已解决（resolved）时必须填写；请加上 `resolved: YYYY-MM-DD`")

    public static let resolvedBeforeRaised = DiagnosticKind(
        "resolved-before-raised",
        en: "is %{resolved}, before the problem was raised on %{raised}",
        zh: "写的是 %{resolved}，早于问题的反映日期 %{raised}")

    /// `what`: `whatImage` or `whatLink`; `stem`: the record's file name without `.md`.
    public static let bundleLinkNeedsBundle = DiagnosticKind(
        "bundle-link-needs-bundle",
        en: "%{what} \"%{target}\" points at a file beside this record, but only a bundle publishes files: make the record a folder %{stem}/ holding index.md and the file",
        zh: "%{what} “%{target}” 指向这条记录旁边的文件，但只有记录文件夹里的文件才会发布：请把这条记录改成一个文件夹 %{stem}/，里面放 index.md 和这个文件")

    public static let bundleLinkOutside = DiagnosticKind(
        "bundle-link-outside",
        en: "%{what} \"%{target}\" points outside the record's bundle folder; put the file in the bundle and link it by name",
        zh: "%{what} “%{target}” 指向记录文件夹以外的地方；请把文件放进记录文件夹，再按文件名链接它")

    /// `near`: `didYouMeanAside`, or nothing.
    public static let bundleFileMissing = DiagnosticKind(
        "bundle-file-missing",
        en: "%{what} \"%{target}\" names a file that is not in the bundle folder%{near}; add the file or correct the name",
        zh: "%{what} “%{target}” 所写的文件不在记录文件夹里%{near}；请添加这个文件，或者改正文件名")

    public static let markdownTooDeep = DiagnosticKind(
        "markdown-too-deep",
        en: "this line opens more than %{depth} quotes or lists inside each other; use fewer `>` or list markers",
        zh: "这一行里引用或列表套了超过 %{depth} 层；请少用一些 `>` 或列表符号")

    /// `kind`: `kindMeetings`, `kindActivities`…
    public static let pageAddressClash = DiagnosticKind(
        "page-address-clash",
        en: "gives the same page address as %{other} (both are \"%{slug}\" in %{kind}); rename one of them",
        zh: "与 %{other} 的网页地址相同（两者都是%{kind}里的 “%{slug}”）；请给其中一个改名")

    public static let meetingDatePassed = DiagnosticKind(
        "meeting-date-passed",
        en: "this meeting is still `status: scheduled` but its date has passed; once it is held, set `status: held` and its `outcome`",
        zh: "这次会议仍是 `status: scheduled`（未召开），但日期已经过了；会议开过后，请改成 `status: held` 并填写 `outcome`（议事结果）")

    /// `hint`: `didYouMean`, `expectedOneOf` or `noProblemsYet`.
    public static let problemUnknown = DiagnosticKind(
        "problem-unknown",
        en: "no problem \"%{slug}\" in community %{community}; %{hint}",
        zh: "社区 %{community} 里没有名为 “%{slug}” 的居民问题；%{hint}")

    public static let problemIsDraft = DiagnosticKind(
        "problem-is-draft",
        en: "problem \"%{slug}\" is a draft, so this meeting does not link to it until it is published",
        zh: "居民问题 “%{slug}” 还是草稿，正式发布之前，这次会议不会链接到它")

    public static let conventionSupersedesItself = DiagnosticKind(
        "convention-supersedes-itself",
        en: "a convention cannot supersede itself; name the earlier version's file name",
        zh: "公约不能取代它自己；请写旧版本的文件名")

    /// `hint`: `didYouMean`, `expectedOneOf` or `noOtherConvention`.
    public static let conventionUnknown = DiagnosticKind(
        "convention-unknown",
        en: "no convention \"%{slug}\" in community %{community}; %{hint}",
        zh: "社区 %{community} 里没有名为 “%{slug}” 的公约；%{hint}")

    public static let baseURLMissing = DiagnosticKind(
        "base-url-missing",
        en: "is not set, so feed.xml, the community feeds and sitemap.xml are not written; add base_url: https://… to publish them",
        zh: "没有填写，所以不会生成 feed.xml、各社区的订阅源和 sitemap.xml；如需发布，请加上 base_url: https://…")
}
