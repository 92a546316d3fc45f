#!/usr/bin/env python3
"""An MLP on Fashion-MNIST with PyTorch, as a SparkTune command trial: the reference sweep's model
(conf/spaces/fashion-mlp.json) for teams whose training code is Python.

    tune run --command "python3 conf/examples/fashion_mlp.py --data ../shared/datasets/fashion-mnist" \
        --param lr=loguniform[1e-4:1e-2] --param hidden=[128,256,512] --param epochs=9 \
        --scheduler asha --max val_accuracy

It trains on the GPU that SparkTune gives the trial (CUDA_VISIBLE_DEVICES, from Spark's GPU
scheduling), else on the CPU. Each epoch prints "step: N" and then its scalars, so schedulers see
every epoch and can stop the process early. The data are the four official IDX files.
"""
import argparse
import gzip
import os
import struct
import time

import torch
from torch import nn

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--data", required=True, help="folder with the four Fashion-MNIST .gz files")
parser.add_argument("--lr", type=float, default=1e-3)
parser.add_argument("--hidden", type=int, default=256)
parser.add_argument("--layers", type=int, default=2)
parser.add_argument("--dropout", type=float, default=0.1)
parser.add_argument("--batch_size", type=int, default=128)
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--threads", type=int, default=1, help="CPU threads when no GPU is given (default 1: one per trial slot)")
args = parser.parse_args()


def idx(name):
    with gzip.open(os.path.join(args.data, name), "rb") as f:
        magic, count = struct.unpack(">II", f.read(8))
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range((magic & 0xFF) - 1)]
        return torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).reshape(count, *dims)


def loaded(images, labels, device):
    x = idx(images).reshape(-1, 784).float().div(255).to(device)
    return x, idx(labels).long().to(device)


# SparkTune gives each trial its own seed, so a re-run trial trains the same network.
torch.manual_seed(int(os.environ.get("SPARKTUNE_SEED", "0")) & 0x7FFFFFFF)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
if device.type == "cpu":
    torch.set_num_threads(args.threads)
# Not a scalar (no number after the colon), so SparkTune shows it in the trial's stdout only.
print("device: %s %s" % (device, torch.cuda.get_device_name(0) if device.type == "cuda" else ""), flush=True)
train_x, train_y = loaded("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", device)
val_x, val_y = loaded("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", device)

blocks, width = [], 784
for _ in range(args.layers):
    blocks += [nn.Linear(width, args.hidden), nn.ReLU(), nn.Dropout(args.dropout)]
    width = args.hidden
model = nn.Sequential(*blocks, nn.Linear(width, 10)).to(device)
optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
loss_of = nn.CrossEntropyLoss()

for epoch in range(1, args.epochs + 1):
    start = time.time()
    model.train()
    order = torch.randperm(len(train_x), device=device)
    total = 0.0
    for i in range(0, len(order), args.batch_size):
        batch = order[i:i + args.batch_size]
        optimiser.zero_grad()
        loss = loss_of(model(train_x[batch]), train_y[batch])
        loss.backward()
        optimiser.step()
        total += loss.item() * len(batch)
    model.eval()
    with torch.no_grad():
        accuracy = (model(val_x).argmax(1) == val_y).float().mean().item()
    print("step: %d" % epoch)
    print("train_loss: %.6f" % (total / len(train_x)))
    print("val_accuracy: %.6f" % accuracy)
    print("epoch_seconds: %.3f" % (time.time() - start), flush=True)
