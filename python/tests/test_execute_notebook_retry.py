"""lib/notebook/_execute_notebook.py, the headless runner behind `deno task report`: a kernel
start that fails because its port was taken in the meantime (ZMQ's "Address already in use",
seen about once in fifty runs) is retried with fresh ports; any other start error is not."""

import importlib.util
import sys
from contextlib import contextmanager

import pytest

from conftest import REPO_ROOT

pytest.importorskip("nbclient", reason="nbclient is not installed (python/requirements/notebooks.txt)")
spec = importlib.util.spec_from_file_location("_execute_notebook", REPO_ROOT / "lib" / "notebook" / "_execute_notebook.py")
runner = importlib.util.module_from_spec(spec)
sys.modules["_execute_notebook"] = runner
spec.loader.exec_module(runner)


class FakeClient:
    def __init__(self, failures):
        self.failures = list(failures)
        self.starts = 0
        self.stops = 0

    @contextmanager
    def _kernel(self):
        self.starts += 1
        if self.failures:
            raise self.failures.pop(0)
        try:
            yield
        finally:
            self.stops += 1

    def setup_kernel(self):
        return self._kernel()


def test_a_port_clash_is_retried_and_the_kernel_is_shut_down_after(monkeypatch):
    monkeypatch.setattr(runner.time, "sleep", lambda s: None)
    client = FakeClient([RuntimeError("ZMQError: Address already in use (addr='tcp://127.0.0.1:5555')")])
    with runner.started_kernel(client):
        pass
    assert (client.starts, client.stops) == (2, 1)


def test_other_start_errors_and_endless_clashes_are_not_hidden(monkeypatch):
    monkeypatch.setattr(runner.time, "sleep", lambda s: None)
    with pytest.raises(ValueError, match="no such kernel"):
        with runner.started_kernel(FakeClient([ValueError("no such kernel")])):
            pass
    clash = RuntimeError("AddrInUse")
    client = FakeClient([clash] * runner.START_ATTEMPTS)
    with pytest.raises(RuntimeError, match="AddrInUse"):
        with runner.started_kernel(client):
            pass
    assert client.starts == runner.START_ATTEMPTS
