"""Standard-library-only core: configuration, prompts, label masking, sampling manifests,
per-sample JSONL stores, result files, environment capture and training-log parsing.

Nothing in this package may import a third-party module at import time; the test
`test_core_is_stdlib_only` enforces it.
"""
