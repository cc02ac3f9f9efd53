#!/usr/bin/env python3
"""Where P6's start-up goes (issue 15): starts the production jar like P6 (demo profile, -Xmx512m, H2 file database in
a fresh directory), first on an empty directory ("fresh": Flyway creates the schema, the demo is seeded), then again
on the database that start left ("existing": nothing to migrate or seed), and prints the phases from the log's
timestamps and the slowest beans from /actuator/startup (EMS_STARTUP_STEPS, EmploymentApplication).

    ./mvnw -Pproduction -DskipTests package
    bench/startup-breakdown.py [--jar target/employment-monitor-*.jar] [--reps 2] [--java-opt=-XX:TieredStopAtLevel=1]

Times are seconds from the `java` command; the machine's load average is printed before each start. Python 3 only,
no packages.
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from datetime import datetime

# first log line matching each pattern marks the end of that phase (in this order in every start seen)
MARKS = [
    ("spring", r"Starting EmploymentApplication", "JVM up, Spring Boot starting (JVM start, class loading of the launcher)"),
    ("tomcat", r"Tomcat initialized with port", "embedded Tomcat created"),
    ("flyway", r"Successfully applied \d+ migrations|Schema .* is up to date", "Flyway: schema created or checked"),
    ("jpa", r"Initialized JPA EntityManagerFactory", "Hibernate: entity manager factory"),
    ("flowable", r"ProcessEngine \w+ created", "Flowable: process engine built, models deployed"),
    ("quartz", r"Scheduler \S+ started", "Quartz scheduler started"),
    ("started", r"Started EmploymentApplication in", "context refreshed (every singleton bean created)"),
]


def now_ms():
    return time.time() * 1000.0


def log_time_ms(line):
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})(Z|[+-]\d\d:\d\d)", line)
    if not m:
        return None
    zone = "+00:00" if m.group(2) == "Z" else m.group(2)
    return datetime.fromisoformat(m.group(1) + zone).timestamp() * 1000.0


def get(url, timeout=2):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.status, r.read()


def start(jar, workdir, port, mport, java_opts):
    env = dict(os.environ, EMS_STARTUP_STEPS="20000")
    cmd = ["java", "-Xmx512m", *java_opts, "-jar", jar, f"--server.port={port}", f"--management.server.port={mport}",
           "--management.endpoints.web.exposure.include=health,info,prometheus,startup"]
    log = open(os.path.join(workdir, "app.log"), "ab")
    t0 = now_ms()
    proc = subprocess.Popen(cmd, cwd=workdir, stdout=log, stderr=subprocess.STDOUT, env=env)
    ready = None
    while now_ms() - t0 < 600_000:
        try:
            if get(f"http://127.0.0.1:{port}/readyz")[0] == 200:
                ready = now_ms()
                break
        except Exception:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    steps = None
    if ready:
        try:
            steps = json.loads(get(f"http://127.0.0.1:{mport}/actuator/startup", timeout=30)[1])
        except Exception as e:
            print("  (no /actuator/startup:", e, ")")
    proc.terminate()
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
    return t0, ready, steps


def phases(logfile, t0, ready, offset):
    with open(logfile, encoding="utf-8", errors="replace") as f:
        lines = f.readlines()[offset:]
    found = {}
    demo = []
    for line in lines:
        t = log_time_ms(line)
        if t is None:
            continue
        for key, pattern, _ in MARKS:
            if key not in found and re.search(pattern, line):
                found[key] = t
        if "demo data" in line or "Deploying resources" in line:
            demo.append((t, line.strip().split(" : ", 1)[-1][:90]))
    return found, demo, len(lines)


def slow_beans(steps, top):
    """The beans whose own creation took longest: each bean's time minus the beans created on the way (self time)."""
    if not steps:
        return []
    events = steps.get("timeline", {}).get("events", [])
    own = {}
    names = {}
    for e in events:
        s = e["startupStep"]
        if s["name"] != "spring.beans.instantiate":
            continue
        names[s["id"]] = {t["key"]: t["value"] for t in s.get("tags", [])}.get("beanName", "?")
        own[s["id"]] = own.get(s["id"], 0.0) + parse_duration(e.get("duration"))
        parent = s.get("parentId")
        if parent is not None:
            own[parent] = own.get(parent, 0.0) - parse_duration(e.get("duration"))
    rows = sorted(((secs, names[i]) for i, secs in own.items() if i in names), reverse=True)
    return rows[:top]


def parse_duration(d):
    # ISO-8601 like PT1.234S or PT0.0123S
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", d or "")
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar")
    ap.add_argument("--reps", type=int, default=1, help="fresh + existing pairs")
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--java-opt", action="append", default=[])
    ap.add_argument("--port", type=int, default=18520)
    a = ap.parse_args()
    jar = a.jar or [j for j in glob.glob("target/employment-monitor-*.jar") if "original" not in j][0]
    jar = os.path.abspath(jar)
    print(f"jar {jar}, java options {a.java_opt or '(none)'}, {os.cpu_count()} cores")
    results = []
    for rep in range(a.reps):
        workdir = tempfile.mkdtemp(prefix="ems-p6-breakdown-")
        offset = 0
        for mode in ("fresh", "existing"):
            print(f"\n--- start {rep + 1} {mode}: load average {open('/proc/loadavg').read().split()[0:3]}")
            t0, ready, steps = start(jar, workdir, a.port, a.port + 100, a.java_opt)
            if not ready:
                print("  did not become ready; see", os.path.join(workdir, "app.log"))
                return 1
            found, demo, n = phases(os.path.join(workdir, "app.log"), t0, ready, offset)
            offset += n
            prev = 0.0
            for key, _, label in MARKS:
                if key in found:
                    at = (found[key] - t0) / 1000
                    print(f"  {at:6.2f} s  (+{at - prev:5.2f})  {label}")
                    prev = at
            for t, text in demo:
                print(f"  {(t - t0) / 1000:6.2f} s            {text}")
            total = (ready - t0) / 1000
            print(f"  {total:6.2f} s  (+{total - prev:5.2f})  ready (/readyz 200): application runners (demo seeding) done")
            print("  slowest beans, own time without the beans they needed (s):")
            for secs, name in slow_beans(steps, a.top):
                print(f"    {secs:6.2f}  {name}")
            results.append((mode, total, {k: (v - t0) / 1000 for k, v in found.items()}))
        shutil.rmtree(workdir, ignore_errors=True)
    print("\nsummary (s to ready):", ", ".join(f"{m} {t:.2f}" for m, t, _ in results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
