# The verbs people type. `make run` and `make test` work from a fresh clone.
PYTHON ?= python3.12
VENV := .venv
PY := $(VENV)/bin/python
STAMP := .stamps
SHARED := ../shared/corpus
export DEBUG ?= 1

.PHONY: run test test-fast install db-start db-stop migrate static serve sample lint bench clean browser

# Static files with their hashed names and the manifest, whatever DEBUG says:
# a process with DEBUG off (production) names them from the manifest, and
# without it every page would be a 500 (archive/settings.py, STATIC_MANIFEST).
COLLECTSTATIC := STATIC_MANIFEST=1 $(PY) manage.py collectstatic --no-input -v0
# `make serve`: gunicorn's workers and threads (threads wait on the database; two cores: two workers).
BIND ?= 127.0.0.1:8000
WORKERS ?= 2
THREADS ?= 8

# Production's packages (requirements.lock) and the tests' and tools' (requirements-dev.lock).
$(STAMP)/venv: pyproject.toml requirements.lock requirements-dev.lock
	@mkdir -p $(STAMP)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.lock
	@touch $@

install: $(STAMP)/venv

db-start: install
	@if [ -z "$$DATABASE_URL" ]; then $(PY) manage.py db start; fi

db-stop: install
	@if [ -z "$$DATABASE_URL" ]; then $(PY) manage.py db stop; fi

migrate: db-start
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable
	$(COLLECTSTATIC)

static: install
	$(COLLECTSTATIC)

# Production (README, "Production"): DEBUG off whatever the environment says,
# so SECRET_KEY, ALLOWED_HOSTS (and DATABASE_URL) must come from it.
serve: migrate
	DEBUG=0 $(VENV)/bin/gunicorn archive.wsgi:application --bind $(BIND) --workers $(WORKERS) --threads $(THREADS)

# The bundled sample, then the mid.ru and kremlin.ru samples when shared/ is there.
# Ingestion is idempotent: a second run reports them unchanged.
sample: migrate
	$(PY) manage.py ingest --no-progress sample/
	@if [ -d $(SHARED) ]; then $(PY) manage.py ingest --no-progress $(SHARED)/midru $(SHARED)/kremlin; fi

# The web server and a background worker (re-extraction, uploaded files, exports from
# the admin) side by side; Ctrl-C stops both (statements/management/commands/serve.py).
run: sample
	$(PY) manage.py serve 127.0.0.1:8000

# Chromium for the browser tests: Debian's package where apt works (CI runs as root).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else $(PY) -m playwright install chromium; fi; }

test: install browser db-start
	$(COLLECTSTATIC)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest
	@echo "Screenshots of every public page at 390x844 and 1366x900: test-artifacts/screenshots/"

# The quick loop, under a minute: every test but those marked slow (browsers, other processes,
# the whole corpus or dev set, tests/hardening).
test-fast: install db-start
	$(PY) -m pytest -m "not slow"

lint: install
	$(VENV)/bin/ruff check .

bench: migrate
	$(PY) -m bench

clean: db-stop
	rm -rf $(VENV) $(STAMP) .pgdata staticfiles
