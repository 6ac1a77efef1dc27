import time

from django.core.management.base import CommandError
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from statements.services.tasks import recover_stalled_jobs

# How often an idle worker looks for jobs whose worker died (seconds).
RECOVER_EVERY = 30.0


class RecoveringWorker(Worker):
    """django-tasks-db's worker, which also queues again the jobs of workers that died.

    It looks when it starts and then every RECOVER_EVERY seconds while the
    queue is empty; the tasks themselves are claimed and run by the package's loop.
    """

    def run(self) -> None:
        keep_going = not self.batch
        self.batch = True  # the package's loop returns when the queue is empty; this loop goes on
        last_recovery = 0.0
        while self.running:
            if time.monotonic() - last_recovery >= RECOVER_EVERY:
                recover_stalled_jobs()
                last_recovery = time.monotonic()
            super().run()
            self.startup_delay = False
            if not keep_going or not self.running or (self.max_tasks and self._run_tasks >= self.max_tasks):
                return
            time.sleep(self.interval)  # a SIGTERM or Ctrl-C here ends the worker at once


class Command(DatabaseWorkerCommand):
    help = (
        "Run background jobs (re-extraction, uploaded files, exports) from the database queue. Start any number, "
        "on any machines that reach the database; a job whose worker died is resumed by the next one that looks."
    )

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id, exclude_queues, **options):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = RecoveringWorker(
            queue_names=queue_names, interval=interval, batch=batch, backend_name=backend_name,
            startup_delay=startup_delay, max_tasks=max_tasks, worker_id=worker_id, excluded_queue_names=excluded,
        )
        # No autoreload: restarting in the middle of a job is what recovery is for, not a way of working.
        worker.configure_signals()
        worker.run()
