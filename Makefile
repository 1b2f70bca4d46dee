# Tasks; the default is what CI runs (lint and types, then the suite).
.PHONY: test lint check snap bench

test: lint
	python3 -m pytest

lint:
	bash .ci/lint

check:
	python3 -m cleaner check profiles/

snap:
	python3 -m pytest --snapshot-update tests/test_seeds.py
	git diff --stat tests/__snapshots__

bench:
	python3 benchmarks/devset_text.py
