import Foundation
import SpotlightCore

/// The compose form as the board holds it: the form, the story being edited as it was when the
/// form opened (for the conflict check when it is saved), and when its draft is due on disk.
public struct ComposeSession: Sendable, Equatable {
    /// Unsaved compose text reaches the disk within this long of an edit.
    public static let draftDelay: TimeInterval = 1

    public internal(set) var form: ComposeForm
    /// The edited story as it was when the form opened; nil for a new story (or when it could
    /// not be read, in which case the loop reads it at submit).
    public internal(set) var base: Story?
    /// When the draft is to be written; nil when nothing waits to be saved.
    public internal(set) var draftDue: Date?
    /// An edit happened that no save has covered yet; `draftDue` is set from the next tick's now.
    var hasUnsavedEdit = false

    init(form: ComposeForm, base: Story?) {
        self.form = form
        self.base = base
    }

    /// The effect that writes the form's text to disk, or nil when it holds nothing new.
    mutating func saveNow() -> BoardEffect? {
        draftDue = nil
        hasUnsavedEdit = false
        guard form.isDirty else { return nil }
        return .saveDraft(form.draft, editing: form.editingID)
    }

    /// An edit: a save is scheduled unless one already waits (so at most `draftDelay` of typing
    /// is ever only in memory).
    mutating func edited() {
        if form.isDirty { hasUnsavedEdit = true }
    }

    /// The draft's timer: due times come from the clock's now in `.tick`.
    mutating func tick(_ now: Date) -> BoardEffect? {
        if hasUnsavedEdit, draftDue == nil { draftDue = now.addingTimeInterval(Self.draftDelay) }
        guard let due = draftDue, now >= due else { return nil }
        return saveNow()
    }

    /// When the draft timer next needs the clock (`.distantPast`: at the next tick).
    var nextWake: Date? {
        if let draftDue { return draftDue }
        return hasUnsavedEdit ? .distantPast : nil
    }
}
