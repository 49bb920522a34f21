"""The Keras text CNN trained by PyTorch on CUDA, the peer of scripts/bench-gpu.sh's tfjs rows.

Same model, batch (32), optimizer (Adam) and random ids as the tfjs rows (TextCnn and PRESETS
from bench_torch.py). Prints one JSON line. Run: python3 scripts/bench_gpu_torch.py [seconds]
"""
import json
import sys
import time

import torch
from torch import nn

from bench_torch import PRESETS, TextCnn


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    if not torch.cuda.is_available():
        print(json.dumps({"row": "PyTorch CUDA", "error": "torch.cuda.is_available() is False"}), flush=True)
        return
    p, classes, device = PRESETS["keras-text-cnn"], 2, torch.device("cuda")
    torch.manual_seed(42)
    model = TextCnn(p, classes).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    batch = p["batch"]
    tokens = torch.randint(0, p["vocab"], (64 * batch, p["length"]), device=device)
    labels = torch.randint(0, classes, (64 * batch,), device=device)

    def step(i: int) -> None:
        at = (i % 64) * batch
        optimizer.zero_grad()
        loss_fn(model(tokens[at : at + batch]), labels[at : at + batch]).backward()
        optimizer.step()

    for i in range(10):
        step(i)
    torch.cuda.synchronize()
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step(steps)
        steps += 1
        if steps % 50 == 0:
            torch.cuda.synchronize()
    torch.cuda.synchronize()
    print(json.dumps({
        "row": "PyTorch CUDA",
        "batch": batch,
        "steps": steps,
        "samplesPerSecond": steps * batch / (time.perf_counter() - start),
        "device": torch.cuda.get_device_name(0),
        "torch": torch.__version__,
    }), flush=True)


if __name__ == "__main__":
    main()
