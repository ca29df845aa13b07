"""The benchmark's configurations A, B, C in NumPy (float32; BLAS products through OpenBLAS).

Written the way a careful NumPy user would: one sample per row, whole-batch matrix products,
in-place updates. Run by nn_bench; alone: python3 bench/numpy_mlp.py --config A --epochs 1
"""
import time

import numpy as np

from peers import CONFIGS, arguments, init_weights, load_split, openblas


def main():
    args = arguments(__doc__)
    sizes, hidden, cost, optimizer, lr, batch, init = CONFIGS[args.config]
    rng = np.random.default_rng(args.seed)
    x_train, y_train = load_split(args.data, "train")
    x_test, y_test = load_split(args.data, "t10k")
    x_train = x_train.astype(np.float32) / 255.0
    x_test = x_test.astype(np.float32) / 255.0
    eye = np.eye(10, dtype=np.float32)

    W = [init_weights(init, a, b, rng) for a, b in zip(sizes[:-1], sizes[1:])]
    b = [np.zeros(n, dtype=np.float32) for n in sizes[1:]]
    m = [[np.zeros_like(p) for p in W], [np.zeros_like(p) for p in b]]
    v = [[np.zeros_like(p) for p in W], [np.zeros_like(p) for p in b]]
    step = 0
    L = len(W)

    def act(z):
        return np.maximum(z, 0, out=z) if hidden == "relu" else 1.0 / (1.0 + np.exp(-z))

    def forward(x):
        acts = [x]
        for l in range(L):
            z = acts[-1] @ W[l] + b[l]
            if l < L - 1:
                acts.append(act(z))
            elif cost == "softmax_ce":
                z -= z.max(axis=1, keepdims=True)
                np.exp(z, out=z)
                z /= z.sum(axis=1, keepdims=True)
                acts.append(z)
            else:
                acts.append(1.0 / (1.0 + np.exp(-z)))
        return acts

    for epoch in range(args.epochs):
        start = time.perf_counter()
        order = rng.permutation(len(x_train))
        for first in range(0, len(order), batch):
            idx = order[first:first + batch]
            acts = forward(x_train[idx])
            y = eye[y_train[idx]]
            a = acts[-1]
            delta = (a - y) / len(idx)
            if cost == "quadratic":
                delta *= a * (1 - a)
            step += 1
            for l in range(L - 1, -1, -1):
                gW = acts[l].T @ delta
                gb = delta.sum(axis=0)
                if l > 0:
                    delta = delta @ W[l].T
                    delta *= (acts[l] > 0) if hidden == "relu" else acts[l] * (1 - acts[l])
                if optimizer == "sgd":
                    W[l] -= lr * gW
                    b[l] -= lr * gb
                else:
                    for k, (p, g) in enumerate(((W[l], gW), (b[l], gb))):
                        mk, vk = m[k][l], v[k][l]
                        mk *= 0.9
                        mk += 0.1 * g
                        vk *= 0.999
                        vk += 0.001 * g * g
                        corr = lr * np.sqrt(1 - 0.999 ** step) / (1 - 0.9 ** step)
                        p -= corr * mk / (np.sqrt(vk) + 1e-8 * np.sqrt(1 - 0.999 ** step))
        print(f"epoch {epoch + 1} {time.perf_counter() - start:.6f}", flush=True)

    predicted = forward(x_test)[-1].argmax(axis=1)
    print(f"accuracy {np.mean(predicted == y_test):.4f}")
    core, threads = openblas()
    print(f"info NumPy {np.__version__}, float32, OpenBLAS {core}, {threads} threads")
    print(f"kernel {core}")
    print(f"threads {threads}")


if __name__ == "__main__":
    main()
