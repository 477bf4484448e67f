#!/usr/bin/env python3
"""Where the request threads waited in a JDK Flight Recording: the jdk.ThreadPark, jdk.SocketRead and
jdk.JavaMonitorEnter events of the threads named '<prefix>*' (the profile settings record those over 20 ms / 10 ms),
summed per kind of wait (the first frame that names it: Hikari's getConnection, the MySQL driver's read, ...) and
per innermost org.consilium frame. Durations are thread time summed over the threads.

usage: bench/jfr-waits.py recording.jfr [thread-name-prefix, default http-nio] [rows, default 20]"""
import collections
import re
import subprocess
import sys

KINDS = [("HikariPool.getConnection", "waiting for a pooled connection (Hikari)"),
         ("com.mysql.cj.protocol", "reading MariaDB's reply (Connector/J)"),
         ("SynchronousQueue", "idle Tomcat thread"),
         ("LinkedBlockingQueue", "idle thread"),
         ("TaskQueue", "idle Tomcat thread"),
         ("VaadinSession.lock", "waiting for the Vaadin session lock"),
         ("ReentrantLock", "a ReentrantLock"),
         ("CompletableFuture", "waiting for a CompletableFuture")]


def duration(text):
    m = re.match(r"([\d.]+) (ns|us|ms|s|min|h)", text)
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0}[m.group(2)]
    return float(m.group(1)) * scale


def events(path, names, prefix):
    text = subprocess.run(["jfr", "print", "--stack-depth", "96", "--events", names, path],
                          capture_output=True, text=True, check=True).stdout
    for block in re.split(r"\n(?=jdk\.\w+ \{)", text):
        head = re.match(r"jdk\.(\w+) \{", block.strip())
        if not head:
            continue
        thread = re.search(r'eventThread = "([^"]*)"', block)
        if prefix and (not thread or not thread.group(1).startswith(prefix)):
            continue
        d = re.search(r"\n\s*duration = ([^\n]+)", block)
        stack = re.search(r"stackTrace = \[\n(.*?)\n\s*\]", block, re.S)
        frames = [re.sub(r"\s+line:.*$", "", f.strip()) for f in stack.group(1).split("\n")] if stack else []
        yield head.group(1), duration(d.group(1)), [f for f in frames if f and f != "..."]


def main():
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "http-nio"
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    by_kind = collections.Counter()
    count = collections.Counter()
    by_own = collections.defaultdict(collections.Counter)
    for event, seconds, frames in events(path, "jdk.ThreadPark,jdk.SocketRead,jdk.JavaMonitorEnter", prefix):
        kind = next((label for key, label in KINDS if any(key in f for f in frames)), None)
        if kind is None:
            kind = event + " in " + (frames[1] if len(frames) > 1 else "?")
        by_kind[kind] += seconds
        count[kind] += 1
        own = next((f for f in frames if f.startswith("org.consilium.")), "(no org.consilium frame)")
        by_own[kind][own] += seconds
    print(f"Waits of threads '{prefix}*' in {path} (seconds, summed over the threads)\n")
    print("| wait | events | seconds | mean ms |")
    print("|---|---:|---:|---:|")
    for kind, seconds in by_kind.most_common(rows):
        print(f"| {kind} | {count[kind]} | {seconds:.1f} | {1000 * seconds / count[kind]:.1f} |")
    for kind, _ in by_kind.most_common(3):
        print(f"\n{kind}: by innermost org.consilium frame\n")
        print("| seconds | frame |")
        print("|---:|---|")
        for frame, seconds in by_own[kind].most_common(rows):
            print(f"| {seconds:.1f} | `{frame}` |")


if __name__ == "__main__":
    main()
