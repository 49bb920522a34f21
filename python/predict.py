"""Class probabilities from a studio bundle (a folder or the .zip), in PyTorch.

    python predict.py out/bundle "some text" "another text"
    python predict.py out/bundle.zip --texts texts.txt --json

Reads model.json + weights, tokenizer.json and metadata.json exactly as the studio does, so
the numbers equal the studio's "Try a text" (float32, within about 1e-6).
"""

import argparse
import json
import os
import sys
import tempfile
import zipfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from studio_model import load_tfjs  # noqa: E402
from studio_text import Tokenizer, pad_sequences  # noqa: E402


def load_bundle(path):
    """(model, tokenizer, metadata) from a bundle folder or .zip."""
    if zipfile.is_zipfile(path):
        folder = tempfile.mkdtemp(prefix="studio-bundle-")
        with zipfile.ZipFile(path) as z:
            z.extractall(folder)
        path = folder
    with open(os.path.join(path, "metadata.json"), encoding="utf-8") as f:
        metadata = json.load(f)
    with open(os.path.join(path, "tokenizer.json"), encoding="utf-8") as f:
        tokenizer = Tokenizer.from_json(f.read())
    model = load_tfjs(path, metadata["spec"], len(metadata["labels"]))
    return model, tokenizer, metadata


def predict(model, tokenizer, metadata, texts):
    ids = torch.from_numpy(pad_sequences([tokenizer.encode(t) for t in texts], metadata["spec"]["sequenceLength"]))
    with torch.no_grad():
        return torch.softmax(model(ids), dim=-1).tolist()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("bundle")
    p.add_argument("text", nargs="*")
    p.add_argument("--texts", help="a file with one text per line")
    p.add_argument("--json", action="store_true", help="print {labels, probabilities} as JSON")
    args = p.parse_args()
    texts = list(args.text)
    if args.texts:
        with open(args.texts, encoding="utf-8") as f:
            texts += [line.rstrip("\n") for line in f if line.strip()]
    model, tokenizer, metadata = load_bundle(args.bundle)
    probabilities = predict(model, tokenizer, metadata, texts)
    if args.json:
        print(json.dumps({"labels": metadata["labels"], "probabilities": probabilities}))
        return
    for text, row in zip(texts, probabilities):
        best = max(range(len(row)), key=row.__getitem__)
        print(f"{metadata['labels'][best]}\t{row[best]:.4f}\t{text}")


if __name__ == "__main__":
    main()
