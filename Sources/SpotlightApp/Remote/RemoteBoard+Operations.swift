import Foundation
import SpotlightCore
import SpotlightStore

/// Every `BoardService` operation as its one request of `BoardAPI`.
extension RemoteBoard {
    private typealias A = BoardAPI

    // MARK: Reads

    public func settings() async throws(SpotlightError) -> BoardSettings { try await call(A.settings, as: BoardSettings.self) }
    public func managers() async throws(SpotlightError) -> [String] { try await call(A.managers, as: [String].self) }

    public func isManager(_ login: String) async throws(SpotlightError) -> Bool {
        try await call(A.isManager, query: [.init(name: "login", value: login)], as: Wire.Flag.self).value
    }

    public func story(_ id: StoryID) async throws(SpotlightError) -> Story { try await call(A.story, id: id, as: Story.self) }

    public func stories(_ query: StoryQuery) async throws(SpotlightError) -> [Story] {
        try await call(A.stories, query: QueryReader.items(of: query), as: [Story].self)
    }

    public func pinnedStories() async throws(SpotlightError) -> [Story] { try await call(A.pinnedStories, as: [Story].self) }

    public func departments() async throws(SpotlightError) -> [(name: String, stories: Int)] {
        try await call(A.departments, as: [Wire.Department].self).map { ($0.name, $0.stories) }
    }

    public func hasVoted(_ id: StoryID) async throws(SpotlightError) -> Bool { try await call(A.hasVoted, id: id, as: Wire.Flag.self).value }
    public func medallionsLeft() async throws(SpotlightError) -> Int { try await call(A.medallionsLeft, as: Wire.Number.self).value }

    public func auditEvents(limit: Int) async throws(SpotlightError) -> [AuditEvent] {
        try await call(A.audit, query: [.init(name: "limit", value: String(limit))], as: [AuditEvent].self)
    }

    public func storyCount() async throws(SpotlightError) -> Int { try await call(A.storyCount, as: Wire.Number.self).value }

    // MARK: Paging

    public func page(_ query: StoryQuery, counting: Bool, matches: Int?) async throws(SpotlightError) -> StoryPage {
        try await call(A.page, body: Wire.PageArguments(query: query, counting: counting, matches: matches), as: StoryPage.self)
    }

    public func storyCount(_ query: StoryQuery, cap: Int?) async throws(SpotlightError) -> (count: Int, capped: Bool) {
        let count = try await call(A.count, body: Wire.CountArguments(query: query, cap: cap), as: Wire.Count.self)
        return (count.count, count.capped)
    }

    public func votedStories(among ids: [StoryID]) async throws(SpotlightError) -> Set<StoryID> {
        Set(try await call(A.votedAmong, body: Wire.IDs(ids: ids), as: [StoryID].self))
    }

    public func page(of ids: [StoryID], offset: Int, limit: Int) async throws(SpotlightError) -> StoryPage {
        try await call(A.pageOfIDs, body: Wire.PageOfArguments(ids: ids, offset: offset, limit: limit), as: StoryPage.self)
    }

    // MARK: The wall

    public func wallSnapshot(highlightSince: Date?) async throws(SpotlightError) -> WallSnapshot {
        let query = highlightSince.map { [BrokerRequest.QueryItem(name: "highlightSince", value: Self.queryTime($0))] } ?? []
        return try await call(A.wall, query: query, as: WallSnapshot.self)
    }

    // MARK: Writes

    public func post(_ draft: StoryDraft) async throws(SpotlightError) -> Story { try await call(A.post, body: draft, as: Story.self) }

    public func edit(_ id: StoryID, to draft: StoryDraft, unchangedSince base: Story?) async throws(SpotlightError) -> Story {
        try await call(A.edit, id: id, body: Wire.EditArguments(draft: draft, base: base), as: Story.self)
    }

    @discardableResult public func upvote(_ id: StoryID) async throws(SpotlightError) -> Bool {
        try await call(A.upvote, id: id, as: Wire.Flag.self).value
    }

    @discardableResult public func unvote(_ id: StoryID) async throws(SpotlightError) -> Bool {
        try await call(A.unvote, id: id, as: Wire.Flag.self).value
    }

    public func giveMedallion(_ id: StoryID) async throws(SpotlightError) -> Int {
        try await call(A.giveMedallion, id: id, as: Wire.Number.self).value
    }

    public func revokeMedallion(_ id: StoryID) async throws(SpotlightError) {
        _ = try await call(A.revokeMedallion, id: id, as: Wire.Empty.self)
    }

    @discardableResult public func pin(_ id: StoryID, until: Date?, note: String?) async throws(SpotlightError) -> Date {
        try await call(A.pin, id: id, body: Wire.PinArguments(until: until, note: note), as: Wire.Time.self).value
    }

    public func unpin(_ id: StoryID) async throws(SpotlightError) { _ = try await call(A.unpin, id: id, as: Wire.Empty.self) }

    public func setStatus(_ id: StoryID, to status: StoryStatus) async throws(SpotlightError) {
        _ = try await call(A.setStatus, id: id, body: Wire.StatusArguments(status: status), as: Wire.Empty.self)
    }

    public func addManager(_ login: String) async throws(SpotlightError) {
        _ = try await call(A.addManager, body: Wire.Login(login: login), as: Wire.Empty.self)
    }

    public func removeManager(_ login: String) async throws(SpotlightError) {
        _ = try await call(A.removeManager, query: [.init(name: "login", value: login)], as: Wire.Empty.self)
    }

    public func setSetting(_ key: String, to value: String) async throws(SpotlightError) {
        _ = try await call(A.setSetting, body: Wire.SettingArguments(key: key, value: value), as: Wire.Empty.self)
    }

    /// Only the built-in demo stories cross the wire (by index): a broker posts as no account a client names.
    public func seed(_ samples: [SampleStory]) async throws(SpotlightError) -> Int {
        var indexes: [Int] = []
        for sample in samples {
            guard let index = DemoStories.all.firstIndex(where: { Self.same($0, sample) }) else {
                throw .usage("a broker seeds only the built-in demo stories")
            }
            indexes.append(index)
        }
        return try await call(A.seed, body: Wire.SeedArguments(stories: indexes), as: Wire.Number.self).value
    }

    private static func same(_ a: SampleStory, _ b: SampleStory) -> Bool {
        a.draft == b.draft && a.author == b.author && a.hoursAgo == b.hoursAgo && a.voters == b.voters
            && a.medallionsFrom == b.medallionsFrom && a.pinned == b.pinned
    }

    // MARK: Reports' inputs

    public func reportStories(from start: Date, to end: Date, bodyLength: Int) async throws(SpotlightError) -> [Story] {
        try await call(A.reportStories, body: Wire.Period(from: start, to: end, bodyLength: bodyLength), as: [Story].self)
    }

    public func reportPinnedStories(from start: Date, to end: Date) async throws(SpotlightError) -> [Story] {
        try await call(A.reportPinned, body: Wire.Period(from: start, to: end), as: [Story].self)
    }

    public func reportMedallions(from start: Date, to end: Date) async throws(SpotlightError) -> [GivenMedallion] {
        try await call(A.reportMedallions, body: Wire.Period(from: start, to: end), as: [GivenMedallion].self)
    }

    public func reportFirstPosts(from start: Date, to end: Date) async throws(SpotlightError) -> [String: Date] {
        try await call(A.reportFirstPosts, body: Wire.Period(from: start, to: end), as: [String: Date].self)
    }

    public func reportVoteTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        try await call(A.reportVoteTimes, body: Wire.Period(from: start, to: end), as: [Date].self)
    }

    public func reportMedallionTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        try await call(A.reportMedallionTimes, body: Wire.Period(from: start, to: end), as: [Date].self)
    }

    // MARK: Visits

    public func identity() async throws(SpotlightError) -> String { try await call(A.identity, as: Wire.Text.self).value }

    public func newestIDs() async throws(SpotlightError) -> (story: StoryID, audit: Int) {
        let newest = try await call(A.newestIDs, as: Wire.NewestIDs.self)
        return (newest.story, newest.audit)
    }

    public func visibleStories(above id: StoryID, limit: Int) async throws(SpotlightError) -> [Story] {
        try await call(A.visibleAbove, body: Wire.AboveArguments(id: id, limit: limit), as: [Story].self)
    }

    public func recognition(of author: String, afterAudit auditID: Int) async throws(SpotlightError) -> [News.Recognition] {
        try await call(A.recognition, body: Wire.RecognitionArguments(author: author, afterAudit: auditID), as: [News.Recognition].self)
    }

    public func departments(recognising names: [String]) async throws(SpotlightError) -> Set<String> {
        Set(try await call(A.departmentsRecognising, body: Wire.Names(names: names), as: [String].self))
    }

    public func newStoryCount(since marks: VisitMarks, for account: Account) async throws(SpotlightError) -> Int {
        try requireOwn(account)
        return try await call(A.newStoryCount, body: Wire.MarksArguments(marks: marks), as: Wire.Number.self).value
    }

    public func news(since marks: VisitMarks, for account: Account, limit: Int) async throws(SpotlightError) -> News {
        try requireOwn(account)
        return try await call(A.news, body: Wire.MarksArguments(marks: marks, limit: limit), as: News.self)
    }

    /// A broker tells each account its own news only: it answers as the account the kernel names.
    private func requireOwn(_ other: Account) throws(SpotlightError) {
        guard other.login == account.login else {
            throw .usage("through a broker, news are only of your own account (\(account.login)), not \(other.login)")
        }
    }

    public func marksForEverythingNow(at now: Date) async throws(SpotlightError) -> VisitMarks {
        try await call(A.marksNow, body: Wire.AtArguments(at: now), as: VisitMarks.self)
    }

    public func closing(_ marks: VisitMarks, at now: Date) async throws(SpotlightError) -> VisitMarks {
        try await call(A.closing, body: Wire.AtArguments(at: now, marks: marks), as: VisitMarks.self)
    }

    // MARK: Export and import

    public func export() async throws(SpotlightError) -> BoardExport { try await call(A.export, as: BoardExport.self) }

    public func importBoard(_ data: BoardExport) async throws(SpotlightError) {
        _ = try await call(A.importBoard, body: data, as: Wire.Empty.self)
    }

    // MARK: Doctor

    public func integrityCheck() async throws(SpotlightError) -> String { try await call(A.integrity, as: Wire.Text.self).value }
    public func schemaVersion() async throws(SpotlightError) -> Int { try await call(A.schema, as: Wire.Number.self).value }
    public func outsideChanges() async throws(SpotlightError) -> [String] { try await call(A.outsideChanges, as: [String].self) }

    // MARK: Certification

    @discardableResult public func addProgram(_ program: CertProgram) async throws(SpotlightError) -> CertProgram {
        try await call(A.addProgram, body: program, as: CertProgram.self)
    }

    public func programs() async throws(SpotlightError) -> [CertProgram] { try await call(A.programs, as: [CertProgram].self) }

    public func program(named name: String) async throws(SpotlightError) -> CertProgram {
        try await call(A.program, query: [.init(name: "name", value: name)], as: CertProgram.self)
    }

    public func startQuiz(_ program: String) async throws(SpotlightError) -> QuizSitting {
        try await call(A.startQuiz, body: Wire.ProgramName(program: program), as: QuizSitting.self)
    }

    public func finishQuiz(_ attempt: Int, answers: [Int]) async throws(SpotlightError) -> QuizResult {
        try await call(A.finishQuiz, body: Wire.FinishArguments(attempt: attempt, answers: answers), as: QuizResult.self)
    }

    public func answerQuiz(_ attempt: Int, position: Int, choice: Int) async throws(SpotlightError) -> QuizVerdict {
        try await call(A.answerQuiz, body: Wire.AnswerArguments(attempt: attempt, position: position, choice: choice), as: QuizVerdict.self)
    }

    @discardableResult public func grantCertification(to login: String, program: String, level: Int, note: String)
        async throws(SpotlightError) -> Certification {
        try await call(A.grant, body: Wire.GrantArguments(login: login, program: program, level: level, note: note), as: Certification.self)
    }

    public func revokeCertification(of login: String, program: String, level: Int) async throws(SpotlightError) {
        _ = try await call(A.revoke, body: Wire.GrantArguments(login: login, program: program, level: level), as: Wire.Empty.self)
    }

    public func certifications(of login: String) async throws(SpotlightError) -> [Certification] {
        try await call(A.certifications, query: [.init(name: "login", value: login)], as: [Certification].self)
    }

    public func recentCertifications(since: Date, limit: Int) async throws(SpotlightError) -> [Certification] {
        try await call(A.recentCertifications, query: [.init(name: "since", value: Self.queryTime(since)),
                                                      .init(name: "limit", value: String(limit))], as: [Certification].self)
    }

    /// A time in a query string, exactly as the JSON would carry it.
    static func queryTime(_ date: Date) -> String {
        WireDate.text(date) ?? String(date.timeIntervalSinceReferenceDate)
    }
}
