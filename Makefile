# All set-up happens here: `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test bench mutate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/release-parser parse samples/iij_2q_fy2004_results.txt
	mkdir -p out && rm -f out/releases.db
	$(VENV)/bin/release-parser ingest samples/ --db sqlite:///out/releases.db
	$(VENV)/bin/release-parser query --db sqlite:///out/releases.db \
	  "select company, period, line_item, value, unit, scale, amount from facts_latest \
	   where concept = 'revenues' and period = '2Q04' and measure = 'value'"
	$(VENV)/bin/release-parser timeseries revenues --db sqlite:///out/releases.db \
	  --company "Kanto Network Systems Inc." --freq year

test: $(STAMP)
	$(PY) -m pytest tests src/release_parser docs

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

# Mutation testing, on demand (hours on two cores): `make mutate MUTANTS="release_parser.headers*"` for a part.
mutate: $(STAMP)
	$(VENV)/bin/mutmut run --max-children 2 $(MUTANTS)
	$(PY) tests/mutation_report.py mutants --survivors

clean:
	rm -rf $(VENV) build *.egg-info mutants
