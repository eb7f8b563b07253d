#!/usr/bin/env python3
"""Drives the tutorial's real pos.py (seed_server.py) with scripted clients and
writes what happened as one JSON document.

Usage: run_real.py --tutorial FILE --plan PLAN.json --speedup K [--stream-dir DIR] [--log buffered|direct]
PLAN: {"duration": s, "clients": [{"id", "connect": s, "balance": text,
       "lines": [[s, text], ...], "leave": s or null}]}, times in the tutorial's
seconds from the genesis block. Each client connects at its time, waits for the
balance prompt and types its balance, then types each line at its time (without
waiting for a prompt, as a person at `nc` types on a schedule), and closes its
connection at `leave`. Everything it receives is kept (announcements are counted;
with --stream-dir the raw bytes go to DIR/<id>.txt, a captured `nc` stream).
At the duration the server process is killed. Output on stdout:
{"speedup", "duration", "events": [...server events...], "clients": [{"id",
"announcements", "bytes"}]}. Standard library only.
"""
import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ANNOUNCEMENT = "赢得了记账权利".encode("utf-8")


def start_server(tutorial, speedup, log="buffered"):
    process = subprocess.Popen(
        [sys.executable, os.path.join(HERE, "seed_server.py"), "--tutorial", tutorial, "--speedup", str(speedup), "--log", log],
        stdout=subprocess.PIPE, stderr=open(os.environ.get("SEED_SERVER_LOG", os.devnull), "w"), text=True, encoding="utf-8")
    events = []
    ready = threading.Event()
    info = {}

    def read_events():
        for line in process.stdout:
            event = json.loads(line)
            events.append(event)
            if event["kind"] == "genesis":
                info["genesis_wall"] = event["wall"]
            if event["kind"] == "port":
                info["port"] = event["port"]
                ready.set()
        ready.set()

    reader = threading.Thread(target=read_events, daemon=True)
    reader.start()
    if not ready.wait(20) or "port" not in info:
        process.kill()
        raise RuntimeError("the tutorial's server did not start (no port within 20 s)")
    return process, reader, events, info


class Client:
    def __init__(self, plan, port, genesis_wall, speedup):
        self.plan = plan
        self.port = port
        self.genesis_wall = genesis_wall
        self.speedup = speedup
        self.received = bytearray()
        self.sock = None
        self.prompted = threading.Event()
        self.errors = []

    def wall(self, t):
        return self.genesis_wall + t / self.speedup

    def sleep_until(self, t):
        delay = self.wall(t) - time.time()
        if delay > 0:
            time.sleep(delay)

    def read(self):
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            self.received += data
            if b"Enter token balance:" in self.received:
                self.prompted.set()

    def run(self, stop_t):
        plan = self.plan
        self.sleep_until(plan["connect"])
        try:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=None)
        except OSError as e:
            self.errors.append("connect: %s" % e)
            return
        threading.Thread(target=self.read, daemon=True).start()
        self.prompted.wait(10)
        try:
            self.sock.sendall((plan["balance"] + "\n").encode())
            leave = plan.get("leave")
            for t, text in plan["lines"]:
                if (leave is not None and t >= leave) or t >= stop_t:
                    break
                self.sleep_until(t)
                self.sock.sendall((text + "\n").encode())
            if leave is not None and leave < stop_t:
                self.sleep_until(leave)
                self.sock.shutdown(socket.SHUT_RDWR)
                self.sock.close()
        except OSError as e:
            self.errors.append("send: %s" % e)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tutorial", required=True)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--speedup", type=float, default=20.0)
    parser.add_argument("--stream-dir")
    parser.add_argument("--log", choices=["buffered", "direct"], default="buffered",
                        help="how the server's events are written (seed_server.py --log)")
    args = parser.parse_args()
    with open(args.plan, encoding="utf-8") as f:
        plan = json.load(f)
    duration = plan["duration"]
    # Killed by a test's timeout, still kill the server: SIGTERM ends this process through the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    process, reader, events, info = start_server(args.tutorial, args.speedup, args.log)
    try:
        clients = [Client(c, info["port"], info["genesis_wall"], args.speedup) for c in plan["clients"]]
        threads = [threading.Thread(target=c.run, args=(duration,), daemon=True) for c in clients]
        for thread in threads:
            thread.start()
        end_wall = info["genesis_wall"] + duration / args.speedup
        # A little past the end, so that the server's recorder (it writes its events every
        # 20 ms of real time, seed_server.Recorder) has written those up to the end; the
        # events after the duration are left out below.
        time.sleep(max(0.0, end_wall - time.time()) + 0.1)
    finally:
        process.kill()
        process.wait()
    reader.join(5)
    out = []
    for c in clients:
        if args.stream_dir:
            with open(os.path.join(args.stream_dir, "%s.txt" % c.plan["id"]), "wb") as f:
                f.write(bytes(c.received))
        out.append({"id": c.plan["id"], "announcements": c.received.count(ANNOUNCEMENT),
                    "bytes": len(c.received), "errors": c.errors})
    json.dump({"speedup": args.speedup, "duration": duration,
               "events": [e for e in events if e["t"] <= duration], "clients": out}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
