# Two commands set everything up on a fresh Debian/Ubuntu machine:
#   make run    create .venv, install Dateline (and only what it needs), open the sample story
#   make test   Dateline with its test tools and the test system packages, then the suite
#   make test-fast  the tests without a window and not marked slow, in under a minute
# Bare `make` prints this list: it never installs anything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: the app alone, then its test tools on top, so that `make run` after
# `make test` finds everything in place and installs nothing again.
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
SAMPLE := resources/samples/deep-field.article
RUN_COPY := .run/deep-field.article
WIRE_SAMPLE := resources/samples/caravan-efe.article
# The window's translations: committed as .ts, compiled here (and by the package build, setup.py)
# into the .qm files the window loads; never committed.
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.DEFAULT_GOAL := help
.PHONY: help run test test-fast lint format system-deps-run system-deps-test sample clean install-desktop translations

help:
	@echo "Dateline: a desktop article editor for news reporters."
	@echo "  make run              install Dateline in .venv and open the sample story"
	@echo "  make test             install the test tools too, lint, and run every test"
	@echo "  make test-fast        the tests without a window and not marked slow"
	@echo "  make install-desktop  add Dateline to the desktop's menus and file types"
	@echo "  make sample           rebuild the bundled sample stories"
	@echo "  make translations     compile the window's translations (run and test do it too)"
	@echo "  make clean            remove .venv and the caches"
	@echo "PYTHON=python3.x picks the interpreter (3.11 or newer)."

system-deps-run:
	@PYTHON=$(PYTHON) scripts/system-deps.sh run

system-deps-test:
	@PYTHON=$(PYTHON) scripts/system-deps.sh test

$(RUN_STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Dateline needs Python 3.11 or newer; set PYTHON=python3.x" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

resources/translations/%.qm: resources/translations/%.ts $(RUN_STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(TRANSLATIONS)

# The sample is copied so that saving in the window never changes the bundled file.
run: system-deps-run $(RUN_STAMP) $(TRANSLATIONS)
	@mkdir -p .run
	@[ -f $(RUN_COPY) ] || cp $(SAMPLE) $(RUN_COPY)
	@[ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || \
		echo "No display found: run 'xvfb-run make run' on a machine without a screen." >&2
	$(BIN)/dateline $(RUN_COPY)

test: system-deps-test $(TEST_STAMP) $(TRANSLATIONS) lint
	$(BIN)/python -m pytest

# The edit-test loop: no system packages, no lint, no window (gui) and nothing marked slow.
# Compiled test modules are cached (pytest rewrites their asserts: 15 s of a run otherwise).
test-fast: $(TEST_STAMP) $(TRANSLATIONS)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q -m "not gui and not slow"

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(TEST_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Dateline in the desktop's menu, with its icon, opening .article files (for this user only).
install-desktop: $(RUN_STAMP)
	$(BIN)/dateline install-desktop

# Rebuild the bundled samples: the EFE wire story, and the space feature whose photos sit next
# to its Markdown (tests check both stay in step).
sample: $(RUN_STAMP)
	$(BIN)/dateline import tests/data/caravan-efe.md -o $(WIRE_SAMPLE) --force
	$(BIN)/dateline import tests/data/deep-field/deep-field.md -o $(SAMPLE) --force

clean:
	rm -rf $(VENV) .run .pytest_cache .ruff_cache .hypothesis
