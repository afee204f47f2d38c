#!/usr/bin/env python3
"""Store benchmarks for DESIGN §11 / issue 2. Prints figures and ratios; asserts nothing.

  1. `spotlight list --limit 20` on a 100,000-story board vs the same top-N query in the
     sqlite3 CLI (target: <= 50 ms and <= 3x the peer).
  2. Votes committed by 8 concurrent processes vs the same commits from sqlite3 processes
     (target: none lost, >= 0.5x the peer's rate).
  3. Peak resident memory of `spotlight list` on that board (target: <= 40 MB).

Usage: python3 Benchmarks/store_bench.py [--stories N] [--bin PATH]
Builds the release binary unless --bin is given.
"""
import argparse, json, os, random, shutil, statistics, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOP_N = ("SELECT id, title, hero, department, votes, medallions FROM stories "
         "WHERE status = 'visible' ORDER BY hot DESC, id DESC LIMIT 20;")


def build():
    # Static Swift runtime: a third of the start-up time of a dynamically linked build.
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "spotlight"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    out = subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--show-bin-path"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    return os.path.join(out, "spotlight")


def make_board(spotlight, path, count):
    """A 100k-story board through the public import path (a generated export file)."""
    rng = random.Random(42)
    depts = ["Customer Support", "IT Help Desk", "Facilities", "Finance", "Sales", "Billing", "Field Service"]
    now = int(time.time() * 1000)
    stories, votes = [], []
    for i in range(1, count + 1):
        stories.append({"id": i, "title": f"Story {i}: a colleague went the extra mile", "body": "word " * rng.randint(20, 120),
                        "hero": f"Person {rng.randint(1, 5000)}", "department": rng.choice(depts),
                        "customer": rng.choice(["external", "internal"]), "tags": ["recovery"], "author": f"user{i % 300}",
                        "authorName": f"User {i % 300}", "createdAt": now - rng.randint(0, 3 * 365 * 86400_000),
                        "status": "visible"})
        for v in range(rng.choice([0, 0, 0, 1, 2, 5])):
            votes.append({"storyID": i, "voter": f"voter{v}", "at": now})
    export = {"format": "spotlight-board", "version": 1, "settings": {"name": "Bench"},
              "managers": [{"login": "bench", "addedBy": "bench", "addedAt": now}], "stories": stories, "votes": votes,
              "medallions": [], "audit": []}
    src = path + ".json"
    with open(src, "w") as f:
        json.dump(export, f)
    subprocess.run([spotlight, "import", src, "--board", path], check=True, stdout=subprocess.DEVNULL)
    os.unlink(src)


def median_ms(cmd, runs=30, env=None):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def peak_rss_mb(cmd):
    res = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, check=True)
    for line in res.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    return float("nan")


def vote_storm(cmd_for, workers=8, per_worker=40):
    """Each worker commits `per_worker` votes on its own stories, one process per vote."""
    def worker(w):
        ok = 0
        for k in range(per_worker):
            story = 1000 + w * per_worker + k
            if subprocess.run(cmd_for(story), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
                ok += 1
        return ok
    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        acknowledged = sum(pool.map(worker, range(workers)))
    return acknowledged, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--bin")
    args = parser.parse_args()
    spotlight = args.bin or build()
    work = tempfile.mkdtemp(prefix="spotlight-bench-")
    board = os.path.join(work, "board.sqlite")
    t0 = time.perf_counter()
    make_board(spotlight, board, args.stories)
    print(f"board: {args.stories} stories built in {time.perf_counter() - t0:.1f} s ({os.path.getsize(board) / 1e6:.1f} MB)")

    ours, ours_max = median_ms([spotlight, "list", "--limit", "20", "--board", board])
    peer, peer_max = median_ms(["sqlite3", board, TOP_N])
    print(f"list --limit 20:   spotlight {ours:6.1f} ms (max {ours_max:.1f})   sqlite3 CLI {peer:6.1f} ms   "
          f"ratio {ours / peer:.2f}x   [target <= 50 ms, <= 3x]")

    rss = peak_rss_mb([spotlight, "list", "--limit", "20", "--board", board])
    print(f"peak RSS list:     {rss:.1f} MB   [target <= 40 MB]")

    peer_board = os.path.join(work, "peer.sqlite")
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(board + suffix):
            shutil.copy(board + suffix, peer_board + suffix)
    me = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()

    def ours_cmd(story):
        return [spotlight, "upvote", str(story), "--board", board]

    def peer_cmd(story):
        # The same commit our store makes: vote row, recount, audit row, in one IMMEDIATE transaction.
        sql = (f"PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL; BEGIN IMMEDIATE; "
               f"INSERT INTO votes(story_id, voter, at) VALUES ({story}, '{me}', 0); "
               f"UPDATE stories SET votes = (SELECT count(*) FROM votes WHERE story_id = {story}) WHERE id = {story}; "
               f"INSERT INTO audit(at, actor, action, story_id, detail) VALUES (0, '{me}', 'upvote', {story}, 'bench'); COMMIT;")
        return ["sqlite3", peer_board, sql]

    acked, secs = vote_storm(ours_cmd)
    stored = int(subprocess.run(["sqlite3", board, f"SELECT count(*) FROM votes WHERE voter = '{me}'"],
                                capture_output=True, text=True).stdout)
    peer_acked, peer_secs = vote_storm(peer_cmd)
    ours_rate, peer_rate = acked / secs, peer_acked / peer_secs
    print(f"8-process votes:   spotlight {ours_rate:6.1f} votes/s ({acked} acknowledged, {stored} stored)   "
          f"sqlite3 CLI {peer_rate:6.1f} votes/s   ratio {ours_rate / peer_rate:.2f}x   [target: none lost, >= 0.5x]")
    integrity = subprocess.run(["sqlite3", board, "PRAGMA integrity_check"], capture_output=True, text=True).stdout.strip()
    print(f"integrity_check:   {integrity}")
    shutil.rmtree(work)


if __name__ == "__main__":
    sys.exit(main())
