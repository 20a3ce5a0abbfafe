# Every target builds its own environment from nothing: a fresh clone needs only python3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PLAN   ?= plan

.PHONY: run test lint bench schema clean help

help:
	@echo "make run    - cài đặt và chạy 'kehoach status' trên kế hoạch kèm theo"
	@echo "make test   - cài đặt và chạy toàn bộ kiểm thử"
	@echo "make lint   - ruff + mypy"
	@echo "make bench  - đo hiệu năng"
	@echo "make schema - sinh lại schemas/ từ mô hình dữ liệu"

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

bench: $(STAMP)
	$(BIN)/python -m kehoach.bench

schema: $(STAMP)
	$(BIN)/kehoach schema --out schemas

clean:
	rm -rf $(VENV) build src/*.egg-info
