/// The fields of site.yml, of a community's community.md and of a free page, as `RecordFields.swift`
/// declares those of records: each key written here and nowhere else.

public enum SiteFields {
    public static let title = RecordFields.title.with(example: "Shizhuang Street Community Bulletin")
    public static let language = FieldSpec("language", .text, note: "`en` or `zh-CN`, default `en`")
    public static let baseURL = FieldSpec("base_url", .text, note: "needed for feeds and the sitemap")
    public static let description = FieldSpec("description", .text)
    public static let publisher = FieldSpec("publisher", .text)
    public static let timeZone = FieldSpec("time_zone", .text, note: "IANA name, default `UTC`")
    public static let pageSize = FieldSpec("page_size", .number, note: "default 20")
    public static let unsafeHTML = FieldSpec("unsafe_html", .flag, note: "default false")
    public static let table = FieldTable([title, language, baseURL, description, publisher, timeZone, pageSize, unsafeHTML])
}

/// A community's profile. Its labelled fields are those a theme's strings name for the
/// community page, beside the facts of records.
public enum CommunityFields {
    public static let name = FieldSpec("name", .text, .required, example: "Qingyouyuan Community")
    public static let street = FieldSpec("street", .text, .required, labelled: true, example: "Shizhuang Street")
    public static let district = FieldSpec("district", .text, labelled: true)
    public static let secretary = FieldSpec("secretary", .text, labelled: true)
    public static let contact = FieldSpec("contact", .textOrGroup(ContactFields.table), labelled: true,
                                          example: "\"010-1234 5678, Building 3 ground floor, Mon–Fri 9:00–17:00\"")
    public static let grids = FieldSpec("grids", .entries(GridFields.table))
    public static let households = FieldSpec("households", .number, labelled: true)
    public static let population = FieldSpec("population", .number, labelled: true)
    public static let table = FieldTable([name, street, district, secretary, contact, grids, households, population])
}

/// The community office's contact details, each shown on the community page under its label.
public enum ContactFields {
    public static let phone = FieldSpec("phone", .text, labelled: true)
    public static let address = FieldSpec("address", .text, labelled: true)
    public static let hours = FieldSpec("hours", .text, labelled: true)
    public static let email = FieldSpec("email", .text, labelled: true)
    public static let table = FieldTable([phone, address, hours, email])
}

public enum GridFields {
    public static let name = FieldSpec("name", .text, .required, example: "Grid 1")
    public static let buildings = FieldSpec("buildings", .textList, example: "[\"1\", \"2\"]")
    public static let leader = FieldSpec("leader", .text, example: "grid leader")
    public static let table = FieldTable([name, buildings, leader])
}

public enum PageFields {
    public static let title = RecordFields.title.with(example: "How to take part")
    public static let menu = FieldSpec("menu", .number, note: "position in the site menu; pages without it are published but not in the menu")
    public static let draft = RecordFields.draft
    public static let table = FieldTable([title, menu, draft])
}
