#!/usr/bin/env python3
"""Where threads' CPU time goes, kernel and JVM included, from an async-profiler recording in collapsed form
(docs/performance.md, lifecycle "Seventh round"). JFR's execution sampler sees Java frames only; async-profiler
(Maven Central: tools.profiler:async-profiler, native agent for linux-x64) also samples the kernel's network stack
and the VM, which is where a third of a lifecycle driver's time went.

Each sample is put in one bucket: "kernel" when its leaf frame is the kernel's or a system call's; otherwise the
library of its deepest frame that belongs to a known library ("jvm/native" when none does, e.g. a stub or the
JIT's code cache); samples under a frame matching --apart (the PDFs and password checks the benchmark times apart)
go to "timed apart". Figures are milliseconds of CPU per unit (--per: lifecycles driven, warm-up included) with
async-profiler's interval=1ms; threads are chosen by name prefix (run the agent with the 'threads' option).

usage: bench/cpu-buckets.py PROFILE.collapsed --threads portal-driver,same-shape-driver --per 300
           [--apart 'TimedApart$'] [--hot hibernate] [--top 25]
  --hot BUCKET  also list, per thread, the deepest frames of that bucket's library (three frames each)"""
import argparse
import collections

LIBRARIES = [  # (frame prefix, bucket): the first match wins, so more specific prefixes come first
    ("org/springframework/security/crypto/bcrypt", "bcrypt"),
    ("com/mysql", "MySQL Connector/J"),
    ("com/zaxxer", "HikariCP"),
    ("org/hibernate", "Hibernate"),
    ("org/apache/ibatis", "MyBatis (engine SQL)"),
    ("org/camunda/feel", "FEEL"),
    ("org/camunda/bpm/dmn", "DMN"),
    ("org/camunda", "Camunda engine"),
    ("org/springframework/security", "Spring Security"),
    ("org/springframework/data", "Spring Data"),
    ("org/springframework/transaction", "Spring transactions"),
    ("org/springframework", "Spring (other)"),
    ("org/consilium", "portal"),
    ("org/xhtmlrenderer", "PDF"),
    ("com/lowagie", "PDF"),
    ("org/apache/pdfbox", "PDF"),
    ("org/thymeleaf", "Thymeleaf"),
    ("com/fasterxml", "Jackson"),
    ("ch/qos/logback", "logging"),
    ("org/slf4j", "logging"),
    ("io/opentelemetry", "OpenTelemetry"),
]
SYSCALLS = ("__GI_", "__libc_", "poll", "__lll_", "[vdso]", "syscall")


def library(frame):
    return next((bucket for prefix, bucket in LIBRARIES if frame.startswith(prefix)), None)


def bucket_of(frames):
    leaf = frames[-1]
    if leaf.endswith("_[k]") or leaf.startswith(SYSCALLS):
        return "kernel", None
    for i in range(len(frames) - 1, 0, -1):
        owner = library(frames[i])
        if owner:
            return owner, i
    return "jvm/native", None


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("profile")
    args.add_argument("--threads", required=True, help="comma-separated thread-name prefixes, one column each")
    args.add_argument("--per", type=float, default=1, help="divide by this (e.g. lifecycles driven)")
    args.add_argument("--apart", action="append", default=[], help="frames whose samples are timed apart")
    args.add_argument("--hot", help="a bucket whose deepest frames to list")
    args.add_argument("--top", type=int, default=25)
    options = args.parse_args()
    threads = options.threads.split(",")
    buckets = {t: collections.Counter() for t in threads}
    hot = {t: collections.Counter() for t in threads}
    with open(options.profile, encoding="utf-8", errors="replace") as profile:
        for line in profile:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack.startswith("[") or not count.isdigit():
                continue
            name = stack[1:stack.index(" tid=")] if " tid=" in stack else stack[1:stack.index("]")]
            thread = next((t for t in threads if name.startswith(t)), None)
            if thread is None:
                continue
            frames = stack.split(";")
            if any(a in frame for a in options.apart for frame in frames):
                buckets[thread]["timed apart"] += int(count)
                continue
            bucket, at = bucket_of(frames)
            buckets[thread][bucket] += int(count)
            if options.hot and bucket == options.hot and at is not None:
                own = [f for f in frames[1:at + 1] if library(f) == bucket][-3:]
                hot[thread][" > ".join(f.rsplit("/", 1)[-1] for f in own)] += int(count)
    order = sorted({b for c in buckets.values() for b in c}, key=lambda b: -buckets[threads[0]][b])
    print("CPU ms per unit (" + f"{options.per:g}" + " units), by bucket:\n")
    print("| bucket | " + " | ".join(threads) + " |")
    print("|---|" + "---:|" * len(threads))
    for b in order:
        print(f"| {b} | " + " | ".join(f"{buckets[t][b] / options.per:.1f}" for t in threads) + " |")
    print("| **all** | " + " | ".join(f"**{sum(buckets[t].values()) / options.per:.1f}**" for t in threads) + " |")
    print("| all but timed apart | " + " | ".join(
        f"{(sum(buckets[t].values()) - buckets[t]['timed apart']) / options.per:.1f}" for t in threads) + " |")
    if options.hot:
        for t in threads:
            print(f"\nDeepest {options.hot} frames, {t} (ms per unit):\n")
            for frames, n in hot[t].most_common(options.top):
                print(f"{n / options.per:7.2f}  {frames}")


if __name__ == "__main__":
    main()
