# Two commands do everything on a fresh Debian 12 machine: `make demo` and `make test`.
# Each installs what is missing (Debian packages via apt as root or sudo, a .venv, pip) and is idempotent.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Qt offscreen, a real window under Xvfb, sound and speech, fonts, Python's venv.
SYSTEM_PACKAGES := python3-venv libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 \
	libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth libpulse0 espeak-ng fonts-dejavu-core
# What only the tests need: QR decoding of printed receipts, PostgreSQL for the store's tests, and the
# browser the console's tests drive (Debian's chromium with its chromedriver, for Selenium).
TEST_PACKAGES := zbar-tools postgresql chromium chromium-driver

.PHONY: demo test check setup system bench screenshots translations clean mutation

demo: setup
	$(PY) main.py demo

# One pytest-xdist worker per core (each with its own PostgreSQL database); pytest prints its time
# and the ten slowest tests at the end. TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2

test: setup check
	@scripts/system-packages.sh $(TEST_PACKAGES)
	ANJUNGAN_TEST_PG_URL="$$(scripts/test-postgres.sh)" ANJUNGAN_REQUIRE_PG=1 \
		$(PY) -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --durations=10 $(PYTEST_ARGS)

setup: system $(STAMP) translations

# House rules: lint and import order (ruff), types of the core, server and printing (mypy), and the
# one-way imports ui → printing → core, server → core, no Qt outside ui/ (import-linter).
check: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports --no-cache

# Qt Linguist: compile resources/i18n/*.ts to the .qm files the apps load (not kept in git).
translations: $(STAMP)
	@$(PY) -m ui.i18n build >/dev/null

system:
	@scripts/system-packages.sh $(SYSTEM_PACKAGES)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[gui,test]'
	touch $(STAMP)

# Speed and memory budgets: each script prints its figures and whether the budget is met.
bench: setup
	@scripts/system-packages.sh wrk
	$(PY) bench/server.py --runs 10
	$(PY) bench/login_flood.py
	$(PY) bench/console_hall.py
	$(PY) bench/printing.py
	$(PY) bench/skm.py
	xvfb-run -a -s "-screen 0 1920x1080x24" $(PY) bench/kiosk.py
	xvfb-run -a -s "-screen 0 1920x1080x24" $(PY) bench/display.py
	$(PY) bench/reports.py
	$(PY) bench/booking_page.py
	$(PY) bench/bookings_report.py

# Mutation testing of the core rules (not part of `make test`): mutmut changes each rule module in
# small ways and runs the fast tests of that rule against every change; the score script prints each
# module's score (reviewed equivalents: tests/mutation_equivalents.toml). Then each hand-made change to
# the modules' tables (tests/table_mutations.toml), which mutmut never touches, must be caught.
# Configured in pyproject.toml ([tool.mutmut]); starts clean, so the figures are this checkout's.
MUTATION_WORKERS ?= 2

mutation: setup
	rm -rf mutants
	@start=$$(date +%s); $(VENV)/bin/mutmut run --max-children $(MUTATION_WORKERS) >mutants.log 2>&1 \
		|| { tail -c 4000 mutants.log; exit 1; }; \
		echo "mutmut ran in $$(( $$(date +%s) - start )) s (its log: mutants.log)"; \
		$(PY) scripts/mutation_score.py; scored=$$?; \
		$(PY) scripts/table_mutations.py --workers $(MUTATION_WORKERS); tables=$$?; \
		echo "make mutation: $$(( $$(date +%s) - start )) s in all"; \
		[ $$scored -eq 0 ] && [ $$tables -eq 0 ]

# Every screen of every app, from the real apps under Xvfb, into docs/screenshots/ (shown in the README).
screenshots: setup
	xvfb-run -a -s "-screen 0 1920x1080x24" $(PY) -m ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache mutants mutants.log
