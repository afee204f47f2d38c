// Signal side of terminal restoration (see include/signal_guard.h). Handlers here are
// async-signal-safe: they only write(2) to a self-pipe, or (crash / second interrupt / exit) write
// a precomputed reset sequence and tcsetattr(2) the saved tty mode. The real endwin() runs on the
// main thread.
//
// All state is the one `spotlight_signal_state` below, defined in this file only. An end-to-end
// test (SignalStateTests) counts that symbol in the shipped binary.

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "signal_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

struct spotlight_guard_state {
    int pipe_read, pipe_write;
    int pending;  // quit signals written to the pipe but not yet read; __atomic only
    int armed;    // a screen is up: the emergency reset must run
    int atexit_registered;
    int have_shell_tty;
    struct termios shell_tty;
    int reset_length;
    char reset[512];
    struct sigaction old_action[65];
    int stderr_saved;    // the real stderr while it is captured, else -1
    int stderr_capture;  // read end of the pipe that stands in for stderr, else -1
};

// Hidden visibility: one definition, never interposed, never exported from a shared library.
__attribute__((visibility("hidden"))) struct spotlight_guard_state spotlight_signal_state = {
    .pipe_read = -1, .pipe_write = -1, .stderr_saved = -1, .stderr_capture = -1};

static struct spotlight_guard_state *spotlight_guard(void) { return &spotlight_signal_state; }

#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ 1031  // Linux; hidden without _GNU_SOURCE
#endif

/// While the screen is up, stderr goes into a pipe: a stray library warning would otherwise
/// scribble over the board, and a fatalError message would vanish with the alternate screen.
static void spotlight_capture_stderr(void) {
    struct spotlight_guard_state *g = spotlight_guard();
    int fds[2];
    if (g->stderr_saved >= 0 || pipe(fds) != 0) return;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    fcntl(fds[1], F_SETFL, O_NONBLOCK);  // when full, drop output rather than block the app
    fcntl(fds[1], F_SETPIPE_SZ, 256 * 1024);
    g->stderr_saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (g->stderr_saved < 0 || dup2(fds[1], STDERR_FILENO) < 0) {
        if (g->stderr_saved >= 0) close(g->stderr_saved);
        g->stderr_saved = -1;
        close(fds[0]);
    } else {
        g->stderr_capture = fds[0];
    }
    close(fds[1]);
}

/// Puts the real stderr back and prints what was captured. Async-signal-safe.
static void spotlight_release_stderr(void) {
    struct spotlight_guard_state *g = spotlight_guard();
    int saved = __atomic_exchange_n(&g->stderr_saved, -1, __ATOMIC_SEQ_CST);
    if (saved < 0) return;
    dup2(saved, STDERR_FILENO);
    close(saved);
    char buffer[1024];
    ssize_t count;
    while ((count = read(g->stderr_capture, buffer, sizeof buffer)) > 0) {
        ssize_t ignored = write(STDERR_FILENO, buffer, (size_t)count);
        (void)ignored;
    }
    close(g->stderr_capture);
    g->stderr_capture = -1;
}

#define SPOTLIGHT_QUIT_SIGNALS {SIGINT, SIGTERM, SIGHUP, SIGQUIT}
#define SPOTLIGHT_CRASH_SIGNALS {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT}

/// Puts the tty back the way the shell had it, without ncurses: safe inside a signal handler.
static void spotlight_emergency_reset(void) {
    struct spotlight_guard_state *g = spotlight_guard();
    if (!__atomic_exchange_n(&g->armed, 0, __ATOMIC_SEQ_CST)) return;
    if (g->reset_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, g->reset, (size_t)g->reset_length);
        (void)ignored;
    }
    if (g->have_shell_tty) tcsetattr(STDIN_FILENO, TCSANOW, &g->shell_tty);
    spotlight_release_stderr();
}

static void spotlight_pipe_put(int sig) {
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    ssize_t ignored = write(spotlight_guard()->pipe_write, &byte, 1);
    (void)ignored;
    errno = saved;
}

/// SIGINT/TERM/HUP/QUIT: wake the main loop. If an earlier one is still unread, the main thread
/// is stuck: reset the tty and leave now, so a hung wall can still be stopped.
static void spotlight_on_quit(int sig) {
    if (__atomic_fetch_add(&spotlight_guard()->pending, 1, __ATOMIC_SEQ_CST) > 0) {
        spotlight_emergency_reset();
        _exit(128 + sig);
    }
    spotlight_pipe_put(sig);
}

/// SIGWINCH: run ncurses' own handler (it flags the resize for wget_wch), then wake poll().
/// The pipe makes this race-free: a resize between draining input and poll() is not lost.
static void spotlight_on_winch(int sig, siginfo_t *info, void *context) {
    struct sigaction *old = &spotlight_guard()->old_action[SIGWINCH];
    if (old->sa_flags & SA_SIGINFO) {
        if (old->sa_sigaction) old->sa_sigaction(sig, info, context);
    } else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
        old->sa_handler(sig);
    }
    spotlight_pipe_put(sig);
}

/// A crash (Swift trap, fault, abort): reset the tty, then hand the signal to whoever had it
/// before (Swift's backtracer or the default action), so the report lands on a sane screen.
static void spotlight_on_crash(int sig, siginfo_t *info, void *context) {
    (void)context;
    spotlight_emergency_reset();
    sigaction(sig, &spotlight_guard()->old_action[sig], NULL);
    // A fault re-executes on return and reaches the old handler with its real context;
    // a sent signal (kill, abort) or a trap that does not re-execute must be raised again.
    if (sig == SIGTRAP || info == NULL || info->si_code <= 0) raise(sig);
}

/// exit() while a screen is up: a normal context, so the real endwin can run.
static void spotlight_atexit_reset(void) {
    if (__atomic_exchange_n(&spotlight_guard()->armed, 0, __ATOMIC_SEQ_CST)) endwin();
    spotlight_release_stderr();
}

/// Before newterm (so ncurses does not install its own SIGINT/SIGTERM handlers): creates the
/// pipe, saves the shell's tty mode, catches quit and crash signals. Returns the pipe's read end.
int spotlight_guard_install(void) {
    struct spotlight_guard_state *g = spotlight_guard();
    int fds[2];
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        fcntl(fds[i], F_SETFL, O_NONBLOCK);  // a full pipe must never block a handler
    }
    g->pipe_read = fds[0];
    g->pipe_write = fds[1];
    __atomic_store_n(&g->pending, 0, __ATOMIC_SEQ_CST);
    g->have_shell_tty = tcgetattr(STDIN_FILENO, &g->shell_tty) == 0;
    if (!g->atexit_registered) g->atexit_registered = atexit(spotlight_atexit_reset) == 0;

    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    action.sa_handler = spotlight_on_quit;
    const int quit[] = SPOTLIGHT_QUIT_SIGNALS;
    for (size_t i = 0; i < sizeof quit / sizeof quit[0]; i++)
        sigaction(quit[i], &action, &g->old_action[quit[i]]);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    action.sa_sigaction = spotlight_on_crash;
    const int crash[] = SPOTLIGHT_CRASH_SIGNALS;
    for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
        sigaction(crash[i], &action, &g->old_action[crash[i]]);
    return g->pipe_read;
}

/// After newterm: records the bytes that undo the screen (exit alternate screen, show cursor…),
/// chains SIGWINCH behind the handler ncurses just installed, and optionally captures stderr.
void spotlight_guard_arm(const char *reset, int length, int capture_stderr) {
    struct spotlight_guard_state *g = spotlight_guard();
    if (length < 0) length = 0;
    if (length > (int)sizeof g->reset) length = (int)sizeof g->reset;
    memcpy(g->reset, reset, (size_t)length);
    g->reset_length = length;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    action.sa_sigaction = spotlight_on_winch;
    sigaction(SIGWINCH, &action, &g->old_action[SIGWINCH]);
    if (capture_stderr) spotlight_capture_stderr();
    __atomic_store_n(&g->armed, 1, __ATOMIC_SEQ_CST);
}

/// After endwin: gives every signal back to its previous owner and closes the pipe.
void spotlight_guard_uninstall(void) {
    struct spotlight_guard_state *g = spotlight_guard();
    __atomic_store_n(&g->armed, 0, __ATOMIC_SEQ_CST);
    const int all[] = {SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT,
                       SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sigaction(all[i], &g->old_action[all[i]], NULL);
    if (g->pipe_read >= 0) close(g->pipe_read);
    if (g->pipe_write >= 0) close(g->pipe_write);
    g->pipe_read = g->pipe_write = -1;
    spotlight_release_stderr();
}

int spotlight_guard_installed(void) { return spotlight_guard()->pipe_read >= 0; }

/// The next signal number from the pipe, or 0 when it is empty. Never blocks.
int spotlight_guard_next_signal(void) {
    struct spotlight_guard_state *g = spotlight_guard();
    unsigned char byte;
    if (g->pipe_read < 0 || read(g->pipe_read, &byte, 1) != 1) return 0;
    if (byte != SIGWINCH) __atomic_fetch_sub(&g->pending, 1, __ATOMIC_SEQ_CST);
    return byte;
}
