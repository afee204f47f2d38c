#!/usr/bin/env python3
"""Issue 14's proof on a real (virtual) network: two offices, one PostgreSQL (DESIGN §12).

two-sites.sh brings up three network namespaces (spot-a, spot-b, spot-db) joined by veths and
PostgreSQL in spot-db (TLS from its own CA, scram for role `spotlight`). This script copies the
password file for a service account, starts `spotlight serve --store postgresql://…` in spot-a
(a.sock) and in spot-b (b.sock), makes 8 writer accounts per site (`useradd`; one vote per account
and story, so writers must be real accounts), runs a wall per site in tmux (80x24), and checks:

  a. a post at A is on B's wall within 1 s of being acknowledged;
  b. 8 writers per site vote on the same 5 stories: every acknowledged vote is stored and
     exported, no vote nobody asked for, each story's `votes` equals its rows;
  c. PostgreSQL restarted (`pg_ctl restart -m fast`) while 16 writers vote: no acknowledged vote
     lost, every failure is exit 1 with one line, writes succeed again afterwards;
  d. site A's link cut for 30 s while writers vote at both sites: nothing acknowledged lost; A's
     wall keeps its content and says PostgreSQL "is not answering"; B keeps working (its writes
     succeed again once the server drops the cut site's connections: keepalive, ~10 s); within 2 s
     of the link returning both walls show the database's state (a story B posted during the cut
     is on A's wall, the status gone, A's newest-stories line the same as B's);
  e. bad input — a wrong password, an unreachable host, a database with someone else's tables,
     a newer schema: serve exits nonzero with one line, and nothing is written.

Prints one line per figure and check; exits 0 only when every check passed, else 1 with one
`FAILED` line per failed check. Tears everything down in `finally` (also on SIGTERM): brokers,
walls, accounts, the rig. Root only; python3 standard library only.

  sudo python3 two_sites.py [--bin PATH] [--pgbin DIR] [--cut SECONDS]

Benchmarks/pg_sites_bench.py imports `Rig` from here.
"""
import argparse, contextlib, fcntl, json, os, pwd, random, re, shutil, signal, subprocess, sys, tempfile, threading, time, uuid

HERE = os.path.dirname(os.path.abspath(__file__))
RIG_SCRIPT = os.path.join(HERE, "two-sites.sh")
NAME = "db.spotlight.test"
NAMESPACES = ("spot-db", "spot-a", "spot-b")
LOCK = "/tmp/spotlight-two-sites.lock"
NOT_ANSWERING = "is not answering"   # the walls' status while PostgreSQL is away (BrokerWallTests)
SITES = ("a", "b")


def log(line):
    print(line, flush=True)


def default_pgbin():
    versions = sorted((int(v) for v in os.listdir("/usr/lib/postgresql") if v.isdigit()), reverse=True) \
        if os.path.isdir("/usr/lib/postgresql") else []
    return f"/usr/lib/postgresql/{versions[0]}/bin" if versions else None


def run(argv, check=True, timeout=120, **kwargs):
    result = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, **kwargs)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:6])}…: exit {result.returncode}: {(result.stderr or result.stdout).strip()}")
    return result


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def one_line(text):
    """The single line a failure must be (None when it is not exactly one non-empty line)."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if len(lines) == 1 else None


# ---------------------------------------------------------------------------------------------
# Terminals
# ---------------------------------------------------------------------------------------------

class Tmux:
    """A private tmux server (own -L socket, no config) with one fixed-size session, as the
    Swift tests' Tmux: the screen is read with capture-pane and conditions polled, never slept on."""

    def __init__(self, command, width=80, height=24, env=None):
        self.socket = f"spotlight-2s-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        variables = {"TERM": "tmux-256color", "SWIFT_BACKTRACE": "interactive=no", "LANG": "C.UTF-8"}
        variables.update(env or {})
        prelude = "unset LC_ALL LC_CTYPE NO_COLOR; export " + " ".join(
            f"{k}={shell_quote(v)}" for k, v in sorted(variables.items())) + "; "
        run(["tmux", "-L", self.socket, "-f", "/dev/null", "new-session", "-d", "-s", "wall", "-x", str(width),
             "-y", str(height), "/bin/sh -c " + shell_quote(prelude + command), ";", "set-option", "-g",
             "remain-on-exit", "on"])

    def screen(self):
        result = run(["tmux", "-L", self.socket, "capture-pane", "-p", "-t", "wall"], check=False, timeout=10)
        return result.stdout if result.returncode == 0 else ""

    def wait_for(self, predicate, deadline, step=0.01):
        """(True, screen, seconds) once predicate(screen) holds, else (False, last screen, seconds)."""
        start = time.monotonic()
        screen = ""
        while True:
            screen = self.screen()
            if predicate(screen):
                return True, screen, time.monotonic() - start
            if time.monotonic() - start > deadline:
                return False, screen, time.monotonic() - start
            time.sleep(step)

    def kill(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def shown_count(screen):
    """N of the wall's footer `k of N stories` (the stories in its rotation), or None."""
    match = re.search(r"\b\d+ of (\d+) stor", screen)
    return int(match.group(1)) if match else None


def ticker(screen):
    """The wall's newest-stories line (`NEW ▸ title ▸ …`), or ''."""
    for line in screen.splitlines():
        if "NEW ▸" in line:
            return line.strip("│ ").strip()
    return ""


# ---------------------------------------------------------------------------------------------
# The rig: network, PostgreSQL, accounts, brokers
# ---------------------------------------------------------------------------------------------

class Rig:
    """two-sites.sh plus what the brokers need: a service account with its own copy of the
    password file, a socket group, writer accounts, the binary where every account can run it."""

    def __init__(self, binary, pgbin, writers_per_site=8):
        self.source_binary = os.path.abspath(binary)
        self.pgbin = pgbin
        self.writers_per_site = writers_per_site
        self.tag = uuid.uuid4().hex[:5]
        self.users, self.groups = [], []
        self.brokers = {}
        self.terminals = []
        self.lock = None
        self.work = None
        self.rig_up = False

    # -- up/down ------------------------------------------------------------------------------

    def up(self):
        if os.geteuid() != 0:
            raise RuntimeError("needs root: ip netns, useradd, setpriv")
        self.lock = open(LOCK, "w")
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RuntimeError(f"another two-sites run holds {LOCK}: one rig per machine (fixed namespace names)")
        self.work = tempfile.mkdtemp(prefix="spotlight-two-sites-run-")
        os.chmod(self.work, 0o755)
        self.dir = os.path.join(self.work, "rig")
        self.env_rig = dict(os.environ, SPOTLIGHT_TWO_SITES=self.dir, SPOTLIGHT_PGBIN=self.pgbin)
        stale = [ns for ns in NAMESPACES if os.path.exists(f"/run/netns/{ns}")]
        if stale:  # we hold the lock, so whoever made them is gone: a killed run's leftovers
            log(f"note: removing a stale rig ({', '.join(stale)}) left by an earlier run")
            self.remove_stale()
        out = run([RIG_SCRIPT, "up"], env=self.env_rig, timeout=180).stdout
        self.rig_up = True
        self.url = re.search(r"store URL[^:]*: (\S+)", out).group(1)
        self.root_password_file = re.search(r"password file: (\S+)", out).group(1)
        self.admin = re.search(r"admin[^:]*: (\S+)", out).group(1)

        bindir = os.path.join(self.work, "bin")
        os.makedirs(bindir, mode=0o755)
        self.bin = os.path.join(bindir, "spotlight")
        shutil.copy(self.source_binary, self.bin)
        os.chmod(self.bin, 0o755)

        self.group = f"ts{self.tag}g"
        for attempt in range(5):
            if subprocess.run(["groupadd", self.group], capture_output=True).returncode == 0:
                break
            time.sleep(0.5)
        else:
            raise RuntimeError(f"groupadd {self.group} failed")
        self.groups.append(self.group)
        self.service = self.add_user(f"ts{self.tag}s", "Spotlight broker")
        self.writers = {site: [self.add_user(f"ts{self.tag}{site}{i}", f"Writer {site.upper()}{i}")
                               for i in range(self.writers_per_site)] for site in SITES}
        uid, gid = self.ids(self.service)
        secrets = os.path.join(self.work, "service")
        os.makedirs(secrets, mode=0o700)
        os.chown(secrets, uid, gid)
        self.password_file = os.path.join(secrets, "pgpassword")
        shutil.copy(self.root_password_file, self.password_file)
        os.chown(self.password_file, uid, gid)
        os.chmod(self.password_file, 0o600)
        self.rundir = os.path.join(self.work, "run")
        os.makedirs(self.rundir, mode=0o755)
        os.chown(self.rundir, uid, gid)
        self.plain_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": "/nonexistent",
                          "XDG_CONFIG_HOME": "/nonexistent", "XDG_CONFIG_DIRS": "/nonexistent",
                          "XDG_STATE_HOME": "/nonexistent", "SWIFT_BACKTRACE": "enable=no"}

    def remove_stale(self):
        for ns in NAMESPACES:
            subprocess.run(["ip", "netns", "pids", ns], capture_output=True)
            subprocess.run(["ip", "netns", "del", ns], capture_output=True)
        subprocess.run(["rm", "-rf", "/etc/netns/spot-db", "/etc/netns/spot-a", "/etc/netns/spot-b"])

    def down(self):
        for terminal in self.terminals:
            terminal.kill()
        for site in list(self.brokers):
            self.stop_broker(site)
        if self.rig_up:
            subprocess.run([RIG_SCRIPT, "down"], env=self.env_rig, capture_output=True, timeout=120)
        for user in reversed(self.users):
            subprocess.run(["userdel", user], capture_output=True)
        for group in reversed(self.groups):
            subprocess.run(["groupdel", group], capture_output=True)
        if self.work:
            shutil.rmtree(self.work, ignore_errors=True)
        if self.lock:
            self.lock.close()

    # -- accounts -----------------------------------------------------------------------------

    def add_user(self, login, name):
        argv = ["useradd", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin",
                "--user-group", "--groups", self.group, "--comment", name, login]
        for attempt in range(5):   # other suites add accounts too: /etc/passwd's lock may be busy for a moment
            result = subprocess.run(argv, capture_output=True, text=True)
            if result.returncode == 0:
                break
            time.sleep(0.5)
        else:
            raise RuntimeError(f"useradd {login}: {result.stderr.strip()}")
        self.users.append(login)
        return login

    @staticmethod
    def ids(login):
        entry = pwd.getpwnam(login)
        return entry.pw_uid, entry.pw_gid

    def as_user(self, login, argv):
        if login == "root":
            return argv
        uid, gid = self.ids(login)
        return ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--init-groups"] + argv

    # -- PostgreSQL ---------------------------------------------------------------------------

    def admin_url(self, database="spotlight"):
        return self.admin.replace("/postgres?", f"/{database}?")

    def store_url(self, database="spotlight", host=NAME):
        return self.url.replace(f"@{NAME}/spotlight?", f"@{host}/{database}?")

    def psql(self, sql, database="spotlight", check=True):
        result = run([os.path.join(self.pgbin, "psql"), "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
                      "-d", self.admin_url(database), "-c", sql], check=check, cwd="/")
        return result.stdout.strip()

    def allow_database(self, database):
        """pg_hba lets role spotlight into `database` too (two-sites.sh allows only `spotlight`)."""
        with open(os.path.join(self.dir, "data", "pg_hba.conf"), "a") as hba:
            hba.write(f"hostssl {database} spotlight 10.213.0.0/16 scram-sha-256\n")
        self.psql("SELECT pg_reload_conf()", database="postgres")

    def pg_ctl(self, *arguments):
        return run(["ip", "netns", "exec", "spot-db", "runuser", "-u", "postgres", "--",
                    os.path.join(self.pgbin, "pg_ctl"), "-D", os.path.join(self.dir, "data"), "-l",
                    os.path.join(self.dir, "log"), "-w", "-t", "60"] + list(arguments), cwd="/", timeout=90)

    # -- brokers and clients ------------------------------------------------------------------

    def socket(self, site):
        return os.path.join(self.rundir, f"{site}.sock")

    def serve_argv(self, site, database="spotlight", password_file=None, host=NAME, socket=None, extra=()):
        uid, gid = self.ids(self.service)
        return ["ip", "netns", "exec", f"spot-{site}", "setpriv", f"--reuid={uid}", f"--regid={gid}", "--init-groups",
                self.bin, "serve", "--store", self.store_url(database, host),
                "--store-password-file", password_file or self.password_file,
                "--socket", socket or self.socket(site), "--socket-group", self.group, "--socket-mode", "0660"] + list(extra)

    def start_broker(self, site, database="spotlight", socket=None, extra=(), key=None, deadline=60):
        """Starts `spotlight serve` in spot-SITE as the service account; returns once it answers."""
        key = key or site
        socket = socket or self.socket(site)
        logfile = open(os.path.join(self.work, f"broker-{key}.log"), "a")
        process = subprocess.Popen(self.serve_argv(site, database, socket=socket, extra=extra), stdout=logfile,
                                   stderr=logfile, env=self.plain_env, cwd="/")
        self.brokers[key] = (process, logfile)
        start = time.monotonic()
        while time.monotonic() - start < deadline:
            if process.poll() is not None:
                break
            if self.client("root", ["list", "--limit", "1"], socket=socket, check=False).returncode == 0:
                return time.monotonic() - start
            time.sleep(0.1)
        raise RuntimeError(f"broker {key} did not answer within {deadline} s: {self.broker_log(key)[-500:]}")

    def broker_log(self, key):
        with open(os.path.join(self.work, f"broker-{key}.log")) as f:
            return f.read()

    def stop_broker(self, key):
        process, logfile = self.brokers.pop(key)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        logfile.close()

    def client(self, login, arguments, site="a", socket=None, check=True, timeout=90, stdin=None):
        """`spotlight ARGUMENTS --board unix:SOCKET` as `login` (root namespace: sockets are files)."""
        argv = self.as_user(login, [self.bin] + arguments + ["--board", "unix:" + (socket or self.socket(site))])
        result = subprocess.run(argv, capture_output=True, text=True, env=self.plain_env, timeout=timeout,
                                input=stdin, cwd="/")
        if check and result.returncode != 0:
            raise RuntimeError(f"spotlight {' '.join(arguments[:3])} as {login}: {result.stderr.strip()}")
        return result

    def post(self, login, site, title, body="A story to vote on."):
        """Posts and returns the story's id (retries while the broker's write limiter says wait)."""
        for attempt in range(20):
            result = self.client(login, ["post", "--title", title, "--hero", "Site Hero", "--department", "Support",
                                         "--body", body, "--json"], site=site, check=False)
            if result.returncode == 0:
                return int(json.loads(result.stdout)["id"])
            time.sleep(0.5)
        raise RuntimeError(f"post {title!r} at {site}: {result.stderr.strip()}")

    def wall(self, site):
        state = os.path.join(self.work, f"wall-{site}-state")
        command = f"{shell_quote(self.bin)} wall --board unix:{shell_quote(self.socket(site))} --interval 600"
        terminal = Tmux(command + "; echo EXIT=$?; read line", env={"XDG_STATE_HOME": state, "HOME": "/nonexistent"})
        self.terminals.append(terminal)
        return terminal


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------

class Writer(threading.Thread):
    """One account voting through its site's broker, one `spotlight upvote` process per vote, on
    a schedule (vote k at start + k * every), recording every attempt."""

    def __init__(self, rig, login, site, stories, every, stop):
        super().__init__(daemon=True)
        self.rig, self.login, self.site, self.stories, self.every, self.stop = rig, login, site, stories, every, stop
        self.attempts = []   # (story, started, finished, exit code, stderr)

    def run(self):
        start = time.monotonic()
        for k, story in enumerate(self.stories):
            delay = start + k * self.every - time.monotonic()
            if delay > 0 and self.stop.wait(delay):
                return
            if self.stop.is_set():
                return
            t0 = time.monotonic()
            try:
                result = self.rig.client(self.login, ["upvote", str(story)], site=self.site, check=False, timeout=60)
                code, err = result.returncode, result.stderr
            except subprocess.TimeoutExpired:
                code, err = "hung", "no answer in 60 s"
            self.attempts.append((story, t0, time.monotonic(), code, err))


def vote_storm(rig, stories, every, per_writer=None):
    """Starts 8 writers per site, each on its own shuffled `per_writer` of `stories` (all of
    them by default); returns (writers, stop)."""
    stop = threading.Event()
    writers = []
    for site in SITES:
        for login in rig.writers[site]:
            order = random.sample(list(stories), per_writer or len(stories))
            writers.append(Writer(rig, login, site, order, every, stop))
    for writer in writers:
        writer.start()
    return writers, stop


def finish(writers, stop):
    stop.set()
    for writer in writers:
        writer.join(90)


def verify_votes(rig, writers, stories, require_all=False):
    """Problems (empty when fine) and a summary: every acknowledged vote stored and exported, none
    that nobody asked for, `votes` = rows for these stories, failures exit 1 with one line."""
    problems = []
    ids = ",".join(str(s) for s in stories)
    rows = set()
    for line in rig.psql(f"SELECT story_id, voter FROM votes WHERE story_id IN ({ids})").splitlines():
        story, voter = line.split("|")
        rows.add((int(story), voter))
    exported = json.loads(rig.client(rig.service, ["export"], site="b").stdout)   # managers export
    in_export = {(int(v["storyID"]), v["voter"]) for v in exported["votes"] if int(v["storyID"]) in set(stories)}
    acknowledged = {(a[0], w.login) for w in writers for a in w.attempts if a[3] == 0}
    asked = {(a[0], w.login) for w in writers for a in w.attempts}
    failures = [(w.login, a) for w in writers for a in w.attempts if a[3] != 0]
    lost, unasked = acknowledged - rows, rows - asked
    if lost:
        problems.append(f"{len(lost)} acknowledged votes not stored, e.g. {sorted(lost)[:3]}")
    if unasked:
        problems.append(f"{len(unasked)} stored votes nobody asked for, e.g. {sorted(unasked)[:3]}")
    if in_export != rows:
        problems.append(f"the export differs from the votes table: {len(in_export - rows)} extra, {len(rows - in_export)} missing")
    drift = rig.psql(f"SELECT s.id || ':' || s.votes || '/' || (SELECT count(*) FROM votes v WHERE v.story_id = s.id) "
                     f"FROM stories s WHERE s.id IN ({ids}) AND s.votes <> (SELECT count(*) FROM votes v WHERE v.story_id = s.id)")
    if drift:
        problems.append(f"stories whose votes differ from their rows (id:votes/rows): {drift.split()[:5]}")
    bad = [(login, a[3], a[4].strip()) for login, a in failures if a[3] != 1 or one_line(a[4]) is None]
    if bad:
        problems.append(f"{len(bad)} failures not 'exit 1 with one line', e.g. {bad[0]}")
    # A failure may have committed (the answer lost on the way back), but then it must not say it did not.
    untrue = [(login, a[0], a[4].strip()) for login, a in failures if (a[0], login) in rows and "nothing was" in a[4]]
    if untrue:
        problems.append(f"{len(untrue)} failed votes said nothing was written but are stored, e.g. {untrue[0]}")
    if require_all and failures:
        problems.append(f"{len(failures)} of {len(asked)} votes refused without any fault, e.g. {failures[0][1][4].strip()}")
    messages = sorted({one_line(a[4]) or a[4].strip() for _, a in failures})
    summary = (f"{len(asked)} asked, {len(acknowledged)} acknowledged, {len(rows)} stored, {len(failures)} failed"
               + (" (" + "; ".join(f"\"{m}\"" for m in messages[:3]) + ")" if messages else ""))
    return problems, summary, failures


# ---------------------------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------------------------

class Proof:
    def __init__(self, rig, cut_seconds):
        self.rig, self.cut_seconds = rig, cut_seconds
        self.failed = []

    def check(self, name, problems, figure):
        log(f"{name}: {figure}")
        for problem in problems:
            self.failed.append(f"FAILED {name}: {problem}")
            log(f"FAILED {name}: {problem}")

    def run(self):
        rig = self.rig
        t = rig.start_broker("a")
        t_b = rig.start_broker("b")
        log(f"rig: brokers answering (A {t:.1f} s, B {t_b:.1f} s after start), {2 * rig.writers_per_site} writers")
        tag = rig.tag.upper()
        first = rig.post("root", "a", f"Hello {tag}")
        walls = {site: rig.wall(site) for site in SITES}
        for site, wall in walls.items():
            ok, screen, _ = wall.wait_for(lambda s: f"Hello {tag}" in s and NOT_ANSWERING not in s, 30, step=0.1)
            if not ok:
                raise RuntimeError(f"wall {site.upper()} did not show the first story:\n{screen}")
        self.cross_site_post(walls, tag)
        self.five_stories()
        self.restart()
        self.cut(walls, tag)
        for key in list(rig.brokers):
            rig.stop_broker(key)
        self.bad_input()
        return first

    # a. ---------------------------------------------------------------------------------------
    def cross_site_post(self, walls, tag):
        rig = self.rig
        title = f"From A {tag}"
        t0 = time.monotonic()
        rig.post(rig.writers["a"][0], "a", title)
        acknowledged = time.monotonic()
        ok, screen, seconds = walls["b"].wait_for(lambda s: title in s, 10)
        # Behaviour is asserted (it arrives, pushed); the time is a figure beside the goal,
        # not a failure: this runs beside other suites on loaded CI cores (pg_sites_bench.py measures it).
        problems = [] if ok else [f"not on B's wall within 10 s:\n{screen}"]
        self.check("a cross-site post", problems,
                   f"post at A acknowledged → on B's wall {seconds * 1000:.0f} ms (the post took {(acknowledged - t0) * 1000:.0f} ms) "
                   f"[goal ≤ 1 s: {'met' if seconds <= 1.0 else 'MISSED'}]")

    # b. ---------------------------------------------------------------------------------------
    def five_stories(self):
        rig = self.rig
        stories = [rig.post("root", SITES[k % 2], f"Vote {k} {rig.tag}") for k in range(5)]
        t0 = time.monotonic()
        writers, stop = vote_storm(rig, stories, every=0)
        for writer in writers:
            writer.join(180)
        seconds = time.monotonic() - t0
        stop.set()
        problems, summary, _ = verify_votes(rig, writers, stories, require_all=True)
        expected = 2 * rig.writers_per_site * len(stories)
        asked = sum(len(w.attempts) for w in writers)
        if asked != expected:
            problems.append(f"{asked} votes asked, expected {expected} (writers stuck?)")
        self.check("b 16 writers on 5 stories", problems, f"{summary} in {seconds:.1f} s")

    # c. ---------------------------------------------------------------------------------------
    def restart(self):
        rig = self.rig
        stories = [rig.post("root", SITES[k % 2], f"Restart {k} {rig.tag}") for k in range(30)]
        writers, stop = vote_storm(rig, stories, every=0.5)
        time.sleep(4)
        t0 = time.monotonic()
        rig.pg_ctl("restart", "-m", "fast")
        restarted = time.monotonic()
        time.sleep(10)
        finish(writers, stop)
        problems, summary, failures = verify_votes(rig, writers, stories)
        after = [a for w in writers for a in w.attempts if a[1] > restarted and a[3] == 0]
        recovered = min((a[2] for a in after), default=None)
        if recovered is None:
            problems.append("no vote acknowledged after PostgreSQL came back")
        sites_after = {w.site for w in writers for a in w.attempts if a[1] > restarted + 5 and a[3] == 0}
        if sites_after != set(SITES):
            problems.append(f"writes acknowledged again 5 s after the restart only at {sorted(sites_after)}")
        figure = (f"{summary}; restart took {(restarted - t0) * 1000:.0f} ms; first vote acknowledged "
                  + (f"{(recovered - restarted) * 1000:.0f} ms after it" if recovered else "never"))
        self.check("c PostgreSQL restart", problems, figure)

    # d. ---------------------------------------------------------------------------------------
    def cut(self, walls, tag):
        rig = self.rig
        cut = self.cut_seconds
        before, settle = 4, 8
        stories = [rig.post("root", SITES[k % 2], f"Cut {k} {rig.tag}") for k in range(50)]
        visible = self.visible_count()
        for site, wall in walls.items():
            ok, screen, _ = wall.wait_for(lambda s: shown_count(s) == visible, 10, step=0.1)
            if not ok:
                self.check("d site A cut (setup)", [f"{site.upper()}'s wall never showed the {visible} stories before the cut:\n{screen}"], "")
        writers, stop = vote_storm(rig, stories, every=(before + cut + settle) / len(stories))
        time.sleep(before)
        problems = []
        run(["ip", "-n", "spot-a", "link", "set", "spa0", "down"])
        t_cut = time.monotonic()
        count_before = shown_count(walls["a"].screen())   # what A's wall had when its link went (votes re-read it until then)
        ok, screen, status_after = walls["a"].wait_for(lambda s: NOT_ANSWERING in s, cut - 2, step=0.1)
        if not ok:
            problems.append(f"A's wall shows no '{NOT_ANSWERING}' status during the cut:\n{screen}")
        # B keeps working: a story posted there during the cut (after the server let go of A's locks).
        time.sleep(max(0.0, t_cut + cut / 2 - time.monotonic()))
        cut_title = f"During cut {tag}"
        t_post = time.monotonic()
        post = rig.client("root", ["post", "--title", cut_title, "--hero", "Site Hero", "--body", "Posted at B while A was cut off."],
                          site="b", check=False, timeout=60)
        post_seconds = time.monotonic() - t_post
        if post.returncode != 0:
            problems.append(f"a post at B during the cut failed: {post.stderr.strip()}")
        else:
            # Looked for at once: the ticker moves on every 6 s, so the headline is not on screen for ever.
            ok, screen, _ = walls["b"].wait_for(lambda s: cut_title in s and NOT_ANSWERING not in s, 5, step=0.1)
            if not ok:
                problems.append(f"B's post during the cut is not on B's wall within 5 s:\n{screen}")
        time.sleep(max(0.0, t_cut + cut - 1 - time.monotonic()))
        screen_a, screen_b = walls["a"].screen(), walls["b"].screen()
        if NOT_ANSWERING not in screen_a or shown_count(screen_a) != count_before:
            problems.append(f"A's wall near the cut's end: status {'shown' if NOT_ANSWERING in screen_a else 'missing'}, "
                            f"{shown_count(screen_a)} stories (it had {count_before} when the link went):\n{screen_a}")
        if NOT_ANSWERING in screen_b:
            problems.append(f"B's wall near the cut's end shows a status:\n{screen_b}")
        run(["ip", "-n", "spot-a", "link", "set", "spa0", "up"])
        t_up = time.monotonic()
        visible = self.visible_count()

        first_seen = {}   # when each part of "converged" first held, for the figure

        def converged(screen):
            parts = {"B's post": cut_title in screen, "no status": NOT_ANSWERING not in screen,
                     f"{visible} stories": shown_count(screen) == visible}
            for name, holds in parts.items():
                if holds and name not in first_seen:
                    first_seen[name] = time.monotonic() - t_up
            # B's post is in the story count; its headline may be on screen only for a moment (the
            # ticker turns its page on a fixed 6 s beat, and a new first headline resets only the
            # offset), so when it was seen is a figure, not part of the condition.
            return parts["no status"] and parts[f"{visible} stories"]
        # Convergence: the status gone and A's wall counting every story the database has (B's
        # post made during the cut included). Waits well past the goal, so a late convergence is measured rather than only reported missing.
        ok, screen, seconds = walls["a"].wait_for(converged, 40, step=0.02)
        if not ok:
            seen = ", ".join(f"{name} after {at:.1f} s" for name, at in first_seen.items()) or "none of it"
            problems.append(f"A's wall did not show the database's state ({visible} stories, B's '{cut_title}', no status) "
                            f"within 40 s of the link's return (each part first seen: {seen}):\n{screen}")
        # B's wall had B's post long ago; its ticker may have paged past it since (every 6 s).
        ok_b, screen_b, _ = walls["b"].wait_for(lambda s: NOT_ANSWERING not in s and shown_count(s) == visible, 2, step=0.05)
        if not ok_b:
            problems.append(f"B's wall does not show the database's state ({visible} stories) after the cut:\n{screen_b}")
        time.sleep(max(0.0, t_up + settle - 1 - time.monotonic()))
        finish(writers, stop)

        vote_problems, summary, _ = verify_votes(rig, writers, stories)
        problems += vote_problems
        b_attempts = [a for w in writers if w.site == "b" for a in w.attempts]
        a_attempts = [a for w in writers if w.site == "a" for a in w.attempts]
        during = [a for a in b_attempts if t_cut <= a[1] < t_up]
        late_b_failures = [a for a in during if a[1] >= t_cut + 20 and a[3] != 0]
        if late_b_failures:
            problems.append(f"{len(late_b_failures)} B votes started 20 s or more into the cut failed, e.g. {late_b_failures[0][4].strip()}")
        if not any(a[3] == 0 for a in during):
            problems.append("no B vote acknowledged during the cut")
        b_blocked = max((a[2] for a in during if a[3] != 0 or a[2] - a[1] > 2), default=t_cut) - t_cut
        # A vote at A that started and ended while the link was down cannot have reached PostgreSQL.
        a_acked_during = [a for a in a_attempts if t_cut + 1 <= a[1] and a[2] < t_up and a[3] == 0]
        if a_acked_during:
            problems.append(f"{len(a_acked_during)} votes at A acknowledged while its link was down")
        a_after = [a for a in a_attempts if a[1] >= t_up + 2 and a[3] == 0]
        if not a_after:
            problems.append("no vote at A acknowledged 2 s after the link returned")
        post_seen = first_seen.get("B's post")
        slowest_a_failure = max((a[2] - a[1] for a in a_attempts if t_cut <= a[1] < t_up and a[3] != 0), default=0)
        self.check("d site A cut", problems,
                   f"{cut} s cut: {summary}; A's wall status "
                   + (f"{status_after * 1000:.0f} ms after the cut" if status_after < cut - 2 else "never")
                   + f"; B slowed or failed until {b_blocked:.1f} s into the cut; B's post during the cut {post_seconds * 1000:.0f} ms; "
                   f"A's failures took ≤ {slowest_a_failure:.1f} s each; A's wall "
                   + (f"converged {seconds * 1000:.0f} ms after the link returned [goal ≤ 2 s: {'met' if seconds <= 2.0 else 'MISSED'}]"
                      if ok else "did not converge in 40 s")
                   + (f" (B's post seen on A's wall {post_seen:.1f} s after)" if post_seen is not None else ""))

    def visible_count(self):
        return int(self.rig.psql("SELECT count(*) FROM stories WHERE status = 'visible'"))

    # e. ---------------------------------------------------------------------------------------
    def fingerprint(self, database):
        """Every table of `database` with its row count (what 'nothing written' compares)."""
        tables = self.rig.psql("SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace "
                               "ORDER BY relname", database=database).split()
        counts = [self.rig.psql(f'SELECT count(*) FROM "{t}"', database=database) for t in tables]
        audit = self.rig.psql("SELECT coalesce(max(id), 0) FROM audit", database=database) if "audit" in tables else ""
        return list(zip(tables, counts)), audit

    def refused(self, name, site, argv, database, expect):
        before = self.fingerprint(database)
        t0 = time.monotonic()
        try:
            result = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=self.rig.plain_env, cwd="/")
            code, err = result.returncode, result.stderr
        except subprocess.TimeoutExpired:
            code, err = "hung", "(still running after 120 s)"
        seconds = time.monotonic() - t0
        problems = []
        line = one_line(err)
        if code == 0 or code == "hung":
            problems.append(f"serve did not exit nonzero (exit {code}): {err.strip()[:300]}")
        if line is None:
            problems.append(f"not one line: {err.strip()[:400]!r}")
        elif not re.search(expect, line, re.I):
            problems.append(f"the line does not say what is wrong ({expect}): {line}")
        after = self.fingerprint(database)
        if after != before:
            problems.append(f"something was written: {before} → {after}")
        self.check(f"e {name}", problems, f"exit {code} in {seconds:.1f} s: {line or err.strip()[:200]}")

    def bad_input(self):
        rig = self.rig
        # A wrong password, in a file the service account owns with the right mode.
        uid, gid = rig.ids(rig.service)
        wrong = os.path.join(os.path.dirname(rig.password_file), "wrong")
        with open(wrong, "w") as f:
            f.write("not-the-password\n")
        os.chown(wrong, uid, gid)
        os.chmod(wrong, 0o600)
        socket = os.path.join(rig.rundir, "e.sock")
        self.refused("wrong password", "a", rig.serve_argv("a", password_file=wrong, socket=socket), "spotlight",
                     r"password")
        # An unreachable host: a name that resolves, routed towards spot-db, which forwards nothing.
        with open("/etc/netns/spot-a/hosts", "a") as hosts:
            hosts.write("10.213.9.9 nowhere.spotlight.test\n")
        run(["ip", "-n", "spot-a", "route", "add", "10.213.9.0/24", "via", "10.213.1.1"])
        self.refused("unreachable host", "a", rig.serve_argv("a", host="nowhere.spotlight.test", socket=socket), "spotlight",
                     r"reach|answer")
        # Someone else's tables.
        rig.psql("CREATE DATABASE foreign_app OWNER spotlight", database="postgres")
        rig.psql("SET ROLE spotlight; CREATE TABLE orders(id bigint PRIMARY KEY, item text)", database="foreign_app")
        rig.allow_database("foreign_app")
        self.refused("someone else's tables", "a", rig.serve_argv("a", database="foreign_app", socket=socket), "foreign_app",
                     r"table|orders|not a .*board|someone")
        # A newer schema, in a copy of the board.
        rig.psql("CREATE DATABASE spotlight_newer TEMPLATE spotlight OWNER spotlight", database="postgres")
        rig.psql("UPDATE spotlight_board SET schema_version = 99", database="spotlight_newer")
        rig.allow_database("spotlight_newer")
        self.refused("newer schema", "b", rig.serve_argv("b", database="spotlight_newer", socket=socket), "spotlight_newer",
                     r"newer|version|upgrade")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.environ.get("SPOTLIGHT_TEST_BINARY"))
    parser.add_argument("--pgbin", default=os.environ.get("SPOTLIGHT_PGBIN") or default_pgbin())
    parser.add_argument("--cut", type=int, default=30, help="seconds site A is cut off (default 30)")
    args = parser.parse_args()
    if not args.bin or not os.access(args.bin, os.X_OK):
        sys.exit("two_sites.py: give the spotlight binary (built with PostgreSQL support) with --bin or SPOTLIGHT_TEST_BINARY")
    if not args.pgbin:
        sys.exit("two_sites.py: no PostgreSQL programs: install Debian's postgresql or give --pgbin")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("two_sites.py: stopped by SIGTERM"))
    rig = Rig(args.bin, args.pgbin)
    proof = Proof(rig, args.cut)
    started = time.monotonic()
    try:
        rig.up()
        proof.run()
    except Exception as error:  # a step that could not even run is a failed check too
        proof.failed.append(f"FAILED setup/run: {type(error).__name__}: {error}")
        log(proof.failed[-1])
    finally:
        if proof.failed:
            for name in sorted(os.listdir(rig.work)) if os.path.isdir(rig.work) else []:
                if not (name.startswith("broker-") and name.endswith(".log")):
                    continue
                key = name[len("broker-"):-len(".log")]
                # Its own lines, not the connection lines of every writer.
                said = [line for line in rig.broker_log(key).splitlines() if "connection from" not in line]
                log(f"broker {key} log (tail): {chr(10).join(said[-12:])[-1600:]!r}")
        rig.down()
    log(f"two sites: {'all checks passed' if not proof.failed else f'{len(proof.failed)} checks failed'} "
        f"in {time.monotonic() - started:.0f} s")
    return 0 if not proof.failed else 1


if __name__ == "__main__":
    sys.exit(main())
