# Reports a falling loss each step until --steps; says so on stdout when SIGTERM ends it early.
import argparse
import signal
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--steps", type=int, default=100)
parser.add_argument("--sleep", type=float, default=0.2)
args = parser.parse_args()


def terminated(signum, frame):
    print("terminated by SIGTERM", flush=True)
    sys.exit(143)


signal.signal(signal.SIGTERM, terminated)
for step in range(1, args.steps + 1):
    print("step: %d" % step)
    print("loss: %f" % (1.0 / step), flush=True)
    time.sleep(args.sleep)
