# The two commands a new maintainer needs:  make serve  and  make test.
# Each sets everything up itself: the virtual environment, pinned dependencies, generated files.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DEPS := $(VENV)/.site-deps
TEST_DEPS := $(VENV)/.test-deps

# The build engine: mkdocs (the default) or properdocs, its maintained fork (README.md).
ENGINE ?= mkdocs

# Silence Material's end-of-life banner in every build (shared/notes-mkdocs.md).
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

# Edit links point at this repository: GitHub's address of the `origin` remote, when there is one.
# GitHub Actions sets REPO_URL itself; mkdocs.yml holds a placeholder otherwise.
ORIGIN_URL := $(shell git remote get-url origin 2>/dev/null | sed -E 's#^git@github\.com:#https://github.com/#; s#\.git$$##')
ifneq ($(filter https://github.com/%,$(ORIGIN_URL)),)
export REPO_URL ?= $(ORIGIN_URL)
endif

.PHONY: serve build test check generate check-generated publish-check browser linkcheck-external bench urls twins twin-current twins-current clean help

help:
	@echo "make serve               preview the site at http://127.0.0.1:8000/kultursamverkan/"
	@echo "make test                run every test (sets everything up first)"
	@echo "make check               the fast tests: everything but the browser"
	@echo "make build               write the site to site/ (ENGINE=properdocs to build with ProperDocs)"
	@echo "make generate            write the fragments that pages include, from data/"
	@echo "make urls                add new pages to data/published-urls.txt"
	@echo "make twins               list the English pages whose Swedish page has changed, and what changed"
	@echo "make twin-current PAGE=docs/x.en.md   mark an English page as translating its Swedish page as it is now"
	@echo "make twins-current       mark every English page so"
	@echo "make publish-check       fail while a placeholder is left (publisher, contact, addresses)"
	@echo "make linkcheck-external  check links to other websites (needs the internet)"
	@echo "make bench               print build time, page weight and Lighthouse scores"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_DEPS): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(TEST_DEPS): requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@ $(SITE_DEPS)

# Fragments that the pages include, written from data/ before every build and never committed
# (scripts/generate.py). A hand-edited fragment stops this with a message; nothing is lost.
generate: $(SITE_DEPS)
	$(BIN)/python -m scripts.generate

check-generated: $(SITE_DEPS)
	$(BIN)/python -m scripts.generate --check

# Ready to publish? Fails and names each placeholder left in mkdocs.yml (extra.publisher) or in
# the addresses (REPO_URL, SITE_URL). The deploy workflow runs it before it publishes.
publish-check: $(SITE_DEPS)
	$(BIN)/python -m scripts.publish_check

# `python -m` so that the site's Markdown extension (scripts/term_help.py) can be imported.
serve: generate
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# The one build pipeline (scripts/build.py): generate, strict build, one search index per language.
build: $(SITE_DEPS)
	$(BIN)/python -m scripts.build --engine $(ENGINE)

browser: $(TEST_DEPS)
	@$(BIN)/python -m scripts.find_browser --install

test: $(TEST_DEPS) browser
	$(BIN)/python -m pytest

# The tests that need no browser: data, generators, the strict build, links, LIX.
check: $(TEST_DEPS)
	$(BIN)/python -m pytest -m "not browser"

# Internal links are checked offline by `make test`; this checks every address in the sources
# registry and every link to another website on the built site, and writes lychee-report.json
# (read by scripts/broken_links.py in the weekly workflow).
linkcheck-external: $(TEST_DEPS) build
	$(BIN)/python -m scripts.broken_links addresses .lychee-addresses.txt
	$(BIN)/lychee --cache --max-cache-age 1d --no-progress --scheme https --scheme http \
		--exclude-loopback --format json --output lychee-report.json .lychee-addresses.txt site/

bench: $(TEST_DEPS) browser
	$(BIN)/python -m scripts.bench
	$(BIN)/python -m scripts.bench_pipeline

urls: build
	$(BIN)/python -m scripts.published_urls --add

# Twins (scripts/twins.py): each English page records which Swedish text it translates. An
# outdated twin is published with a notice; `make test` and the pull-request check list it.
twins: $(SITE_DEPS)
	$(BIN)/python -m scripts.twins list

# After updating an English page, or when the Swedish change was only a typo. Rewrites only the
# record line in the page's front matter, and the copy of the Swedish text in translations/.
twin-current: $(SITE_DEPS)
	@test -n "$(PAGE)" || { echo "Name the English page: make twin-current PAGE=docs/ansvar.en.md" >&2; exit 2; }
	$(BIN)/python -m scripts.twins mark $(PAGE)

twins-current: $(SITE_DEPS)
	$(BIN)/python -m scripts.twins mark --all

clean:
	rm -rf site .bench .pytest_cache
