"""Time Run All of notebooks as JupyterLab runs them: each notebook in a kernel of its own, no
report parameters, every cell in order. Prints, per notebook, the kernel's start and the seconds
of all its cells (the Run All figure: kernel start excluded), and its slowest cells.

Usage: python3 _run_all_timing.py [--rounds N] NOTEBOOK...   (called by lib/report/time_run_all.ts)
"""
import argparse
import os
import sys
import time

sys.modules.setdefault("rfc3987_syntax", None)  # an optional jsonschema import, slow and unused
import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("notebooks", nargs="+")
    a = ap.parse_args()
    for rnd in range(1, a.rounds + 1):
        load = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"
        print(f"round {rnd} of {a.rounds} (round 1 warms the caches), load {load}", flush=True)
        for path in a.notebooks:
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb, kernel_name="deno", timeout=600,
                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
            )
            t0 = time.perf_counter()
            with client.setup_kernel():
                start = time.perf_counter() - t0
                times = []
                for i, cell in enumerate(nb.cells):
                    t = time.perf_counter()
                    client.execute_cell(cell, i)
                    if cell.cell_type == "code":
                        times.append((time.perf_counter() - t, i))
            slow = ", ".join(f"cell {i} {t:.2f} s" for t, i in sorted(times, reverse=True)[:2])
            print(
                f"  {os.path.basename(path):28} Run All {sum(t for t, _ in times):5.2f} s"
                f"  (kernel start {start:.2f} s; slowest: {slow})",
                flush=True,
            )


if __name__ == "__main__":
    main()
