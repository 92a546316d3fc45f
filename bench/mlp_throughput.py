"""PyTorch peer of io.sparktune.bench.MlpThroughput: the same MLP 784-256-256-10, Adam, batch 128,
one thread, Fashion-MNIST scaled to [0, 1]; samples/s is 60,000 over the second epoch's time
(training epoch plus the 10,000-image validation pass).
    python3 bench/mlp_throughput.py DATASET_DIR"""
import gzip
import sys
import time

import numpy as np
import torch
from torch import nn


def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def load(folder, prefix):
    images = idx(f"{folder}/{prefix}-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / 255.0
    labels = idx(f"{folder}/{prefix}-labels-idx1-ubyte.gz", 8).astype(np.int64)
    return torch.from_numpy(images), torch.from_numpy(labels)


def main():
    torch.set_num_threads(1)
    torch.manual_seed(1)
    x, y = load(sys.argv[1], "train")
    vx, vy = load(sys.argv[1], "t10k")
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    times = []
    for epoch in range(2):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(x))
        for i in range(0, len(x), 128):
            batch = order[i:i + 128]
            optimizer.zero_grad()
            loss = loss_fn(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            correct = 0
            for i in range(0, len(vx), 1024):
                correct += (model(vx[i:i + 1024]).argmax(1) == vy[i:i + 1024]).sum().item()
        times.append(time.perf_counter() - start)
    seconds = times[1]
    print(f"pytorch {torch.__version__} epoch_seconds={seconds:.2f} samples_per_s={60000 / seconds:.0f} val_accuracy={correct / len(vx):.4f}")


if __name__ == "__main__":
    main()
