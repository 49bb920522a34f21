"""Trains the studio's model on a big file with PyTorch's DistributedDataParallel, and writes a
bundle that the studio's "Import model" reads unchanged.

    torchrun --standalone --nproc_per_node=4 train.py --data big.csv            # one machine
    torchrun --nnodes=2 --nproc_per_node=8 --rdzv-backend c10d \\
             --rdzv-endpoint host0:29400 --rdzv-id job1 train.py --data big.csv  # several
    python train.py --data big.csv                                              # one process

It checkpoints after every epoch (out/checkpoint.pt) and resumes from the last one, so
`torchrun --max-restarts=3 ...` carries on after a worker dies. See README.md.
"""

import argparse
import datetime
import json
import os
import sys
import time
import zipfile

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset, DistributedSampler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from studio_data import load_dataset, stratified_split  # noqa: E402
from studio_model import TextCNN, save_tfjs  # noqa: E402
from studio_text import Tokenizer, pad_sequences  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Train the Text Classifier Studio model with torch.distributed (DDP).")
    p.add_argument("--data", required=True, help="training file (csv, tsv, label<TAB>text, fastText, jsonl, json; as in config.json's data)")
    p.add_argument("--config", default=os.path.join(HERE, "config.json"))
    p.add_argument("--tokenizer", default=None, help="apply this tokenizer.json instead of fitting one (default: the project's tokenizer.json if --use-tokenizer)")
    p.add_argument("--use-tokenizer", action="store_true", help="apply the project's tokenizer.json (the studio's vocabulary) instead of fitting on --data")
    p.add_argument("--out", default="out", help="checkpoints and the studio bundle go here")
    p.add_argument("--epochs", type=int, default=None, help="override config.json's epochs")
    p.add_argument("--batch-size", type=int, default=None, help="global batch size (split over the processes); default config.json's")
    p.add_argument("--backend", choices=["auto", "gloo", "nccl"], default="auto", help="auto: nccl with CUDA, else gloo")
    p.add_argument("--loader-workers", type=int, default=0, help="DataLoader worker processes per rank (tokenizing on the fly)")
    p.add_argument("--log-every", type=int, default=50, help="progress line every N batches")
    p.add_argument("--no-resume", action="store_true", help="ignore an existing checkpoint")
    p.add_argument("--threads", type=int, default=None, help="torch CPU threads per process (default: cores / processes on this machine)")
    return p.parse_args(argv)


class Encoded(Dataset):
    """Texts tokenized and padded on the fly, so 10 million texts need no [N, length] array."""

    def __init__(self, texts, labels, rows, tokenizer, length):
        self.texts, self.labels, self.rows, self.tokenizer, self.length = texts, labels, rows, tokenizer, length

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        r = self.rows[i]
        return self.tokenizer.encode(self.texts[r]), self.labels[r]

    def collate(self, batch):
        ids = torch.from_numpy(pad_sequences([b[0] for b in batch], self.length))
        return ids, torch.tensor([b[1] for b in batch], dtype=torch.long)


def learning_rate_at(cfg, epoch):
    """src/core/train/trainConfig.ts learningRateAt, 1-based epoch."""
    import math

    e, lr, schedule = epoch - 1, cfg["learningRate"], cfg.get("schedule") or "constant"
    if schedule == "step":
        return lr * 0.5 ** (e // 5)
    if schedule == "exponential":
        return lr * 0.9 ** e
    if schedule == "cosine":
        return lr * 0.5 * (1 + math.cos(math.pi * e / max(1, cfg["epochs"])))
    return lr


def make_optimizer(name, params, lr):
    """tfjs' optimizers: adam (epsilon 1e-7), momentum SGD 0.9, rmsprop (decay 0.9, epsilon 1e-7)."""
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-7)
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7)
    raise ValueError(f"Unknown optimizer {name!r}")


def metrics_from_confusion(m):
    """src/core/eval/metrics.ts metricsFromConfusion."""
    k = len(m)
    ratio = lambda a, b: 0 if b == 0 else a / b  # noqa: E731
    per, total, correct = [], 0, 0
    for c in range(k):
        row, col = sum(m[c]), sum(m[j][c] for j in range(k))
        total += row
        correct += m[c][c]
        p, r = ratio(m[c][c], col), ratio(m[c][c], row)
        per.append({"precision": p, "recall": r, "f1": ratio(2 * p * r, p + r), "support": row})

    def avg(weight):
        w = sum(weight(c) for c in per)
        return {key: ratio(sum(c[key] * weight(c) for c in per), w) for key in ("precision", "recall", "f1")}
    return {"accuracy": ratio(correct, total), "perClass": per, "macro": avg(lambda c: 1), "weighted": avg(lambda c: c["support"]), "total": total}


def main(argv=None):
    args = parse_args(argv)
    with open(args.config, encoding="utf-8") as f:
        project = json.load(f)
    spec, train_cfg = project["spec"], dict(project["training"])
    if args.epochs:
        train_cfg["epochs"] = args.epochs
    if args.batch_size:
        train_cfg["batchSize"] = args.batch_size
    seed = int(train_cfg["seed"])

    distributed = "WORLD_SIZE" in os.environ
    use_cuda = torch.cuda.is_available() and args.backend != "gloo"
    backend = ("nccl" if use_cuda else "gloo") if args.backend == "auto" else args.backend
    if distributed:
        dist.init_process_group(backend=backend)
    rank, world = (dist.get_rank(), dist.get_world_size()) if distributed else (0, 1)
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    device = torch.device(f"cuda:{local_rank}" if use_cuda else "cpu")
    if use_cuda:
        torch.cuda.set_device(device)
    torch.set_num_threads(args.threads or max(1, (os.cpu_count() or 1) // max(1, int(os.environ.get("LOCAL_WORLD_SIZE", world)))))

    def log(*parts):
        if rank == 0:
            print(*parts, flush=True)

    # Every rank reads the file and splits it the same way: no shared file system is needed.
    started = time.time()
    texts, labels, classes, skipped = load_dataset(args.data, project["data"], project.get("labels"))
    if len(classes) < 2:
        raise SystemExit(f"{args.data}: need at least 2 classes, found {classes}")
    train_rows, val_rows, _test_rows = stratified_split(labels, train_cfg["validationSplit"], train_cfg.get("testSplit", 0), seed)
    if not val_rows:
        raise SystemExit("The validation split is empty: add more rows or raise the validation split.")
    dropped = ", ".join(f"{n} {why}" for why, n in skipped.items() if n)
    log(f"data: {len(texts)} texts, {len(classes)} classes ({', '.join(classes)}); train {len(train_rows)}, validation {len(val_rows)}"
        + (f"; skipped {dropped}" if dropped else "") + f" ({time.time() - started:.1f} s)")

    tokenizer_path = args.tokenizer or (os.path.join(HERE, "tokenizer.json") if args.use_tokenizer else None)
    if tokenizer_path:
        with open(tokenizer_path, encoding="utf-8") as f:
            tokenizer = Tokenizer.from_json(f.read())
        log(f"tokenizer: applied {tokenizer_path} ({len(tokenizer.word_index)} words)")
    else:
        t0 = time.time()
        tokenizer = Tokenizer.fit([texts[r] for r in train_rows], project["tokenizer"])
        log(f"tokenizer: fitted on the {len(train_rows)} training texts, {len(tokenizer.word_index)} words ({time.time() - t0:.1f} s)")
    length = spec["sequenceLength"]

    torch.manual_seed(seed)
    model = TextCNN(spec, len(classes)).to(device)
    ddp = torch.nn.parallel.DistributedDataParallel(model, device_ids=[local_rank] if use_cuda else None) if distributed else model
    optimizer = make_optimizer(train_cfg["optimizer"], [p for p in model.parameters() if p.requires_grad], train_cfg["learningRate"])
    class_weights = None
    if train_cfg.get("classWeights") == "balanced":
        counts = [0] * len(classes)
        for r in train_rows:
            counts[labels[r]] += 1
        class_weights = torch.tensor([0 if c == 0 else len(train_rows) / (len(classes) * c) for c in counts], device=device)
    stopping = train_cfg.get("earlyStopping") or {"monitor": "valLoss", "patience": 0, "restoreBest": True}

    # Resume: rank 0 reads the checkpoint and sends it to the others.
    os.makedirs(args.out, exist_ok=True)
    checkpoint_path = os.path.join(args.out, "checkpoint.pt")
    state = None
    if rank == 0 and not args.no_resume and os.path.exists(checkpoint_path):
        state = torch.load(checkpoint_path, map_location="cpu")
    if distributed:
        box = [state]
        dist.broadcast_object_list(box, src=0)
        state = box[0]
    history, best, first_epoch, trained_seconds, samples_seen = [], None, 1, 0.0, 0
    if state is not None:
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        history, best, trained_seconds, samples_seen = state["history"], state["best"], state["seconds"], state["samples"]
        first_epoch = state["epoch"] + 1
        log(f"resumed from {checkpoint_path} after epoch {state['epoch']}")

    global_batch = int(train_cfg["batchSize"])
    per_rank = max(1, -(-global_batch // world))
    train_set = Encoded(texts, labels, train_rows, tokenizer, length)
    sampler = DistributedSampler(train_set, num_replicas=world, rank=rank, shuffle=True, seed=seed, drop_last=False)
    loader = DataLoader(train_set, batch_size=per_rank, sampler=sampler, collate_fn=train_set.collate, num_workers=args.loader_workers)
    val_set = Encoded(texts, labels, val_rows[rank::world], tokenizer, length)
    val_loader = DataLoader(val_set, batch_size=256, collate_fn=val_set.collate, num_workers=args.loader_workers)
    k = len(classes)

    def validate():
        """Loss, accuracy and confusion over the whole validation split (each rank scores its share)."""
        model.eval()
        sums = torch.zeros(2, dtype=torch.float64, device=device)
        confusion = torch.zeros(k, k, dtype=torch.float64, device=device)
        with torch.no_grad():
            for ids, y in val_loader:
                ids, y = ids.to(device), y.to(device)
                probs = torch.softmax(model(ids), dim=-1)
                # Keras' categorical cross-entropy: probabilities clipped to [1e-7, 1 - 1e-7].
                sums[0] += -torch.log(probs.gather(1, y[:, None]).clamp(1e-7, 1 - 1e-7)).sum().double()
                sums[1] += len(y)
                confusion.index_put_((y, probs.argmax(dim=1)), torch.ones(len(y), dtype=torch.float64, device=device), accumulate=True)
        if distributed:
            dist.all_reduce(sums)
            dist.all_reduce(confusion)
        m = confusion.round().long().tolist()
        return sums[0].item() / sums[1].item(), metrics_from_confusion(m)

    batches = len(loader)
    log(f"model: {sum(p.numel() for p in model.parameters())} parameters; {world} process(es) on {device.type} ({backend if distributed else 'no process group'}), "
        f"{per_rank} texts per process per step, {batches} steps per epoch")
    epochs = int(train_cfg["epochs"])
    stopped_early = False
    for epoch in range(first_epoch, epochs + 1):
        if best is not None and stopping.get("patience", 0) > 0 and epoch - best["epoch"] > stopping["patience"]:
            stopped_early = True
            break
        lr = learning_rate_at(train_cfg, epoch)
        for group in optimizer.param_groups:
            group["lr"] = lr
        sampler.set_epoch(epoch)
        ddp.train()
        t0 = time.time()
        totals = torch.zeros(3, dtype=torch.float64, device=device)  # loss sum, correct, count
        for step, (ids, y) in enumerate(loader, 1):
            ids, y = ids.to(device), y.to(device)
            logits = ddp(ids)
            per_sample = F.cross_entropy(logits, y, reduction="none")
            loss = (per_sample * class_weights[y]).mean() if class_weights is not None else per_sample.mean()
            penalty = model.penalty()
            if penalty is not None:
                loss = loss + penalty
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            totals += torch.tensor([per_sample.detach().sum().item(), (logits.argmax(1) == y).sum().item(), len(y)], dtype=torch.float64, device=device)
            if step % args.log_every == 0 or step == batches:
                rate = totals[2].item() * world / max(1e-9, time.time() - t0)
                log(f"epoch {epoch}/{epochs}  step {step}/{batches}  loss {totals[0].item() / totals[2].item():.4f}  "
                    f"accuracy {totals[1].item() / totals[2].item():.4f}  {rate:.0f} texts/s")
        if distributed:
            dist.all_reduce(totals)
        seconds = time.time() - t0
        trained_seconds += seconds
        samples_seen += int(totals[2].item())
        val_loss, report = validate()
        row = {"epoch": epoch, "loss": totals[0].item() / totals[2].item(), "accuracy": totals[1].item() / totals[2].item(),
               "valLoss": val_loss, "valAccuracy": report["accuracy"]}
        history.append(row)
        monitor = stopping.get("monitor", "valLoss")
        value = row[monitor]
        if best is None or (value < best["value"] if monitor == "valLoss" else value > best["value"]):
            best = {"epoch": epoch, "value": value, "model": {n: t.detach().cpu().clone() for n, t in model.state_dict().items()}}
        log(f"epoch {epoch}/{epochs} done in {seconds:.1f} s ({int(totals[2].item()) / seconds:.0f} texts/s): loss {row['loss']:.4f}, "
            f"accuracy {row['accuracy']:.4f}, validation loss {val_loss:.4f}, validation accuracy {report['accuracy']:.4f}")
        if rank == 0:
            tmp = checkpoint_path + ".tmp"
            torch.save({"epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict(), "history": history,
                        "best": best, "seconds": trained_seconds, "samples": samples_seen}, tmp)
            os.replace(tmp, checkpoint_path)
        if distributed:
            dist.barrier()
        fail_once(args.out, epoch, rank, world)

    if stopping.get("patience", 0) > 0 and stopping.get("restoreBest", True) and best is not None and best["epoch"] != history[-1]["epoch"]:
        model.load_state_dict(best["model"])
        log(f"restored the weights of epoch {best['epoch']} (best {stopping.get('monitor', 'valLoss')})")
    val_loss, report = validate()
    if rank == 0:
        write_bundle(args.out, model, tokenizer, project, train_cfg, classes, history, val_loss, report, trained_seconds, samples_seen,
                     time.time() - started, len(texts), args.data, world, device, backend if distributed else "none", stopped_early)
        log(f"validation accuracy {report['accuracy']:.4f}, loss {val_loss:.4f}; bundle written to {os.path.join(args.out, 'bundle')} "
            f"and {os.path.join(args.out, 'bundle.zip')}: import it with the studio's Export > Import model")
    if distributed:
        # No barrier: the other ranks have nothing left to wait for while rank 0 writes the bundle.
        dist.destroy_process_group()
        # PyTorch 1.13's gloo can hang while the DDP objects are freed after an elastic restart
        # (about one run in four here); everything is written, so leave without finalizers.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def fail_once(out, epoch, rank, world):
    """For testing restarts: TRAIN_FAIL_ONCE_AFTER_EPOCH=n kills the last process once after epoch n."""
    after = os.environ.get("TRAIN_FAIL_ONCE_AFTER_EPOCH")
    marker = os.path.join(out, "failed-once")
    if after and int(after) == epoch and rank == world - 1 and not os.path.exists(marker):
        open(marker, "w").close()
        print(f"rank {rank}: exiting after epoch {epoch} to test the restart (TRAIN_FAIL_ONCE_AFTER_EPOCH)", flush=True)
        os._exit(1)


def write_bundle(out, model, tokenizer, project, train_cfg, classes, history, val_loss, report, seconds, samples, duration, examples,
                 data_path, world, device, backend, stopped_early):
    bundle = os.path.join(out, "bundle")
    os.makedirs(bundle, exist_ok=True)
    model = model.cpu().eval()
    save_tfjs(model, bundle, int(train_cfg["seed"]))
    with open(os.path.join(bundle, "tokenizer.json"), "w", encoding="utf-8") as f:
        f.write(tokenizer.to_json())
    metadata = {
        "format": "text-classifier-studio/1",
        "labels": classes,
        "preprocessing": project["preprocessing"],
        "spec": project["spec"],
        "training": train_cfg,
        "metrics": {"valAccuracy": report["accuracy"], "valLoss": val_loss, "epochs": history,
                    "samplesPerSecond": samples / seconds if seconds > 0 else 0, "durationMs": duration * 1000, "validation": report},
        "dataset": {"name": os.path.basename(data_path), "fingerprint": "", "examples": examples},
        "versions": {"studio": project.get("studioVersion", "0.1.0"), "tfjs": "4.22.0", "pytorch": torch.__version__},
        # The bundle format names tfjs backends only; trainedBy says what really trained the model.
        "backend": "cpu",
        "trainedBy": {"engine": "pytorch", "processes": world, "device": device.type, "distributedBackend": backend, "stoppedEarly": stopped_early},
        "savedAt": datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z"),
    }
    with open(os.path.join(bundle, "metadata.json"), "w", encoding="utf-8") as f:
        json.dump(metadata, f, indent=2)
    with zipfile.ZipFile(os.path.join(out, "bundle.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(os.listdir(bundle)):
            z.write(os.path.join(bundle, name), name)


if __name__ == "__main__":
    main()
