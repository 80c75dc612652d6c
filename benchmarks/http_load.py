"""A small closed-loop HTTP load generator for loopback servers (bounded in time)."""

from __future__ import annotations

import http.client
import itertools
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, path: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on {port} did not answer {path}")


def start_waitress(
    target: str, port: int, env: dict[str, str], call: bool = False, threads: int = 4
):
    """Serve `module:name` with waitress in a subprocess (`call`: name is an app factory)."""
    args = [sys.executable, "-m", "waitress", f"--port={port}", "--host=127.0.0.1"]
    args += [f"--threads={threads}", *(["--call"] if call else []), target]
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure_rps(port: int, paths: Sequence[str], seconds: float, clients: int = 4) -> float:
    """Completed 200 responses per second over `seconds`, `clients` keep-alive connections."""
    stop = time.monotonic() + seconds
    counts = [0] * clients
    errors = [0] * clients
    cycle = itertools.cycle(paths)
    lock = threading.Lock()

    def worker(slot: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            with lock:
                path = next(cycle)
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    counts[slot] += 1
                else:
                    errors[slot] += 1
            except OSError:
                errors[slot] += 1
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    if sum(errors):
        print(f"  ({sum(errors)} non-200 answers or errors on port {port})")
    return sum(counts) / elapsed
