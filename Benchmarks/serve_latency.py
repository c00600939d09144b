#!/usr/bin/env python3
"""Save-to-reload latency of `bulletin serve` beside `hugo server`, in one run, in a real browser.

For each tool: start the server and time it until the page is served; open one meeting
record's page in headless Chromium (driven through chromedriver's W3C WebDriver JSON API,
with urllib only); save that record with a new title as an editor does (a temporary file
beside it, then a rename) and time, from just before the rename, until the reloaded page's
DOMContentLoaded has ended (the page's own clock: performance.timeOrigin plus the navigation
entry's domContentLoadedEventEnd). Edits alternate between the tools, A B A B, so drift on a
shared machine touches both. Then the first edit after a start from scratch (bulletin's
folder deleted), and bulletin's resident memory and open descriptors after 10 and 1,000
rebuilds.

Usage (Benchmarks/serve.sh runs it with everything prepared):
  serve_latency.py --bulletin BIN --templates DIR --corpus DIR --hugo BIN --hugo-site DIR --work DIR
Python 3 standard library only.
"""
import argparse
import json
import math
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

RECORD_SCRIPT = """
var h = document.querySelector('h1');
var n = performance.getEntriesByType('navigation')[0];
var o = performance.timeOrigin;
return [h ? h.textContent : document.title,
        n && n.domContentLoadedEventEnd > 0 ? o + n.domContentLoadedEventEnd : null,
        o, n ? o + n.responseStart : null, n ? o + n.responseEnd : null];
"""


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url, timeout=5.0):
    """(status, body) or (None, None) while nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError):
        return None, None


# --- WebDriver over urllib ---------------------------------------------------------------

class WebDriver:
    def __init__(self, binary, chromium):
        self.port = free_port()
        self.chromium = chromium
        self.proc = subprocess.Popen([binary, f"--port={self.port}", "--allowed-ips=127.0.0.1"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if self.call("GET", "/status", timeout=2).get("ready"):
                    return
            except Exception:
                pass
            time.sleep(0.1)
        raise RuntimeError("chromedriver did not start")

    def call(self, method, path, body=None, timeout=120):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read())["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"webdriver {method} {path}: {e.code} {e.read()[:400]!r}") from None

    def session(self):
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "goog:chromeOptions": {"binary": self.chromium,
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                            "--disable-dev-shm-usage", "--window-size=1000,800"]}}}}
        value = self.call("POST", "/session", caps)
        return Browser(self, value["sessionId"])

    def quit(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Browser:
    def __init__(self, driver, sid):
        self.driver, self.sid = driver, sid

    def open(self, url):
        self.driver.call("POST", f"/session/{self.sid}/url", {"url": url})

    def run(self, script, args=()):
        return self.driver.call("POST", f"/session/{self.sid}/execute/sync", {"script": script, "args": list(args)})

    def close(self):
        try:
            self.driver.call("DELETE", f"/session/{self.sid}", timeout=30)
        except Exception as e:  # a browser that is gone already is closed
            log("closing browser:", e)


# --- servers -------------------------------------------------------------------------------

class Server:
    """A server process whose merged stdout/stderr lines are kept with the time each came."""

    def __init__(self, name, argv, cwd, env, logfile, ready_pattern, built_pattern):
        self.name, self.argv, self.cwd, self.env = name, argv, cwd, env
        self.logfile = logfile
        self.ready_re, self.built_re = re.compile(ready_pattern), re.compile(built_pattern)
        self.lines = []
        self.cond = threading.Condition()
        self.proc = None

    def start(self):
        self.lines = []
        out = open(self.logfile, "a")
        out.write(f"=== {time.strftime('%H:%M:%S')} {' '.join(self.argv)}\n")
        self.started = time.time()
        self.proc = subprocess.Popen(self.argv, cwd=self.cwd, env=self.env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                                     errors="replace", bufsize=1)

        def pump(proc=self.proc):
            for line in proc.stdout:
                now = time.time()
                out.write(f"{now - self.started:9.3f} {line}")
                out.flush()
                with self.cond:
                    self.lines.append((now, line.rstrip("\n")))
                    self.cond.notify_all()
            out.close()

        self.pump = threading.Thread(target=pump, daemon=True)
        self.pump.start()

    @property
    def pid(self):
        return self.proc.pid

    def wait_line(self, regex, start_index=0, timeout=600):
        """(time, match, index) of the first line from start_index matching regex."""
        deadline = time.time() + timeout
        index = start_index
        with self.cond:
            while True:
                while index < len(self.lines):
                    t, line = self.lines[index]
                    m = regex.search(line)
                    if m:
                        return t, m, index
                    index += 1
                if self.proc.poll() is not None:
                    raise RuntimeError(f"{self.name} exited ({self.proc.returncode}); see {self.logfile}")
                left = deadline - time.time()
                if left <= 0:
                    raise TimeoutError(f"{self.name}: no line matching {regex.pattern!r}")
                self.cond.wait(min(left, 0.5))

    def mark(self):
        with self.cond:
            return len(self.lines)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc:
            self.pump.join(5)

    def status(self):
        """VmRSS and VmHWM in MiB and the number of open descriptors."""
        fields = {}
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    fields[key] = int(value.split()[0]) / 1024
        fields["fds"] = len(os.listdir(f"/proc/{self.pid}/fd"))
        return fields


class Tool:
    def __init__(self, name, server, source, page_url):
        self.name, self.server, self.source, self.page_url = name, server, source, page_url
        with open(source, encoding="utf-8") as f:
            self.original = f.read()
        self.browser = None
        self.edits = []          # per edit: dict of times in ms after t0
        self.counter = 0
        self.gate = True         # poll the browser only once the build line has come

    def start(self):
        """Starts the server; returns (ms to the ready line, ms to the first page served after it)."""
        self.server.start()
        t_ready, _, _ = self.server.wait_line(self.server.ready_re, timeout=900)
        while True:
            status, body = http_get(self.page_url)
            if status == 200:
                break
            if self.server.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited during start")
            time.sleep(0.01)
        t_page = time.time()
        return (t_ready - self.server.started) * 1000, (t_page - self.server.started) * 1000

    def save(self, title):
        """Writes the record with `title` as an editor does; returns t0, taken just before the rename."""
        text, n = re.subn(r'(?m)^title: .*$', lambda _: f'title: "{title}"', self.original, count=1)
        assert n == 1, "no title line"
        folder, name = os.path.split(self.source)
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")  # both watchers skip .tmp
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(text)
        t0 = time.time()
        os.replace(temporary, self.source)
        return t0

    def stop(self):
        self.server.stop()

    def restore(self):
        with open(self.source, "w", encoding="utf-8") as f:
            f.write(self.original)

    def next_title(self, tag):
        self.counter += 1
        return f"Latency probe {self.name} {tag} {self.counter} {os.getpid()}-{int(time.time() * 1000) % 100000}"

    def measured_edit(self, tag, timeout):
        """One save, followed in the browser until the new title shows."""
        title = self.next_title(tag)
        mark = self.server.mark()
        t0 = self.save(title)
        deadline = t0 + timeout
        built = None
        if self.gate:
            # Polling costs about a quarter of a core (chromedriver and Chromium); on two cores
            # that would slow the build being measured. The page reloads by itself whether
            # polled or not, and the latency is read from its own clock, so polling starts
            # once the server has logged the build.
            try:
                built = self.server.wait_line(self.server.built_re, mark, timeout=timeout)
            except (TimeoutError, RuntimeError):
                pass
        tick = 0
        result = None
        while time.time() < deadline:
            if self.server.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited ({self.server.proc.returncode}) after the save")
            r = self.browser.run(RECORD_SCRIPT)
            if r and r[0] and title in r[0] and r[1]:
                result = r
                observed = time.time()
                break
            tick += 1
            pause = (built[0] if built else t0) + tick * 0.010 - time.time()
            if pause > 0:
                time.sleep(pause)
        if result is None:
            return {"timeout": True}
        t0ms = t0 * 1000
        entry = {"latency": result[1] - t0ms, "observed": (observed - t0) * 1000,
                 "nav_start": result[2] - t0ms, "response_start": (result[3] or 0) - t0ms,
                 "response_end": (result[4] or 0) - t0ms}
        try:  # the build's own line, if it has come by now
            t_built, m, _ = built or self.server.wait_line(self.server.built_re, mark, timeout=2)
            entry["built_line"] = (t_built - t0) * 1000
            entry["build_ms"] = float(m.group(1))
        except (TimeoutError, RuntimeError):
            pass
        return entry


# --- statistics ------------------------------------------------------------------------------

def pct(values, p):
    """Nearest-rank percentile."""
    v = sorted(values)
    return v[max(0, math.ceil(p / 100 * len(v)) - 1)]


def med(values):
    return statistics.median(values) if values else float("nan")


def summary(values):
    return (med(values), pct(values, 95), max(values)) if values else (float("nan"),) * 3


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# --- the run -------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bulletin", required=True)
    ap.add_argument("--templates", required=True)
    ap.add_argument("--corpus", required=True, help="a copy of the corpus: its record gets edited")
    ap.add_argument("--hugo", required=True)
    ap.add_argument("--hugo-site", required=True, help="a prepared Hugo site: its record gets edited")
    ap.add_argument("--work", required=True, help="logs and bulletin's TMPDIR go here")
    ap.add_argument("--out", help="the results table is written here too")
    ap.add_argument("--label", default="", help="a first line for the table: versions, corpus, machine")
    ap.add_argument("--now", default="2025-01-01")
    ap.add_argument("--edits", type=int, default=50)
    ap.add_argument("--pause", type=float, default=0.3, help="seconds between edits")
    ap.add_argument("--first-edit-rounds", type=int, default=3)
    ap.add_argument("--rebuilds", type=int, default=1000)
    ap.add_argument("--hugo-disable-fast-render", action="store_true",
                    help="run hugo server with --disableFastRender (default: Hugo's default, fast render)")
    ap.add_argument("--poll-from-save", action="store_true",
                    help="poll the browser every 10 ms from the save on, not from the server's build line on")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    a = ap.parse_args()

    work = os.path.abspath(a.work)
    os.makedirs(work, exist_ok=True)
    corpus, site = os.path.abspath(a.corpus), os.path.abspath(a.hugo_site)
    # bulletin serve keeps its folder under $TMPDIR/bulletin-serve-<uid>/<hash>; a TMPDIR of
    # this run's own lets a start from scratch delete that folder and no other server's.
    serve_tmp = os.path.join(work, "tmp")
    os.makedirs(serve_tmp, exist_ok=True)
    private = os.path.join(serve_tmp, f"bulletin-serve-{os.getuid()}")

    meetings = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(corpus, "communities"))
                      if os.path.basename(d) == "meetings" for f in fs if f.endswith(".md"))
    record = meetings[0]
    rel = os.path.relpath(record, corpus)                       # communities/<c>/meetings/<date>-<slug>.md
    community, _, filename = rel.split(os.sep)[1:4]
    stem = filename[:-3]
    slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", stem)
    hugo_source = os.path.join(site, "content", rel)
    assert os.path.exists(hugo_source), hugo_source

    bport, hport = free_port(), free_port()
    benv = dict(os.environ, TMPDIR=serve_tmp)
    bulletin = Tool("bulletin", Server(
        "bulletin", [a.bulletin, "serve", "--content", corpus, "--templates", os.path.abspath(a.templates),
                     "--port", str(bport), "--now", a.now],
        work, benv, os.path.join(work, "bulletin-serve.log"),
        r"^Serving ", r"^Built \d+ files in (\d+) ms"),
        record, f"http://127.0.0.1:{bport}/communities/{community}/meetings/{slug}/")
    hargs = [a.hugo, "server", "--port", str(hport), "--bind", "127.0.0.1"]
    if a.hugo_disable_fast_render:
        hargs.append("--disableFastRender")
    hugo = Tool("hugo", Server(
        "hugo", hargs, site, dict(os.environ), os.path.join(work, "hugo-server.log"),
        r"Web Server is available at", r"^Total in (\d+) ms"),
        hugo_source, f"http://127.0.0.1:{hport}/communities/{community}/meetings/{stem}/")
    tools = [bulletin, hugo]
    for tool in tools:
        tool.gate = not a.poll_from_save
    loads = [loadavg()]
    log(f"record {rel}; bulletin {bulletin.page_url}; hugo {hugo.page_url}; load {loads[0]}")

    driver = WebDriver(a.chromedriver, a.chromium)
    results = {}
    try:
        # 1. Start both, one after the other, bulletin from scratch.
        shutil.rmtree(private, ignore_errors=True)
        startup = {}
        for tool in tools:
            startup[tool.name] = tool.start()
            log(f"{tool.name} started: ready line {startup[tool.name][0]:.0f} ms, page {startup[tool.name][1]:.0f} ms")
        # 2. The record open in a browser of each tool's own.
        for tool in tools:
            tool.browser = driver.session()
            tool.browser.open(tool.page_url)
            title = tool.browser.run(RECORD_SCRIPT)[0]
            assert title and title.strip(), f"{tool.name}: no title on {tool.page_url}"
        time.sleep(2)
        # The first edit after the cold start is part 4's subject, not the steady state: one
        # edit each, reported with the first edits after start.
        warmup = {}
        for tool in tools:
            warmup[tool.name] = tool.measured_edit("warm-up", 300)
            log(f"{tool.name} first edit after the cold start: {warmup[tool.name]}")
            time.sleep(a.pause)
        # 3. Edits, A B A B.
        for i in range(a.edits):
            for tool in tools:
                entry = tool.measured_edit("edit", 60 if tool is bulletin else 300)
                tool.edits.append(entry)
                log(f"edit {i + 1:3d} {tool.name:8s} " + (
                    "TIMEOUT" if entry.get("timeout") else
                    f"{entry['latency']:8.1f} ms (polled {entry['observed']:.0f}, build line {entry.get('built_line', float('nan')):.0f})"))
                time.sleep(a.pause)
        loads.append(loadavg())
        results["after_edits"] = {t.name: t.server.status() for t in tools}
        for tool in tools:
            tool.browser.close()
            tool.browser = None
        hugo.stop()
        hugo.restore()

        # 4. First edit after a start from scratch, alternating with hugo's first edit after a start.
        first = {"bulletin": [warmup["bulletin"]], "hugo": [warmup["hugo"]]}
        restarts = {"bulletin": [], "hugo": []}
        bulletin.stop()
        for r in range(a.first_edit_rounds):
            for tool in tools:
                try:
                    if tool is bulletin:
                        shutil.rmtree(private, ignore_errors=True)
                    restarts[tool.name].append(tool.start())
                    tool.browser = driver.session()
                    tool.browser.open(tool.page_url)
                    # chromedriver returns once the page has loaded; the first save follows at once
                    entry = tool.measured_edit(f"first-{r}", 60 if tool is bulletin else 300)
                except Exception as e:
                    entry = {"error": f"{type(e).__name__}: {e}"}
                first[tool.name].append(entry)
                log(f"restart {r + 1} {tool.name}: start {restarts[tool.name][-1:]}, first edit {entry}")
                if tool.browser:
                    tool.browser.close()
                    tool.browser = None
                tool.stop()
                tool.restore()
                time.sleep(a.pause)
        # A start with the folder kept from the run before (as the next morning), and its first edit.
        try:
            warm_start = bulletin.start()
            bulletin.browser = driver.session()
            bulletin.browser.open(bulletin.page_url)
            warm_edit = bulletin.measured_edit("warm", 60)
        except Exception as e:
            warm_start, warm_edit = None, {"error": f"{type(e).__name__}: {e}"}
        log(f"bulletin start with its folder kept: {warm_start}, first edit {warm_edit}")
        if bulletin.browser:
            bulletin.browser.close()
            bulletin.browser = None
        bulletin.stop()
        bulletin.restore()
        loads.append(loadavg())

        # 5. Memory over many rebuilds: a fresh server started from scratch, each save waited for by its Built line.
        b = bulletin.server
        memory, build_ms, memory_error = {}, [], None
        try:
            shutil.rmtree(private, ignore_errors=True)
            bulletin.start()
            memory[0] = b.status()
            for n in range(1, a.rebuilds + 1):
                mark = b.mark()
                bulletin.save(bulletin.next_title("rebuild"))
                _, m, _ = b.wait_line(b.built_re, mark, timeout=120)
                build_ms.append(float(m.group(1)))
                if n in (10, 100, a.rebuilds):
                    time.sleep(0.2)
                    memory[n] = b.status()
                    log(f"after {n} rebuilds: {memory[n]}")
        except Exception as e:
            memory_error = f"after {len(build_ms)} rebuilds: {type(e).__name__}: {e}"
            log(memory_error)
        loads.append(loadavg())
        bulletin.stop()
        bulletin.restore()
    finally:
        for tool in tools:
            if tool.browser:
                tool.browser.close()
            tool.server.stop()
            tool.restore()
        driver.quit()

    # --- the table ---
    out = []
    p = out.append
    if a.label:
        p(a.label)
    p(f"bulletin serve vs hugo server: save-to-reload latency, {a.edits} edits each alternating, record {rel}")
    p(f"latency = reloaded page's domContentLoadedEventEnd (epoch ms) - t0 (just before the rename); p95 nearest rank; "
      f"browser polled every 10 ms from {'the save' if a.poll_from_save else 'the server logging its build'} on")
    p(f"hugo server {'--disableFastRender' if a.hugo_disable_fast_render else '(default: fast render mode, pages rendered to disk)'}; "
      f"{os.cpu_count()} cores; load average (1/5/15 min) at start, after edits, after restarts, after rebuilds: {' | '.join(loads)}")
    p("")
    p(f"{'':34s} {'p50':>9s} {'p95':>9s} {'max':>9s}  {'n':>3s}")
    ok = {}
    for tool in tools:
        good = [e for e in tool.edits if not e.get("timeout")]
        ok[tool.name] = good
        for key, label in (("latency", "save -> DOMContentLoaded"), ("observed", "save -> seen by polling"),
                           ("nav_start", "save -> reload starts"), ("built_line", "save -> build done line")):
            vals = [e[key] for e in good if key in e]
            s = summary(vals)
            p(f"{tool.name + ' ' + label:34s} {s[0]:7.0f}ms {s[1]:7.0f}ms {s[2]:7.0f}ms  {len(vals):3d}")
        vals = [e["build_ms"] for e in good if "build_ms" in e]
        s = summary(vals)
        p(f"{tool.name + ' build time it reports':34s} {s[0]:7.0f}ms {s[1]:7.0f}ms {s[2]:7.0f}ms  {len(vals):3d}")
        timeouts = len(tool.edits) - len(good)
        if timeouts:
            p(f"{tool.name}: {timeouts} edits timed out")
    bl = [e["latency"] for e in ok["bulletin"]]
    hl = [e["latency"] for e in ok["hugo"]]
    ratio = med(bl) / med(hl) if bl and hl else float("nan")
    p(f"ratio of p50s bulletin/hugo: {ratio:.4f}  (bulletin p50 {med(bl):.0f} ms, hugo p50 {med(hl):.0f} ms)")
    p("")

    def fmt_start(s):
        return f"{s[1]:.0f} ms (ready line {s[0]:.0f})"
    p(f"startup, process start -> first page served (bulletin from scratch):")
    for tool in tools:
        p(f"  {tool.name:8s} first start {fmt_start(startup[tool.name])}; restarts: "
          + ", ".join(fmt_start(s) for s in restarts[tool.name]))
    def fmt_edit(e):
        if e.get("error"):
            return f"FAILED ({e['error']})"
        if e.get("timeout"):
            return "timeout"
        return f"{e['latency']:.0f} ms (build line {e.get('built_line', float('nan')):.0f})"
    p("first edit after start, save -> DOMContentLoaded (bulletin: its folder deleted before each start;"
      " the first is the run's opening edit, after hugo's start):")
    for tool in tools:
        p(f"  {tool.name:8s} " + ", ".join(fmt_edit(e) for e in first[tool.name]))
    p(f"bulletin start with its folder kept: " + (fmt_start(warm_start) if warm_start else "FAILED")
      + f"; its first edit: {fmt_edit(warm_edit)}")
    p("")
    p(f"bulletin serve memory and descriptors (a fresh server started from scratch; {a.rebuilds} saves, each waited for):")
    if memory_error:
        p(f"  FAILED {memory_error}")
    for n, s in memory.items():
        p(f"  after {n:5d} rebuilds: VmRSS {s['VmRSS']:7.1f} MiB  VmHWM {s['VmHWM']:7.1f} MiB  fds {s['fds']}")
    if 10 in memory and a.rebuilds in memory:
        growth = (memory[a.rebuilds]["VmRSS"] / memory[10]["VmRSS"] - 1) * 100
        p(f"  RSS growth {10} -> {a.rebuilds}: {growth:+.1f} %")
    first10, last10 = build_ms[:10], build_ms[-10:]
    if build_ms:
        p(f"  reported build time, median of rebuilds 1-10: {med(first10):.0f} ms, of the last 10: {med(last10):.0f} ms, "
          f"all: p50 {med(build_ms):.0f} p95 {pct(build_ms, 95):.0f} max {max(build_ms):.0f} ms")
    after = results["after_edits"]
    p(f"after the edits: bulletin VmRSS {after['bulletin']['VmRSS']:.0f} MiB (fds {after['bulletin']['fds']}), "
      f"hugo VmRSS {after['hugo']['VmRSS']:.0f} MiB (peak {after['hugo']['VmHWM']:.0f}, fds {after['hugo']['fds']})")
    p("")
    p0, p95 = med(bl), pct(bl, 95) if bl else float("nan")
    firsts = [e["latency"] for e in first["bulletin"][1:] if "latency" in e]
    checks = [("p50 <= 150 ms", p0 <= 150), ("p95 <= 300 ms", p95 <= 300), ("p50 <= half of hugo's", ratio <= 0.5),
              ("first edit after start <= 300 ms",
               len(firsts) == len(first["bulletin"]) - 1 and bool(firsts) and max(firsts) <= 300)]
    if 10 in memory and a.rebuilds in memory:
        checks.append((f"RSS after {a.rebuilds} within 10 % of after 10", abs(growth) <= 10))
    p("targets: " + "; ".join(f"{name}: {'met' if good else 'NOT met'}" for name, good in checks))
    table = "\n".join(out)
    print(table)
    if a.out:
        with open(a.out, "w") as f:
            f.write(table + "\n")
    with open(os.path.join(work, "serve-latency.json"), "w") as f:
        json.dump({"edits": {t.name: t.edits for t in tools}, "first": first, "startup": startup,
                   "warm_start": warm_start, "warm_edit": warm_edit, "memory_error": memory_error,
                   "restarts": restarts, "memory": {str(k): v for k, v in memory.items()},
                   "build_ms": build_ms, "loads": loads}, f, indent=1)


if __name__ == "__main__":
    main()
