# Two commands set everything up on a fresh Debian/Ubuntu machine:
#   make run    create .venv, install Dateline, open the editor on the sample story with photos
#   make test   the same set-up, then the whole test suite headless
#   make test-fast  the tests without a window and not marked slow, in under a minute
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := resources/samples/deep-field.article
RUN_COPY := .run/deep-field.article
WIRE_SAMPLE := resources/samples/caravan-efe.article

.PHONY: run test test-fast lint format system-deps sample clean install-desktop

system-deps:
	@PYTHON=$(PYTHON) scripts/system-deps.sh $(MAKECMDGOALS)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Dateline needs Python 3.11 or newer; set PYTHON=python3.x" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# The sample is copied so that saving in the window never changes the bundled file.
run: system-deps $(STAMP)
	@mkdir -p .run
	@[ -f $(RUN_COPY) ] || cp $(SAMPLE) $(RUN_COPY)
	@[ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || \
		echo "No display found: run 'xvfb-run make run' on a machine without a screen." >&2
	$(BIN)/dateline $(RUN_COPY)

test: system-deps $(STAMP) lint
	$(BIN)/python -m pytest

# The edit-test loop: no system packages, no lint, no window (gui) and nothing marked slow.
# Compiled test modules are cached (pytest rewrites their asserts: 15 s of a run otherwise).
test-fast: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q -m "not gui and not slow"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Dateline in the desktop's menu, with its icon, opening .article files (for this user only).
install-desktop: $(STAMP)
	$(BIN)/dateline install-desktop

# Rebuild the bundled samples: the EFE wire story, and the space feature whose photos sit next
# to its Markdown (tests check both stay in step).
sample: $(STAMP)
	$(BIN)/dateline import tests/data/caravan-efe.md -o $(WIRE_SAMPLE) --force
	$(BIN)/dateline import tests/data/deep-field/deep-field.md -o $(SAMPLE) --force

clean:
	rm -rf $(VENV) .run .pytest_cache .ruff_cache .hypothesis
