# Prints what the trial's environment holds for it.
import os

print("CUDA_VISIBLE_DEVICES=%s" % os.environ.get("CUDA_VISIBLE_DEVICES", "<unset>"))
print("OMP_NUM_THREADS=%s" % os.environ.get("OMP_NUM_THREADS", "<unset>"))
print("cwd=%s" % os.getcwd())
print("loss: 0")
