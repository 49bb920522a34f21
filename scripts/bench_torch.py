"""The reference model (Keras text CNN preset) trained by PyTorch on the CPU, for `npm run bench`.

Embedding(10000, 16) -> Conv1d(16, 128, 5) + ReLU -> global max pooling -> Linear(128, 128) + ReLU
-> Linear(128, classes), cross-entropy, Adam(1e-3), batch 32, sequences of 500 tokens: the same
shapes, FLOPs and optimizer as the studio's preset. Prints one JSON line with samples/s.
Run: python3 scripts/bench_torch.py [seconds] [classes]
"""
import json
import os
import re
import sys
import time

import torch
from torch import nn

VOCAB, LENGTH, DIM, FILTERS, KERNEL, HIDDEN, BATCH = 10000, 500, 16, 128, 5, 128, 32


class TextCnn(nn.Module):
    def __init__(self, classes: int):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, DIM)
        self.conv = nn.Conv1d(DIM, FILTERS, KERNEL)
        self.hidden = nn.Linear(FILTERS, HIDDEN)
        self.output = nn.Linear(HIDDEN, classes)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        x = self.embedding(tokens).transpose(1, 2)  # batch, dim, length
        x = torch.relu(self.conv(x)).amax(dim=2)
        return self.output(torch.relu(self.hidden(x)))


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    classes = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    threads = os.cpu_count() or 1
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    model = TextCnn(classes)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    tokens = torch.randint(0, VOCAB, (64 * BATCH, LENGTH))
    labels = torch.randint(0, classes, (64 * BATCH,))

    def step(i: int) -> None:
        at = (i % 64) * BATCH
        optimizer.zero_grad()
        loss = loss_fn(model(tokens[at : at + BATCH]), labels[at : at + BATCH])
        loss.backward()
        optimizer.step()

    for i in range(5):
        step(i)
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step(steps)
        steps += 1
    elapsed = time.perf_counter() - start
    blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    print(json.dumps({
        "samplesPerSecond": steps * BATCH / elapsed,
        "steps": steps,
        "threads": threads,
        "torch": torch.__version__,
        "blas": blas.group(1) if blas else "unknown",
    }))


if __name__ == "__main__":
    main()
