"""A tiny script for lib/bridge tests: progress with \r, stderr, exit codes, interruption."""
import signal
import sys
import time

# A process started in the background by a shell inherits "ignore SIGINT"; restore the default.
signal.signal(signal.SIGINT, signal.default_int_handler)

mode = sys.argv[1] if len(sys.argv) > 1 else "ok"
if mode == "ok":
    for i in range(1, 201):
        print(f"\rprogress {i}/200", end="", flush=True)
    print()
    for i in range(100):
        print(f"line {i}")
    print("to stderr", file=sys.stderr)
elif mode == "fail":
    print("about to fail")
    print("Traceback: boom", file=sys.stderr)
    sys.exit(3)
elif mode == "sleep":
    try:
        print("sleeping", flush=True)
        time.sleep(60)
    except KeyboardInterrupt:
        print("got SIGINT", flush=True)
        sys.exit(130)
