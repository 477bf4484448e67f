#!/usr/bin/env python3
"""How a Gatling run's latency moves over time: per action, the median of the per-second p95 in each window of
the run (docs/performance.md, "Ninth session"). Gatling's HTML report holds, per request and second, the
percentiles min, 25, 50, 75, 80, 85, 90, 95, 99 and max of the requests that ended in that second
(`responsetimepercentilesovertimeokPercentiles`); this script reads them from the report's req_*.html pages.

With --timeline=FILE (bench/ui-load.sh writes target/load/timeline-<users>.txt during each run: epoch seconds, then
the CPU seconds so far of the portal and MariaDB and the machine's steal), four rows follow per window: requests per
second (Gatling's), the portal's CPU in cores and in ms per request, and the share of the cores the hypervisor
took. They tell a slower window of the machine (steal, or more CPU for the same requests) from one of the portal.

usage: bench/gatling-windows.py target/gatling/<run> [window seconds, default 30] [--timeline=FILE]"""
import json
import os
import pathlib
import re
import statistics
import sys

P95 = 7  # the index of the 95th percentile in each second's list


def series(page):
    text = page.read_text(encoding="utf-8")
    title = re.search(r"<title>Gatling Stats - ([^<]*)</title>", text)
    data = re.search(r"responsetimepercentilesovertimeokPercentiles = unpack\((\[.*?\])\);", text, re.S)
    if not title or not data:
        return None, []
    return title.group(1).strip(), [(t, p) for t, p in json.loads(data.group(1)) if p]


def requests_per_second(run):
    """Gatling's count of requests sent, per second of the run (index.html), as {epoch second: count}."""
    data = re.search(r"var requests = unpack\((\[.*?\])\);", (run / "index.html").read_text(encoding="utf-8"), re.S)
    return {t: v[0] for t, v in json.loads(data.group(1)) if v} if data else {}


def timeline(path):
    """(epoch seconds, portal CPU s, MariaDB CPU s, steal CPU s) per sample, cumulative."""
    rows = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 4:
            rows.append(tuple(float(f) for f in fields))
    return rows


def machine_rows(run, timeline_file, start, windows, window):
    """The rows that say how busy the portal and the machine were in each window."""
    samples = timeline(timeline_file)
    sent = requests_per_second(run)
    cores = os.cpu_count() or 1
    rows = {"requests per second": [], "portal CPU, cores": [], "portal CPU, ms per request": [],
            "steal, % of the cores": []}
    for w in windows:
        inside = [s for s in samples if start + w <= s[0] <= start + w + window]
        requests = sum(n for t, n in sent.items() if start + w <= t < start + w + window)
        if len(inside) < 2:
            for cells in rows.values():
                cells.append("")
            continue
        first, last = inside[0], inside[-1]
        seconds = last[0] - first[0]
        portal = last[1] - first[1]
        rows["requests per second"].append(f"{requests / window:.0f}")
        rows["portal CPU, cores"].append(f"{portal / seconds:.2f}")
        rows["portal CPU, ms per request"].append(
                f"{1000 * portal / (requests * seconds / window):.1f}" if requests else "")
        rows["steal, % of the cores"].append(f"{100 * (last[3] - first[3]) / (seconds * cores):.0f}")
    return rows


def main():
    options = [a for a in sys.argv[1:] if a.startswith("--")]
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    run = pathlib.Path(arguments[0])
    window = int(arguments[1]) if len(arguments) > 1 else 30
    timeline_file = next((o.split("=", 1)[1] for o in options if o.startswith("--timeline=")), None)
    actions = {}
    for page in sorted(run.glob("req_*.html")):
        name, seconds = series(page)
        if name and seconds:
            actions[name] = seconds
    if not actions:
        sys.exit(f"no per-second percentiles in {run}/req_*.html")
    start = min(seconds[0][0] for seconds in actions.values())
    end = max(seconds[-1][0] for seconds in actions.values())
    windows = range(0, end - start + 1, window)
    print(f"Median of the per-second p95 (ms), per {window} s of the run ({run.name}):\n")
    print("| action | " + " | ".join(f"{w}–{w + window} s" for w in windows) + " |")
    print("|---|" + "---:|" * len(windows))
    for name, seconds in sorted(actions.items()):
        cells = []
        for w in windows:
            p95s = [p[P95] for t, p in seconds if w <= t - start < w + window]
            cells.append(f"{statistics.median(p95s):.0f}" if p95s else "")
        print(f"| {name} | " + " | ".join(cells) + " |")
    if timeline_file and pathlib.Path(timeline_file).is_file():
        for name, cells in machine_rows(run, timeline_file, start, windows, window).items():
            print(f"| *{name}* | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
