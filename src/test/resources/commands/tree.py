# Starts a grandchild and prints both pids (not as scalars), also to --pidfile when given, then
# waits as a long training run would.
import argparse
import os
import subprocess
import time

parser = argparse.ArgumentParser()
parser.add_argument("--pidfile")
args, _ = parser.parse_known_args()

child = subprocess.Popen(["sleep", "120"])
pids = "pids %d %d" % (os.getpid(), child.pid)
print(pids, flush=True)
if args.pidfile:
    with open(args.pidfile + ".tmp", "w") as f:
        f.write(pids + "\n")
    os.rename(args.pidfile + ".tmp", args.pidfile)
time.sleep(120)
