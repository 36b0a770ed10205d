"""Research workbench, Python side: train, generate and score Qwen3 models on the
Kazakhstan legal Q&A study, and write schema-v1 result files for the TypeScript side.

`workbench.core` uses the standard library only (tested on CPU-only machines);
everything that needs torch, transformers, peft or scikit-learn imports it inside functions.
"""

__version__ = "0.1.0"
