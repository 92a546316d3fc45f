#!/usr/bin/env bash
# GPU check of a command trial's program (conf/examples/fashion_mlp.py) as SparkTune's command
# trainable starts it: an argv array, CUDA_VISIBLE_DEVICES set to the GPU Spark gave the task,
# SPARKTUNE_SEED set. Needs python3 with PyTorch and a GPU; no Java. Prints epoch times and
# accuracies for one trial, a retry with the same seed, two trials sharing one GPU, and no GPU.
#   bench/gpu-command-trial.sh [DATASET_DIR]      (results also under $OUT, default target/bench/gpu)
set -u
cd "$(dirname "$0")/.."
D="${1:-../shared/datasets/fashion-mnist}"
S=conf/examples/fashion_mlp.py
OUT="${OUT:-target/bench/gpu}"
mkdir -p "$OUT"
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
  python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), torch.version.cuda)"
  nproc; } > "$OUT/env.txt" 2>&1
cat "$OUT/env.txt"
echo "== one trial on GPU 0, 5 epochs"
CUDA_VISIBLE_DEVICES=0 SPARKTUNE_SEED=7 python3 $S --data "$D" --epochs 5 --hidden 512 --layers 2 --batch_size 128 --lr 0.001 > "$OUT/gpu1.txt" 2>&1
echo "rc=$?"; cat "$OUT/gpu1.txt"
echo "== the same seed again (a retried trial)"
CUDA_VISIBLE_DEVICES=0 SPARKTUNE_SEED=7 python3 $S --data "$D" --epochs 2 --hidden 512 --layers 2 --batch_size 128 --lr 0.001 > "$OUT/gpu1b.txt" 2>&1
grep val_acc "$OUT/gpu1b.txt"
echo "== two trials sharing GPU 0 at once (spark.task.resource.gpu.amount 0.5)"
( CUDA_VISIBLE_DEVICES=0 SPARKTUNE_SEED=1 python3 $S --data "$D" --epochs 3 --hidden 512 --layers 2 > "$OUT/share-a.txt" 2>&1 ) &
CUDA_VISIBLE_DEVICES=0 SPARKTUNE_SEED=2 python3 $S --data "$D" --epochs 3 --hidden 512 --layers 2 > "$OUT/share-b.txt" 2>&1
wait
grep -h "epoch_seconds\|val_acc\|device" "$OUT/share-a.txt" "$OUT/share-b.txt"
echo "== no GPU given (CUDA_VISIBLE_DEVICES empty): the CPU, one thread, 1 epoch"
CUDA_VISIBLE_DEVICES= SPARKTUNE_SEED=7 timeout 200 python3 $S --data "$D" --epochs 1 --hidden 512 --layers 2 --batch_size 128 --threads 1 > "$OUT/cpu1.txt" 2>&1
echo "rc=$?"; cat "$OUT/cpu1.txt"
