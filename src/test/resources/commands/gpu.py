# Prints the GPUs it may use, then holds them a moment so that two trials overlap.
import os
import time

print("CUDA_VISIBLE_DEVICES=%s" % os.environ.get("CUDA_VISIBLE_DEVICES", "<unset>"), flush=True)
time.sleep(1.5)
print("loss: 0")
