#!/usr/bin/env python3
"""Interactive board benchmark for issue 4 / DESIGN §11. Prints figures; asserts nothing.

Key press -> updated frame on a 100,000-story board (release build), for:
  1. scrolling the list (j, PgDn, End/Home: the window of rows is refetched as it moves),
  2. switching tabs (Hot, New, Top, Pinned, Mine: a fresh page and count each time),
  3. typing in the compose editor (title and body),
  4. search as you type (each keystroke: the typed text at once, then the results).
Target: p50 and p99 <= 30 ms.

Two measurements:
  * in-process: with SPOTLIGHT_BOARD_TIMINGS=FILE the board appends "<kind> <ms>" per frame: the
    time from reading the key to the frame handed to the terminal (ncurses doupdate). The
    variable only writes timings; it changes nothing else (never who you are).
  * through tmux: send-keys -> capture-pane shows the change (includes tmux, the pty and 5 ms
    polling), for scrolling and search, as a cross-check of the in-process figures.

Usage: python3 Benchmarks/board_bench.py [--bin PATH] [--stories N] [--presses N]
Builds the release binary (store_bench.build) unless --bin is given.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
import store_bench  # noqa: E402  (board builder and release build)

SOCKET = f"spotlight-boardbench-{os.getpid()}"


def tmux(*args, check=True):
    return subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", "-u", *args], capture_output=True, text=True,
                          check=check).stdout


def capture():
    return tmux("capture-pane", "-p", check=False)


def wait_for(predicate, timeout=5.0, poll=0.005):
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        screen = capture()
        if predicate(screen):
            return time.perf_counter() - start, screen
        time.sleep(poll)
    return None, capture()


class Timings:
    """The board's timing file, read as it grows."""

    def __init__(self, path):
        self.path = path
        self.offset = 0

    def new_lines(self):
        try:
            with open(self.path) as f:
                f.seek(self.offset)
                data = f.read()
        except FileNotFoundError:
            return []
        complete = data[: data.rfind("\n") + 1]
        self.offset += len(complete.encode())
        return [line.split() for line in complete.splitlines() if line.strip()]

    def wait(self, kinds, timeout=3.0):
        """Lines until one of `kinds` arrives (or the timeout)."""
        got, start = [], time.perf_counter()
        while time.perf_counter() - start < timeout:
            got += self.new_lines()
            if any(line[0] in kinds for line in got):
                return got
            time.sleep(0.002)
        return got


def press(timings, key, literal=False, kinds=("key",), gap=0.03):
    tmux("send-keys", "-t", "board", *(["-l", key] if literal else [key]))
    lines = timings.wait(kinds)
    time.sleep(gap)
    lines += timings.new_lines()
    return lines


def summary(name, values, unit="ms", target=30):
    if not values:
        print(f"{name:34s} no samples")
        return
    ordered = sorted(values)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    print(f"{name:34s} n={len(ordered):4d}  p50 {p50:6.2f} {unit}  p99 {p99:6.2f} {unit}  max {ordered[-1]:6.2f} {unit}"
          f"   [target p50/p99 <= {target} {unit}]")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def times(lines, kind):
    return [float(line[1]) for line in lines if line[0] == kind]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin")
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--presses", type=int, default=200, help="key presses per scrolling/typing scenario")
    parser.add_argument("--idle", type=float, default=20, help="seconds of idle CPU measurement")
    args = parser.parse_args()
    spotlight = args.bin or store_bench.build()
    work = tempfile.mkdtemp(prefix="spotlight-boardbench-")
    board = os.path.join(work, "board.sqlite")
    log = os.path.join(work, "timings.log")
    try:
        t0 = time.perf_counter()
        store_bench.make_board(spotlight, board, args.stories)
        # A few live pins, so the Pinned tab has rows (the generated board's manager is "bench").
        subprocess.run(["sqlite3", board, "UPDATE stories SET pinned_by = 'bench', pinned_at = 1 WHERE id IN (17, 4242, 99000)"],
                       check=True)
        print(f"board: {args.stories} stories built in {time.perf_counter() - t0:.1f} s")

        tmux("kill-server", check=False)
        tmux("new-session", "-d", "-s", "board", "-x", "80", "-y", "24",
             f"TERM=tmux-256color LANG=C.UTF-8 XDG_STATE_HOME={work}/state SPOTLIGHT_BOARD_TIMINGS={log} "
             f"SWIFT_BACKTRACE=interactive=no exec {spotlight} --board {board}")
        seen, _ = wait_for(lambda s: "[Hot]" in s and "Story" in s)
        if seen is None:
            print("the board did not start:\n" + capture())
            return 1
        timings = Timings(log)
        time.sleep(0.3)
        timings.new_lines()

        # 1. Scrolling: j through several windows, PgDn pages, then End/Home across the board.
        scroll = []
        for _ in range(args.presses):
            scroll += times(press(timings, "j"), "key")
        for _ in range(args.presses // 4):
            scroll += times(press(timings, "PageDown"), "key")
        for _ in range(10):
            scroll += times(press(timings, "End"), "key") + times(press(timings, "Home"), "key")
        summary("scrolling (j, PgDn, End/Home)", scroll)

        # Through tmux: j -> the position counter changes on screen.
        polled = []
        for _ in range(40):
            before = capture().splitlines()[-2]
            start = time.perf_counter()
            tmux("send-keys", "-t", "board", "j")
            seen, _ = wait_for(lambda s: s.splitlines()[-2] != before, timeout=2, poll=0.001)
            if seen is not None:
                polled.append((time.perf_counter() - start) * 1000)
            time.sleep(0.03)
        timings.new_lines()
        summary("scrolling via tmux capture", polled)

        # 2. Tabs: Tab cycles Hot -> New -> Top -> Pinned -> Mine.
        tabs = []
        for _ in range(50):
            tabs += times(press(timings, "Tab"), "key")
        summary("switching tabs (Tab)", tabs)
        press(timings, "1")

        # 3. Typing in the editor: the title, then the body (wrapping as it grows).
        press(timings, "n")
        typing = []
        text = "Benchmark story typed one key at a time " * 8
        for ch in text[: min(110, args.presses)]:
            typing += times(press(timings, ch, literal=True), "key")
        for _ in range(6):
            press(timings, "Tab")
        for ch in (text * 3)[: args.presses]:
            typing += times(press(timings, ch, literal=True), "key")
        summary("typing in the editor", typing)
        press(timings, "Escape")
        press(timings, "Escape")

        # 4. Search as you type: the echo of each key, then the frame with its results.
        # Words of the generated board: "person 42" narrows quickly; "extra mile" and
        # "colleague" are in every title (100,000 matches at each keystroke); "story 9" makes
        # FTS5 expand the prefix 9* into some ten thousand terms.
        echo, results = [], []
        for word in ["person 42", "extra mile", "story 9", "colleague", "zzz"]:
            press(timings, "/")
            mine = []
            for ch in word:
                lines = press(timings, ch, literal=True, kinds=("search",), gap=0.12)
                echo += times(lines, "key")
                mine += times(lines, "search")
            results += mine
            press(timings, "Escape", kinds=("key", "search"))
            summary(f"  search results '{word}'", mine)
        summary("search: key -> typed text shown", echo)
        summary("search: key -> results shown", results)

        # Idle: after a message has come and gone, the board should sleep in poll().
        press(timings, "Escape", kinds=("key", "search"))
        press(timings, "?")
        press(timings, "Escape")
        pid = int(tmux("display", "-p", "-t", "board", "#{pane_pid}").strip())
        time.sleep(9)   # messages time out after 4-8 s
        cpu0, t0 = cpu_seconds(pid), time.perf_counter()
        time.sleep(args.idle)
        used = 100 * (cpu_seconds(pid) - cpu0) / (time.perf_counter() - t0)
        print(f"{'idle CPU over ' + str(args.idle) + ' s':34s} {used:.3f} % of a core   [DESIGN §2.3: idle is free]")
        tmux("send-keys", "-t", "board", "q")
    finally:
        tmux("kill-server", check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
