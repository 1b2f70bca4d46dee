"""Without the dask extra, pytest's doctest collection must not import cleaner/dask.py;
without the train extra, not cleaner/model/train.py; without the datatrove extra, not
cleaner/datatrove_step.py."""

from importlib.util import find_spec

collect_ignore = [] if all(find_spec(m) for m in ("dask", "distributed", "fsspec")) else ["cleaner/dask.py"]
if not find_spec("sklearn"):
    collect_ignore.append("cleaner/model/train.py")
if not find_spec("datatrove"):
    collect_ignore.append("cleaner/datatrove_step.py")
