# adaptive-practice: the commands a developer needs. `make demo` and `make test` set up what is
# missing first (scripts/setup.sh, idempotent).
.PHONY: setup build demo test lint test-engine test-browser size clean

PORT ?= 8000

setup:
	@bash scripts/setup.sh

build: setup
	@bash scripts/build.sh

demo: build demo-content
	@node scripts/serve.mjs $(PORT)

# What the demo pages need beyond pkg/ and www/banks/: the OATutor sample converted for
# www/oatutor.html (www/generated/ is never committed). Without the sample, says so and goes on.
.PHONY: demo-content
OATUTOR_SAMPLE ?= ../shared/samples/oatutor
OATUTOR_BANK = www/generated/oatutor/oatutor.json
demo-content:
	@if [ -d "$(OATUTOR_SAMPLE)" ]; then \
		mkdir -p $(dir $(OATUTOR_BANK)) && \
		{ $(MAKE) -s import-oatutor SRC="$(OATUTOR_SAMPLE)" OUT=$(OATUTOR_BANK) \
			>$(dir $(OATUTOR_BANK))import-log.txt 2>&1 || { cat $(dir $(OATUTOR_BANK))import-log.txt; exit 1; }; } && \
		echo "demo: converted $(OATUTOR_SAMPLE) into $(OATUTOR_BANK)"; \
	else \
		echo "demo: no OATutor sample at $(OATUTOR_SAMPLE) (OATUTOR_SAMPLE=folder); www/oatutor.html will say its bank is missing"; \
	fi

# Each phase prints its seconds; test.sh builds first and ends with a summary and the whole run's
# seconds.
test:
	@started=$$(date +%s) && $(MAKE) --no-print-directory setup && AP_TEST_STARTED=$$started bash scripts/test.sh

# Formatting and lints (rustfmt, clippy -D warnings, Biome); `make test` runs it first.
lint: setup
	@bash scripts/lint.sh

test-engine:
	cargo test --workspace

# The native tests with every generated case the comparisons with std draw (`make test` draws a
# tenth: crates/engine/src/seeded.rs, `rounds`). A slow check: not part of `make test`.
.PHONY: test-long
test-long:
	AP_LONG_TESTS=1 cargo test --workspace

test-browser: build
	cd pkg-tests && npm test

size: build
	@bash scripts/size.sh

clean:
	rm -rf pkg target pkg-tests/screenshots

# Bank tools (plain cargo, no wasm toolchain): `make check-bank BANK=www/banks/fractions.json`
# (several files: BANK="a.json b.json"), `make import-oatutor SRC=oatutor-folder OUT=bank.json`,
# `make try-answers BANK=bank.json < answers.tsv` (lines `ITEM<TAB>input` in, lines
# `ITEM<TAB>input<TAB>verdict<TAB>reason` out; see docs/bank-format.md),
# `make calibrate LOGS=answers.tsv BANK=bank.json OUT=calibrated.json` (the bank with its
# calibration block fitted from an answer log in the kt format; docs/bank-format.md).
.PHONY: check-bank import-oatutor try-answers calibrate

# The cargo profile the bank tools are built in: release by default; `make test`'s browser tests
# run them in dev (TOOLS_PROFILE=dev), built by its native tests' phase (no second, release build
# of their dependencies; the tools run in well under a second either way).
TOOLS_PROFILE ?= release

check-bank:
	cargo run -q --profile $(TOOLS_PROFILE) -p adaptive-practice-bank-tools --bin check-bank -- $(BANK)

try-answers:
	@cargo run -q --profile $(TOOLS_PROFILE) -p adaptive-practice-bank-tools --bin try-answers -- $(BANK)

calibrate:
	@cargo run -q --profile $(TOOLS_PROFILE) -p adaptive-practice-bank-tools --bin calibrate -- --logs "$(LOGS)" --bank "$(BANK)" --out "$(OUT)"

import-oatutor:
	cargo run -q --profile $(TOOLS_PROFILE) -p adaptive-practice-bank-tools --bin import-oatutor -- --src $(SRC) --out $(OUT)

# Importers and exporters (docs/import.md, docs/import-xml.md): `make import SRC=path OUT=bank.json
# [FORMAT=gift|moodle-xml|qti|oatutor] [STRICT=1] [TYPED=1]` (the tool exits 0, 2 when something
# was skipped, 1 on error; make itself exits 2 on either, so scripts that need the difference run
# the `import` binary), `make export-gift BANK=bank.json OUT=quiz.gift`,
# `make export-qti BANK=bank.json OUT=package.zip` (or OUT=folder: a QTI 3.0 package).
.PHONY: import export-gift export-qti

import:
	@cargo run -q --profile $(TOOLS_PROFILE) -p adaptive-practice-bank-tools --bin import -- --src "$(SRC)" --out "$(OUT)" \
		$(if $(FORMAT),--format $(FORMAT)) $(if $(filter 1,$(STRICT)),--strict) $(if $(filter 1,$(TYPED)),--typed-answers) \
		$(if $(ID),--id "$(ID)")

export-gift:
	@cargo run -q --profile $(TOOLS_PROFILE) -p adaptive-practice-bank-tools --bin export -- --bank "$(BANK)" --to gift --out "$(OUT)"

export-qti:
	@cargo run -q --profile $(TOOLS_PROFILE) -p adaptive-practice-bank-tools --bin export -- --bank "$(BANK)" --to qti --out "$(OUT)"

# `make bench`: every size and speed figure (transfer size, start-up, per answer, storage, memory,
# 50 widgets, teacher page) in one table; also bench/generated/results.json, compared with the previous run.
.PHONY: bench
bench: build
	@node bench/run.mjs

# `make simulate`: the simulator's full run (every www/banks sample and the OATutor course, both
# truth models, 200 learners per cell; a few minutes): a table per bank and truth model, then one
# `policy=… truth=… bank=… stop=claim|oracle items=… posttest=… retention30=… false_mastery=…`
# line per row. Without the OATutor sample it fails (AP_ALLOW_MISSING_SAMPLES=1 outside CI: left out).
.PHONY: simulate
simulate:
	OATUTOR_SAMPLE="$(OATUTOR_SAMPLE)" cargo run --release -q -p adaptive-practice-simulator --bin simulate

# Evaluation on the shared real-learner data (plain cargo, no wasm toolchain). `make evaluate`:
# knowledge tracing on both datasets (the validation split of each train file, then the test
# file), recall prediction on the Anki log, the classroom simulator.
# `make evaluate-kt TRAIN=train.tsv TEST=test.tsv`: one train/test pair;
# `make evaluate-kt TRAIN=train.tsv VALIDATE=1`: fit-train vs validation learners of the train
# file only (crates/evaluate/README.md, "Validation split"), the test file is not read.
.PHONY: evaluate evaluate-kt

DATA ?= ../shared/data
EVALUATE = cargo run --release -q -p adaptive-practice-evaluate --

evaluate:
	$(EVALUATE) kt --train $(DATA)/kt/statics_train.tsv --validate
	$(EVALUATE) kt --train $(DATA)/kt/assistments09_train.tsv --validate
	$(EVALUATE) kt --train $(DATA)/kt/statics_train.tsv --test $(DATA)/kt/statics_test.tsv
	$(EVALUATE) kt --train $(DATA)/kt/assistments09_train.tsv --test $(DATA)/kt/assistments09_test.tsv
	$(EVALUATE) srs --revlog $(DATA)/srs/anki_revlog.tsv --folds 5
	@$(MAKE) -s simulate

evaluate-kt:
	$(EVALUATE) kt --train $(TRAIN) $(if $(filter 1,$(VALIDATE)),--validate,--test $(TEST))

# `make fuzz`: each fuzz target (bank loader, templates, answer checkers, the expression and
# equation parser, markup, progress loader, report reader) for FUZZ_SECONDS seconds (default 60) with cargo-fuzz on nightly;
# installs cargo-fuzz if missing.
.PHONY: fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh
