import SpotlightCore

/// Public initialisers, so every `BoardService` (not only the store) can export a board.
extension BoardExport {
    public init(settings: [String: String], managers: [ManagerRecord], stories: [StoryRecord], votes: [VoteRecord],
                medallions: [MedallionRecord], audit: [AuditRecord], certification: CertificationRecords? = nil) {
        self.settings = settings
        self.managers = managers
        self.stories = stories
        self.votes = votes
        self.medallions = medallions
        self.audit = audit
        self.certification = certification.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension BoardExport.MedallionRecord {
    public init(_ medallion: Medallion) {
        self.init(id: medallion.id, storyID: medallion.storyID, giver: medallion.giver, hero: medallion.hero,
                  givenAt: medallion.givenAt.millis, year: medallion.year)
    }
}

extension BoardExport.AuditRecord {
    public init(_ event: AuditEvent) {
        self.init(id: event.id, at: event.at.millis, actor: event.actor, action: event.action, storyID: event.storyID,
                  detail: event.detail, host: event.host)
    }
}

extension BoardExport.StoryRecord {
    public init(_ s: Story) {
        self.init(id: s.id, title: s.title, body: s.body, hero: s.hero, department: s.department, customer: s.customer.rawValue,
                  tags: s.tags, author: s.author, authorName: s.authorName, onBehalfOf: s.onBehalfOf,
                  createdAt: s.createdAt.millis, editedAt: s.editedAt?.millis, status: s.status.rawValue,
                  pinnedBy: s.pin?.pinnedBy, pinnedAt: s.pin?.pinnedAt.millis, pinUntil: s.pin?.until?.millis, pinNote: s.pin?.note)
    }
}
