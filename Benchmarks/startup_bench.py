#!/usr/bin/env python3
"""Start-up benchmark for issue 17. Prints figures and ratios; asserts nothing.

Instruction counts (valgrind --tool=callgrind: the same on a busy machine as on an idle one) of
`spotlight --version`, `list --limit 20`, `show`, `upvote` and `snapshot` on the demo board, beside
a static Swift "hello" and the sqlite3 CLI running the same query or write transaction. Targets:
`--version` <= 2x the hello, `list` and `upvote` <= 3x the sqlite3 CLI.
Then the wall-clock figures of store_bench.py on a 100,000-story board (unless --no-wall).

valgrind 3.19 cannot read the DWARF 5 of our release build, so a `strip --strip-debug` copy of
the binary is profiled (symbols stay, so --annotate still names functions).

Usage: python3 Benchmarks/startup_bench.py [--bin PATH] [--annotate] [--no-wall] [--stories N]
Without --bin, uses .build-release/release/spotlight (`make SCRATCH=.build-release`), else .build/release.
"""
import argparse, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOP_N = ("SELECT id, title, hero, department, votes, medallions FROM stories "
         "WHERE status = 'visible' ORDER BY hot DESC, id DESC LIMIT 20;")
STORY_COLUMNS = ("s.id, CAST(s.title AS BLOB), CAST(s.body AS BLOB), CAST(s.hero AS BLOB), CAST(s.department AS BLOB), "
                 "s.customer, s.tags, s.author, s.author_name, s.on_behalf_of, s.created_at, s.edited_at, s.status, "
                 "s.votes, s.medallions, s.pinned_by, s.pinned_at, s.pin_until, s.pin_note")
# What `snapshot` reads: settings, pins, the hot working set, the newest 20, each department's best.
SNAPSHOT = (f"SELECT key, value FROM settings; "
            f"SELECT {STORY_COLUMNS} FROM stories s WHERE pinned_at IS NOT NULL AND +s.status = 'visible'; "
            f"SELECT {STORY_COLUMNS} FROM stories s WHERE s.status = 'visible' ORDER BY hot DESC, id DESC LIMIT 300; "
            f"SELECT {STORY_COLUMNS} FROM stories s WHERE s.status = 'visible' ORDER BY created_at DESC, id DESC LIMIT 20; "
            f"WITH RECURSIVE department(name) AS (SELECT (SELECT min(department) FROM stories) UNION ALL "
            f"SELECT (SELECT min(department) FROM stories WHERE department > department.name) FROM department "
            f"WHERE department.name IS NOT NULL) SELECT {STORY_COLUMNS} FROM stories s WHERE s.id IN ("
            f"SELECT (SELECT s2.id FROM stories s2 WHERE s2.department = department.name AND s2.status = 'visible' "
            f"ORDER BY s2.hot DESC, s2.id DESC LIMIT 1) FROM department WHERE department.name IS NOT NULL);")
HELLO = 'print("Hello, world!")\n'


def vote_sql(story, voter):
    """The commit our store makes for an upvote: vote row, recount, audit row, one IMMEDIATE transaction."""
    return (f"PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL; BEGIN IMMEDIATE; "
            f"SELECT id, status, author FROM stories WHERE id = {story}; "
            f"INSERT INTO votes(story_id, voter, at) VALUES ({story}, '{voter}', 0); "
            f"UPDATE stories SET votes = (SELECT count(*) FROM votes WHERE story_id = {story}) WHERE id = {story}; "
            f"INSERT INTO audit(at, actor, action, story_id, detail) VALUES (0, '{voter}', 'upvote', {story}, 'bench'); COMMIT;")


def release_binary():
    for candidate in [".build-release/release/spotlight", ".build/release/spotlight"]:
        path = os.path.join(ROOT, candidate)
        if os.access(path, os.X_OK):
            return path
    sys.exit("no release build: run `make SCRATCH=.build-release` or pass --bin")


def callgrind(cmd, work, annotate=False):
    """Instructions executed by `cmd` (all of it: loader, runtime, main, exit)."""
    out = os.path.join(work, "callgrind.out")
    res = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    total = None
    with open(out) as f:
        for line in f:
            if line.startswith("totals:") or line.startswith("summary:"):
                total = int(line.split()[1])
    if total is None:
        sys.exit(f"callgrind gave no total for {cmd}:\n{res.stderr}")
    if annotate:
        top = subprocess.run(["callgrind_annotate", "--inclusive=yes", out], capture_output=True, text=True).stdout
        lines = [l for l in top.splitlines() if l.strip() and l.strip()[0].isdigit()]
        print("\n".join("      " + l[:150] for l in lines[1:16]))
    os.unlink(out)
    return total


def hello_binary(work):
    src = os.path.join(work, "hello.swift")
    with open(src, "w") as f:
        f.write(HELLO)
    exe = os.path.join(work, "hello")
    subprocess.run(["swiftc", "-O", "-static-stdlib", src, "-o", exe], check=True)
    return exe


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin")
    parser.add_argument("--annotate", action="store_true", help="print the 15 costliest functions (inclusive) of each command")
    parser.add_argument("--no-wall", action="store_true", help="skip store_bench.py's wall-clock figures")
    parser.add_argument("--stories", type=int, default=100_000, help="board size for the wall-clock figures")
    args = parser.parse_args()
    original = os.path.abspath(args.bin or release_binary())
    work = tempfile.mkdtemp(prefix="spotlight-startup-")
    spotlight = os.path.join(work, "spotlight")
    subprocess.run(["strip", "--strip-debug", original, "-o", spotlight], check=True)
    board = os.path.join(work, "board.sqlite")
    subprocess.run([spotlight, "demo", "--board", board], check=True, stdout=subprocess.DEVNULL)
    peer_board = os.path.join(work, "peer.sqlite")
    shutil.copy(board, peer_board)
    me = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
    hello = hello_binary(work)
    env_board = ["--board", board]

    print(f"instructions (callgrind), demo board, {original}")
    rows = [
        ("--version", [spotlight, "--version"], "Swift hello", [hello], 2),
        ("list --limit 20", [spotlight, "list", "--limit", "20"] + env_board, "sqlite3 top-20", ["sqlite3", peer_board, TOP_N], 3),
        ("show 3", [spotlight, "show", "3"] + env_board, "sqlite3 one story",
         ["sqlite3", peer_board, f"SELECT {STORY_COLUMNS} FROM stories s WHERE s.id = 3;"], None),
        ("upvote 5", [spotlight, "upvote", "5"] + env_board, "sqlite3 vote txn", ["sqlite3", peer_board, vote_sql(5, me)], 3),
        ("snapshot", [spotlight, "snapshot", "--width", "80", "--height", "24"] + env_board, "sqlite3 wall reads",
         ["sqlite3", peer_board, SNAPSHOT], None),
    ]
    hello_count = callgrind([hello], work)
    sqlite_version = callgrind(["sqlite3", "-version"], work)
    print(f"  {'static Swift hello':28} {hello_count / 1e6:7.2f} M")
    print(f"  {'sqlite3 -version':28} {sqlite_version / 1e6:7.2f} M")
    for name, ours, peer_name, peer, target in rows:
        if args.annotate:
            print(f"  spotlight {name}:")
        count = callgrind(ours, work, annotate=args.annotate)
        peer_count = hello_count if peer == [hello] else callgrind(peer, work)
        ratio = count / peer_count
        verdict = "" if target is None else f"   [target <= {target}x: {'met' if ratio <= target else 'MISSED'}]"
        print(f"  spotlight {name:18} {count / 1e6:7.2f} M   {peer_name} {peer_count / 1e6:6.2f} M   ratio {ratio:5.2f}x{verdict}")
    shutil.rmtree(work)

    if not args.no_wall:
        print(f"\nwall clock (store_bench.py, {args.stories} stories)", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "store_bench.py"), "--bin", original,
                        "--stories", str(args.stories)], check=True)


if __name__ == "__main__":
    sys.exit(main())
