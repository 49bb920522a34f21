"""The studio's presets trained by PyTorch on the CPU at its best thread count, for `npm run bench`.

Tiny, Keras text CNN and Kim CNN with the studio's shapes, FLOPs, batch sizes and optimizer
(Adam): Embedding -> Conv1d branches + ReLU -> global max pooling -> [dropout] -> [Linear + ReLU]
-> Linear(classes), cross-entropy. Every thread count from 1 to the core count is timed, because
on small machines more intra-op threads are often slower (2.8x slower with 2 than with 1 on a
2-core VM); the best one is the peer's figure. Prints one JSON line per preset.
Run: python3 scripts/bench_torch.py [seconds per thread count] [classes] [preset ids, comma-separated]
"""
import json
import os
import re
import sys
import time

import torch
from torch import nn

# id: vocabulary, sequence length, embedding, filters, kernel sizes, dense units (0: none), dropout, batch
PRESETS = {
    "tiny": dict(name="Tiny", vocab=2000, length=40, dim=16, filters=32, kernels=[3], hidden=32, dropout=0.0, batch=32),
    "keras-text-cnn": dict(name="Keras text CNN", vocab=10000, length=500, dim=16, filters=128, kernels=[5], hidden=128, dropout=0.0, batch=32),
    "kim-cnn": dict(name="Kim CNN", vocab=10000, length=200, dim=64, filters=100, kernels=[3, 4, 5], hidden=0, dropout=0.5, batch=50),
}


class TextCnn(nn.Module):
    def __init__(self, p: dict, classes: int):
        super().__init__()
        self.embedding = nn.Embedding(p["vocab"], p["dim"])
        self.convs = nn.ModuleList(nn.Conv1d(p["dim"], p["filters"], k) for k in p["kernels"])
        width = p["filters"] * len(p["kernels"])
        self.dropout = nn.Dropout(p["dropout"]) if p["dropout"] else None
        self.hidden = nn.Linear(width, p["hidden"]) if p["hidden"] else None
        self.output = nn.Linear(p["hidden"] or width, classes)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        x = self.embedding(tokens).transpose(1, 2)  # batch, dim, length
        x = torch.cat([torch.relu(conv(x)).amax(dim=2) for conv in self.convs], dim=1)
        if self.dropout is not None:
            x = self.dropout(x)
        if self.hidden is not None:
            x = torch.relu(self.hidden(x))
        return self.output(x)


def samples_per_second(p: dict, classes: int, threads: int, seconds: float) -> float:
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    model = TextCnn(p, classes)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    batch = p["batch"]
    tokens = torch.randint(0, p["vocab"], (64 * batch, p["length"]))
    labels = torch.randint(0, classes, (64 * batch,))

    def step(i: int) -> None:
        at = (i % 64) * batch
        optimizer.zero_grad()
        loss = loss_fn(model(tokens[at : at + batch]), labels[at : at + batch])
        loss.backward()
        optimizer.step()

    for i in range(5):
        step(i)
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step(steps)
        steps += 1
    return steps * batch / (time.perf_counter() - start)


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    classes = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    ids = sys.argv[3].split(",") if len(sys.argv) > 3 else list(PRESETS)
    cores = os.cpu_count() or 1
    blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    for preset_id in ids:
        p = PRESETS[preset_id]
        by_threads = {t: samples_per_second(p, classes, t, seconds) for t in range(1, cores + 1)}
        best = max(by_threads, key=by_threads.get)
        print(json.dumps({
            "preset": p["name"],
            "batch": p["batch"],
            "samplesPerSecond": by_threads[best],
            "threads": best,
            "byThreads": {str(t): round(s, 1) for t, s in by_threads.items()},
            "torch": torch.__version__,
            "blas": blas.group(1) if blas else "unknown",
        }), flush=True)


if __name__ == "__main__":
    main()
