import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightUI

/// The compose form inside the board: opening it (new, edit, or a draft saved by an earlier
/// run), feeding it keys and pastes, submitting through the store, and keeping the draft on
/// disk so a closed terminal or dropped ssh connection loses nothing.
extension BoardRunner {
    func openCompose(editing story: Story?) async {
        var form = ComposeForm(draft: story.map(StoryDraft.init), editing: story?.id, departments: await departmentNames())
        form.authorName = account.displayName
        let size = session.size()
        form.resize(width: size.width, height: size.height)
        compose = form
        composeBase = story
        needsDraw = true
    }

    /// A draft left by a run that ended without posting it comes back in the form.
    func offerSavedDraft() async {
        guard readOnlyReason == nil, let saved = drafts.load() else { return }
        var form = ComposeForm(draft: saved.draft, editing: saved.editing, departments: await departmentNames(), restored: true)
        form.authorName = account.displayName
        let size = session.size()
        form.resize(width: size.width, height: size.height)
        let what = saved.editing.map { "your unsaved edit of story #\($0)" } ?? "your unsaved story"
        form.show(message: "Welcome back: \(what) is here. Ctrl-S saves it; Esc twice discards it.", isError: false)
        compose = form
        if let id = saved.editing, let store = link.store { composeBase = try? await store.story(id) }
        needsDraw = true
    }

    /// Departments for completion, biggest first.
    private func departmentNames() async -> [String] {
        guard let store = link.store, let list = try? await store.departments() else { return [] }
        return list.sorted { $0.stories > $1.stories }.map(\.name)
    }

    func composeInsert(_ text: String) {
        guard compose != nil else { return }
        compose?.insert(text)
        draftChanged()
    }

    func composeKey(_ key: Key) async {
        guard var form = compose else { return }
        if key == .ctrl("l") {
            session.repaintAll()
            return
        }
        let outcome = form.handle(key)
        compose = form
        switch outcome {
        case .none:
            draftChanged()
        case .cancel:
            compose = nil
            composeBase = nil
            draftDue = nil
            drafts.discard()
            state.say(form.editingID == nil ? "story discarded" : "edit discarded")
        case .submit(let draft):
            await submit(draft, editing: form.editingID)
        }
        needsDraw = true
    }

    private func submit(_ draft: StoryDraft, editing id: StoryID?) async {
        guard let store = link.store else {
            compose?.show(message: (link.problem ?? "the board is unavailable") + "; your text is kept — try Ctrl-S again shortly")
            return
        }
        do {
            let story: Story
            if let id {
                let base: Story
                if let composeBase { base = composeBase } else { base = try await store.story(id) }
                story = try await store.edit(id, to: draft, unchangedSince: base)
                state.say("saved your changes to #\(story.id)")
            } else {
                story = try await store.post(draft)
                state.say("posted #\(story.id) — thank you for sharing it!")
                state.posted(story.id)
            }
            compose = nil
            composeBase = nil
            draftDue = nil
            drafts.discard()
            await reload()
        } catch {
            let problems = draft.problems()
            if problems.isEmpty {
                compose?.show(message: error.message)
            } else {
                compose?.show(problems: problems)
            }
            saveDraft()
        }
    }

    /// Schedules a save: at most `draftDelay` of typing is ever only in memory.
    private func draftChanged() {
        guard let form = compose, form.isDirty else { return }
        if draftDue == nil { draftDue = Date().addingTimeInterval(Self.draftDelay) }
    }

    func saveDraft() {
        draftDue = nil
        guard let form = compose, form.isDirty else { return }
        do {
            try drafts.save(form.draft, editing: form.editingID)
        } catch {
            compose?.show(message: error.message)
        }
    }
}
