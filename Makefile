# The two promised commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_ENV := OMBUDS_DEMO=1
# `PORT=8010 make run` serves on another port (e.g. when 8000 is taken).
PORT ?= 8000

.PHONY: run test lint messages clean serve setup-demo

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv

# Installs are stamped against pyproject.toml, so a second `make run` skips them.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r pyproject.toml
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r pyproject.toml --extra dev
	touch $@ $(VENV)/.installed-run

setup-demo: $(VENV)/.installed-run
	mkdir -p var
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput --verbosity 0
	# --year 2023: the synthetic year with the published figures, its datasets and reports (about a
	# minute the first time; a second run adds nothing).
	$(DEMO_ENV) $(BIN)/python manage.py seed_demo --year 2023

# The queue's worker runs beside the server for its whole life (generated reports, imports): it is
# stopped when runserver exits, however it exits (Ctrl-C included). Plain /bin/sh.
run: setup-demo
	@echo "Serving Ombuds (demo data) at http://127.0.0.1:$(PORT), with a background worker"
	@$(DEMO_ENV) $(BIN)/python manage.py db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy  # files and settings in pyproject.toml; incremental cache in var/

test: lint
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n auto -m "not browser"
	$(BIN)/python -m pytest -m browser

# Refresh the translation catalogues after changing UI strings (needs GNU gettext).
messages: $(VENV)/.installed-dev
	cd ombuds && ../$(BIN)/python ../manage.py makemessages -l az -l en -l ru --no-obsolete --no-location
	cd ombuds && ../$(BIN)/python ../manage.py compilemessages

clean:
	rm -rf $(VENV) var
