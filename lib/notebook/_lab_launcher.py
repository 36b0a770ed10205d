"""Starts JupyterLab for `deno task lab` (lib/notebook/start_lab.ts); arguments as `jupyter lab`.

A terminal's Ctrl-C goes to the whole foreground process group: `deno task lab` and this server.
JupyterLab with no terminal on stdin would take it as KeyboardInterrupt and exit at once without
shutting its kernels down (they run in sessions of their own and would be left behind). So this
launcher leaves the stop to `deno task lab`, which asks the server to shut down with its kernels:
the server ignores SIGINT (with a Python handler, not SIG_IGN, so the kernels it starts keep
SIGINT for "Interrupt kernel"), and Linux sends it SIGTERM, which it handles by shutting down
cleanly, if its parent dies.
"""

import ctypes
import os
import signal
import sys


def main() -> None:
    signal.signal(signal.SIGINT, lambda *_: None)
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before the call
            sys.exit(1)
    except OSError:
        pass  # not Linux: `deno task lab` still stops the server through its API
    from jupyterlab.labapp import main as lab_main

    sys.argv = ["jupyter-lab", *sys.argv[1:]]
    sys.exit(lab_main())


if __name__ == "__main__":
    main()
