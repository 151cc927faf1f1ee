"""Serve one synthetic store with the project (SQLite and PostgreSQL) and with Datasette, drive
each with wrk on 127.0.0.1, interleaved over rounds, and print every ratio of issue 10's table.

    python bench/build_store.py --url sqlite:////tmp/bench.db --events 1000000
    python bench/build_store.py --url postgresql://postgres@127.0.0.1:5432/bench --events 1000000
    python bench/bench_serve.py --sqlite /tmp/bench.db --pg postgresql://postgres@127.0.0.1:5432/bench

Both stores must come from the same build (same --events and --seed). The project is served as
`timeline serve` serves it (gunicorn, gthread workers); Datasette (a bench-only dependency:
`pip install datasette`) serves the same SQLite file. Every wrk run is bounded (--seconds, one
connection per thread), every server is stopped at the end, and each response is checked once
before it is timed. A ratio is "ours / theirs" in requests per second (higher is better), or
for two pages of ours, the time of one over the other (lower is better). Each ratio comes from
two runs back to back, once per round; a row shows the median of the rounds and their range.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_queries import FLAT_SQL, NESTED_SQL, pick_targets  # noqa: E402

VENV_BIN = Path(sys.executable).parent


def _start(command, env=None):
    return subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def _wait_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server for {url} exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer in {seconds}s")


def _stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wrk(url, seconds, connections, threads, counted=None):
    """Requests per second (wrk), refusing a run with any error or non-2xx answer. With counted
    (a process group id), also the CPU time per request of that group and of every PostgreSQL
    process: (rps, microseconds)."""
    before = _cpu_seconds(counted) if counted else None
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency", url],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit(f"wrk saw errors on {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    if counted is None:
        return rps
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return rps, (_cpu_seconds(counted) - before) / max(requests, 1) * 1e6


def _cpu_seconds(group):
    """User + system CPU seconds of the processes of a process group and of the PostgreSQL server's
    processes (a request served from PostgreSQL costs both), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                line = stat.read()
        except OSError:
            continue
        name, fields = line[line.index("(") + 1:line.rindex(")")], line[line.rindex(")") + 2:].split()
        if int(fields[2]) == group or name.startswith("postgres"):
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def _check(url, expect_rows):
    data = json.loads(urllib.request.urlopen(url, timeout=30).read())
    rows = data["data"] if isinstance(data, dict) else data
    if len(rows) != expect_rows:
        raise SystemExit(f"{url} answered {len(rows)} rows, not {expect_rows}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", required=True, help="the SQLite file built by build_store.py")
    parser.add_argument("--pg", required=True, help="the PostgreSQL URL built by build_store.py")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=int, default=3, help="per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    targets = pick_targets(args.sqlite)
    t = targets
    print(f"store: {t['events']:,} events; participant {t['quiet_slug']} ({t['quiet_count']:,} events), busiest "
          f"{t['busy_slug']} ({t['busy_count']:,}); range {t['from']}..{t['to']}; page {t['deep_page']:,} "
          f"(cursor at row {t['deep_offset']:,}); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ports = {"sqlite": 18101, "pg": 18102, "datasette": 18103}
    servers = {}
    try:
        for name, url in (("sqlite", "sqlite:///" + str(Path(args.sqlite).resolve())), ("pg", args.pg)):
            servers[name] = _start([str(VENV_BIN / "timeline"), "serve", "--host", "127.0.0.1", "--port",
                                    str(ports[name]), "--workers", str(args.workers), "--threads", str(args.threads)],
                                   env={"DATABASE_URL": url})
        servers["datasette"] = _start([str(VENV_BIN / "datasette"), "serve", str(args.sqlite), "-h", "127.0.0.1",
                                       "-p", str(ports["datasette"]), "--setting", "sql_time_limit_ms", "20000"])
        base = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        for name, process in servers.items():
            _wait_up(base[name] + ("/healthz" if name != "datasette" else "/-/versions.json"), process)
        urls = _urls(base, targets)
        for url, rows in urls.values():
            _check(url, rows)
        for url, _ in urls.values():  # warm every cache once
            wrk(url, 2, args.connections, 2)
        ratios = {label: [] for label, *_ in PAIRS}
        rps = {key: [] for key in urls}
        cpu = {key: [] for key in urls}
        groups = {key: os.getpgid(servers[_server(key)].pid) for key in urls}
        for round_no in range(args.rounds):
            # each ratio from two runs back to back (their order alternating): the drift of a shared
            # machine's load between them stays small
            for label, top, bottom, invert, _ in PAIRS if round_no % 2 == 0 else PAIRS[::-1]:
                pair = (top, bottom) if round_no % 2 == 0 else (bottom, top)
                got = {}
                for key in pair:
                    got[key], cost = wrk(urls[key][0], args.seconds, args.connections, 2, counted=groups[key])
                    rps[key].append(got[key])
                    cpu[key].append(cost)
                ratios[label].append(got[bottom] / got[top] if invert else got[top] / got[bottom])
            print(f"round {round_no + 1} done (load average {os.getloadavg()[0]:.1f})", flush=True)
        _report(rps, ratios, cpu)
    finally:
        for process in servers.values():
            _stop(process)


def _server(key):
    return {"ds": "datasette"}.get(key.split(":")[0], key.split(":")[0])


def _urls(base, t):
    ds_db = Path(t["path"]).stem
    participant = {"participant": t["quiet_slug"], "from": t["from"], "to": t["to"], "limit": 50}
    sql_args = {"actor": t["quiet_id"], "from": t["from"], "to": t["to"]}
    urls = {}
    for engine in ("sqlite", "pg"):
        urls[f"{engine}:participant"] = (f"{base[engine]}/v1/events?{urlencode(participant)}", 50)
        urls[f"{engine}:plain"] = (f"{base[engine]}/v1/events", 50)
        urls[f"{engine}:deep"] = (f"{base[engine]}/v1/events?cursor={t['deep_cursor']}", 50)
        urls[f"{engine}:busy"] = (f"{base[engine]}/v1/events?participant={t['busy_slug']}", 50)
        urls[f"{engine}:quiet"] = (f"{base[engine]}/v1/events?participant={t['quiet_slug']}", 50)
    urls["ds:nested"] = (f"{base['datasette']}/{ds_db}.json?"
                         + urlencode({"sql": NESTED_SQL, **sql_args, "_shape": "array", "_json": "event"}), 50)
    flat = urlencode({"sql": FLAT_SQL, **sql_args, "_shape": "array"})
    urls["ds:flat"] = (f"{base['datasette']}/{ds_db}.json?{flat}", 50)
    urls["ds:table"] = (f"{base['datasette']}/{ds_db}/event.json?_nosuggest=1&_size=50&_shape=array"
                      "&_nocol=lists", 50)
    return urls


# (label, ours, theirs or our other page, ratio of times instead of rates, goal)
PAIRS = []
for _engine, _name in (("sqlite", "SQLite"), ("pg", "PostgreSQL")):
    PAIRS += [
        (f"participant + range, 50/page vs Datasette nested SQL [{_name}]", f"{_engine}:participant", "ds:nested",
         False, ">= 1.0"),
        (f"the same vs Datasette flat rows [{_name}]", f"{_engine}:participant", "ds:flat", False, ">= 0.8"),
        (f"plain first page vs Datasette table page [{_name}]", f"{_engine}:plain", "ds:table", False, ">= 1.5"),
        (f"page 10,000 vs page 1, time [{_name}]", f"{_engine}:deep", f"{_engine}:plain", True, "<= 1.2"),
        (f"busiest participant vs quiet one, first page, time [{_name}]", f"{_engine}:busy", f"{_engine}:quiet",
         True, "<= 2"),
    ]
for _label, _key in (("plain page", "plain"), ("participant query", "participant"), ("page 10,000", "deep")):
    PAIRS.append((f"PostgreSQL vs SQLite, {_label}", f"pg:{_key}", f"sqlite:{_key}", False, ">= 0.9"))


def _report(rps, ratios, cpu):
    print()
    print("requests/s (median of runs): " + ", ".join(f"{k} {statistics.median(v):.0f}" for k, v in rps.items()))
    print("CPU per request, microseconds (median; server processes + PostgreSQL's): "
          + ", ".join(f"{k} {statistics.median(v):.0f}" for k, v in cpu.items()))
    width = max(len(label) for label, *_ in PAIRS)
    for label, _, _, _, goal in PAIRS:
        values = ratios[label]
        print(f"{label:<{width}}  {statistics.median(values):5.2f}  ({min(values):.2f}-{max(values):.2f})  goal {goal}")
    # the same comparison in CPU spent per request: what a CPU-bound machine divides between requests,
    # steadier than requests/s when other work shares the machine
    for name in ("plain", "participant", "deep"):
        ratio = statistics.median(cpu[f"sqlite:{name}"]) / statistics.median(cpu[f"pg:{name}"])
        print(f"PostgreSQL vs SQLite, {name}, by CPU per request (SQLite's / PostgreSQL's): {ratio:.2f}")


if __name__ == "__main__":
    main()
