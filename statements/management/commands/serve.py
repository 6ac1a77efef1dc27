import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand

# How long each process gets to stop by itself before it is killed (seconds).
GRACE = 10


class Command(BaseCommand):
    help = (
        "`make run`: the development web server and a background worker side by side. Ctrl-C stops both; "
        "so does either one stopping."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport: str, **options):
        manage = [sys.executable, sys.argv[0]]
        # Each in a process group of its own, so that stopping one takes its children
        # (runserver's autoreloader runs the server in a child) and nothing else.
        children = [
            subprocess.Popen([*manage, "worker"], start_new_session=True),
            subprocess.Popen([*manage, "runserver", addrport], start_new_session=True),
        ]
        stopping = False

        def stop(signum=None, frame=None):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.2)
        for child in children:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        # A worker takes the first signal as "stop after this job" and a second as
        # "stop now": the job it was on is resumed by the next worker, so stop now.
        time.sleep(0.5)
        if children[0].poll() is None:
            os.killpg(children[0].pid, signal.SIGTERM)
        deadline = time.monotonic() + GRACE
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
