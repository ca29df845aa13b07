"""The benchmark's configurations A, B, C in PyTorch (CPU, float32), the idiomatic way:
nn.Sequential, an optimizer from torch.optim, tensors in memory, batches by index.
Run by nn_bench; alone: python3 bench/torch_mlp.py --config A --epochs 1
"""
import time

import numpy as np
import torch
from torch import nn

from peers import CONFIGS, arguments, load_split, openblas


def main():
    args = arguments(__doc__)
    sizes, hidden, cost, optimizer, lr, batch, init = CONFIGS[args.config]
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x_train, y_train = load_split(args.data, "train")
    x_test, y_test = load_split(args.data, "t10k")
    x_train = torch.from_numpy(x_train.astype(np.float32) / 255.0)
    x_test = torch.from_numpy(x_test.astype(np.float32) / 255.0)
    y_train = torch.from_numpy(y_train)
    y_test = torch.from_numpy(y_test)

    layers = []
    for l, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        dense = nn.Linear(a, b)
        if init == "glorot_uniform":
            nn.init.xavier_uniform_(dense.weight)
        else:
            nn.init.normal_(dense.weight)
        nn.init.zeros_(dense.bias)
        layers.append(dense)
        if l < len(sizes) - 2:
            layers.append(nn.ReLU() if hidden == "relu" else nn.Sigmoid())
    if cost == "quadratic":
        layers.append(nn.Sigmoid())
    model = nn.Sequential(*layers)
    opt = (torch.optim.SGD(model.parameters(), lr=lr) if optimizer == "sgd"
           else torch.optim.Adam(model.parameters(), lr=lr))
    eye = torch.eye(10)

    def loss_of(out, y):
        if cost == "softmax_ce":
            return nn.functional.cross_entropy(out, y)
        # ½‖a − y‖² summed over the outputs, mean over the batch (network.py's update)
        return 0.5 * ((out - eye[y]) ** 2).sum(dim=1).mean()

    for epoch in range(args.epochs):
        start = time.perf_counter()
        order = torch.randperm(len(x_train))
        for first in range(0, len(order), batch):
            idx = order[first:first + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_of(model(x_train[idx]), y_train[idx])
            loss.backward()
            opt.step()
        print(f"epoch {epoch + 1} {time.perf_counter() - start:.6f}", flush=True)

    with torch.no_grad():
        predicted = model(x_test).argmax(dim=1)
    print(f"accuracy {(predicted == y_test).float().mean().item():.4f}")
    core, _ = openblas()
    print(f"info PyTorch {torch.__version__}, float32, OpenBLAS {core}, {torch.get_num_threads()} threads")
    print(f"kernel {core}")
    print(f"threads {torch.get_num_threads()}")


if __name__ == "__main__":
    main()
