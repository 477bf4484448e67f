#!/usr/bin/env python3
"""How a Gatling run's latency moves over time: per action, the median of the per-second p95 in each window of
the run (docs/performance.md, "Ninth session"). Gatling's HTML report holds, per request and second, the
percentiles min, 25, 50, 75, 80, 85, 90, 95, 99 and max of the requests that ended in that second
(`responsetimepercentilesovertimeokPercentiles`); this script reads them from the report's req_*.html pages.

usage: bench/gatling-windows.py target/gatling/<run> [window seconds, default 30]"""
import json
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


def main():
    run = pathlib.Path(sys.argv[1])
    window = int(sys.argv[2]) if len(sys.argv) > 2 else 30
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


if __name__ == "__main__":
    main()
