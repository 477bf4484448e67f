#!/usr/bin/env python3
"""Aggregates JFR execution samples (docs/performance.md, "Governance lifecycle throughput").

    jfr print --events jdk.ExecutionSample --stack-depth 256 target/lifecycle.jfr > target/samples.txt
    python3 src/test/resources/perf/jfr-top.py target/samples.txt [thread-substring]

Prints the top self frames, the top inclusive methods of org.consilium, and the share of samples whose stack
contains each of a few named costs (a sample may count in several)."""
import re
import sys
from collections import Counter

path = sys.argv[1]
thread_filter = sys.argv[2] if len(sys.argv) > 2 else "portal-driver"

events, current, thread = [], None, None
for line in open(path, encoding="utf-8", errors="replace"):
    line = line.rstrip()
    if line.startswith("jdk.ExecutionSample"):
        current, thread = [], None
    elif 'sampledThread = "' in line:
        thread = line.split('"')[1]
    elif current is not None and re.match(r"^\s+[\w$.<>/]+\(.*\)\s+line:", line):
        current.append(re.sub(r"\s+line:.*", "", line.strip()))
    elif line.strip() == "}" and current is not None:
        if thread and thread_filter in thread:
            events.append(current)
        current = None

n = len(events)
print(f"{n} samples of threads matching '{thread_filter}'\n")
self_frames = Counter(e[0].split("(")[0] for e in events if e)
print("Top self frames:")
for frame, c in self_frames.most_common(25):
    print(f"  {100.0 * c / n:5.1f} %  {frame}")

inclusive = Counter()
for e in events:
    for m in {f.split("(")[0] for f in e if f.startswith("org.consilium.")}:
        inclusive[m] += 1
print("\nInclusive, org.consilium methods:")
for frame, c in inclusive.most_common(40):
    print(f"  {100.0 * c / n:5.1f} %  {frame}")

costs = {
    "BCrypt (password check)": "BCrypt",
    "PDF rendering (AgreementRenderer)": "AgreementRenderer.render",
    "PDF assembly (ExecutedAgreements)": "ExecutedAgreements",
    "audit trail": "org.consilium.audit.",
    "notifications": "org.consilium.notification.",
    "Camunda engine": "org.camunda.bpm.engine.impl",
    "Camunda: flush / persistence": "DbEntityManager.flush",
    "Hibernate": "org.hibernate.",
    "MariaDB/MySQL driver": "com.mysql.cj.",
    "socket read (waiting for the database)": "SocketInputStream.socketRead",
    "SpEL / JUEL expressions": "org.springframework.expression",
    "Spring Security method checks": "org.springframework.security.access",
    "JSON (Jackson)": "com.fasterxml.jackson",
    "class loading / reflection": "java.lang.ClassLoader",
}
print("\nSamples whose stack contains:")
for name, needle in costs.items():
    c = sum(1 for e in events if any(needle in f for f in e))
    print(f"  {100.0 * c / n:5.1f} %  {name}")
