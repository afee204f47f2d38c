import CNcursesw
import SpotlightUI

extension TerminalSession {
    /// Shows `grid`. Only the overlap with the terminal is drawn (a grid made for the old size
    /// just before a resize is clipped, never wrapped). Only the runs `Grid.changes(from:)`
    /// finds against the previous frame are painted, and ncurses sends only what differs from
    /// the screen, so an unchanged frame costs almost nothing. `cursor` shows the hardware
    /// cursor there (text fields); nil hides it.
    public func draw(_ grid: Grid, cursor: (x: Int, y: Int)? = nil) {
        checkThread()
        guard screen != nil else { return }
        let window = spotlight_stdscr()
        let (columns, rows) = size()
        // After a terminal resize the screen holds nothing we can rely on.
        let changes = grid.changes(from: lastDrawnSize == (columns, rows) ? lastDrawn : nil)
        if changes.isEverything {
            werase(window)  // the part of the screen outside a smaller grid must not keep old text
        }
        for run in changes.runs where run.y < rows {
            for glyph in grid.glyphs(in: run) where glyph.x < columns {
                put(glyph.text, role: glyph.role, x: glyph.x, y: run.y, gridWidth: glyph.width,
                    columns: columns, rows: rows)
            }
        }

        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            showCursor(true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            showCursor(false)
        }
        wnoutrefresh(window)
        doupdate()
        lastDrawn = grid
        lastDrawnSize = (columns, rows)
    }

    /// Forgets what is on screen: the next `draw` repaints every cell and ncurses clears the
    /// terminal first (Ctrl-L, or after another program scribbled on the screen).
    public func repaintAll() {
        checkThread()
        guard screen != nil else { return }
        lastDrawn = nil
        clearok(spotlight_curscr(), true)
    }

    /// leaveok spares ncurses from parking the cursor after each update when it is hidden.
    private func showCursor(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        leaveok(spotlight_stdscr(), !visible)
        curs_set(visible ? 1 : 0)
    }

    private func put(_ text: String, role: Role, x: Int, y: Int, gridWidth: Int,
                     columns: Int, rows: Int) {
        let paint = paints[role] ?? .plain
        let glyph = GlyphEncoder.encode(text, gridWidth: gridWidth, room: columns - x)
        place(glyph.chars, width: glyph.width, paint: paint, x: x, y: y, columns: columns, rows: rows)
        if glyph.padAfter {
            place([GlyphEncoder.space], width: 1, paint: paint, x: x + glyph.width, y: y,
                  columns: columns, rows: rows)
        }
    }

    /// Writes one glyph. A glyph that ends in the bottom-right cell is inserted instead of
    /// added: adding there would move the cursor past the end of the screen, which ncurses
    /// refuses (scrollok is off) and some terminals answer by scrolling.
    private func place(_ chars: [wchar_t], width: Int, paint: Paint, x: Int, y: Int,
                       columns: Int, rows: Int) {
        let insert: Int32 = (y == rows - 1 && x + width >= columns) ? 1 : 0
        chars.withUnsafeBufferPointer { buffer in
            _ = spotlight_put_cell(spotlight_stdscr(), Int32(y), Int32(x), buffer.baseAddress,
                                   Int32(buffer.count), paint.attributes, paint.pair, insert)
        }
    }
}
