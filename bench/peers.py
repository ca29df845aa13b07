"""What the NumPy and PyTorch peers share: the three configurations, MNIST's IDX files, the output.

Each peer prints one line per epoch, "epoch <k> <seconds>", then "accuracy <test accuracy>",
"info <what ran>", "kernel <OpenBLAS's core name>" and "threads <n>"; nn_bench reads those lines.
Only training is timed (shuffle and batching included), as in ours.
"""
import argparse
import ctypes
import os
import sys

import numpy as np

CONFIGS = {
    # sizes, hidden activation, cost, optimizer, learning rate, batch, weight init
    "A": ([784, 30, 30, 10], "relu", "softmax_ce", "sgd", 0.1, 32, "glorot_uniform"),
    "B": ([784, 30, 10], "sigmoid", "quadratic", "sgd", 3.0, 10, "normal"),
    "C": ([784, 256, 128, 10], "relu", "softmax_ce", "adam", 1e-3, 128, "glorot_uniform"),
}


def arguments(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--config", choices=sorted(CONFIGS), required=True)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data", "mnist"))
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args()
    if args.epochs < 1:
        p.error("--epochs must be at least 1")
    return args


def load_split(folder, split):
    """(images as uint8 (n, 784), labels as int64 (n,)) from LeCun's IDX files."""
    def read(name, magic, header):
        path = os.path.join(folder, name)
        with open(path, "rb") as f:
            data = f.read()
        if int.from_bytes(data[0:4], "big") != magic:
            sys.exit(f"error: {path} is not an IDX file")
        return np.frombuffer(data, dtype=np.uint8, offset=header)

    images = read(f"{split}-images-idx3-ubyte", 0x803, 16).reshape(-1, 784)
    labels = read(f"{split}-labels-idx1-ubyte", 0x801, 8).astype(np.int64)
    return images, labels


def init_weights(kind, fan_in, fan_out, rng):
    """(fan_in, fan_out) float32 weights: Keras's Glorot uniform or N(0, 1) as network.py."""
    if kind == "glorot_uniform":
        r = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-r, r, size=(fan_in, fan_out)).astype(np.float32)
    return rng.standard_normal((fan_in, fan_out)).astype(np.float32)


def openblas():
    """(core name, threads) of the OpenBLAS this process has loaded (NumPy's or PyTorch's BLAS).

    The core name is OpenBLAS's own for the kernels it runs (SkylakeX, Haswell, Prescott, ...): with
    OPENBLAS_CORETYPE unset, Debian's OpenBLAS 0.3.21 picks the generic Prescott kernels on CPUs it
    does not know, and nn_bench refuses a ratio against a peer that ran them. When the BLAS library
    is not OpenBLAS, the name says what it is, and threads is 0."""
    with open("/proc/self/maps") as f:
        libs = sorted({line.split()[-1] for line in f if "blas" in line.split()[-1].lower()})
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
            corename, threads = lib.openblas_get_corename, lib.openblas_get_num_threads
        except (OSError, AttributeError):
            continue
        corename.restype = ctypes.c_char_p
        return corename().decode(), threads()
    return "not OpenBLAS (" + (", ".join(libs) or "no BLAS loaded") + ")", 0
