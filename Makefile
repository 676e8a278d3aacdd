# adaptive-practice: the commands a developer needs. `make demo` and `make test` set up what is
# missing first (scripts/setup.sh, idempotent).
.PHONY: setup build demo test test-engine test-browser size clean

PORT ?= 8000

setup:
	@bash scripts/setup.sh

build: setup
	@bash scripts/build.sh

demo: build
	@node scripts/serve.mjs $(PORT)

test: build
	@bash scripts/test.sh

test-engine:
	cargo test --workspace --exclude adaptive-practice

test-browser: build
	cd pkg-tests && npm test

size: build
	@bash scripts/size.sh

clean:
	rm -rf pkg target pkg-tests/screenshots

# Bank tools (plain cargo, no wasm toolchain): `make check-bank BANK=www/banks/fractions.json`
# (several files: BANK="a.json b.json"), `make import-oatutor SRC=oatutor-folder OUT=bank.json`.
.PHONY: check-bank import-oatutor

check-bank:
	cargo run -q --release -p adaptive-practice-bank-tools --bin check-bank -- $(BANK)

import-oatutor:
	cargo run -q --release -p adaptive-practice-bank-tools --bin import-oatutor -- --src $(SRC) --out $(OUT)
