#!/usr/bin/env python3
"""The portal's garbage-collection pauses during one measured run, from its unified GC log.

Usage: gc-pauses.py <gc log> <timeline file>

The GC log is the JVM's `-Xlog:gc:file=<log>:time,uptime` (bench/ui-load.sh GC_LOG=yes): one line per collection,
its wall time first, e.g.
  [2026-12-02T13:05:01.123+0000][12.345s] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(1024M) 25.123ms
The timeline (bench/ui-load.sh, one line every 2 s, epoch seconds first) gives the run's first and last second; only
the pauses between them are counted. Concurrent phases (G1's marking) are not pauses and are left out.
"""
import re
import sys
from datetime import datetime

LINE = re.compile(r"^\[([^\]]+)\]\[[^\]]*\] GC\(\d+\) (Pause [A-Za-z]+(?: \([A-Za-z ]+\))?).* ([0-9.]+)ms$")


def run_window(timeline):
    stamps = [float(line.split()[0]) for line in open(timeline) if line.strip()]
    if not stamps:
        sys.exit(f"{timeline}: no samples")
    return stamps[0], stamps[-1]


def pauses(log, start, end):
    for line in open(log):
        match = LINE.match(line.strip())
        if not match:
            continue
        at = datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
        if start <= at <= end:
            yield match.group(2), float(match.group(3))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    start, end = run_window(sys.argv[2])
    kinds = {}
    for kind, ms in pauses(sys.argv[1], start, end):
        kinds.setdefault(kind, []).append(ms)
    every = sorted(ms for found in kinds.values() for ms in found)
    print(f"\nThe portal's GC pauses during the run ({end - start:.0f} s):\n")
    print("| pause | count | total ms | mean ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for kind, found in sorted(kinds.items(), key=lambda item: -sum(item[1])):
        print(f"| {kind} | {len(found)} | {sum(found):.0f} | {sum(found) / len(found):.1f} | {max(found):.1f} |")
    if every:
        share = 100 * sum(every) / 1000 / (end - start)
        print(f"| all | {len(every)} | {sum(every):.0f} | {sum(every) / len(every):.1f} | {every[-1]:.1f} |")
        print(f"\nThe portal stood still {share:.1f} % of the run.")
    else:
        print("| all | 0 | 0 | | |")


if __name__ == "__main__":
    main()
