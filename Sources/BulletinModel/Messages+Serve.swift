/// What `bulletin serve` says in the terminal, and the words of its error page.
extension DiagnosticKind {
    static let serveKinds: [DiagnosticKind] = [
        serveServing, serveBuilt, serveFailed, servePortInUse, servePortHint, servePortZeroHint, serveBindWarning,
        serveFolderFailed, serveErrorTitle, serveErrorIntro, serveErrorCount, serveWhere, serveField,
    ]

    public static let serveServing = DiagnosticKind(
        "serve-serving", .progress,
        en: "Serving %{title} at %{address} (Ctrl-C stops it)",
        zh: "正在预览 %{title}：%{address}（按 Ctrl-C 停止）")

    public static let serveBuilt = DiagnosticKind(
        "serve-built", .progress,
        en: "Built %{files} files in %{milliseconds} ms: %{rendered} rendered, %{written} written",
        zh: "已生成 %{files} 个文件，用时 %{milliseconds} 毫秒：其中重新生成 %{rendered} 个，写入 %{written} 个")

    public static let serveFailed = DiagnosticKind(
        "serve-failed", .progress,
        en: "Build failed: %{count} error(s); the browser shows them until they are fixed",
        zh: "生成失败：有 %{count} 处错误；改正之前，浏览器里显示这些错误")

    /// `hint`: `servePortHint` or `servePortZeroHint`.
    public static let servePortInUse = DiagnosticKind(
        "serve-port-in-use",
        en: "port %{port} is already in use (another `bulletin serve`, or another program); %{hint}",
        zh: "端口 %{port} 已被占用（另一个 `bulletin serve` 或别的程序）；%{hint}")

    public static let servePortHint = DiagnosticKind(
        "serve-port-hint", .phrase,
        en: "try --port %{port}, which is free now, or --port 0 to let the system pick one",
        zh: "请试试 --port %{port}（现在空闲），或用 --port 0 让系统自动选一个")

    public static let servePortZeroHint = DiagnosticKind(
        "serve-port-zero-hint", .phrase,
        en: "try --port 0 to let the system pick one",
        zh: "请用 --port 0 让系统自动选一个")

    public static let serveBindWarning = DiagnosticKind(
        "serve-bind-warning", .progress,
        en: "warning: --bind %{address} lets every computer that can reach this one see the preview, drafts included; use it only on a network you trust",
        zh: "警告：--bind %{address} 会让所有能连到这台电脑的人看到预览（包括草稿）；只在可信的网络里这样用")

    /// `reason`: the system's description of the error, in English.
    public static let serveFolderFailed = DiagnosticKind(
        "serve-folder-failed",
        en: "cannot make the preview's folder %{folder}: %{reason}",
        zh: "无法建立预览用的文件夹 %{folder}：%{reason}")

    public static let serveErrorTitle = DiagnosticKind(
        "serve-error-title", .phrase, en: "The site could not be built", zh: "网站未能生成")

    public static let serveErrorIntro = DiagnosticKind(
        "serve-error-intro", .phrase,
        en: "Fix what is described below and save the file: this page reloads by itself and shows the site again once it builds.",
        zh: "请按下面的说明修改文件并保存：本页会自动刷新，网站生成成功后即显示网站。")

    public static let serveErrorCount = DiagnosticKind(
        "serve-error-count", .phrase, en: "Problems: %{count}", zh: "共 %{count} 处问题")

    public static let serveWhere = DiagnosticKind(
        "serve-where", .phrase, en: "line %{line}, column %{column}", zh: "第 %{line} 行，第 %{column} 列")

    public static let serveField = DiagnosticKind("serve-field", .phrase, en: "Field: %{field}", zh: "字段：%{field}")
}
