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
    def __init__(self, speedup, out):
        self.speedup = speedup
        self.out = out
        self.genesis_wall = None
        self.lock = threading.Lock()

    def t(self):
        return 0.0 if self.genesis_wall is None else (real_time.time() - self.genesis_wall) * self.speedup

    def event(self, kind, **fields):
        line = json.dumps(dict(kind=kind, t=round(self.t(), 6), **fields), ensure_ascii=False)
        with self.lock:
            self.out.write(line + "\n")
            self.out.flush()


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
            else:
                rec.event("block", block=block, position=len(self))
            super().append(block)

    class TempBlocks(list):
        def __init__(self):
            super().__init__()
            self.drawn = set()

        def append(self, block):
            rec.event("temp_add", hash=block["Hash"])
            super().append(block)

        def clear(self):
            undrawn = sum(1 for b in self if id(b) not in self.drawn)
            if self:
                rec.event("clear", blocks=len(self), undrawn=undrawn)
            self.drawn = set()
            super().clear()

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
        for block in temp_blocks:
            temp_blocks.drawn.add(id(block))
        rec.event("draw", tickets=len(pool), temp=len(temp_blocks))
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
    while True:
        real_time.sleep(every_s / speedup)
        # This sampler is not one of the server's threads.
        recorder.event("threads", count=threading.active_count() - 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tutorial", required=True)
    parser.add_argument("--speedup", type=float, default=1.0)
    parser.add_argument("--sample-threads", type=float, default=30.0, help="tutorial seconds between thread counts")
    args = parser.parse_args()
    with open(args.tutorial, encoding="utf-8") as f:
        code = assemble(f.read())
    recorder = Recorder(args.speedup, sys.stdout)
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
