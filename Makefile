# The project's one build: every target creates what it needs, starting from a bare machine with
# python3 and npm. `make test` is the README's test command and what CI runs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# The interpreter the environments are made from (PYTHON=... chooses another; an existing .venv
# keeps its own until `make clean`). The system's own python3 (SYSTEM_PYTHON) comes first when it
# is 3.11 or newer and can make a venv (ensurepip): Debian builds it with profile-guided and
# link-time optimisation, pyenv's default build (first on PATH on these machines) has neither,
# and the deep contract run takes about 12 % less CPU on Debian's (4-17 % in four paired runs,
# issue 13). Else the python3 on PATH.
SYSTEM_PYTHON ?= /usr/bin/python3
ifeq ($(strip $(PYTHON)),)
override PYTHON := $(shell $(SYSTEM_PYTHON) -c 'import ensurepip, sys; sys.exit(sys.version_info < (3, 11))' \
	>/dev/null 2>&1 && echo $(SYSTEM_PYTHON) || echo python3)
endif
VENV := .venv
# Debian's package that gives its python3 `ensurepip` (installed when the interpreter lacks it).
PYTHON3_VENV_VERSION := 3.11.2-1+b1
BIN := $(abspath $(VENV))/bin
TOOLS := $(VENV)/.tools
STAMP := $(VENV)/.installed
# The generator's post-hooks call `ruff`: put the pinned one first on PATH.
GEN_ENV := PATH="$(BIN):$$PATH"
SPEC ?= openapi.yaml
GENERATE = $(GEN_ENV) $(BIN)/openapi-python-client generate --path $(SPEC) \
	--config generator-config.yml --meta pdm --custom-template-path templates --output-path
TYPED_SOURCES := $(wildcard src tests contracts) generated_client/didit_client

.PHONY: help install generate check-generated lint test contract emulator lock clean

help:  ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(TOOLS): requirements.txt package.json package-lock.json
	@# Debian's python3 makes venvs only with python3-venv (ensurepip), which it does not depend on.
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || test -x $(BIN)/python || \
		{ $(call apt_install,python3-venv=$(PYTHON3_VENV_VERSION)); }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# One editable install: the root distribution maps didit_client to generated_client/ (setup.py),
# so generated_client/pyproject.toml is never installed on its own.
$(STAMP): $(TOOLS) pyproject.toml setup.py
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(STAMP)  ## Create .venv and node_modules from the pinned requirements; install the packages.

generate: $(TOOLS)  ## Regenerate generated_client/ from openapi.yaml.
	rm -rf generated_client
	$(GENERATE) generated_client

check-generated: $(TOOLS)  ## Fail, showing the diff, when generated_client/ is not what openapi.yaml generates.
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(GENERATE) "$$tmp/generated_client" > "$$tmp/log" 2>&1 || { cat "$$tmp/log"; exit 1; }; \
	if ! diff -ru --exclude=__pycache__ --exclude='*.egg-info' --exclude=.pdm-build --exclude=.ruff_cache --exclude=.mypy_cache generated_client "$$tmp/generated_client"; then \
		echo "generated_client/ differs from what $(SPEC) generates: run 'make generate' and commit." >&2; \
		exit 1; \
	fi; \
	echo "generated_client/ matches $(SPEC)"

lint: $(STAMP)  ## Validate and lint the spec; ruff and mypy --strict on all code.
	$(BIN)/openapi-spec-validator openapi.yaml
	npx --no-install redocly lint openapi.yaml --format stylish 2>&1 | grep -v '[║╔╚]'
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --no-cache --check src tests contracts
	$(BIN)/mypy $(TYPED_SOURCES)

# tests/compat runs in a process of its own: its draws (schemathesis' generator, derandomised)
# change with the project modules a process has imported, because Hypothesis mixes the literal
# constants of every local (non-site-packages, non-test) module in sys.modules into what it draws
# (hypothesis.internal.conjecture.providers._get_local_constants, no setting turns it off). On an
# xdist worker that set depends on which tests ran first; alone, it is fixed by compat's imports.
#
# The other tests run on the contract suite's reserved stack (contracts/reserved_stack.py): their
# Hypothesis draws map and unmap frame memory on CPython 3.11 otherwise (about 6 % of their time).
test: lint check-generated browser-deps doc-deps  ## The README's test command: lint, drift check, the tests, the contract suite's ci profile, the bench's smoke run.
	$(BIN)/pytest -n 2 tests --ignore=tests/compat -p contracts.reserved_stack --durations=10 --junitxml=reports/tests.xml
	$(BIN)/pytest -n 2 tests/compat --junitxml=reports/compat.xml
	$(BIN)/didit-contract --profile ci --junitxml reports/contract-ci.xml
	$(MAKE) --no-print-directory bench-smoke

# `didit-contract`, as installed with [contract]: its defaults are this target's (two xdist workers
# for deep, bytecode cached under .venv/pycache, the profile and target from the environment).
contract: $(STAMP)  ## The contract suite (profile deep, or DIDIT_CONTRACT_PROFILE) against the emulator or DIDIT_BASE_URL.
	$(BIN)/didit-contract --junitxml reports/contract.xml

# Debian packages at pinned versions. The archive keeps only each package's latest point release,
# so a pinned version that has left it falls back to the archive's own, saying so (a fresh machine
# must still set up).
apt_install = apt-get update -qq && { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends $(1) || { echo "note: $(1) has left Debian's archive; installing its \
	current version" >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends $(foreach p,$(1),$(firstword $(subst =, ,$(p)))); }; }

# The browser of the journey tests (issue 10): Debian's chromium at this exact version, which
# Playwright (requirements.txt) drives through its executable path; no browser is ever downloaded.
CHROMIUM_VERSION := 156.0.8078.79-1~deb12u1
.PHONY: browser-deps

browser-deps:  ## Install Debian's chromium (CHROMIUM_VERSION) for the browser tests unless /usr/bin/chromium is there.
	@if [ ! -x /usr/bin/chromium ]; then $(call apt_install,chromium=$(CHROMIUM_VERSION)); fi

# The shell blocks of the README and docs/ run in tests/docs with curl and jq: Debian's, at these
# exact versions, unless the commands are there.
CURL_VERSION := 7.88.1-10+deb12u15
JQ_VERSION := 1.6-2.1+deb12u3
.PHONY: doc-deps

doc-deps:  ## Install Debian's curl (CURL_VERSION) and jq (JQ_VERSION) for the doc tests unless they are there.
	@if ! command -v curl >/dev/null || ! command -v jq >/dev/null; then \
		$(call apt_install,curl=$(CURL_VERSION) jq=$(JQ_VERSION)); \
	fi

EMULATOR_HOST ?= 127.0.0.1
EMULATOR_PORT ?= 8790
# The emulator's own environment: the package with its [emulator] extra only (no npm, no dev
# tools), at the versions of requirements.txt. Editable, so it serves the repository's openapi.yaml.
EMULATOR_VENV := $(VENV)/emulator-runtime
EMULATOR_STAMP := $(EMULATOR_VENV)/.installed
$(EMULATOR_STAMP): pyproject.toml setup.py requirements.txt
	test -x $(EMULATOR_VENV)/bin/python || $(PYTHON) -m venv $(EMULATOR_VENV)
	$(EMULATOR_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.txt -e ".[emulator]"
	touch $@

emulator: $(EMULATOR_STAMP)  ## Serve the local Didit emulator (EMULATOR_HOST, EMULATOR_PORT, EMULATOR_CONFIG).
	$(EMULATOR_VENV)/bin/didit-emulator --host $(EMULATOR_HOST) --port $(EMULATOR_PORT) $(if $(EMULATOR_CONFIG),--config $(EMULATOR_CONFIG))

.PHONY: dist
dist: $(TOOLS)  ## Build the sdist and wheel into dist/ (openapi.yaml packaged inside) and twine-check them.
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist .
	$(BIN)/python -m twine check --strict dist/*

# The API reference (issue 11): one self-contained HTML page from openapi.yaml, rendered by the
# pinned Redocly CLI (package.json) with Redoc inlined. docs/api-reference.hbs forbids the page any
# network load; the CLI and the page send no usage data, so it builds and reads offline.
API_REFERENCE := build/docs/api-reference.html
.PHONY: docs

docs: $(TOOLS)  ## Build the API reference page (API_REFERENCE, git-ignored) from openapi.yaml.
	mkdir -p $(dir $(API_REFERENCE))
	REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx --no-install redocly build-docs $(SPEC) \
		--inlineBundle --openapi.disableTelemetry=true --template docs/api-reference.hbs \
		--output $(API_REFERENCE) 2>&1 | grep -v '[║╔╚]'

lock:  ## Re-freeze requirements.txt from requirements.in.
	rm -rf /tmp/didit-lock && $(PYTHON) -m venv /tmp/didit-lock
	/tmp/didit-lock/bin/pip install --quiet -r requirements.in
	/tmp/didit-lock/bin/pip freeze --all --exclude-editable | grep -v -e '^-e' -e '^pip==' | sort -f > requirements.txt

clean:  ## Remove the virtual environment and caches.
	rm -rf $(VENV) node_modules .mypy_cache .ruff_cache .pytest_cache .hypothesis reports

# The benchmark (issue 13): the emulator next to Prism (package.json) and a bare-Starlette floor,
# driven by Debian's wrk at this exact version. Speed is printed, never asserted.
WRK_VERSION := 4.1.0-3+b2
.PHONY: bench bench-smoke bench-deps

bench-deps:  ## Install the pinned load generator (Debian's wrk WRK_VERSION) unless wrk is there.
	@if ! command -v wrk >/dev/null; then $(call apt_install,wrk=$(WRK_VERSION)); fi

bench: $(STAMP) bench-deps  ## Emulator vs Prism vs floor: req/s, p50/p99, ratios (BENCH_DURATION, BENCH_ROUNDS, ...).
	$(BIN)/python bench/run.py

bench-smoke: $(STAMP) bench-deps  ## The bench in 1 s runs, only to prove it works: fails on errors, never on speed.
	$(BIN)/python bench/run.py --smoke
