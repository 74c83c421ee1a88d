#!/usr/bin/env python3
"""Language server latency, dlint next to rcjsuen's docker-langserver, in one run on the same file.

For each server: the time from sending didOpen to receiving the whole first publishDiagnostics of that
document, and from each didChange to the diagnostics of that change (one edit at a time, alternately
typing and deleting a character in the middle of a RUN line), as p50/p99 over many samples; decoding the
JSON is the client's time and left out. Also the server's resident memory
before and after the edits, to show whether it grows.

Usage: scripts/bench-lsp.py [--file DOCKERFILE] [--opens N] [--edits N] [--dlint PATH] [--peer-dir DIR]
       scripts/bench-lsp.py --print-file   (the default file, for other benchmarks)
The peer is installed by ../shared/scripts/install-peers.sh (default folder /tmp/dlint-peers); dlint
defaults to target/release/dlint (build it with `cargo build --release`).
"""

import argparse
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_file():
    """A 200-line Dockerfile of the usual instructions, multi-stage, with findings in it."""
    lines = ["# syntax=docker/dockerfile:1", "ARG VERSION=1.2.3", "FROM debian:12 AS build"]
    step = 0
    while len(lines) < 196:
        step += 1
        lines += [
            f"ENV STEP_{step}=value-{step}",
            f"RUN apt-get update && apt-get install -y curl-{step} \\",
            f"    && cd /src/{step} && make install-{step}",
            f"COPY src/{step} /app/{step}",
            f"WORKDIR /app/{step}",
        ]
    lines += ["FROM debian:12", "COPY --from=build /app /app", "USER app", 'CMD ["/app/run"]']
    return "\n".join(lines[:200]) + "\n"


class Server:
    def __init__(self, command, cwd):
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.buffer = b""
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read_message(self, deadline):
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                headers = self.buffer[:header_end].decode()
                length = int(next(h.split(":")[1] for h in headers.split("\r\n") if h.lower().startswith("content-length")))
                start = header_end + 4
                if len(self.buffer) >= start + length:
                    body = self.buffer[start:start + length]
                    self.buffer = self.buffer[start + length:]
                    # The message is complete here: the time the client takes to decode it is not the server's.
                    self.arrived = time.perf_counter()
                    return json.loads(body)
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.process.stdout], [], [], left)[0]:
                raise TimeoutError("the server did not answer in time")
            chunk = os.read(self.process.stdout.fileno(), 1 << 20)
            if not chunk:
                raise EOFError("the server exited")
            self.buffer += chunk

    def wait(self, wanted, timeout=30.0):
        deadline = time.monotonic() + timeout
        while True:
            message = self.read_message(deadline)
            if message.get("method") in ("client/registerCapability", "workspace/configuration"):
                # Requests from the server: answer so it does not wait on us.
                result = [None] * len(message["params"].get("items", [])) if message["method"] == "workspace/configuration" else None
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
                continue
            if wanted(message):
                return message

    def diagnostics_for(self, uri):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)

    def rss_kib(self):
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=5)
        except Exception:
            self.process.kill()


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(name, command, text, opens, edits, workdir):
    server = Server(command, workdir)
    root = workdir.as_uri()
    server.request("initialize", {"processId": os.getpid(), "rootUri": root, "capabilities": {},
                                  "workspaceFolders": [{"uri": root, "name": "bench"}]})
    server.notify("initialized", {})
    open_times = []
    for n in range(opens):
        uri = f"{root}/open-{n}/Dockerfile"
        started = time.perf_counter()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1, "text": text}})
        server.diagnostics_for(uri)
        open_times.append((server.arrived - started) * 1000)
        server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        server.diagnostics_for(uri)
    uri = f"{root}/Dockerfile"
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1, "text": text}})
    count = len(server.diagnostics_for(uri)["params"]["diagnostics"])
    # Edit a line in the middle (a RUN if there is one from there on).
    lines = text.splitlines()
    middle = len(lines) // 2
    line = next((i for i in range(middle, len(lines)) if lines[i].startswith("RUN")), middle)
    rss_before = server.rss_kib()
    change_times = []
    for version in range(2, edits + 2):
        typing = version % 2 == 0
        at = {"line": line, "character": 10}
        end = at if typing else {"line": line, "character": 11}
        change = {"range": {"start": at, "end": end}, "text": "x" if typing else ""}
        started = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        server.diagnostics_for(uri)
        change_times.append((server.arrived - started) * 1000)
    rss_after = server.rss_kib()
    server.close()
    return {"name": name, "findings": count, "open": open_times, "change": change_times,
            "rss_before": rss_before, "rss_after": rss_after}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--opens", type=int, default=100)
    parser.add_argument("--edits", type=int, default=2000)
    parser.add_argument("--dlint", default=str(ROOT / "target/release/dlint"))
    parser.add_argument("--peer-dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "dlint-peers")
    parser.add_argument("--print-file", action="store_true", help="print the default file and exit")
    args = parser.parse_args()
    if args.print_file:
        sys.stdout.write(default_file())
        return
    text = args.file.read_text() if args.file else default_file()
    workdir = Path(subprocess.check_output(["mktemp", "-d"], text=True).strip())
    servers = [("dlint", [args.dlint, "lsp"])]
    peer = args.peer_dir / "node_modules/.bin/docker-langserver"
    if peer.exists():
        servers.append(("docker-langserver", [str(peer), "--stdio"]))
    else:
        print(f"note: {peer} not found; run ../shared/scripts/install-peers.sh to compare", file=sys.stderr)
    results = [measure(name, command, text, args.opens, args.edits, workdir) for name, command in servers]
    print(f"file: {len(text.splitlines())} lines; {args.opens} opens, {args.edits} edits, one at a time")
    print(f"{'server':<20}{'findings':>9}{'open p50':>10}{'open p99':>10}{'edit p50':>10}{'edit p99':>10}{'RSS KiB before/after edits':>30}")
    for r in results:
        print(f"{r['name']:<20}{r['findings']:>9}{percentile(r['open'], .5):>9.2f}m{percentile(r['open'], .99):>9.2f}m"
              f"{percentile(r['change'], .5):>9.2f}m{percentile(r['change'], .99):>9.2f}m"
              f"{r['rss_before']:>18} / {r['rss_after']}")
    if len(results) == 2:
        ours, peer = results
        for key, label in (("open", "open"), ("change", "edit")):
            for fraction, name in ((.5, "p50"), (.99, "p99")):
                ratio = percentile(peer[key], fraction) / percentile(ours[key], fraction)
                print(f"{label} {name}: dlint {ratio:.1f}x faster")


if __name__ == "__main__":
    main()
