"""Answers the studio's parity tests (src/core/export/trainingProject.test.ts): reads one JSON
request on stdin, prints one JSON answer. Not needed for training.

Request: {"tokenize": [{"config": TokenizerConfig, "texts": [...], "maxlen": n}],
          "keras": [{"config": TokenizerConfig (Keras mode), "texts": [...]}],
          "summaries": [{"spec": ModelSpec, "classCount": k}],
          "datasets": [{"content": file text, "data": config.json's data mapping}],
          "bundles": [{"spec": ModelSpec, "classCount": k, "seed": s, "rows": n}],
          "splits": [{"labels": [...], "validation": v, "test": t, "seed": s}]}
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main():
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    answer = {}
    if "tokenize" in request:
        from studio_text import Tokenizer, pad_sequences

        out = []
        for case in request["tokenize"]:
            tokenizer = Tokenizer.fit(case["texts"], case["config"])
            sequences = [tokenizer.encode(t) for t in case["texts"]]
            out.append({
                "tokens": [tokenizer.tokens(t) for t in case["texts"]],
                "json": tokenizer.to_json(),
                "padded": pad_sequences(sequences, case["maxlen"]).tolist(),
                "reloaded": [Tokenizer.from_json(tokenizer.to_json()).encode(t) for t in case["texts"]] == sequences,
            })
        answer["tokenize"] = out
    if "keras" in request:
        # Keras' own Tokenizer (Debian: python3-keras-preprocessing), the reference for Keras mode.
        from keras_preprocessing.text import Tokenizer as KerasTokenizer

        out = []
        for case in request["keras"]:
            c = case["config"]
            k = KerasTokenizer(num_words=c["numWords"], filters=c["filters"], lower=c["lower"], split=c["split"], char_level=c["charLevel"], oov_token=c["oovToken"])
            k.fit_on_texts(case["texts"])
            config = json.loads(k.to_json())["config"]
            out.append({"sequences": k.texts_to_sequences(case["texts"]), **{key: config[key] for key in ("word_counts", "index_word", "word_index", "document_count")}})
        answer["keras"] = out
    if "summaries" in request:
        from studio_model import TextCNN

        answer["summaries"] = [
            [{"id": i, "outputShapes": shapes, "params": params} for i, shapes, params in TextCNN(c["spec"], c["classCount"]).summary()]
            for c in request["summaries"]
        ]
    if "datasets" in request:
        import tempfile

        from studio_data import load_dataset

        out = []
        for case in request["datasets"]:
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
                f.write(case["content"])
            texts, labels, classes, _skipped = load_dataset(f.name, case["data"])
            os.unlink(f.name)
            out.append({"texts": texts, "labels": labels, "classes": classes})
        answer["datasets"] = out
    if "bundles" in request:
        import base64
        import tempfile

        import torch
        from studio_model import TextCNN, save_tfjs

        out = []
        for case in request["bundles"]:
            torch.manual_seed(case["seed"])
            model = TextCNN(case["spec"], case["classCount"])
            ids = torch.randint(0, case["spec"]["vocabSize"], (case["rows"], case["spec"]["sequenceLength"]))
            model.train()
            with torch.no_grad():  # moves the batch-norm statistics away from 0 and 1
                for _ in range(3):
                    model(ids)
            model.eval()
            with torch.no_grad():
                probabilities = torch.softmax(model(ids), dim=-1).tolist()
            folder = tempfile.mkdtemp(prefix="studio-check-")
            save_tfjs(model, folder, case["seed"])
            with open(os.path.join(folder, "model.json"), encoding="utf-8") as f:
                model_json = json.load(f)
            with open(os.path.join(folder, "group1-shard1of1.bin"), "rb") as f:
                weights = base64.b64encode(f.read()).decode("ascii")
            out.append({"modelJson": model_json, "weights": weights, "ids": ids.tolist(), "probabilities": probabilities})
        answer["bundles"] = out
    if "splits" in request:
        from studio_data import stratified_split

        answer["splits"] = [list(stratified_split(c["labels"], c["validation"], c["test"], c["seed"])) for c in request["splits"]]
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
