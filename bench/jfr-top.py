#!/usr/bin/env python3
"""The top costs in a JDK Flight Recording: execution samples aggregated by their top frame (self time), by
every method on the stack (total time), and by the first frame of the portal's own code (org.consilium).

usage: bench/jfr-top.py recording.jfr [thread-name-prefix, default http-nio] [rows, default 25]"""
import collections
import re
import subprocess
import sys


def samples(path, thread_prefix):
    text = subprocess.run(["jfr", "print", "--stack-depth", "128", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True, check=True).stdout
    for event in text.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        if thread_prefix and (not thread or not thread.group(1).startswith(thread_prefix)):
            continue
        stack = re.search(r"stackTrace = \[\n(.*?)\n\s*\]", event, re.S)
        if not stack:
            continue
        frames = [re.sub(r"\s+line:.*$", "", f.strip()) for f in stack.group(1).split("\n")]
        yield [f for f in frames if f and f != "..."]


def table(title, counter, total, rows):
    print(f"\n{title}\n")
    print("| samples | % | frame |")
    print("|---:|---:|---|")
    for frame, n in counter.most_common(rows):
        print(f"| {n} | {100.0 * n / total:.1f} | `{frame}` |")


def main():
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "http-nio"
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    top, inclusive, own = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for frames in samples(path, prefix):
        total += 1
        top[frames[0]] += 1
        for f in set(frames):
            inclusive[f] += 1
        first_own = next((f for f in frames if f.startswith("org.consilium.")), "(no org.consilium frame)")
        own[first_own] += 1
    print(f"{total} execution samples of threads '{prefix}*' in {path}")
    table("Top frames (self):", top, total, rows)
    table("On the stack (total):", inclusive, total, rows)
    table("Innermost org.consilium frame:", own, total, rows)


if __name__ == "__main__":
    main()
