#!/usr/bin/env python3
"""Runs the tutorial's own pos.py, cut out of the tutorial text at run time, and
records what it does.

Nothing of the tutorial's code is stored in this repository: `assemble()` finds its
code blocks in ../shared/seed/pos-tutorial.txt by their first lines and cuts each
one up to the next line of prose. The code runs unchanged; only names it looks up
at run time are swapped for recording or scaled stand-ins:

- `time`: its `sleep(s)` sleeps s / speedup (the tutorial imports nothing for it);
- `ThreadingTCPServer`: binds 127.0.0.1 on a free port instead of 9090;
- `block_chain`, `temp_blocks`, `validators`, `candidate_blocks`, `announcements`,
  `choice`, `int`: behave as before and log each use.

Usage: seed_server.py --tutorial FILE --speedup K
Writes one JSON event per line on stdout (the first events: genesis, then port), with
`t` in the tutorial's seconds since the genesis block (wall seconds x speedup); the
server's own prints go to stderr.
Standard library only.
"""
import argparse
import builtins
import json
import queue
import random
import re
import socketserver
import sys
import threading
import time as real_time

# Each code block of the tutorial's second (indented) copy, by the first line it starts with.
BLOCK_STARTS = [
    "from hashlib import sha256",
    "from socketserver import BaseRequestHandler, ThreadingTCPServer",
    "import threading",
    "def annouce_winner(announcements, request):",
    "def annouce_blockchain(request):",
    "def pick_winner(announcements):",
    "def run():\n    # create a genesis block",
]
# What the tutorial uses without importing it.
PRELUDE = "import json\nfrom random import choice\n"
CJK = re.compile(r"[\u4e00-\u9fff]")


def assemble(tutorial_text):
    """The server's code: each block from its start line up to the next line of prose
    (a line that begins with a CJK character). Raises ValueError naming a missing block."""
    # The first copy of the code is flattened onto single lines; the second keeps its indentation.
    second_copy = tutorial_text.find("\nfrom hashlib import sha256\n")
    if second_copy < 0:
        raise ValueError("pos-tutorial.txt: the indented code (a line 'from hashlib import sha256') was not found")
    text = tutorial_text[second_copy:]
    blocks = []
    for start in BLOCK_STARTS:
        at = text.find("\n" + start)
        if at < 0:
            raise ValueError("pos-tutorial.txt: no code block starting with %r" % start.splitlines()[0])
        lines = []
        for line in text[at + 1:].split("\n"):
            if line and CJK.match(line.lstrip()[:1] or " ") and not line.startswith((" ", "\t")):
                break
            lines.append(line)
        blocks.append("\n".join(lines).rstrip() + "\n")
    return PRELUDE + "\n".join(blocks)


class Recorder:
    """Writes events as JSON lines. `buffered` (the default): an event is a list.append in
    the thread that logs it (atomic under the GIL: no I/O, no lock, no GIL release
    inside the server's critical sections) and a writer thread of its own writes them
    every `flush_s` real seconds. Unbuffered (`--log direct`), each event is encoded
    and written by the thread that logs it, under a lock: every write releases the GIL
    in the middle of the server's own steps (the intake's loop, the lottery's clear),
    which changes who runs next; kept to measure that perturbation."""

    def __init__(self, speedup, out, buffered=True, flush_s=0.02):
        self.speedup = speedup
        self.out = out
        self.genesis_wall = None
        self.lock = threading.Lock()
        self.buffered = buffered
        self.pending = []
        if buffered:
            threading.Thread(target=self.write_pending, args=(flush_s,), daemon=True).start()

    def t(self):
        return 0.0 if self.genesis_wall is None else (real_time.time() - self.genesis_wall) * self.speedup

    def event(self, kind, **fields):
        event = dict(kind=kind, t=round(self.t(), 6), **fields)
        if self.buffered:
            # Built first: between reading self.pending and appending to it there is no
            # call, so no switch, and the writer cannot take the list in between.
            self.pending.append(event)
            return
        self.write([event])

    def write(self, events):
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)
        with self.lock:
            self.out.write(text)
            self.out.flush()

    def write_pending(self, flush_s):
        while True:
            real_time.sleep(flush_s)
            events, self.pending = self.pending, []
            if events:
                self.write(events)


def instrument(ns, recorder, speedup, port_box):
    """Swaps the names the server's code looks up at run time (see the module doc)."""
    rec = recorder

    class ScaledTime:
        @staticmethod
        def sleep(seconds):
            real_time.sleep(seconds / speedup)

    class Chain(list):
        def append(self, block):
            if not self:
                rec.genesis_wall = real_time.time()
                rec.event("genesis", block=block, wall=rec.genesis_wall)
                list.append(self, block)
            else:
                list.append(self, block)
                rec.event("block", block=block, position=len(self) - 1)

    class TempBlocks(list):
        # Only append is recorded. pick_winner's `temp_blocks.clear()` stays the list's own
        # C call: a Python override would add a point where CPython may switch threads
        # (its first instruction) between the loop's `if temp:` and the clear, and the
        # intake, switched in there, would see its blocks wiped undrawn (measured: a
        # quarter of all rounds lost so). A block never drawn is one added and never in
        # temp_blocks when choice() ran (metrics.ts, from the draws' hashes).
        def append(self, block):
            list.append(self, block)
            rec.event("temp_add", hash=block["Hash"])

    class Validators(dict):
        def __setitem__(self, address, balance):
            rec.event("validator", address=address, balance=balance if isinstance(balance, builtins.int) else repr(balance))
            super().__setitem__(address, balance)

        def __delitem__(self, address):
            rec.event("evict", address=address)
            super().__delitem__(address)

    class Candidates(queue.Queue):
        def put(self, block, *args, **kwargs):
            rec.event("candidate", validator=block["Validator"], index=block["Index"])
            super().put(block, *args, **kwargs)

    class Announcements(queue.Queue):
        def put(self, msg, *args, **kwargs):
            rec.event("announce")
            super().put(msg, *args, **kwargs)

    temp_blocks = TempBlocks()

    def recording_choice(pool):
        rec.event("draw", tickets=len(pool), temp=len(temp_blocks), hashes=[block["Hash"] for block in temp_blocks])
        return random.choice(pool)

    def recording_int(value):
        try:
            return builtins.int(value)
        except Exception:
            rec.event("int_refused", text=value.decode("utf-8", "replace") if isinstance(value, bytes) else repr(value))
            raise

    class FreePortServer(socketserver.ThreadingTCPServer):
        daemon_threads = True

        def __init__(self, _address, handler):
            super().__init__(("127.0.0.1", 0), handler)
            port_box.append(self.server_address[1])
            rec.event("port", port=self.server_address[1])

    ns.update(
        time=ScaledTime,
        ThreadingTCPServer=FreePortServer,
        block_chain=Chain(),
        temp_blocks=temp_blocks,
        validators=Validators(),
        candidate_blocks=Candidates(),
        announcements=Announcements(),
        choice=recording_choice,
        int=recording_int,
    )


def sample_threads(recorder, speedup, every_s):
    # This sampler and the recorder's writer are not the server's threads.
    harness_threads = 2 if recorder.buffered else 1
    while True:
        real_time.sleep(every_s / speedup)
        recorder.event("threads", count=threading.active_count() - harness_threads)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tutorial", required=True)
    parser.add_argument("--speedup", type=float, default=1.0)
    parser.add_argument("--sample-threads", type=float, default=30.0, help="tutorial seconds between thread counts")
    parser.add_argument("--log", choices=["buffered", "direct"], default="buffered",
                        help="buffered: events kept in memory, written by a thread of the harness every 20 ms; "
                             "direct: each written by the server thread that logs it (perturbs the server)")
    args = parser.parse_args()
    with open(args.tutorial, encoding="utf-8") as f:
        code = assemble(f.read())
    recorder = Recorder(args.speedup, sys.stdout, buffered=args.log == "buffered")
    ns = {"__name__": "pos_tutorial"}
    exec(compile(code, "pos.py (cut from %s)" % args.tutorial, "exec"), ns)
    instrument(ns, recorder, args.speedup, [])

    def thread_died(hook_args):
        recorder.event("thread_died", thread=hook_args.thread.name if hook_args.thread else "",
                       error=hook_args.exc_type.__name__, message=str(hook_args.exc_value))

    threading.excepthook = thread_died
    threading.Thread(target=sample_threads, args=(recorder, args.speedup, args.sample_threads), daemon=True).start()
    # The server's own prints (the genesis block, validators, 'new block is valid!') go to stderr.
    recorder.out, sys.stdout = sys.stdout, sys.stderr
    ns["run"]()


if __name__ == "__main__":
    main()
