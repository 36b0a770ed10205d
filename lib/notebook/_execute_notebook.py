"""Execute Jupyter notebooks headless through the real kernel protocol (nbclient), several in one
kernel, one after another.

Usage: python3 _execute_notebook.py --kernel deno --timeout 600 --cwd DIR

Reads jobs from stdin, one JSON object a line: {"input": "IN.ipynb", "output": "OUT.ipynb"}. For each
it writes the executed notebook (with outputs, without timing metadata, so that identical inputs
give identical files) to OUT, then prints one line to stdout: "NOTEBOOK_DONE " + {"input"}, or, if a
cell failed (what ran is still written), "NOTEBOOK_ERROR " + {"input", "cell": index, "ename",
"evalue", "source"}. It exits when stdin ends.

One kernel serves every job (its start and the notebook's imports are paid once, not per notebook):
the Deno kernel lets a later cell declare a name again, each notebook's execution counts are
numbered from 1 as in a fresh kernel, and after a failed notebook the next one gets a fresh kernel;
so does the notebook after one that left the kernel larger than `--fresh-kernel-above-mib` (default
1024 MiB: the study's report stays below 700 MiB; 32 runs × 5,000 answers would otherwise pile up
every notebook's frames in one kernel).
The kernel starts at once in DIR (the notebooks' folder, their relative paths' base); a job in
another folder gets a kernel started there. Called by lib/notebook/notebook_worker.ts; not a public
interface.
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


def say(kind, body):
    print(f"{kind} " + json.dumps(body, ensure_ascii=False), flush=True)


class Kernel:
    """One started kernel in a folder, with the client that talks to it."""

    def __init__(self, a, cwd):
        self.cwd = cwd
        self.client = NotebookClient(
            nbformat.v4.new_notebook(),
            kernel_name=a.kernel,
            timeout=a.timeout,
            record_timing=False,
            allow_errors=False,
            resources={"metadata": {"path": cwd}},
            kernel_manager_class=DyingWithRunnerKernelManager,
        )
        self.context = started_kernel(self.client)
        self.context.__enter__()

    def close(self):
        self.context.__exit__(None, None, None)

    def rss_bytes(self):
        """Resident memory of the kernel and its child processes, in bytes (0 when unknown)."""
        try:
            pid = self.client.km.provisioner.process.pid
        except AttributeError:
            return 0
        return tree_rss(pid)


def tree_rss(pid):
    """Resident memory of `pid` and its descendants, from /proc (Linux; 0 elsewhere)."""
    children = {}
    rss = {}
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return 0
    for e in entries:
        try:
            with open(f"/proc/{e}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{e}/statm") as f:
                rss[int(e)] = int(f.read().split()[1]) * page
            children.setdefault(int(fields[1]), []).append(int(e))
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def run_notebook(kernel, a, job):
    """Runs one notebook in `kernel`; returns the failure (a dict) or None."""
    client = kernel.client
    nb = nbformat.read(job["input"], as_version=4)
    client.nb = nb
    client.reset_execution_trackers()
    sent = {}
    execute = client.kc.execute

    def recording_execute(*args, **kwargs):
        sent["id"] = execute(*args, **kwargs)
        return sent["id"]

    client.kc.execute = recording_execute
    failed = None
    try:
        for index, cell in enumerate(nb.cells):
            try:
                sent.pop("id", None)
                # Counted from 1 for each notebook, as a fresh kernel counts (the kernel's own
                # count goes on across notebooks).
                count = client.code_cells_executed + 1
                client.execute_cell(cell, index, execution_count=count)
                if "id" in sent:
                    drain_late_outputs(client, sent["id"], cell, index)
                    cell["execution_count"] = count
                    for output in cell.get("outputs", []):
                        if "execution_count" in output:
                            output["execution_count"] = count
            except CellExecutionError as e:
                failed = {"cell": index, "ename": e.ename, "evalue": e.evalue, "source": cell.source[:300]}
                break
            except CellTimeoutError:
                failed = {"cell": index, "ename": "Timeout", "evalue": f"cell ran longer than {a.timeout} s", "source": cell.source[:300]}
                break
            except DeadKernelError as e:
                failed = {"cell": index, "ename": "DeadKernel", "evalue": str(e), "source": cell.source[:300]}
                break
    finally:
        client.kc.execute = execute
    nb.metadata.pop("widgets", None)
    write_atomic(nb, job["output"])
    return failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="deno")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--cwd", default=os.getcwd())
    # A kernel keeps what its notebooks left in memory (their frames, remembered analyses); past
    # this size, the next notebook gets a fresh kernel, so that a worker's memory stays that of one
    # notebook at a time (large result sets), while small reports keep reusing one kernel.
    ap.add_argument("--fresh-kernel-above-mib", type=int, default=1024)
    a = ap.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    kernel = None
    try:
        die_with_parent()
        kernel = Kernel(a, os.path.abspath(a.cwd))
        for line in sys.stdin:
            if not line.strip():
                continue
            job = json.loads(line)
            cwd = os.path.dirname(os.path.abspath(job["input"]))
            if kernel is None or kernel.cwd != cwd:
                if kernel is not None:
                    kernel.close()
                kernel = None  # a failed start leaves none to close
                kernel = Kernel(a, cwd)
            failed = run_notebook(kernel, a, job)
            if failed is None:
                say("NOTEBOOK_DONE", {"input": job["input"]})
                if kernel.rss_bytes() > a.fresh_kernel_above_mib * 2**20:
                    kernel.close()
                    kernel = None  # started for the next job, if one comes
            else:
                # What the failed notebook left in the kernel must not reach the next one.
                kernel.close()
                kernel = None
                say("NOTEBOOK_ERROR", {"input": job["input"], **failed})
    except Stopped as stop:
        if kernel is not None:
            kernel.close()
        print(f"stopped ({stop}); the kernel was shut down", file=sys.stderr)
        sys.exit(130)
    if kernel is not None:
        kernel.close()


if __name__ == "__main__":
    main()
