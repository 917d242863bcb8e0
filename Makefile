# deepdive — `make run` runs the main job, `make test` runs every test. Both build their own
# virtual environment in .venv on first use; nothing else needs to be set up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/deepdive serve

# Test-only npm tools (axe-core for the accessibility checks in the browser tests); skipped,
# and those tests skip with a reason, where npm is not installed.
NODE_STAMP := node_modules/.installed

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --silent && touch $(NODE_STAMP); \
	else echo "npm not found: the accessibility checks will be skipped"; fi

test: $(STAMP) $(NODE_STAMP) lint
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis node_modules
