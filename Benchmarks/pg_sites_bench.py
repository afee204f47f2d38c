#!/usr/bin/env python3
"""Issue 14's figures on the two-site rig (Tests/SpotlightEndToEndTests/Support/two_sites.py's
`Rig`: brokers in network namespaces spot-a and spot-b, PostgreSQL in spot-db over TLS). Prints
figures and ratios; asserts nothing.

  1. Cross-site post → wall: N posts (`spotlight post`) at A, one at a time; a Python client on B's
     socket holds `GET /v1/events` and re-reads `GET /v1/wall` on each `changed`, as a wall does.
     Per post: acknowledged (the post process exited 0) → B's `changed` event, and → B's re-read
     containing the title; p50/p99 (goal p50 <= 200 ms, p99 <= 1 s).
  2. Votes: 8 writer accounts per site, each one client (vote_worker.c, built here with the C
     compiler, as pgbench's client is C; else a Python one) voting over one keep-alive connection
     to its site's broker; N votes spread over S stories (each writer votes on each at most once;
     default 6,400 on 400: a 0.7 s window of 1,600 measures start-up as much as throughput),
     through the two brokers, vs `pgbench -n -c 16 -j 2 -t N/16 -f insert.sql` of plain
     single-row INSERTs on the same server in the same run, from spot-a over the same TLS link as
     role spotlight; both rates, the ratio (goal >= 0.3x) and the rows counted afterwards. Then
     the same through `spotlight upvote`, a process per vote. The brokers run with
     --writes-per-second 1000 here so their per-account limiter (a guard, 10/s by default) stays
     out of the figure.
  3. `spotlight list --limit 20` on 100,000 stories: a broker on PostgreSQL (the board of
     store_bench.py moved in with `serve --store … --adopt FILE --adopt-only`) vs a broker on an
     SQLite file (`serve --board … --adopt FILE`), same run, median of R runs each.

Usage: sudo python3 Benchmarks/pg_sites_bench.py --bin PATH [--posts N] [--votes N] [--vote-stories S] [--stories N] [--list-runs R]
The binary must be built with PostgreSQL support (--traits PostgreSQLSupport).
"""
import argparse, json, os, random, shutil, signal, socket, statistics, subprocess, sys, tempfile, threading, time

# No __pycache__ beside two_sites.py: SwiftPM would warn about an unhandled file in the test target.
sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "SpotlightEndToEndTests", "Support"))
sys.path.insert(0, HERE)   # store_bench.py; and two_sites.py when the vote workers run a copy
import two_sites  # noqa: E402  (the rig)
from two_sites import Rig, SITES, percentile, vote_storm  # noqa: E402


class HTTP:
    """Blocking HTTP/1.1 over the broker's Unix socket: keep-alive, Content-Length or chunked."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.file = self.sock.makefile("rb")

    def send(self, method, path, body=None):
        data = b"" if body is None else json.dumps(body).encode()
        head = f"{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {len(data)}\r\n"
        if body is not None:
            head += "Content-Type: application/json\r\n"
        self.sock.sendall((head + "\r\n").encode() + data)

    def head(self):
        status = int(self.file.readline().split()[1])
        headers = {}
        while (line := self.file.readline().decode("latin-1").strip()):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return status, headers

    def chunks(self, headers):
        if headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int(self.file.readline().split(b";")[0], 16)
                if size == 0:
                    self.file.readline()
                    return
                piece = self.file.read(size)
                self.file.readline()
                yield piece
        else:
            yield self.file.read(int(headers.get("content-length", "0")))

    def request(self, method, path, body=None):
        self.send(method, path, body)
        status, headers = self.head()
        return status, b"".join(self.chunks(headers))

    def close(self):
        # shutdown first: a thread blocked reading through `file` holds the socket open otherwise.
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.file.close()
        self.sock.close()


class WallWatcher(threading.Thread):
    """A wall's loop on B, in Python: events on one connection, re-reads of /v1/wall on another."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.events, self.requests = HTTP(path), HTTP(path)
        self.events.send("GET", "/v1/events")
        status, self.event_headers = self.events.head()
        if status != 200:
            raise RuntimeError(f"events: HTTP {status}")
        self.watched = None
        self.event_at, self.read_at = {}, {}
        self.errors = 0

    def watch(self, title):
        self.watched = title

    def run(self):
        buffer = b""
        try:
            for piece in self.events.chunks(self.event_headers):
                buffer += piece
                while b"\n\n" in buffer:
                    frame, buffer = buffer.split(b"\n\n", 1)
                    if b"event: changed" not in frame:
                        continue
                    now, title = time.monotonic(), self.watched
                    if title and title not in self.event_at:
                        self.event_at[title] = now
                    status, body = self.requests.request("GET", "/v1/wall")
                    if status != 200:
                        self.errors += 1
                    elif title and title not in self.read_at and title.encode() in body:
                        self.read_at[title] = time.monotonic()
        except (OSError, ValueError):
            return


def cross_site_posts(rig, posts):
    """Posts over A's socket (`POST /v1/stories`, root's keep-alive connection): acknowledged =
    the broker's answer, without a client process's start and exit in the figure."""
    watcher = WallWatcher(rig.socket("b"))
    watcher.start()
    poster = HTTP(rig.socket("a"))
    time.sleep(0.5)
    acked, took, refused = {}, [], []
    for k in range(posts):
        title = f"Bench {k} {rig.tag}"
        watcher.watch(title)
        t0 = time.monotonic()
        status, body = poster.request("POST", "/v1/stories", {"title": title, "body": "Timing the way to B.", "hero": "Bench Hero",
                                                               "department": "Support", "customer": "external", "tags": []})
        if status // 100 != 2:
            refused.append(body[:200])
            continue
        acked[title] = time.monotonic()
        took.append((acked[title] - t0) * 1000)
        deadline = time.monotonic() + 5
        while title not in watcher.read_at and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(0.15)  # one post at a time
    to_event = [(watcher.event_at[t] - at) * 1000 for t, at in acked.items() if t in watcher.event_at]
    to_read = [(watcher.read_at[t] - at) * 1000 for t, at in acked.items() if t in watcher.read_at]
    print(f"cross-site post → wall: acknowledged at A → B's changed event p50 {percentile(to_event, 50):6.1f} ms  "
          f"p99 {percentile(to_event, 99):6.1f} ms;  → B's wall re-read has it p50 {percentile(to_read, 50):6.1f} ms  "
          f"p99 {percentile(to_read, 99):6.1f} ms  max {max(to_read, default=float('nan')):6.1f} ms  "
          f"({len(to_read)} of {len(acked)} posts seen within 5 s, {len(refused)} refused; the post p50 "
          f"{statistics.median(took) if took else float('nan'):.1f} ms)  [goal p50 <= 200 ms, p99 <= 1 s]")
    if refused:
        print(f"  refused: {refused[0]!r}")
    # Done watching: a watcher re-reading the wall on every vote's `changed` would be in the vote figure.
    watcher.events.close()
    watcher.requests.close()


def vote_worker(path, ids):
    """vote_worker.c in Python, where no C compiler is: runs as a writer account, connects, says
    "ready", waits for "go" on stdin, then votes on `ids` over one keep-alive connection; prints
    `story status body` lines. Lean (requests made up front, answers read with recv): the
    writers share the 2 cores with what is measured."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    requests = [f"POST /v1/stories/{story}/vote HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n".encode()
                for story in ids]
    print("ready", flush=True)
    sys.stdin.readline()
    results = []
    pending = b""
    for story, request in zip(ids, requests):
        sock.sendall(request)
        status, body, pending = read_answer(sock, pending)
        results.append((story, status, body[:200].decode("utf-8", "replace").replace("\n", " ") if status // 100 != 2 else ""))
    print("".join(f"{story} {status} {body}\n" for story, status, body in results), end="", flush=True)


def read_answer(sock, pending):
    """One HTTP/1.1 answer with Content-Length (the broker's answers to a vote): (status, body,
    bytes after it)."""
    while b"\r\n\r\n" not in pending:
        pending += sock.recv(65536) or b""
    head, _, rest = pending.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = next((int(value) for name, _, value in (line.partition(b":") for line in lines[1:])
                   if name.strip().lower() == b"content-length"), None)
    if length is None:
        raise RuntimeError(f"a vote's answer without Content-Length: {head[:200]!r}")
    while len(rest) < length:
        rest += sock.recv(65536) or b""
    return status, rest[:length], rest[length:]


def http_votes(rig, stories, per_writer):
    """8 writers per site as their accounts, each a Python client voting over its own keep-alive
    connection to its site's broker (no process per vote). The clock starts when every writer is
    connected (pgbench's tps, too, leaves out its connections). Returns (acknowledged, asked,
    seconds, refusals)."""
    worker = vote_worker_command(rig)
    workers = []
    for site in SITES:
        for login in rig.writers[site]:
            ids = ",".join(map(str, random.sample(stories, per_writer)))
            workers.append(subprocess.Popen(rig.as_user(login, worker + [rig.socket(site), ids]),
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd="/", env=rig.plain_env))
    for worker in workers:
        if worker.stdout.readline().strip() != "ready":
            raise RuntimeError("a vote worker did not connect to its broker")
    t0 = time.monotonic()
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    outputs = [w.communicate(timeout=600)[0] for w in workers]
    seconds = time.monotonic() - t0
    results = [(int(story), int(status), body) for out in outputs for story, status, body in
               (line.split(" ", 2) for line in out.splitlines())]
    return sum(1 for r in results if r[1] // 100 == 2), len(results), seconds, [r[2] for r in results if r[1] // 100 != 2]


def vote_worker_command(rig):
    """The writers' program: vote_worker.c built with the system's C compiler (a lean client, as
    pgbench's is), else this script's Python worker. Both print `story status body` lines."""
    bench = os.path.join(rig.work, "bench")
    if not os.path.isdir(bench):
        os.makedirs(bench, mode=0o755)
        for source in (os.path.abspath(__file__), two_sites.__file__):
            shutil.copy(source, bench)
            os.chmod(os.path.join(bench, os.path.basename(source)), 0o644)
        compiler = shutil.which("cc") or shutil.which("clang")
        if compiler:
            subprocess.run([compiler, "-O2", "-o", os.path.join(bench, "vote_worker"), os.path.join(HERE, "vote_worker.c")], check=True)
            os.chmod(os.path.join(bench, "vote_worker"), 0o755)
    if os.path.exists(os.path.join(bench, "vote_worker")):
        return [os.path.join(bench, "vote_worker")]
    return [sys.executable, os.path.join(bench, os.path.basename(__file__)), "--vote-worker"]


def votes(rig, total, cli_total, story_count):
    poster = HTTP(rig.socket("a"))
    def story(title):
        status, body = poster.request("POST", "/v1/stories", {"title": title, "body": "Vote for me.", "hero": "Bench Hero",
                                                              "department": "Support", "customer": "external", "tags": []})
        return int(json.loads(body)["id"])
    stories = [story(f"Bench vote {k} {rig.tag}") for k in range(story_count)]
    cli_stories = [story(f"Bench CLI vote {k} {rig.tag}") for k in range(100)]
    writers_n = 2 * rig.writers_per_site
    per_writer = min(story_count, total // writers_n)
    acked, asked, broker_seconds, refusals = http_votes(rig, stories, per_writer)
    ids = ",".join(map(str, stories))
    logins = ",".join(f"'{login}'" for site in SITES for login in rig.writers[site])
    stored = int(rig.psql(f"SELECT count(*) FROM votes WHERE story_id IN ({ids}) AND voter IN ({logins})"))
    drift = int(rig.psql(f"SELECT count(*) FROM stories s WHERE id IN ({ids}) AND votes <> "
                         f"(SELECT count(*) FROM votes v WHERE v.story_id = s.id)"))
    broker_rate = acked / broker_seconds
    # The same through `spotlight upvote`, one process per vote (what a member's command costs).
    cli_per_writer = min(100, cli_total // writers_n)
    t0 = time.monotonic()
    writers, stop = vote_storm(rig, cli_stories, every=0, per_writer=cli_per_writer)
    for writer in writers:
        writer.join(900)
    cli_seconds = time.monotonic() - t0
    stop.set()
    cli_acked = sum(1 for w in writers for a in w.attempts if a[3] == 0)
    cli_ids = ",".join(map(str, cli_stories))
    cli_stored = int(rig.psql(f"SELECT count(*) FROM votes WHERE story_id IN ({cli_ids})"))
    refusals += [a[4].strip() for w in writers for a in w.attempts if a[3] != 0]
    failed = refusals

    # pgbench: the same number of single-row INSERT transactions, 16 clients, over the same TLS link.
    rig.psql("CREATE DATABASE pgbench_votes OWNER spotlight", database="postgres")
    rig.psql("SET ROLE spotlight; CREATE TABLE bench_votes(story bigint NOT NULL, voter text NOT NULL, at bigint NOT NULL)",
             database="pgbench_votes")
    rig.allow_database("pgbench_votes")
    script = os.path.join(rig.work, "insert.sql")
    with open(script, "w") as f:
        f.write("\\set story random(1, 100)\n"
                "INSERT INTO bench_votes(story, voter, at) VALUES (:story, 'w' || :client_id, "
                "(extract(epoch from clock_timestamp()) * 1000)::bigint);\n")
    os.chmod(script, 0o644)
    password = open(rig.root_password_file).read().strip()
    ca = rig.url.split("sslrootcert=")[1]
    env = dict(rig.plain_env, PGPASSWORD=password, PGSSLMODE="verify-full", PGSSLROOTCERT=ca)
    clients = 2 * rig.writers_per_site
    out = subprocess.run(["ip", "netns", "exec", "spot-a", os.path.join(rig.pgbin, "pgbench"), "-n", "-c", str(clients),
                          "-j", "2", "-t", str(per_writer), "-f", script, "-h", two_sites.NAME, "-U", "spotlight",
                          "pgbench_votes"], capture_output=True, text=True, env=env, cwd="/")
    tps = next((float(line.split("=")[1].split()[0]) for line in out.stdout.splitlines()
                if line.startswith("tps =")), float("nan"))
    rows = int(rig.psql("SELECT count(*) FROM bench_votes", database="pgbench_votes"))
    print(f"votes: two brokers {broker_rate:7.1f} votes/s ({acked} of {asked} acknowledged, {stored} stored, "
          f"{drift} counters off, {broker_seconds:.1f} s; 16 writer accounts, one keep-alive connection each, {story_count} stories)   "
          f"pgbench {tps:7.1f} tps ({rows} rows of {clients * per_writer}; single-row INSERTs, 16 clients over the same TLS link)   "
          f"ratio {broker_rate / tps:.2f}x   [goal >= 0.3x, none lost]")
    print(f"  with `spotlight upvote` (a process per vote): {cli_acked / cli_seconds:7.1f} votes/s ({cli_acked} of "
          f"{writers_n * cli_per_writer} acknowledged, {cli_stored} stored, {cli_seconds:.1f} s)   ratio {cli_acked / cli_seconds / tps:.2f}x")
    if out.returncode != 0:
        print(f"  pgbench failed: {out.stderr.strip()[:300]}")
    for failure in sorted(set(failed))[:3]:
        print(f"  refused: {failure}")


def list_times(rig, count, runs):
    import store_bench
    seed_dir = os.path.join(rig.work, "seed")
    os.makedirs(seed_dir, mode=0o755)
    seeded = os.path.join(seed_dir, "board.sqlite")
    t0 = time.monotonic()
    store_bench.make_board(rig.bin, seeded, count)
    os.chmod(seeded, 0o644)
    print(f"list board: {count} stories built in {time.monotonic() - t0:.1f} s")
    # PostgreSQL: a fresh database whose schema a broker makes, then the same stories copied in
    # from the SQLite board by SQL (`serve --adopt` of 100,000 stories takes minutes: the import
    # path writes story by story), search built from title, hero and body, then ANALYZE.
    rig.psql("CREATE DATABASE spotlight_list OWNER spotlight", database="postgres")
    rig.allow_database("spotlight_list")
    pg_socket = os.path.join(rig.rundir, "list-pg.sock")
    rig.start_broker("a", database="spotlight_list", socket=pg_socket, key="list-pg")
    rig.stop_broker("list-pg")
    t0 = time.monotonic()
    columns = ("id, title, body, hero, department, customer, tags, author, author_name, on_behalf_of, created_at, edited_at, "
               "status, votes, medallions, points, hot")
    csv_path = os.path.join(seed_dir, "stories.csv")
    with open(csv_path, "w") as out:
        subprocess.run(["sqlite3", "-csv", seeded, f"SELECT {columns} FROM stories"], stdout=out, check=True)
    copy = subprocess.run([os.path.join(rig.pgbin, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", rig.admin_url("spotlight_list")],
                          input=f"""CREATE TEMP TABLE seed AS SELECT {columns} FROM stories WITH NO DATA;
\\copy seed ({columns}) FROM '{csv_path}' WITH (FORMAT csv)
INSERT INTO stories ({columns}, search) OVERRIDING SYSTEM VALUE
  SELECT {columns}, to_tsvector('simple', title || ' ' || hero || ' ' || body) FROM seed;
SELECT setval(pg_get_serial_sequence('stories', 'id'), (SELECT max(id) FROM stories));
ANALYZE;
""", capture_output=True, text=True, cwd="/")
    if copy.returncode != 0:
        print(f"list: seeding PostgreSQL failed: {copy.stderr.strip()[:400]}")
        return
    count_pg = rig.psql("SELECT count(*) FROM stories", database="spotlight_list")
    print(f"list board: {count_pg} stories copied into PostgreSQL in {time.monotonic() - t0:.1f} s")
    rig.start_broker("a", database="spotlight_list", socket=pg_socket, key="list-pg")
    # SQLite: a broker on a file in a 0700 directory (as root, as broker_bench.py runs it).
    owned = os.path.join(rig.work, "owned")
    os.makedirs(owned, mode=0o700)
    board = os.path.join(owned, "board.sqlite")
    sqlite_socket = os.path.join(rig.rundir, "list-sqlite.sock")
    subprocess.run([rig.bin, "serve", "--board", board, "--socket", sqlite_socket, "--adopt", seeded, "--adopt-only"],
                   check=True, capture_output=True)
    logfile = open(os.path.join(rig.work, "broker-list-sqlite.log"), "w")
    rig.brokers["list-sqlite"] = (subprocess.Popen([rig.bin, "serve", "--board", board, "--socket", sqlite_socket],
                                                   stdout=logfile, stderr=logfile, env=rig.plain_env), logfile)
    deadline = time.monotonic() + 60
    while rig.client("root", ["list", "--limit", "1"], socket=sqlite_socket, check=False).returncode != 0:
        if time.monotonic() > deadline:
            print("list: the SQLite broker did not answer")
            return
        time.sleep(0.1)
    samples = {"pg": [], "sqlite": []}
    for k in range(runs + 3):   # interleaved, the first 3 of each a warm-up
        for kind, path in (("pg", pg_socket), ("sqlite", sqlite_socket)):
            t0 = time.perf_counter()
            rig.client("root", ["list", "--limit", "20"], socket=path)
            if k >= 3:
                samples[kind].append((time.perf_counter() - t0) * 1000)
    pg, lite = statistics.median(samples["pg"]), statistics.median(samples["sqlite"])
    print(f"list --limit 20 on {count} stories: broker on PostgreSQL {pg:6.1f} ms   broker on SQLite {lite:6.1f} ms   "
          f"ratio {pg / lite:.2f}x   (median of {runs}, interleaved; p90 {percentile(samples['pg'], 90):.1f} / "
          f"{percentile(samples['sqlite'], 90):.1f} ms; PostgreSQL seeded from the SQLite board by SQL COPY)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin")
    parser.add_argument("--pgbin", default=os.environ.get("SPOTLIGHT_PGBIN") or two_sites.default_pgbin())
    parser.add_argument("--posts", type=int, default=150)
    parser.add_argument("--votes", type=int, default=6400)
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--list-runs", type=int, default=30)
    parser.add_argument("--cli-votes", type=int, default=480)
    parser.add_argument("--vote-stories", type=int, default=400, help="stories the votes go to (each writer votes each once at most)")
    parser.add_argument("--skip", default="", help="comma-separated: posts,votes,list")
    parser.add_argument("--vote-worker", nargs=2, metavar=("SOCKET", "IDS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.vote_worker:
        return vote_worker(args.vote_worker[0], [int(i) for i in args.vote_worker[1].split(",")])
    if not args.bin:
        sys.exit("give --bin: a spotlight built with PostgreSQL support")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    skip = set(filter(None, args.skip.split(",")))
    rig = Rig(args.bin, args.pgbin)
    try:
        rig.up()
        for site in SITES:
            rig.start_broker(site, extra=["--writes-per-second", "1000"])
        rig.post("root", "a", f"First {rig.tag}")
        if "posts" not in skip:
            cross_site_posts(rig, args.posts)
        if "votes" not in skip:
            votes(rig, args.votes, args.cli_votes, args.vote_stories)
        if "list" not in skip:
            list_times(rig, args.stories, args.list_runs)
    finally:
        rig.down()


if __name__ == "__main__":
    sys.exit(main())
