#!/usr/bin/python3
"""Writes a fixed subset of Fashion-MNIST as IDX files for bench/fmnist-xgboost.sh: the first N
images of a seeded permutation of the training set and of t10k, under the same names.

    /usr/bin/python3 bench/fmnist_subset.py SOURCE_DIR OUT_DIR TRAIN_ROWS VALIDATION_ROWS
"""
import gzip
import os
import struct
import sys

import numpy as np


def read(prefix):
    with gzip.open(prefix + "-images-idx3-ubyte.gz") as f:
        _, n, rows, cols = struct.unpack(">IIII", f.read(16))
        images = np.frombuffer(f.read(), dtype=np.uint8).reshape(n, rows, cols)
    with gzip.open(prefix + "-labels-idx1-ubyte.gz") as f:
        f.read(8)
        labels = np.frombuffer(f.read(), dtype=np.uint8)
    return images, labels


def write(prefix, images, labels):
    for name, header, body in ((prefix + "-images-idx3-ubyte.gz", struct.pack(">IIII", 2051, *images.shape), images),
                               (prefix + "-labels-idx1-ubyte.gz", struct.pack(">II", 2049, len(labels)), labels)):
        temp = name + ".tmp"
        with gzip.open(temp, "wb") as f:
            f.write(header + body.tobytes())
        os.replace(temp, name)


def main():
    source, out, train_rows, validation_rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    os.makedirs(out, exist_ok=True)
    for name, target, rows in (("train", "train", train_rows), ("t10k", "t10k", validation_rows)):
        images, labels = read(os.path.join(source, name))
        order = np.random.default_rng(20261130).permutation(len(labels))[:rows]
        write(os.path.join(out, target), images[order], labels[order])


if __name__ == "__main__":
    main()
