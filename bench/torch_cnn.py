"""The benchmark's configuration D in PyTorch (CPU): lesson 16's CNN, the idiomatic way.

conv 32 5x5 + ReLU + 2x2 max pool, conv 64 5x5 + ReLU + 2x2 max pool, dense 1024-128 + ReLU,
dense 128-10; softmax cross-entropy, Adam lr 1e-3, batch 64, He-normal weights, zero biases.
nn.Sequential, torch.optim.Adam, the images in memory as one (N, 1, 28, 28) tensor, batches by
index. float32 by default (PyTorch's normal); --dtype float64 for ours' precision.
Run by nn_bench; alone: python3 bench/torch_cnn.py --images 10000

Prints "epoch <k> <seconds>", "accuracy <test accuracy>", "info <what ran>", "kernel <OpenBLAS's
core name>", "threads <n>" and "config <line>" (torch.__config__.show() and parallel_info()).
"""
import argparse
import os
import sys
import tempfile
import time

import numpy as np
import torch
from torch import nn

from peers import load_split, openblas


def arguments():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--images", type=int, default=0, help="training images (the first ones; 0: all)")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    p.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data", "mnist"))
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args()
    if args.epochs < 1 or args.images < 0:
        p.error("--epochs must be at least 1 and --images at least 0")
    return args


def onednn_isa(model, x):
    """The instruction set oneDNN picked, from its verbose line (written to file descriptor 1)."""
    if not torch.backends.mkldnn.is_available():
        return ""
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile(mode="w+") as tmp:
        os.dup2(tmp.fileno(), 1)
        try:
            with torch.no_grad(), torch.backends.mkldnn.verbose(torch.backends.mkldnn.VERBOSE_ON):
                model(x)
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        tmp.seek(0)
        for line in tmp:
            if ",isa:" in line:
                return line.split(",isa:", 1)[1].strip()
    return ""


def conv_backend(conv, x):
    """Which implementation PyTorch picks for this convolution (Mkldnn, Slow2d, ...)."""
    try:
        b = torch._C._select_conv_backend(x, conv.weight, conv.bias, conv.stride, conv.padding,
                                          conv.dilation, False, [0, 0], 1)
        return str(b).split(".")[-1]
    except (AttributeError, RuntimeError, TypeError):
        return "?"


def main():
    args = arguments()
    dtype = torch.float32 if args.dtype == "float32" else torch.float64
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x_train, y_train = load_split(args.data, "train")
    x_test, y_test = load_split(args.data, "t10k")
    if args.images:
        x_train, y_train = x_train[:args.images], y_train[:args.images]
    x_train = torch.from_numpy(x_train.astype(np.float32) / 255.0).to(dtype).reshape(-1, 1, 28, 28)
    x_test = torch.from_numpy(x_test.astype(np.float32) / 255.0).to(dtype).reshape(-1, 1, 28, 28)
    y_train = torch.from_numpy(y_train)
    y_test = torch.from_numpy(y_test)

    model = nn.Sequential(
        nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1024, 128), nn.ReLU(), nn.Linear(128, 10)).to(dtype)
    for layer in model:
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(layer.weight, mode="fan_in", nonlinearity="relu")  # N(0, √(2/fan-in))
            nn.init.zeros_(layer.bias)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    batch = 64

    backends = [conv_backend(model[0], x_train[:batch]),
                conv_backend(model[3], torch.zeros(batch, 32, 12, 12, dtype=dtype))]
    isa = onednn_isa(model, x_train[:batch]) if "Mkldnn" in backends else ""

    for epoch in range(args.epochs):
        start = time.perf_counter()
        order = torch.randperm(len(x_train))
        for first in range(0, len(order), batch):
            idx = order[first:first + batch]
            opt.zero_grad(set_to_none=True)
            loss = nn.functional.cross_entropy(model(x_train[idx]), y_train[idx])
            loss.backward()
            opt.step()
        print(f"epoch {epoch + 1} {time.perf_counter() - start:.6f}", flush=True)

    with torch.no_grad():
        predicted = torch.cat([model(x_test[i:i + 1000]).argmax(dim=1) for i in range(0, len(x_test), 1000)])
    print(f"accuracy {(predicted == y_test).float().mean().item():.4f}")
    core, _ = openblas()
    conv = "/".join(sorted(set(backends)))
    if isa:
        conv += f" ({isa})"
    print(f"info PyTorch {torch.__version__}, {args.dtype}, convolutions {conv}, "
          f"dense OpenBLAS {core}, {torch.get_num_threads()} threads")
    print(f"kernel {core}")
    print(f"threads {torch.get_num_threads()}")
    for text in (torch.__config__.show(), torch.__config__.parallel_info()):
        for line in text.splitlines():
            if line.strip():
                print(f"config {line.rstrip()}")


if __name__ == "__main__":
    main()
