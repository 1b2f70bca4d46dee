# Tasks; the default is what CI runs.
.PHONY: test check snap bench

test:
	python3 -m pytest

check:
	python3 -m cleaner check

snap:
	python3 -m pytest --snapshot-update tests/test_seeds.py
	git diff --stat tests/__snapshots__

bench:
	python3 benchmarks/devset_text.py
