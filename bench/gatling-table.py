#!/usr/bin/env python3
"""Markdown table of a Gatling run's figures per request: count, failures, p50/p95/p99 (ms), and p95 relative to
the control (the empty UIDL round trip). Reads <run>/js/stats.js (the HTML report's data; Gatling 3.13 writes it
as a JavaScript object, not JSON) of each run folder given.

usage: bench/gatling-table.py target/gatling/uiloadsimulation-2026... [more runs]"""
import json
import re
import sys
from pathlib import Path

CONTROL = "control: empty round trip"


def requests(node, out):
    for child in node.get("contents", {}).values():
        if child["type"] == "REQUEST":
            out.append(child)
        requests(child, out)
    return out


def load(path):
    text = path.read_text()
    text = text[text.index("{"):text.index("\nfunction")]
    text = text.strip().rstrip(";")
    # unquoted keys (type: "GROUP", contents: {...}) to JSON
    text = re.sub(r'^(\s*)([A-Za-z_][A-Za-z0-9_]*):', r'\1"\2":', text, flags=re.M)
    return json.loads(text)


def main(runs):
    for run in runs:
        stats = load(Path(run) / "js" / "stats.js")
        rows = requests(stats, [])
        groups = [c for c in stats.get("contents", {}).values() if c["type"] == "GROUP"]
        control = next((r for r in rows if r["name"] == CONTROL), None)
        c95 = control["stats"]["percentiles3"]["ok"] if control else None
        print(f"\nRun `{Path(run).name}`\n")
        print("| action | requests | failed | p50 ms | p95 ms | p99 ms | max ms | p95 / control p95 |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        seen = set()
        for r in sorted(rows, key=lambda r: (r["name"].startswith("sign in"), r["name"] != CONTROL, r["name"])):
            if r["name"] in seen:
                continue
            seen.add(r["name"])
            s = r["stats"]
            ratio = "" if not c95 or r["name"] == CONTROL else f"{int(s['percentiles3']['ok']) / max(1, int(c95)):.1f}"
            print(f"| {r['name']} | {s['numberOfRequests']['total']} | {s['numberOfRequests']['ko']} | "
                  f"{s['percentiles1']['ok']} | {s['percentiles3']['ok']} | {s['percentiles4']['ok']} | "
                  f"{s['maxResponseTime']['ok']} | {ratio} |")
        for g in groups:
            s = g["stats"]
            print(f"| group: {g['name']} (whole sign-in) | {s['numberOfRequests']['total']} | "
                  f"{s['numberOfRequests']['ko']} | {s['percentiles1']['ok']} | {s['percentiles3']['ok']} | "
                  f"{s['percentiles4']['ok']} | {s['maxResponseTime']['ok']} | |")


if __name__ == "__main__":
    main(sys.argv[1:])
