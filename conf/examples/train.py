#!/usr/bin/env python3
"""Guild AI's sample training script, with flags instead of globals: plain python3, no packages.

    loss = sin(5x) * (1 - tanh(x^2)) + noise * N(0, 1)

The optimum is near x = -0.3 (loss about -0.95 at noise 0). It prints its flags and its loss as
Guild's output scalars ("name: value"), which SparkTune's command trainable reads.
"""
import argparse
import math
import os
import random

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--x", type=float, default=0.1)
parser.add_argument("--noise", type=float, default=0.1)
args = parser.parse_args()

# SparkTune gives each trial its own seed, so a re-run trial draws the same noise.
rng = random.Random(os.environ.get("SPARKTUNE_SEED"))

print("x: %f" % args.x)
print("noise: %f" % args.noise)
loss = math.sin(5 * args.x) * (1 - math.tanh(args.x ** 2)) + rng.gauss(0, 1) * args.noise
print("loss: %f" % loss)
