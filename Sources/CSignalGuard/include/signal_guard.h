#ifndef SPOTLIGHT_SIGNAL_GUARD_H
#define SPOTLIGHT_SIGNAL_GUARD_H

// Signal side of terminal restoration: a self-pipe the main loop polls, and the emergency paths
// that put the tty back when the main thread cannot (second interrupt while stuck, crash, exit).
//
// Declarations only. The state and the handlers live in signal_guard.c, so there is exactly ONE
// copy of the state in any build. (It used to be a `static` in a header: after inlining, a release
// build held two copies — the handlers wrote one self-pipe, the main loop read the other, and the
// wall spun forever after its first resize.) Keep it that way: no `static` state in any header.

/// Before newterm (so ncurses does not install its own SIGINT/SIGTERM handlers): creates the
/// pipe, saves the shell's tty mode, catches quit and crash signals. Returns the pipe's read end,
/// or -1 when no pipe could be made.
int spotlight_guard_install(void);

/// After newterm: records the bytes that undo the screen (exit alternate screen, show cursor…),
/// chains SIGWINCH behind the handler ncurses just installed, and optionally captures stderr.
void spotlight_guard_arm(const char *reset, int length, int capture_stderr);

/// After endwin: gives every signal back to its previous owner and closes the pipe.
void spotlight_guard_uninstall(void);

/// 1 while installed.
int spotlight_guard_installed(void);

/// The next signal number from the pipe, or 0 when it is empty. Never blocks.
int spotlight_guard_next_signal(void);

#endif
