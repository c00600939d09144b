/// What the scan of the content folder and the listing of the theme say about names, folders
/// and links.
extension DiagnosticKind {
    static let folderKinds: [DiagnosticKind] = [
        contentFolderMissing, contentNameUnknown, siteFileMissing, pagesOnlyMarkdown, pageNameTaken,
        communitiesOnlyFolders, recordFolderUnknown, communityProfileMissing, recordFolderStrayFile, bundleIndexMissing,
        recordNameUndated, recordDateImpossible, nameReserved, nameInvalid, folderTooDeep, nameDecomposed, nameNotUTF8,
        notAPlainFile, linkCircular, linkDangling, linkOutside, linkLoop,
    ]

    public static let contentFolderMissing = DiagnosticKind(
        "content-folder-missing",
        en: "the content folder does not exist; pass --content with the folder that holds site.yml",
        zh: "找不到内容文件夹；请用 --content 指明存放 site.yml 的文件夹")

    /// `hint`: `didYouMean` or `expectedOneOf`.
    public static let contentNameUnknown = DiagnosticKind(
        "content-name-unknown",
        en: "\"%{name}\" is not part of a bulletin content folder; %{hint} (to keep a file here without publishing it, start its name with \"_\")",
        zh: "“%{name}” 不属于公告的内容文件夹；%{hint}（如果只想把文件放在这里而不发布，请让文件名以 “_” 开头）")

    public static let siteFileMissing = DiagnosticKind(
        "site-file-missing",
        en: "site.yml is missing; create it with at least `title: <site name>`",
        zh: "缺少 site.yml；请新建这个文件，至少写上一行 `title: <网站名称>`")

    public static let pagesOnlyMarkdown = DiagnosticKind(
        "pages-only-markdown",
        en: "pages/ holds only Markdown files named <slug>.md",
        zh: "pages/ 文件夹里只能放名为 <slug>.md 的 Markdown 文件")

    public static let pageNameTaken = DiagnosticKind(
        "page-name-taken",
        en: "the page name \"%{name}\" is taken by a built-in page; choose another name",
        zh: "页面名 “%{name}” 已被网站自带的页面使用；请换一个名字")

    public static let communitiesOnlyFolders = DiagnosticKind(
        "communities-only-folders",
        en: "communities/ holds one folder per community; move this file into a community folder",
        zh: "communities/ 文件夹里每个社区占一个文件夹；请把这个文件移到某个社区的文件夹里")

    /// `hint`: `didYouMean` or `expectedOneOf`.
    public static let recordFolderUnknown = DiagnosticKind(
        "record-folder-unknown",
        en: "\"%{name}\" is not a record folder; %{hint}",
        zh: "“%{name}” 不是存放记录的文件夹；%{hint}")

    public static let communityProfileMissing = DiagnosticKind(
        "community-profile-missing",
        en: "community profile is missing; create community.md with `name:` and `street:`",
        zh: "缺少社区简介；请新建 community.md，写上 `name:` 和 `street:`")

    /// `folder`: the record folder's name, as written (`meetings`).
    public static let recordFolderStrayFile = DiagnosticKind(
        "record-folder-stray-file",
        en: "only Markdown records (.md) and bundle folders belong in %{folder}/; put files a record links to in a bundle folder beside its index.md",
        zh: "%{folder}/ 文件夹里只能放 Markdown 记录（.md）和记录文件夹；记录里链接的文件，请和它的 index.md 一起放进记录文件夹")

    public static let bundleIndexMissing = DiagnosticKind(
        "bundle-index-missing",
        en: "a bundle folder needs an index.md holding the record",
        zh: "记录文件夹里需要有一个 index.md，写这条记录的内容")

    /// `kind`: `kindMeetings`, `kindActivities`…
    public static let recordNameUndated = DiagnosticKind(
        "record-name-undated",
        en: "%{kind} are named <YYYY-MM-DD>-<slug>; rename it to e.g. \"%{example}\"",
        zh: "%{kind}的文件名应写成 <YYYY-MM-DD>-<slug>；请改名，例如 “%{example}”")

    public static let recordDateImpossible = DiagnosticKind(
        "record-date-impossible",
        en: "the date \"%{date}\" in the file name does not exist; write a real date as YYYY-MM-DD",
        zh: "文件名里的日期 “%{date}” 并不存在；请按 YYYY-MM-DD 写一个真实的日期")

    public static let nameReserved = DiagnosticKind(
        "name-reserved",
        en: "\"%{name}\" is reserved for the site's own pages; choose another name, e.g. \"%{example}\"",
        zh: "“%{name}” 留给网站自带的页面使用；请换一个名字，例如 “%{example}”")

    /// `what`: `whatPageName`, `whatCommunityFolder` or `whatFileName`; `advice`: `renameTo` or nothing.
    public static let nameInvalid = DiagnosticKind(
        "name-invalid",
        en: "the %{what} \"%{name}\" may only use lowercase letters, digits and \"-\"%{advice}",
        zh: "%{what} “%{name}” 只能使用汉字、小写字母、数字和 “-”（不能有空格、大写字母或其他符号）%{advice}")

    public static let folderTooDeep = DiagnosticKind(
        "folder-too-deep",
        en: "this folder is more than %{depth} folders deep in the content folder; move what it holds into a folder higher up",
        zh: "这个文件夹在内容文件夹里嵌套超过了 %{depth} 层；请把里面的东西移到上面几层的文件夹里")

    public static let nameDecomposed = DiagnosticKind(
        "name-decomposed",
        en: "the name is written with separate accent characters (decomposed Unicode), which looks the same as another spelling but is a different name; rename it to \"%{name}\" (retype the accented letters)",
        zh: "这个名字里的声调或重音符号是单独的字符（分解形式的 Unicode），看起来和另一种写法一样，其实是不同的名字；请改名为 “%{name}”（重新输入带符号的字母）")

    public static let nameNotUTF8 = DiagnosticKind(
        "name-not-utf8",
        en: "the name is not valid UTF-8 text (it shows as \"\u{FFFD}\" here), so it cannot be published; rename the file, retyping its name",
        zh: "这个名字不是有效的 UTF-8 文字（在这里显示为 “\u{FFFD}”），所以无法发布；请重新输入名字，给文件改名")

    /// `folder`: `whereContentFolder` or `whereThemeFolder`.
    public static let notAPlainFile = DiagnosticKind(
        "not-a-plain-file",
        en: "is not a plain file or folder (it is a pipe, socket or device); remove it from %{folder}",
        zh: "不是普通的文件或文件夹（而是管道、套接字或设备）；请把它从%{folder}里删掉")

    public static let linkCircular = DiagnosticKind(
        "link-circular",
        en: "this link goes round in a loop; remove it or copy the file in instead",
        zh: "这个链接（快捷方式）绕成了一个圈；请删掉它，或者改为把文件复制进来")

    public static let linkDangling = DiagnosticKind(
        "link-dangling",
        en: "this link points at something that does not exist; remove it or copy the file in instead",
        zh: "这个链接（快捷方式）指向的东西不存在；请删掉它，或者改为把文件复制进来")

    /// `folder`: `whereContentFolder` or `whereThemeFolder`.
    public static let linkOutside = DiagnosticKind(
        "link-outside",
        en: "this is a link to %{target}, outside %{folder}; links are not followed out of it, copy the file in instead",
        zh: "这是一个指向 %{target} 的链接（快捷方式），在%{folder}之外；网站不会跟随链接到外面去，请把文件复制进来")

    public static let linkLoop = DiagnosticKind(
        "link-loop",
        en: "this link leads back into a folder that contains it, which would repeat the folder without end; remove it",
        zh: "这个链接（快捷方式）指回了包含它的文件夹，会让这个文件夹无限重复下去；请删掉它")
}
