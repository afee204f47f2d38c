#!/usr/bin/env python3
"""Broker benchmarks for issue 13 ("Figures"). Prints figures and ratios; asserts nothing.

  1. 200 connected clients on one `spotlight serve`: 150 walls subscribed to `/v1/events` that
     re-read `GET /v1/wall` on each `changed`, 50 boards subscribed that re-read a page
     (`POST /v1/board/page`, newest first), all in Python (asyncio) over the Unix socket, each on
     two connections as the real client has (one persistent for requests, one for the events).
     Then N posts with `spotlight post` through the broker: per post and client, the time from
     starting the post process until that client has re-read content containing it (target
     p50 <= 100 ms, p99 <= 1 s); the broker's peak RSS (VmHWM) with the 200 connected (<= 100 MB);
     the broker's CPU over ~10 s idle with the 200 connected (<= 0.5 %).
  2. 8 concurrent `spotlight upvote` processes, one per real account (useradd), 30 votes each on
     its own stories, through the broker vs 8 processes on the file (as root, distinct stories) in
     the same run: votes/s each, ratio, and none lost (sqlite3 on the files afterwards).
  3. `spotlight list --limit 20` through the broker vs on the file, 100,000 stories (the board of
     store_bench.py, adopted by the broker with `serve --adopt`): median wall time, ratio.

Clients run as 8 bench accounts (`useradd`, removed at the end) because the broker allows
64 connections per account and 200 clients hold 400. Needs root (it runs the broker as root in
a 0700 directory, as the brief for this benchmark says; the service account in production).

Usage: sudo python3 Benchmarks/broker_bench.py [--bin PATH] [--stories N] [--posts N] [--idle S]
Without --bin, uses .build-release/release/spotlight
(`swift build -c release --static-swift-stdlib --scratch-path .build-release --product spotlight`).
"""
import argparse, asyncio, json, os, pwd, shutil, signal, statistics, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))

ACCOUNTS = 8
PAGE = {"query": {"order": "new", "limit": 20, "offset": 0, "pinnedOnly": False, "includeHidden": False},
        "counting": True}


# ---------------------------------------------------------------------------------------------
# The client side: one worker process per account, running that account's walls and boards.
# ---------------------------------------------------------------------------------------------

class HTTP:
    """Just enough HTTP/1.1 for the broker: keep-alive, Content-Length or chunked bodies."""

    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer

    @classmethod
    async def connect(cls, socket):
        reader, writer = await asyncio.open_unix_connection(socket, limit=1 << 24)
        return cls(reader, writer)

    async def send(self, method, path, body=None):
        head = f"{method} {path} HTTP/1.1\r\nHost: localhost\r\n"
        data = b""
        if body is not None:
            data = json.dumps(body).encode()
            head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
        self.writer.write((head + "\r\n").encode() + data)
        await self.writer.drain()

    async def head(self):
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        return status, headers

    async def chunks(self, headers):
        """The body's pieces as they arrive."""
        if headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                if size == 0:
                    await self.reader.readuntil(b"\r\n")
                    return
                piece = await self.reader.readexactly(size)
                await self.reader.readexactly(2)
                yield piece
        elif "content-length" in headers:
            length = int(headers["content-length"])
            if length:
                yield await self.reader.readexactly(length)
        else:  # delimited by the end of the connection
            while piece := await self.reader.read(65536):
                yield piece

    async def request(self, method, path, body=None):
        await self.send(method, path, body)
        status, headers = await self.head()
        data = b"".join([piece async for piece in self.chunks(headers)])
        return status, data


class Client:
    """A wall or a board: events on one connection, re-reads on another, coalesced like the
    real loop (a change during a re-read causes one more re-read after it, not one each)."""

    def __init__(self, socket, kind, watched):
        self.socket, self.kind, self.watched = socket, kind, watched
        self.seen = {}          # title -> monotonic time of the first re-read containing it
        self.rereads = 0
        self.errors = []
        self.dirty = asyncio.Event()

    async def start(self):
        self.requests = await HTTP.connect(self.socket)
        self.events = await HTTP.connect(self.socket)
        await self.events.send("GET", "/v1/events")
        status, headers = await self.events.head()
        if status != 200:
            raise RuntimeError(f"events: HTTP {status}")
        self.event_headers = headers
        await self.reread()  # what a wall does at start: read once, then wait for changes
        self.tasks = [asyncio.create_task(self.listen()), asyncio.create_task(self.reread_loop())]

    async def listen(self):
        buffer = b""
        try:
            async for piece in self.events.chunks(self.event_headers):
                buffer += piece
                while b"\n\n" in buffer:
                    frame, buffer = buffer.split(b"\n\n", 1)
                    if b"event: changed" in frame:
                        self.dirty.set()
        except (asyncio.CancelledError, ConnectionError, asyncio.IncompleteReadError):
            return

    async def reread_loop(self):
        try:
            while True:
                await self.dirty.wait()
                self.dirty.clear()
                await self.reread()
        except asyncio.CancelledError:
            return

    async def reread(self):
        if self.kind == "wall":
            status, data = await self.requests.request("GET", "/v1/wall")
        else:
            status, data = await self.requests.request("POST", "/v1/board/page", PAGE)
        now = time.monotonic()
        self.rereads += 1
        if status != 200:
            self.errors.append(f"HTTP {status}: {data[:200]!r}")
            return
        text = data.decode("utf-8", "replace")
        for title in self.watched:
            if title not in self.seen and title in text:
                self.seen[title] = now

    async def stop(self):
        for task in self.tasks:
            task.cancel()
        for connection in (self.requests, self.events):
            connection.writer.close()


async def worker_main(socket, walls, boards):
    """Protocol on stdin/stdout: prints `ready`; reads `watch TITLE` (a post is coming) and
    `stop`, then prints one JSON line of results."""
    watched = []
    clients = [Client(socket, "wall", watched) for _ in range(walls)] + \
              [Client(socket, "board", watched) for _ in range(boards)]
    for client in clients:  # one at a time: 200 clients connecting at once is not the question
        await client.start()
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = (await reader.readline()).decode().rstrip("\n")
        if line.startswith("watch "):
            watched.append(line[len("watch "):])
        elif line == "stop" or not line:
            break
    await asyncio.sleep(0)
    results = [{"kind": c.kind, "seen": c.seen, "rereads": c.rereads, "errors": c.errors[:3]} for c in clients]
    for client in clients:
        await client.stop()
    print(json.dumps(results), flush=True)


# ---------------------------------------------------------------------------------------------
# The driver (root).
# ---------------------------------------------------------------------------------------------

def release_binary():
    path = os.path.join(ROOT, ".build-release/release/spotlight")
    if os.access(path, os.X_OK):
        return path
    sys.exit("no release build: run `swift build -c release --static-swift-stdlib --scratch-path .build-release "
             "--product spotlight` or pass --bin")


class Accounts:
    """Bench accounts in one group, removed at the end."""

    def __init__(self, tag, count):
        self.group = f"sbb{tag}"
        self.logins = [f"sbb{tag}u{i}" for i in range(count)]
        subprocess.run(["groupadd", self.group], check=True)
        for login in self.logins:
            subprocess.run(["useradd", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin",
                            "--groups", self.group, "--comment", f"Bench {login}", login], check=True)

    def ids(self, login):
        entry = pwd.getpwnam(login)
        return entry.pw_uid, entry.pw_gid

    def as_user(self, login, argv):
        uid, gid = self.ids(login)
        return ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--init-groups"] + argv

    def remove(self):
        for login in self.logins:
            subprocess.run(["userdel", login], stderr=subprocess.DEVNULL)
        subprocess.run(["groupdel", self.group], stderr=subprocess.DEVNULL)


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def median_ms(cmd, runs, env=None):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def list_median_ms(cmd, runs, env):
    """hyperfine when installed (its median), else `runs` runs of our own."""
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(["hyperfine", "--style", "none", "--warmup", "3", "--runs", str(runs), "-N",
                            "--export-json", out.name, " ".join(cmd)], check=True, stdout=subprocess.DEVNULL, env=env)
            return json.load(open(out.name))["results"][0]["median"] * 1000
    median_ms(cmd, 3, env)  # warm-up
    return median_ms(cmd, runs, env)


def vote_storm(cmd_for, env, workers=8, per_worker=30, first_story=1000):
    """Worker w commits `per_worker` votes on its own stories, one process per vote. 30 each: the
    broker's per-account write burst (BrokerLimits.writeBurst), so its rate limiter (10 writes/s
    sustained per account, a guard against one account, not a cost) stays out of the figure."""
    def worker(w):
        ok, failures = 0, []
        for k in range(per_worker):
            res = subprocess.run(cmd_for(w, first_story + w * per_worker + k), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True, env=env)
            if res.returncode == 0:
                ok += 1
            else:
                failures.append(res.stderr.strip())
        return ok, failures
    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(worker, range(workers)))
    return sum(r[0] for r in results), [f for r in results for f in r[1]], time.perf_counter() - start


def sql(board, query):
    return subprocess.run(["sqlite3", board, query], capture_output=True, text=True, check=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin")
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--idle", type=float, default=10.0)
    parser.add_argument("--walls", type=int, default=150)
    parser.add_argument("--boards", type=int, default=50)
    parser.add_argument("--list-runs", type=int, default=30)
    parser.add_argument("--worker", nargs=3, metavar=("SOCKET", "WALLS", "BOARDS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        socket, walls, boards = args.worker
        return asyncio.run(worker_main(socket, int(walls), int(boards)))
    # A timeout's SIGTERM still removes the accounts and stops the broker (the `finally` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    if os.geteuid() != 0:
        sys.exit("run as root: the broker runs in a 0700 directory and the clients as bench accounts")
    import store_bench  # the 100k board, built the way its benchmark builds it

    work = tempfile.mkdtemp(prefix="spotlight-broker-bench-")
    os.chmod(work, 0o755)
    # Others run the binary and this script: copies they can reach whatever the checkout's mode.
    spotlight = os.path.join(work, "spotlight")
    shutil.copy(args.bin or release_binary(), spotlight)
    script = os.path.join(work, "broker_bench.py")
    shutil.copy(os.path.abspath(__file__), script)
    os.chmod(script, 0o644)
    accounts = Accounts(f"{os.getpid() % 100000}", ACCOUNTS)
    broker = None
    workers = []
    try:
        seeded = os.path.join(work, "seed", "board.sqlite")
        os.makedirs(os.path.dirname(seeded))
        t0 = time.perf_counter()
        store_bench.make_board(spotlight, seeded, args.stories)
        print(f"board: {args.stories} stories built in {time.perf_counter() - t0:.1f} s "
              f"({os.path.getsize(seeded) / 1e6:.1f} MB)")
        owned = os.path.join(work, "owned")
        os.makedirs(owned, mode=0o700)
        os.chmod(owned, 0o700)
        board = os.path.join(owned, "board.sqlite")
        run = os.path.join(work, "run")
        os.makedirs(run, mode=0o755)
        socket = os.path.join(run, "board.sock")
        log = open(os.path.join(work, "broker.log"), "w")
        t0 = time.perf_counter()
        subprocess.run([spotlight, "serve", "--board", board, "--socket", socket, "--adopt", seeded, "--adopt-only"],
                       check=True, stderr=log)
        print(f"adopted by the broker in {time.perf_counter() - t0:.1f} s")
        broker = subprocess.Popen([spotlight, "serve", "--board", board, "--socket", socket,
                                   "--socket-group", accounts.group, "--socket-mode", "0660"], stderr=log)
        # No config file or state of the caller's: the board is named here, for everyone alike.
        plain = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": "/nonexistent",
                 "XDG_CONFIG_HOME": "/nonexistent", "XDG_CONFIG_DIRS": "/nonexistent", "XDG_STATE_HOME": "/nonexistent"}
        env = dict(plain, SPOTLIGHT_BOARD="unix:" + socket)
        deadline = time.monotonic() + 30
        while subprocess.run([spotlight, "list", "--limit", "1"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL).returncode != 0:
            if time.monotonic() > deadline or broker.poll() is not None:
                sys.exit("the broker did not answer; see " + log.name)
            time.sleep(0.1)
        rss_start = status_kb(broker.pid, "VmRSS") / 1024

        # 1. 200 clients, posts, RSS, idle CPU.
        per_walls = [args.walls // ACCOUNTS + (1 if i < args.walls % ACCOUNTS else 0) for i in range(ACCOUNTS)]
        per_boards = [args.boards // ACCOUNTS + (1 if i < args.boards % ACCOUNTS else 0) for i in range(ACCOUNTS)]
        t0 = time.perf_counter()
        for i, login in enumerate(accounts.logins):
            workers.append(subprocess.Popen(
                accounts.as_user(login, [sys.executable, script, "--worker", socket, str(per_walls[i]), str(per_boards[i])]),
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd="/"))
        for w in workers:
            if w.stdout.readline().strip() != "ready":
                sys.exit("a client worker failed to connect")
        clients = args.walls + args.boards
        print(f"clients: {clients} connected ({args.walls} walls, {args.boards} boards; {2 * clients} connections, "
              f"as {ACCOUNTS} accounts) in {time.perf_counter() - t0:.1f} s")
        time.sleep(1)

        # Idle first, so the posts' re-reads do not count (the broker's own file poll does).
        ticks = os.sysconf("SC_CLK_TCK")
        before, t0 = cpu_ticks(broker.pid), time.perf_counter()
        time.sleep(args.idle)
        idle_pct = (cpu_ticks(broker.pid) - before) / ticks / (time.perf_counter() - t0) * 100

        started = {}
        post_ms = []
        for k in range(args.posts):
            title = f"Broker bench post {k} {os.getpid()}"
            for w in workers:
                w.stdin.write(f"watch {title}\n")
                w.stdin.flush()
            started[title] = time.monotonic()
            subprocess.run([spotlight, "post", "--title", title, "--hero", "Bench Hero", "--department", "Facilities",
                            "--body", "A post to time the broker's push to 200 clients."], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            post_ms.append((time.monotonic() - started[title]) * 1000)
            time.sleep(1.0)  # one post at a time: the question is one post's reach, not a burst
        time.sleep(2.0)
        hwm = status_kb(broker.pid, "VmHWM") / 1024
        latencies, missing, rereads, errors = [], 0, 0, []
        by_kind = {"wall": [], "board": []}
        for w in workers:
            w.stdin.write("stop\n")
            w.stdin.flush()
            for result in json.loads(w.stdout.readline()):
                rereads += result["rereads"]
                errors += result["errors"]
                for title, at in started.items():
                    if title in result["seen"]:
                        latencies.append((result["seen"][title] - at) * 1000)
                        by_kind[result["kind"]].append(latencies[-1])
                    else:
                        missing += 1
            w.wait()
        workers = []
        print(f"post -> {clients} clients re-read it: p50 {percentile(latencies, 50):6.1f} ms   "
              f"p99 {percentile(latencies, 99):6.1f} ms   max {max(latencies, default=float('nan')):6.1f} ms   "
              f"({len(latencies)} of {clients * args.posts}, {missing} never)   "
              f"[target p50 <= 100 ms, p99 <= 1 s]")
        print(f"  (from starting `spotlight post`; the post itself took p50 {statistics.median(post_ms):.1f} ms; "
              f"{rereads} re-reads in all, {len(errors)} failed{': ' + errors[0] if errors else ''})")
        print("  (" + "; ".join(f"{kind}s p50 {percentile(v, 50):.1f} ms, p99 {percentile(v, 99):.1f} ms"
                                for kind, v in by_kind.items()) + ")")
        print(f"broker peak RSS:   {hwm:.1f} MB with {clients} connected (VmHWM; {rss_start:.1f} MB before)   "
              f"[target <= 100 MB]")
        print(f"broker idle CPU:   {idle_pct:.2f} % over {args.idle:.0f} s with {clients} connected   "
              f"[target <= 0.5 %]")

        # 2. Votes: 8 accounts through the broker vs 8 processes on the file.
        acked, failures, secs = vote_storm(lambda w, story: accounts.as_user(
            accounts.logins[w], [spotlight, "upvote", str(story)]), env)
        file_acked, file_failures, file_secs = vote_storm(
            lambda w, story: [spotlight, "upvote", str(story), "--board", seeded], plain)
        logins = ",".join(f"'{login}'" for login in accounts.logins)
        stored = int(sql(board, f"SELECT count(*) FROM votes WHERE voter IN ({logins})"))
        drift = int(sql(board, "SELECT count(*) FROM stories s WHERE votes != "
                               "(SELECT count(*) FROM votes v WHERE v.story_id = s.id)"))
        me = pwd.getpwuid(os.geteuid()).pw_name
        file_stored = int(sql(seeded, f"SELECT count(*) FROM votes WHERE voter = '{me}'"))
        file_drift = int(sql(seeded, "SELECT count(*) FROM stories s WHERE votes != "
                                     "(SELECT count(*) FROM votes v WHERE v.story_id = s.id)"))
        rate, file_rate = acked / secs, file_acked / file_secs
        print(f"8-process votes:   broker {rate:6.1f} votes/s ({acked} acknowledged, {stored} stored, "
              f"{drift} counts off)   file {file_rate:6.1f} votes/s ({file_acked} acknowledged, {file_stored} stored, "
              f"{file_drift} counts off)   ratio {rate / file_rate:.2f}x   [target: none lost, >= 1x]")
        for failure in sorted(set(failures + file_failures))[:3]:
            print(f"  refused: {failure}")

        # 3. list --limit 20, broker vs file, same board.
        remote = list_median_ms([spotlight, "list", "--limit", "20"], args.list_runs, env)
        local = list_median_ms([spotlight, "list", "--limit", "20", "--board", seeded], args.list_runs, plain)
        print(f"list --limit 20:   broker {remote:6.1f} ms   file {local:6.1f} ms   ratio {remote / local:.2f}x   "
              f"({args.stories} stories, median of {args.list_runs}"
              f"{', hyperfine' if shutil.which('hyperfine') else ''})   [target <= 1x]")
    finally:
        for w in workers:
            w.kill()
        if broker is not None:
            broker.terminate()
            broker.wait()
        accounts.remove()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
