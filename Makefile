# The two commands of the README: `make run` opens the app, `make test` runs every check.
# Both install what is missing first: system packages, the virtual environment, the Python packages.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test lint translations bench clean

run: system-run $(STAMP)
	$(BIN)/receiving-app

demo: system-run $(STAMP)
	$(BIN)/receiving-app --demo

test: system-test $(STAMP)
	$(MAKE) --no-print-directory lint
	CI=$${CI:-} $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

translations: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete receiving_app db labels ui \
		-ts receiving_app/translations/receiving_zh_CN.ts
	$(BIN)/pyside6-lrelease receiving_app/translations/receiving_zh_CN.ts \
		-qm receiving_app/translations/receiving_zh_CN.qm

bench: system-test $(STAMP)
	$(BIN)/python -m benchmarks.run_all

.PHONY: system-run system-test
system-run:
	@scripts/system-packages.sh run

system-test:
	@scripts/system-packages.sh test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
