# Every target builds its own environment from nothing: a fresh clone needs only python3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PLAN   ?= plan

.PHONY: run test lint fuzz bench schema clean help render-check

help:
	@echo "make run    - cài đặt và chạy 'kehoach status' trên kế hoạch kèm theo"
	@echo "make test   - cài đặt và chạy toàn bộ kiểm thử"
	@echo "make lint   - ruff + mypy"
	@echo "make fuzz   - thử ngẫu nhiên bộ đọc YAML, thời hạn và nhập văn bản (FUZZ_EXAMPLES=2000)"
	@echo "make bench  - đo hiệu năng (BENCH_SIZES=1000,10000 để bỏ cỡ 100.000 nhiệm vụ;"
	@echo "              KEHOACH_BENCH_PORTFOLIOS= để bỏ phần nhiều kế hoạch)"
	@echo "make schema - sinh lại schemas/ từ mô hình dữ liệu"
	@echo "make render-check - dựng báo cáo docx/xlsx/html ra PDF, PNG và kiểm tra (cài gói Debian)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kehoach status $(PLAN)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/mypy --strict tests

# Bounded fuzzing of the YAML loader, the deadline parser and the import readers (not part
# of make test): FUZZ_EXAMPLES examples per target, about 10 minutes at the default.
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-2000} $(BIN)/python -m pytest fuzz

# About 8 minutes on 2 cores, plus the portfolios (50 and 500 plans × 200 tasks, roughly as
# long again); BENCH_SIZES=1000,10000 skips the 100,000-task plan (~3 min),
# KEHOACH_BENCH_PORTFOLIOS= (empty) the portfolios, KEHOACH_BENCH_PORTFOLIOS=50 the big one.
bench: $(STAMP)
	@command -v task >/dev/null 2>&1 || { (apt-get update -qq && apt-get install -y -qq taskwarrior) >/dev/null 2>&1 \
		|| echo "Không cài được Taskwarrior (apt-get): bỏ qua phần so sánh với task."; }
	$(BIN)/python -m kehoach.bench $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES))

schema: $(STAMP)
	$(BIN)/kehoach schema --out schemas

clean:
	rm -rf $(VENV) build src/*.egg-info

# Not part of `make test`: installs LibreOffice, poppler-utils and Chromium from Debian,
# renders the 2019-Q3 report in every format to PDF/PNG under build/render/ and checks them.
render-check: $(STAMP)
	$(BIN)/python scripts/render_check.py

# Mutation testing of the state and counting rules, of deadline resolution and of the period
# calendar ([tool.mutmut] in pyproject.toml; docs/states.md, "Kiểm thử đột biến"). Niced;
# MUTATE_CHILDREN workers (1 leaves a core free on a shared machine). 1,683 mutants as a
# fresh clone generates them (evaluate 562, counting 337, resolve 439, periods 345): an hour
# or more on one busy core. `.venv/bin/mutmut results` lists the survivors, `mutmut show
# NAME` one of them.
MUTATE_CHILDREN ?= 2
.PHONY: mutate
mutate: $(STAMP)
	nice -n 19 $(BIN)/mutmut run --max-children $(MUTATE_CHILDREN)
