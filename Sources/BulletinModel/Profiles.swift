/// A community's profile, a free page and the site's settings.

public struct Grid: Sendable, Hashable {
    public var name: String
    public var buildings: [String]
    public var leader: String?

    public init(name: String, buildings: [String], leader: String? = nil) {
        self.name = name
        self.buildings = buildings
        self.leader = leader
    }
}

public struct Contact: Sendable, Hashable {
    public var text: String?
    public var phone: String?
    public var address: String?
    public var hours: String?
    public var email: String?

    public init(text: String? = nil, phone: String? = nil, address: String? = nil, hours: String? = nil, email: String? = nil) {
        self.text = text
        self.phone = phone
        self.address = address
        self.hours = hours
        self.email = email
    }
}

public struct Community: Sendable, Hashable {
    public var id: String
    public var sourcePath: String
    public var name: String
    public var street: String
    public var district: String?
    public var secretary: String?
    public var contact: Contact?
    public var grids: [Grid]
    public var households: Int?
    public var population: Int?
    public var body: String

    public init(id: String, sourcePath: String, name: String, street: String, district: String? = nil, secretary: String? = nil, contact: Contact? = nil, grids: [Grid], households: Int? = nil, population: Int? = nil, body: String) {
        self.id = id
        self.sourcePath = sourcePath
        self.name = name
        self.street = street
        self.district = district
        self.secretary = secretary
        self.contact = contact
        self.grids = grids
        self.households = households
        self.population = population
        self.body = body
    }
}

public struct FreePage: Sendable, Hashable {
    public var slug: String
    public var sourcePath: String
    public var title: String
    public var menu: Int?
    public var draft: Bool
    public var body: String

    public init(slug: String, sourcePath: String, title: String, menu: Int? = nil, draft: Bool, body: String) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.title = title
        self.menu = menu
        self.draft = draft
        self.body = body
    }
}

public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var language: String
    public var baseURL: String?
    public var description: String?
    public var publisher: String?
    public var timeZone: String
    public var pageSize: Int
    public var unsafeHTML: Bool

    public init(title: String, language: String, baseURL: String? = nil, description: String? = nil, publisher: String? = nil, timeZone: String, pageSize: Int, unsafeHTML: Bool) {
        self.title = title
        self.language = language
        self.baseURL = baseURL
        self.description = description
        self.publisher = publisher
        self.timeZone = timeZone
        self.pageSize = pageSize
        self.unsafeHTML = unsafeHTML
    }
}
