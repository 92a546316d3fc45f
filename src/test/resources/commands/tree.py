# Starts a grandchild and prints both pids (not as scalars), then waits as a long training run would.
import os
import subprocess
import time

child = subprocess.Popen(["sleep", "120"])
print("pids %d %d" % (os.getpid(), child.pid), flush=True)
time.sleep(120)
