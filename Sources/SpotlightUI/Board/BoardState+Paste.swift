import SpotlightCore

extension BoardState {
    /// Pasted text goes into the text field that has focus (search, a dialog's field) and
    /// nowhere else: a paste is never a run of commands, however many `q`, `x` or ESCs it holds.
    mutating func paste(_ text: String) -> [BoardEffect] {
        if case .form(var form)? = overlay {
            var field = form.fields[form.focus]
            if case .refused(let why) = field.handle(.paste(text)) { say(why, isError: true) }
            form.fields[form.focus] = field
            overlay = .form(form)
            return []
        }
        if overlay == nil, searchField != nil { return searchKey(.paste(text)) }
        say("pasted text is only taken in a text field: press / to search or n to write a story")
        return []
    }
}
