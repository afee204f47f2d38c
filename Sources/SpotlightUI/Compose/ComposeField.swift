import SpotlightCore

/// The form's fields in screen order (Tab order). The body comes last: it takes the rest of the
/// screen, and Tab out of it returns to the title.
enum ComposeField: Int, CaseIterable, Sendable {
    case title, hero, department, customer, tags, onBehalfOf, body

    /// The one-line fields, in order.
    static let singleLine: [ComposeField] = [.title, .hero, .department, .customer, .tags, .onBehalfOf]

    var storyField: StoryField {
        switch self {
        case .title: .title
        case .hero: .hero
        case .department: .department
        case .customer: .customer
        case .tags: .tags
        case .onBehalfOf: .onBehalfOf
        case .body: .body
        }
    }

    init(_ field: StoryField) {
        switch field {
        case .title: self = .title
        case .hero: self = .hero
        case .department: self = .department
        case .customer: self = .customer
        case .tags: self = .tags
        case .onBehalfOf: self = .onBehalfOf
        case .body: self = .body
        }
    }

    /// As people read it: "Title", "On behalf of".
    var label: String {
        switch self {
        case .title: "Title"
        case .hero: "Hero"
        case .department: "Department"
        case .customer: "Customer"
        case .tags: "Tags"
        case .onBehalfOf: "On behalf of"
        case .body: "Body"
        }
    }

    /// For narrow forms, where the label column has room for a word.
    var shortLabel: String {
        switch self {
        case .department: "Dept"
        case .onBehalfOf: "For"
        default: label
        }
    }

    /// Characters the field's text may hold. Tags are limited by count and length, so their text
    /// may hold that many tags of the longest length with a separator each.
    var characterLimit: Int {
        switch self {
        case .title: StoryLimits.title.upperBound
        case .hero: StoryLimits.hero.upperBound
        case .department: StoryLimits.department.upperBound
        case .customer: 0
        case .tags: StoryLimits.tagCount.upperBound * (StoryLimits.tagLength.upperBound + 2)
        case .onBehalfOf: StoryLimits.onBehalfOf.upperBound
        case .body: StoryLimits.body.upperBound
        }
    }

    /// What the counter next to the label counts against: characters, or tags for the tag field.
    var counterLimit: Int? {
        switch self {
        case .customer: nil
        case .tags: StoryLimits.tagCount.upperBound
        default: characterLimit
        }
    }

    /// Dimmed text in an empty field that is not being edited.
    var placeholder: String {
        switch self {
        case .title: "a headline for the wall"
        case .hero: "who is recognised: a person or a team"
        case .department: StoryDraft.defaultDepartment
        case .customer: ""
        case .tags: "e.g. above-and-beyond, recovery"
        case .onBehalfOf: "optional: the colleague who told the story"
        case .body: "Tell the story: what happened, what they did, how the customer felt."
        }
    }
}
