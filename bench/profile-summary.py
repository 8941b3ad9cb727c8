#!/usr/bin/env python3
"""bench/profile-summary.py COLLAPSED [PATTERN...]: what share of a profile's samples has a frame matching
each pattern (inclusive), from async-profiler's collapsed output (bench/profile.sh). Without patterns, the
gateway's usual suspects: ledger writer, SQLite, zlib, thread hand-offs, JSON, Camel's engine, JIT, GC."""
import re
import sys

SUSPECTS = [
    ("ledger (the writer, and the steps that call it)", r"ledger/LedgerWriter|org/customergateway/ledger/"),
    ("SQLite (native + JDBC)", r"libsqlitejdbc|org/sqlite/"),
    ("compression (zlib, zstd)", r"libz\.so|deflate|inflate|java/util/zip/|zstd"),
    ("SHA-256", r"sun/security/provider/(SHA|Digest)|MessageDigest"),
    ("thread hand-offs (park, unpark, futex, cond)", r"futex|pthread_cond|LockSupport\.(park|unpark)|lll_lock"),
    ("Jackson", r"com/fasterxml/jackson"),
    ("Camel engine", r"org/apache/camel/(impl|processor|support|component/bean)"),
    ("bean calls by reflection", r"component/bean/|reflect/Method\.invoke|slowVerifyAccess"),
    ("Vert.x / Netty", r"io/vertx|io/netty"),
    ("socket I/O (read, write, epoll)", r"writev|__GI_write|__GI_read|epoll_wait|readv|sendmsg|recvmsg"),
    ("file I/O (pwrite, fsync)", r"pwrite|fsync|fdatasync"),
    ("JIT compiler", r"CompileBroker|C2Compiler|C1Compiler|Phase[A-Z]"),
    ("GC", r"G1|GCTaskThread|ConcurrentGCThread|WorkerThread::run"),
    ("micrometer / metrics", r"io/micrometer|LongAdder"),
]

def main():
    path = sys.argv[1]
    patterns = [(p, p) for p in sys.argv[2:]] or SUSPECTS
    compiled = [(name, re.compile(p)) for name, p in patterns]
    total = 0
    hits = [0] * len(compiled)
    threads = {}
    with open(path) as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            n = int(count)
            total += n
            # with the "threads" option the first frame is the thread: "[name tid=N]"; pools by name
            first = stack.split(";", 1)[0]
            if first.startswith("["):
                name = re.sub(r"\s*tid=\d+\]$", "", first[1:])
                name = re.sub(r"\d+", "N", name)
                threads[name] = threads.get(name, 0) + n
            for i, (_, rx) in enumerate(compiled):
                if rx.search(stack):
                    hits[i] += n
    print(f"{total} samples")
    for (name, _), h in zip(compiled, hits):
        print(f"{100.0 * h / total:6.1f} %  {name}")
    if threads:
        print("by thread:")
        for name, n in sorted(threads.items(), key=lambda kv: -kv[1])[:12]:
            print(f"{100.0 * n / total:6.1f} %  {name}")

main()
