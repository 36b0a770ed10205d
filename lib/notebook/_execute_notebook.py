"""Execute one Jupyter notebook headless through the real kernel protocol (nbclient).

Usage: python3 _execute_notebook.py IN.ipynb OUT.ipynb --kernel deno --timeout 600

Writes the executed notebook (with outputs, without timing metadata, so that identical inputs
give identical files) to OUT. If a cell fails, it still writes what ran, prints one JSON line
to stderr prefixed with "NOTEBOOK_ERROR " ({"cell": index, "ename", "evalue", "source"}) and
exits 1. Called by lib/notebook/execute_notebook.ts; not a public interface.
"""
import argparse
import contextlib
import ctypes
import json
import os
import signal
import sys
import tempfile
import time

import queue

# nbformat imports jsonschema, whose format checkers import rfc3987_syntax when it is installed
# (JupyterLab's dependencies bring it into .venv/). Building that package's grammar takes 2.6 s
# of a 4.5 s notebook run here; notebooks never use the IRI formats it checks, so it is kept out.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402
from jupyter_client import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError, CellTimeoutError, DeadKernelError

# The Deno kernel can publish a cell's `execute_result` after its `status: idle` message, and
# nbclient stops reading at idle, so such outputs would be lost at random. After each cell we keep
# reading IOPub until it has been quiet for DRAIN_QUIET_S and add late messages of that cell.
# Measured with Deno 2.9.6 on a 2-core machine: late messages arrive within 1 ms of idle, so
# 0.05 s leaves a wide margin (the byte-identity test of figures/ would catch a lost output).
DRAIN_QUIET_S = 0.05


def drain_late_outputs(client, parent_id, cell, index):
    while True:
        try:
            msg = run_sync(client.kc.get_iopub_msg)(timeout=DRAIN_QUIET_S)
        except queue.Empty:
            return
        if msg.get("parent_header", {}).get("msg_id") != parent_id:
            continue

        try:
            client.process_message(msg, cell, index)
        except CellExecutionComplete:
            pass


KERNEL_LAUNCHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_kernel_launcher.py")


class DyingWithRunnerKernelManager(AsyncKernelManager):
    """Starts the kernel through _kernel_launcher.py, so that it dies with this process even when
    this process is killed by a signal it cannot handle (SIGKILL)."""

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        return [sys.executable, "-I", KERNEL_LAUNCHER, str(os.getpid()), *command]


class Stopped(Exception):
    """SIGTERM, SIGINT or SIGHUP: leave the kernel context so the kernel is shut down, then exit."""


def on_signal(signum, frame):
    raise Stopped(signal.Signals(signum).name)


def die_with_parent():
    """Linux: get SIGTERM when the process that started us dies (even by SIGKILL), so that no
    kernel outlives an interrupted report."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before the call
            raise Stopped("parent gone")
    except OSError:
        pass  # not Linux: the parent's signal handling still stops us


# A kernel start can fail when a port picked for it was taken in the meantime (AddrInUse);
# such starts are retried with fresh ports.
START_ATTEMPTS = 4


@contextlib.contextmanager
def started_kernel(client):
    """client.setup_kernel(), retried when the kernel's ports clash (AddrInUse)."""
    for attempt in range(START_ATTEMPTS):
        manager = client.setup_kernel()
        try:
            manager.__enter__()
        except Exception as error:  # noqa: BLE001 - only port clashes are retried
            text = f"{type(error).__name__}: {error}"
            clash = "AddrInUse" in text or "Address already in use" in text
            if not clash or attempt == START_ATTEMPTS - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
            continue
        try:
            yield
        except BaseException:
            if not manager.__exit__(*sys.exc_info()):
                raise
        else:
            manager.__exit__(None, None, None)
        return


def write_atomic(nb, path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        nbformat.write(nb, f)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--kernel", default="deno")
    ap.add_argument("--timeout", type=int, default=600)
    a = ap.parse_args()
    nb = nbformat.read(a.input, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=a.kernel,
        timeout=a.timeout,
        record_timing=False,
        allow_errors=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(a.input))}},
        kernel_manager_class=DyingWithRunnerKernelManager,
    )
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    die_with_parent()
    try:
        run_cells(client, nb, a)
    except Stopped as stop:
        print(f"stopped ({stop}); the kernel was shut down", file=sys.stderr)
        sys.exit(130)


def run_cells(client, nb, a):
    failed = None
    with started_kernel(client):
        sent = {}
        execute = client.kc.execute

        def recording_execute(*args, **kwargs):
            sent["id"] = execute(*args, **kwargs)
            return sent["id"]

        client.kc.execute = recording_execute
        for index, cell in enumerate(nb.cells):
            try:
                sent.pop("id", None)
                client.execute_cell(cell, index)
                if "id" in sent:
                    drain_late_outputs(client, sent["id"], cell, index)
            except CellExecutionError as e:
                failed = {"cell": index, "ename": e.ename, "evalue": e.evalue, "source": cell.source[:300]}
                break
            except CellTimeoutError:
                failed = {"cell": index, "ename": "Timeout", "evalue": f"cell ran longer than {a.timeout} s", "source": cell.source[:300]}
                break
            except DeadKernelError as e:
                failed = {"cell": index, "ename": "DeadKernel", "evalue": str(e), "source": cell.source[:300]}
                break
    nb.metadata.pop("widgets", None)
    write_atomic(nb, a.output)
    if failed is not None:
        print("NOTEBOOK_ERROR " + json.dumps(failed, ensure_ascii=False), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
