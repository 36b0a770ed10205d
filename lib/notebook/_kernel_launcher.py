"""Start a Jupyter kernel that cannot outlive the notebook runner that launched it.

Usage: python3 _kernel_launcher.py PARENT_PID KERNEL_COMMAND...

Jupyter starts each kernel in a session of its own, so a signal to the report's process group
never reaches it, and a runner killed by SIGKILL or SIGHUP cannot shut it down: the kernel was
re-parented to PID 1 and ran on. This launcher asks Linux to SIGKILL the kernel when its parent
(the runner's thread that forked it: the main thread) ends, then execs the kernel command, which
keeps that setting. If the parent has already gone (it is no longer PARENT_PID), it exits.
Called by lib/notebook/_execute_notebook.py; not a public interface.
"""
import ctypes
import os
import signal
import sys


def main():
    parent = int(sys.argv[1])
    command = sys.argv[2:]
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        pass  # not Linux: the runner's own shutdown of the kernel is all there is
    if os.getppid() != parent:
        sys.exit("kernel launcher: the notebook runner is gone; the kernel is not started")
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
