#!/usr/bin/env python3
"""What's new since your last visit, on a 100,000-story board: how long `spotlight news --banner`
(the login line) and `spotlight news` take when 100 stories are new, beside `spotlight --version`
(process start alone). The login line's budget is 50 ms. Prints figures; asserts nothing.

    python3 Benchmarks/news_bench.py [--binary .build/release/spotlight] [--stories 100000]
"""
import argparse, json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from store_bench import build, make_board, median_ms  # noqa: E402


def marks_file(binary, board, state, seen_through):
    """Writes marks as a visit that saw every story up to `seen_through` would leave them."""
    sql = lambda q: subprocess.run(["sqlite3", board, q], check=True, capture_output=True, text=True).stdout.strip()
    # BoardStore.identitySQL
    identity = sql("SELECT coalesce((SELECT at || '-' || actor FROM audit ORDER BY id LIMIT 1), "
                   "'story-' || (SELECT created_at || '-' || author FROM stories ORDER BY id LIMIT 1), 'empty')")
    audit = int(sql("SELECT max(id) FROM audit") or 0)
    # The file's name comes from the board's path: let spotlight say where it is (news --json has no path),
    # so find it the same way the board does: FNV-1a of the absolute path.
    h = 0xcbf29ce484222325
    for b in os.path.abspath(board).encode():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    folder = os.path.join(state, "spotlight", "visits")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"visit-{h:016x}.json"), "w") as f:
        json.dump({"version": 1, "board": identity, "seenThrough": seen_through, "seenAbove": [],
                   "auditThrough": audit, "visitedAt": "2026-11-27T09:00:00Z"}, f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--stories", type=int, default=100_000)
    args = parser.parse_args()
    binary = args.binary or build()
    with tempfile.TemporaryDirectory() as tmp:
        board = os.path.join(tmp, "board.sqlite")
        make_board(binary, board, args.stories)
        state = os.path.join(tmp, "state")
        marks_file(binary, board, state, args.stories - 100)
        env = dict(os.environ, XDG_STATE_HOME=state)
        line = subprocess.run([binary, "news", "--banner", "--board", board], env=env, capture_output=True, text=True).stdout.strip()
        print(f"login line: {line!r}")
        version, _ = median_ms([binary, "--version"])
        banner, banner_max = median_ms([binary, "news", "--banner", "--board", board], env=env)
        news, news_max = median_ms([binary, "news", "--board", board], env=env)
        print(f"spotlight --version            {version:6.1f} ms median (process start)")
        print(f"spotlight news --banner        {banner:6.1f} ms median, max {banner_max:.1f} (budget 50 ms: {banner / 50:.2f} of it)")
        print(f"spotlight news (100 new)       {news:6.1f} ms median, max {news_max:.1f}")


if __name__ == "__main__":
    main()
