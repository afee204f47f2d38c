#!/usr/bin/env python3
"""Wall benchmarks for DESIGN §11 / issue 3. Prints figures and ratios; asserts nothing.

  1. CPU used by `spotlight wall` idling 60 s (default settings) beside `watch -n 10 cat FILE`
     in the same run (target <= 0.5 % of one core).
  2. Post -> visible on a running wall, through tmux capture (target p50 <= 200 ms, max <= 1 s).
  3. First frame on a 100,000-story board (release): `spotlight snapshot` wall time and the
     wall's launch-to-first-paint in tmux (target <= 50 ms); peak RSS of the wall (<= 40 MB);
     at 80x24, and at 240x67 with and without big type (issue 10).
  4. Full-frame render at 200x60 in-process: see `swift run -c release render-bench` (>= 2,000/s).

Usage: python3 Benchmarks/wall_bench.py [--bin PATH] [--idle SECONDS] [--stories N] [--first-frame-only]
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
import store_bench  # noqa: E402  (board builder and release build)

SOCKET = f"spotlight-bench-{os.getpid()}"
SESSIONS = 0


def tmux(*args, check=True):
    return subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args], capture_output=True, text=True, check=check).stdout


def capture():
    return tmux("capture-pane", "-p", check=False)


def wait_for(predicate, timeout):
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate(capture()):
            return time.perf_counter() - start
        time.sleep(0.005)
    return None


def start_wall(spotlight, board, width=80, height=24, extra=()):
    # A fresh server per run: reusing a socket right after kill-server races with its exit.
    global SOCKET, SESSIONS
    tmux("kill-server", check=False)
    SESSIONS += 1
    SOCKET = f"spotlight-bench-{os.getpid()}-{SESSIONS}"
    tmux("new-session", "-d", "-x", str(width), "-y", str(height),
         f"TERM=tmux-256color SWIFT_BACKTRACE=interactive=no exec {spotlight} wall --board {board} {' '.join(extra)}")


def wall_pid():
    shell = tmux("display", "-p", "#{pane_pid}").strip()
    return int(shell)


def cpu_seconds(pid):
    """CPU time in nanosecond resolution (schedstat), summed over the process's threads."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            total += int(f.read().split()[0])
    return total / 1e9


def idle_cpu(spotlight, board, seconds):
    start_wall(spotlight, board)
    wait_for(lambda s: "SERVICE SPOTLIGHT" in s, 5)
    note = os.path.join(os.path.dirname(board), "note.txt")
    with open(note, "w") as f:
        f.write("hello\n")
    watch = subprocess.Popen(["watch", "-n", "10", "cat", note], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL, env={**os.environ, "TERM": "xterm"})
    pid = wall_pid()
    wall0, watch0, t0 = cpu_seconds(pid), cpu_seconds(watch.pid), time.perf_counter()
    time.sleep(seconds)
    wall1, watch1, elapsed = cpu_seconds(pid), cpu_seconds(watch.pid), time.perf_counter() - t0
    watch.kill()
    ours, peer = 100 * (wall1 - wall0) / elapsed, 100 * (watch1 - watch0) / elapsed
    print(f"idle CPU {seconds:.0f} s:    wall {ours:.4f} % of a core ({(wall1 - wall0) * 1000:.1f} ms)   "
          f"watch -n 10 {peer:.4f} % ({(watch1 - watch0) * 1000:.1f} ms)   [target <= 0.5 %]")


def post_latency(spotlight, board, samples=15):
    start_wall(spotlight, board)
    wait_for(lambda s: "SERVICE SPOTLIGHT" in s, 5)
    latencies = []
    for i in range(samples):
        title = f"Latency probe {i} {time.time_ns() % 100000}"
        t0 = time.perf_counter()
        subprocess.run([spotlight, "post", "--board", board, "--title", title, "--hero", "Probe", "--body", "x"],
                       check=True, stdout=subprocess.DEVNULL)
        seen = wait_for(lambda s: title in s, 3)
        latencies.append((time.perf_counter() - t0) if seen is not None else float("inf"))
        time.sleep(0.3)
    ms = sorted(x * 1000 for x in latencies)
    print(f"post -> visible:     p50 {statistics.median(ms):.0f} ms   max {ms[-1]:.0f} ms   (n={samples}, includes the "
          f"posting process) [target p50 <= 200 ms, max <= 1 s]")


def first_frame(spotlight, board, width=80, height=24, extra=()):
    size = f"{width}x{height}" + (" " + " ".join(extra) if extra else "")
    snap, snap_max = store_bench.median_ms([spotlight, "snapshot", "--board", board, "--width", str(width),
                                            "--height", str(height), *extra], runs=20)
    print(f"first frame 100k {size}:  snapshot {snap:.1f} ms (max {snap_max:.1f})   [target <= 50 ms]")
    paints = []
    for _ in range(5):
        start_wall(spotlight, board, width, height, extra)
        # The banner is letter-spaced on big screens ("S E R V I C E").
        seen = wait_for(lambda s: "SERVICE SPOTLIGHT" in s or "S E R V I C E" in s, 5)
        paints.append((seen if seen is not None else float("inf")) * 1000)
        rss_kb = 0
        try:
            with open(f"/proc/{wall_pid()}/status") as f:
                rss_kb = next(int(l.split()[1]) for l in f if l.startswith("VmHWM"))
        except (OSError, StopIteration, ValueError):
            pass
    print(f"wall launch->paint {size}:  median {statistics.median(paints):.0f} ms (tmux launch included)   "
          f"peak RSS {rss_kb / 1024:.1f} MB [target <= 40 MB]")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin")
    parser.add_argument("--idle", type=float, default=60)
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--first-frame-only", action="store_true", help="skip the idle and post->visible runs")
    args = parser.parse_args()
    spotlight = args.bin or store_bench.build()
    work = tempfile.mkdtemp(prefix="spotlight-wallbench-")
    try:
        demo = os.path.join(work, "demo.sqlite")
        subprocess.run([spotlight, "demo", "--board", demo], check=True, stdout=subprocess.DEVNULL)
        if not args.first_frame_only:
            idle_cpu(spotlight, demo, args.idle)
            post_latency(spotlight, demo)
        big = os.path.join(work, "big.sqlite")
        store_bench.make_board(spotlight, big, args.stories)
        first_frame(spotlight, big)
        # Issue 10: a 1080p console, big type from Unifont (read on the first TV-sized frame) and without.
        first_frame(spotlight, big, 240, 67)
        first_frame(spotlight, big, 240, 67, ("--no-big-type",))
    finally:
        tmux("kill-server", check=False)


if __name__ == "__main__":
    sys.exit(main())
