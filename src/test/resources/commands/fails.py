import sys

print("loss: 1")
print("Traceback (most recent call last):\nValueError: boom", file=sys.stderr)
sys.exit(3)
