"""Requests per second under load: the API beside plain Django views, one gunicorn, one run.

gunicorn serves bench.settings (the archive plus bench.urls) on a free
loopback port with DEBUG off and throttling out of reach; `wrk` (Debian's
package) loads each endpoint for a fixed time. Without wrk a small Python
client does, and RESULTS.md says so (it shares the CPU with the server, so its
figures are lower). Detail endpoints cycle through a fixed sample of
statements so that no single row stays hot.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import ROOT, child_env, percentiles, psql

WORKERS = 2
CONNECTIONS = 4
DETAIL_SAMPLE = 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Server:
    """gunicorn with WORKERS sync workers on 127.0.0.1; stopped by its own pid."""

    def __init__(self, *args: str, **env: str):
        """`args` for gunicorn (e.g. threads), `env` on top of child_env()."""
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [str(gunicorn), "archive.wsgi:application", "--workers", str(WORKERS), "--bind",
             f"127.0.0.1:{self.port}", "--timeout", "60", "--log-level", "warning", *args],
            cwd=ROOT, env=child_env(**env), stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {Path(self.log.name).read_text()[-2000:]}")
            try:
                if _get(self.port, "/bench/hello/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer in time")

    def workers_memory(self) -> list[dict]:
        """Peak and current RSS (MB) of each worker, from /proc."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        out = []
        for pid in children.read_text().split() if children.exists() else []:
            status = Path(f"/proc/{pid}/status").read_text()
            fields = dict(re.findall(r"^(VmHWM|VmRSS):\s+(\d+) kB", status, re.MULTILINE))
            out.append({"pid": int(pid), "peak_mb": int(fields.get("VmHWM", 0)) / 1024,
                        "rss_mb": int(fields.get("VmRSS", 0)) / 1024})
        return out

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        os.unlink(self.log.name)


WRK_LUA = """
paths = {%s}
i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(port: int, paths: list[str], seconds: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_LUA % ", ".join(f'"{p}"' for p in paths))
    try:
        out = subprocess.run(["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s", "--latency",
                              "-s", script.name, f"http://127.0.0.1:{port}"],
                             capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    finally:
        os.unlink(script.name)
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
              "requests": int(re.search(r"(\d+) requests in", out).group(1))}
    for pct in ("50", "99"):
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
        result[f"p{pct}_ms"] = _ms(*match.groups()) if match else None
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["non_2xx"] = int(bad.group(1)) if bad else 0
    errors = re.search(r"Socket errors: (.*)", out)
    result["socket_errors"] = errors.group(1).strip() if errors else ""
    return result


def run_python_client(port: int, paths: list[str], seconds: int) -> dict:
    """The fallback load tool: CONNECTIONS threads, each with a keep-alive connection."""
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    bad = [0]
    lock = threading.Lock()

    def worker(offset: int):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        i = offset
        while time.monotonic() < deadline:
            start = time.perf_counter()
            conn.request("GET", paths[i % len(paths)])
            response = conn.getresponse()
            response.read()
            with lock:
                latencies.append((time.perf_counter() - start) * 1000)
                bad[0] += response.status >= 400
            i += 1
        conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CONNECTIONS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    stats = percentiles(latencies)
    return {"rps": len(latencies) / elapsed, "requests": len(latencies), "p50_ms": stats["p50"],
            "p99_ms": stats["p99"], "non_2xx": bad[0], "socket_errors": ""}


def measure(seconds: int) -> dict:
    """Each endpoint for `seconds` under CONNECTIONS connections; the ratios the issue asks for."""
    ids = [row[0] for row in psql("SELECT id FROM statements_statement ORDER BY hashtext(id::text) LIMIT %s",
                                  [DETAIL_SAMPLE], fetch=True)]
    endpoints = {
        "plain: hello": ["/bench/hello/"],
        "plain: list": ["/bench/statements/"],
        "API: list": ["/api/statements/"],
        "plain: detail": [f"/bench/statements/{pk}/" for pk in ids],
        "API: detail": [f"/api/statements/{pk}/" for pk in ids],
    }
    tool = "wrk" if shutil.which("wrk") else "python"
    server = Server()
    results: dict = {}
    try:
        server.wait_ready()
        for name, paths in endpoints.items():
            status, body = _get(server.port, paths[0])
            if status != 200:
                results[name] = {"error": f"{paths[0]}: HTTP {status} {body[:200]!r}"}
                continue
            load = run_wrk if tool == "wrk" else run_python_client
            results[name] = load(server.port, paths, seconds)
        memory = server.workers_memory()
    finally:
        server.stop()

    def ratio(api: str, plain: str) -> float | None:
        a, p = results.get(api, {}), results.get(plain, {})
        return a["rps"] / p["rps"] if a.get("rps") and p.get("rps") else None

    return {"tool": tool, "workers": WORKERS, "connections": CONNECTIONS, "seconds": seconds,
            "endpoints": results, "workers_memory": memory,
            "ratios": {"list / plain list": ratio("API: list", "plain: list"),
                       "detail / plain detail": ratio("API: detail", "plain: detail"),
                       "list / hello": ratio("API: list", "plain: hello"),
                       "detail / hello": ratio("API: detail", "plain: hello")}}
