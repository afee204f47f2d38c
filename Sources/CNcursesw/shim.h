#ifndef SPOTLIGHT_CNCURSESW_SHIM_H
#define SPOTLIGHT_CNCURSESW_SHIM_H

// Wide-character API (cchar_t, wget_wch, setcchar) is only declared with this set first.
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <wchar.h>

// Swift 6 refuses C globals (not concurrency-safe) and cannot import function-like macros,
// so every global and macro SpotlightTerminal needs is a tiny inline function here.

// glibc hides wcwidth unless _XOPEN_SOURCE is defined before the first libc include.
extern int wcwidth(wchar_t c);
static inline int spotlight_wcwidth(wchar_t c) { return wcwidth(c); }

static inline WINDOW *spotlight_stdscr(void) { return stdscr; }
static inline WINDOW *spotlight_curscr(void) { return curscr; }
static inline int spotlight_lines(void) { return LINES; }
static inline int spotlight_cols(void) { return COLS; }
static inline int spotlight_colors(void) { return COLORS; }
static inline int spotlight_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *spotlight_stdin(void) { return stdin; }
static inline FILE *spotlight_stdout(void) { return stdout; }

static inline attr_t spotlight_a_normal(void) { return A_NORMAL; }
static inline attr_t spotlight_a_bold(void) { return A_BOLD; }
static inline attr_t spotlight_a_reverse(void) { return A_REVERSE; }
static inline attr_t spotlight_a_underline(void) { return A_UNDERLINE; }
static inline attr_t spotlight_a_dim(void) { return A_DIM; }

static inline int spotlight_key_code_yes(void) { return KEY_CODE_YES; }
static inline int spotlight_key_resize(void) { return KEY_RESIZE; }
static inline int spotlight_key_mouse(void) { return KEY_MOUSE; }
static inline int spotlight_key_up(void) { return KEY_UP; }
static inline int spotlight_key_down(void) { return KEY_DOWN; }
static inline int spotlight_key_left(void) { return KEY_LEFT; }
static inline int spotlight_key_right(void) { return KEY_RIGHT; }
static inline int spotlight_key_home(void) { return KEY_HOME; }
static inline int spotlight_key_end(void) { return KEY_END; }
static inline int spotlight_key_npage(void) { return KEY_NPAGE; }
static inline int spotlight_key_ppage(void) { return KEY_PPAGE; }
static inline int spotlight_key_backspace(void) { return KEY_BACKSPACE; }
static inline int spotlight_key_dc(void) { return KEY_DC; }
static inline int spotlight_key_enter(void) { return KEY_ENTER; }
static inline int spotlight_key_btab(void) { return KEY_BTAB; }
static inline int spotlight_key_f0(void) { return KEY_F0; }

// Mouse: with mouseinterval(0) ncurses reports presses, never synthesised clicks; the wheel
// arrives as button 4 (up) and 5 (down) presses.
static inline mmask_t spotlight_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t spotlight_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t spotlight_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t spotlight_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Reads the pending mouse event; returns 0 on success, fills x, y and the button state.
static inline int spotlight_getmouse(int *x, int *y, mmask_t *bstate) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    *bstate = event.bstate;
    return 0;
}

/// Draws one grapheme (a spacing character plus up to four zero-width ones) at (y, x).
/// `insert` uses wins_wch, which never advances the cursor: the only safe way to fill the
/// bottom-right cell without ncurses trying to wrap or scroll.
static inline int spotlight_put_cell(WINDOW *win, int y, int x, const wchar_t *chars, int count,
                                     attr_t attrs, short pair, int insert) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = chars[i];
    text[n] = L'\0';
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    if (wmove(win, y, x) != OK) return ERR;
    return insert ? wins_wch(win, &cell) : wadd_wch(win, &cell);
}

/// True when the loaded terminal description can move the cursor anywhere (a "dumb" or
/// hard-copy terminal cannot, and a full-screen board would be garbage on it).
static inline int spotlight_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

/// A terminfo string capability, or NULL when absent.
static inline const char *spotlight_tigetstr(const char *name) {
    const char *value = tigetstr(name);
    return value == (const char *)-1 ? NULL : value;
}

/// The key code ncurses gave an extended terminfo key such as "kLFT5" (Ctrl-Left), or -1 when the
/// terminal description lacks it. ncurses numbers such keys itself, differently per terminal
/// type (xterm 550, tmux 553, rxvt 523), so the code is looked up from the key's sequence.
static inline int spotlight_key_code_for(const char *capname) {
    const char *sequence = tigetstr(capname);
    if (sequence == NULL || sequence == (const char *)-1) return -1;
    int code = key_defined(sequence);
    return code > 0 ? code : -1;
}

#endif
