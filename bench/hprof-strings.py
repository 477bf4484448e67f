#!/usr/bin/env python3
"""What the byte arrays of a heap dump hold: arrays grouped by their first bytes, largest total first (with the
compact strings of Java 9+, byte[] is where String text lives). Used to find what every session keeps.

usage: bench/hprof-strings.py heap.hprof [rows] [prefix-length]"""
import collections
import struct
import sys


def arrays(path):
    with open(path, "rb") as f:
        data = f.read()
    header_end = data.index(b"\0") + 1
    id_size = struct.unpack(">I", data[header_end:header_end + 4])[0]
    pos = header_end + 12
    sizes = {2: id_size, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
    while pos < len(data):
        tag, _, length = struct.unpack(">BII", data[pos:pos + 9])
        pos += 9
        end = pos + length
        if tag in (0x0C, 0x1C):
            p = pos
            while p < end:
                sub = data[p]
                p += 1
                if sub == 0xFF:
                    p += id_size
                elif sub in (0x01,):
                    p += 2 * id_size
                elif sub in (0x02, 0x03):
                    p += id_size + 8
                elif sub == 0x04:
                    p += id_size + 4
                elif sub in (0x05, 0x07):
                    p += id_size
                elif sub == 0x06:
                    p += id_size + 4
                elif sub == 0x08:
                    p += id_size + 8
                elif sub == 0x20:
                    p += id_size + 4 + 6 * id_size + 4
                    n = struct.unpack(">H", data[p:p + 2])[0]
                    p += 2
                    for _ in range(n):
                        t = data[p + 2]
                        p += 3 + sizes[t]
                    n = struct.unpack(">H", data[p:p + 2])[0]
                    p += 2
                    for _ in range(n):
                        t = data[p + id_size]
                        p += id_size + 1 + sizes[t]
                    n = struct.unpack(">H", data[p:p + 2])[0]
                    p += 2 + n * (id_size + 1)
                elif sub == 0x21:
                    p += id_size + 4 + id_size
                    n = struct.unpack(">I", data[p:p + 4])[0]
                    p += 4 + n
                elif sub == 0x22:
                    p += id_size + 4
                    n = struct.unpack(">I", data[p:p + 4])[0]
                    p += 4 + id_size + n * id_size
                elif sub == 0x23:
                    p += id_size + 4
                    n, t = struct.unpack(">IB", data[p:p + 5])
                    p += 5
                    if t == 8:
                        yield data[p:p + n]
                    p += n * sizes[t]
                else:
                    raise ValueError(f"unknown sub-record {sub:#x} at {p}")
        pos = end


def main():
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    width = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    total, count = collections.Counter(), collections.Counter()
    for a in arrays(sys.argv[1]):
        key = a[:width].decode("latin-1").replace("\n", " ")
        total[key] += len(a)
        count[key] += 1
    print("| arrays | bytes | starts with |\n|---:|---:|---|")
    for key, n in total.most_common(rows):
        print(f"| {count[key]} | {n} | `{key}` |")


if __name__ == "__main__":
    main()
