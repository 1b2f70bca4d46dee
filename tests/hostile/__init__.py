"""Hostile inputs through the CLI and the library: every input cleaned, or failed by
name with the exact message and exit code; never a traceback or an empty success."""
