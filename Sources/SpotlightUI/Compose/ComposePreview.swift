import SpotlightCore

/// The live preview beside a wide form: the story as the wall's card will show it, drawn by the
/// wall's own card view, so the preview cannot drift from the wall.
struct ComposePreview: Widget {
    let form: ComposeForm
    let isUTF8: Bool
    let border: BoxGlyphs
    let icons: ThemeIcons

    func render(into grid: inout Grid, area: Rect) {
        BoxWidget(glyphs: border, title: "Preview \(isUTF8 ? "·" : "-") as the wall will show it").render(into: &grid, area: area)
        let text = BoxWidget.interior(of: area).inset(horizontal: 2, vertical: 1)
        guard !text.isEmpty else { return }
        let draft = form.draft
        let card = WallCard(
            title: draft.title, body: draft.body, hero: draft.hero, department: draft.department,
            customerKind: "\(draft.customer.rawValue) customer", isNew: form.editingID == nil,
            author: form.authorName, toldBy: draft.onBehalfOf, age: "just now")
        let model = WallViewModel(boardName: "", banner: "", clock: "", card: card, isUTF8: isUTF8, border: border, icons: icons)
        let view = WallCardView(card: card, style: WallStyle(model), maxTitleLines: 3)
        let prepared = view.prepare(width: text.width, rows: text.height)
        // Top-aligned: the wall centres the card in its region, the preview starts at the top.
        view.render(prepared, into: &grid, area: Rect(x: text.x, y: text.y, width: text.width, height: min(text.height, prepared.plan.used)))
    }
}
