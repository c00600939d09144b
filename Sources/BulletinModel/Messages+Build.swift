/// What the build as a whole says: its output folder, the date it takes for today, `bulletin
/// new`, and the lines that tell how far it has got.
extension DiagnosticKind {
    static let buildKinds: [DiagnosticKind] = [
        outputOverlaps, outputNotOurs, outputLockFailed, outputReplaceFailed, outputWriteFailed, outputPathClash,
        nowInvalid, sourceDateEpochInvalid, newKindUnknown, newCommunityUnknown, newTitleGivesNoName, newFileExists,
        unexpected,
        progressLoading, progressValidating, progressUnchanged, progressUnchangedStamps, progressIndexing,
        progressNothingToRender, progressRendering, progressWriting, progressWaiting, progressBuilt, progressNoErrors,
        progressFailedOne, progressFailed,
    ]

    /// `kind`: `overlapContent` or `overlapTemplates`.
    public static let outputOverlaps = DiagnosticKind(
        "output-overlaps",
        en: "the output folder overlaps the %{kind} folder %{folder}; choose a separate folder such as Public/",
        zh: "输出文件夹和%{kind}文件夹 %{folder} 重叠了；请另选一个单独的文件夹，例如 Public/")

    public static let outputNotOurs = DiagnosticKind(
        "output-not-ours",
        en: "this folder exists and was not made by bulletin (no %{marker} file), so it will not be replaced; choose an empty or new output folder",
        zh: "这个文件夹已经存在，而且不是 bulletin 生成的（里面没有 %{marker} 文件），所以不会替换它；请选一个空的或新的输出文件夹")

    /// `reason`: the system's description of the error, in English.
    public static let outputLockFailed = DiagnosticKind(
        "output-lock-failed",
        en: "cannot write beside the output folder: %{reason}",
        zh: "无法在输出文件夹旁边写入文件：%{reason}")

    public static let outputReplaceFailed = DiagnosticKind(
        "output-replace-failed",
        en: "could not replace the output folder: %{reason}",
        zh: "无法替换输出文件夹：%{reason}")

    public static let outputWriteFailed = DiagnosticKind(
        "output-write-failed",
        en: "could not write %{path} into the folder beside %{output} (%{reason}); the previous site was left as it was",
        zh: "无法把 %{path} 写入 %{output} 旁边的文件夹（%{reason}）；原来的网站保持不变")

    /// `source`: `madeFrom`, or nothing.
    public static let outputPathClash = DiagnosticKind(
        "output-path-clash",
        en: "would be published as %{path}, which the site already uses for another page%{source}; rename this file",
        zh: "会发布为 %{path}，但网站里另一个页面已经用了这个地址%{source}；请给这个文件改名")

    public static let nowInvalid = DiagnosticKind(
        "now-invalid",
        en: "found \"%{value}\", expected a date written YYYY-MM-DD",
        zh: "写的是 “%{value}”，应当是按 YYYY-MM-DD 写的日期")

    public static let sourceDateEpochInvalid = DiagnosticKind(
        "source-date-epoch-invalid",
        en: "found \"%{value}\", expected whole seconds since 1970",
        zh: "写的是 “%{value}”，应当是从 1970 年起算的整秒数")

    /// `hint`: `didYouMean` or `expectedOneOf`.
    public static let newKindUnknown = DiagnosticKind(
        "new-kind-unknown",
        en: "unknown kind \"%{kind}\"; %{hint}",
        zh: "没有 “%{kind}” 这种记录；%{hint}")

    /// `hint`: `didYouMeanAfter`, or nothing.
    public static let newCommunityUnknown = DiagnosticKind(
        "new-community-unknown",
        en: "there is no community folder communities/%{name}/ with a community.md%{hint}",
        zh: "没有 communities/%{name}/ 这个社区文件夹（或者里面没有 community.md）%{hint}")

    public static let newTitleGivesNoName = DiagnosticKind(
        "new-title-gives-no-name",
        en: "cannot make a file name from the title \"%{title}\"; use a title with letters or digits",
        zh: "无法用标题 “%{title}” 生成文件名；请用含有文字或数字的标题")

    public static let newFileExists = DiagnosticKind(
        "new-file-exists",
        en: "%{path} already exists; it was left untouched (choose another title or edit that file)",
        zh: "%{path} 已经存在，没有改动它（请换一个标题，或者直接编辑那个文件）")

    /// An error that is not the content's, in its own words (`Diagnostic(path:message:)`).
    public static let unexpected = DiagnosticKind(
        "unexpected",
        en: "%{text}",
        zh: "出现了意外的问题：%{text}")

    public static let progressLoading = DiagnosticKind(
        "progress-loading", .progress, en: "[1/5] Loading %{folder}", zh: "[1/5] 正在读取 %{folder}")

    public static let progressValidating = DiagnosticKind(
        "progress-validating", .progress, en: "[2/5] Validating %{count} files", zh: "[2/5] 正在检查 %{count} 个文件")

    public static let progressUnchanged = DiagnosticKind(
        "progress-unchanged", .progress,
        en: "[2/5] Nothing changed since the last build",
        zh: "[2/5] 自上次生成以来没有任何改动")

    public static let progressUnchangedStamps = DiagnosticKind(
        "progress-unchanged-stamps", .progress,
        en: "[2/5] Nothing changed since the last build (no file's stamp changed)",
        zh: "[2/5] 自上次生成以来没有任何改动（所有文件的修改时间都没变）")

    public static let progressIndexing = DiagnosticKind(
        "progress-indexing", .progress, en: "[3/5] Indexing %{count} records", zh: "[3/5] 正在整理 %{count} 条记录")

    public static let progressNothingToRender = DiagnosticKind(
        "progress-nothing-to-render", .progress,
        en: "[4/5] Nothing changed in %{count} files",
        zh: "[4/5] %{count} 个文件都没有变化")

    public static let progressRendering = DiagnosticKind(
        "progress-rendering", .progress,
        en: "[4/5] Rendering %{count} of %{total} files",
        zh: "[4/5] 正在生成 %{total} 个文件中的 %{count} 个")

    public static let progressWriting = DiagnosticKind(
        "progress-writing", .progress, en: "[5/5] Writing %{folder}", zh: "[5/5] 正在写入 %{folder}")

    public static let progressWaiting = DiagnosticKind(
        "progress-waiting", .progress,
        en: "Waiting for another build into %{folder} to finish",
        zh: "另一次生成正在写入 %{folder}，正在等它完成")

    public static let progressBuilt = DiagnosticKind(
        "progress-built", .progress,
        en: "Built %{files} files into %{output}: %{rendered} rendered, %{written} written",
        zh: "已生成 %{files} 个文件到 %{output}：其中重新生成 %{rendered} 个，写入 %{written} 个")

    public static let progressNoErrors = DiagnosticKind(
        "progress-no-errors", .progress, en: "No errors.", zh: "没有发现错误。")

    public static let progressFailedOne = DiagnosticKind(
        "progress-failed-one", .progress,
        en: "Build failed: 1 error; nothing was written.",
        zh: "生成失败：有 1 处错误；没有写入任何文件。")

    public static let progressFailed = DiagnosticKind(
        "progress-failed", .progress,
        en: "Build failed: %{count} errors; nothing was written.",
        zh: "生成失败：有 %{count} 处错误；没有写入任何文件。")
}
