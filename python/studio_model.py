"""The studio's text CNN in PyTorch, with Keras' semantics, and its TensorFlow.js layers bundle.

`TextCNN(spec, class_count)` builds the same network as src/worker/train/buildModel.ts for a
ModelSpec (src/core/model/modelSpec.ts): Embedding -> layers -> Dense(classes, softmax). Tensors
between layers are [batch, time, channels] as in Keras. Layer names, weight names and layouts
follow the tfjs model, so `save_tfjs` writes a model.json + weights file that the studio's
"Import model" reads, and `load_tfjs` reads one back.
"""

import json
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

ACTIVATIONS = {
    "relu": torch.relu,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "linear": lambda x: x,
}
LAYER_KINDS = ("conv1d", "maxPool", "batchNorm", "globalMaxPool", "globalAvgPool", "dropout", "dense")
TFJS_VERSION = "4.22.0"


def unsupported(spec):
    """Reasons this spec cannot be built here with Keras' semantics (empty when it can)."""
    reasons = []
    for i, layer in enumerate(spec.get("layers", [])):
        kind = layer.get("kind")
        if kind not in LAYER_KINDS:
            reasons.append(f"layers.{i}: layer kind {kind!r} is not one studio_model.py can build")
        elif "activation" in layer and layer["activation"] not in ACTIVATIONS:
            reasons.append(f"layers.{i}: activation {layer['activation']!r} is not one studio_model.py knows")
        elif kind == "conv1d" and layer.get("padding", "valid") not in ("valid", "same"):
            reasons.append(f"layers.{i}: padding {layer['padding']!r} (only valid and same)")
    return reasons


class KerasBatchNorm(nn.Module):
    """BatchNormalization over the last axis as Keras/tfjs do it: epsilon 1e-3, moving averages
    with momentum 0.99 of the batch mean and the *biased* batch variance (torch's BatchNorm
    would use the unbiased one and momentum 0.01 in the other direction)."""

    def __init__(self, channels, momentum=0.99, epsilon=1e-3):
        super().__init__()
        self.momentum = momentum
        self.epsilon = epsilon
        self.gamma = nn.Parameter(torch.ones(channels))
        self.beta = nn.Parameter(torch.zeros(channels))
        self.register_buffer("moving_mean", torch.zeros(channels))
        self.register_buffer("moving_variance", torch.ones(channels))

    def forward(self, x):
        if self.training:
            dims = tuple(range(x.dim() - 1))
            mean = x.mean(dim=dims)
            var = x.var(dim=dims, unbiased=False)
            with torch.no_grad():
                self.moving_mean.mul_(self.momentum).add_(mean.detach() * (1 - self.momentum))
                self.moving_variance.mul_(self.momentum).add_(var.detach() * (1 - self.momentum))
        else:
            mean, var = self.moving_mean, self.moving_variance
        return (x - mean) * torch.rsqrt(var + self.epsilon) * self.gamma + self.beta


def same_padding(length, kernel, stride):
    """TensorFlow's 'same' padding: (left, right), the extra one on the right."""
    out = math.ceil(length / stride)
    total = max((out - 1) * stride + kernel - length, 0)
    return total // 2, total - total // 2


class TextCNN(nn.Module):
    """Embedding -> spec layers -> Dense(class_count). forward() returns logits; softmax gives the studio's output."""

    def __init__(self, spec, class_count):
        super().__init__()
        problems = unsupported(spec)
        if problems:
            raise ValueError("; ".join(problems))
        self.spec = spec
        self.class_count = class_count
        self.embedding = nn.Embedding(spec["vocabSize"], spec["embeddingDim"])
        self.embedding.weight.requires_grad_(spec.get("embeddingTrainable", True) is not False)
        self.layer_modules = nn.ModuleDict()
        self.names = []  # tfjs layer names per spec layer (a list for conv branches and pools)
        channels = [spec["embeddingDim"]]
        for i, layer in enumerate(spec["layers"]):
            kind = layer["kind"]
            if kind == "conv1d":
                ks = layer["kernelSizes"]
                names = [f"conv1d_{i}_k{k}_{b}" if len(ks) > 1 else f"conv1d_{i}" for b, k in enumerate(ks)]
                for name, k in zip(names, ks):
                    self.layer_modules[name] = nn.Conv1d(channels[0], layer["filters"], k, stride=layer.get("strides", 1))
                channels = [layer["filters"]] * len(ks)
                self.names.append(names)
            elif kind in ("globalMaxPool", "globalAvgPool"):
                self.names.append([f"pool_{i}_{b}" for b in range(len(channels))] + ([f"concat_{i}"] if len(channels) > 1 else []))
                channels = [sum(channels)]
            elif kind == "maxPool":
                self.names.append([f"maxpool_{i}"])
            elif kind == "batchNorm":
                self.layer_modules[f"batchnorm_{i}"] = KerasBatchNorm(channels[0])
                self.names.append([f"batchnorm_{i}"])
            elif kind == "dropout":
                self.names.append([f"dropout_{i}"])
            elif kind == "dense":
                self.layer_modules[f"dense_{i}"] = nn.Linear(channels[0], layer["units"])
                channels = [layer["units"]]
                self.names.append([f"dense_{i}"])
        self.output = nn.Linear(channels[0], class_count)
        self.reset_parameters()

    def reset_parameters(self):
        """Keras' initializers: embedding U(-0.05, 0.05), Glorot uniform kernels, zero biases."""
        nn.init.uniform_(self.embedding.weight, -0.05, 0.05)
        for module in list(self.layer_modules.values()) + [self.output]:
            if isinstance(module, (nn.Conv1d, nn.Linear)):
                nn.init.xavier_uniform_(module.weight)
                nn.init.zeros_(module.bias)

    def forward(self, ids, trace=None):
        x = self.embedding(ids)
        branches = [x]
        if trace is not None:
            trace.append([list(x.shape[1:])])
        for i, layer in enumerate(self.spec["layers"]):
            kind = layer["kind"]
            if kind == "conv1d":
                act = ACTIVATIONS[layer["activation"]]
                stride = layer.get("strides", 1)
                source = branches[0].transpose(1, 2)  # [batch, channels, time]
                outs = []
                for name, k in zip(self.names[i], layer["kernelSizes"]):
                    inp = source
                    if layer.get("padding", "valid") == "same":
                        inp = F.pad(source, same_padding(source.shape[2], k, stride))
                    outs.append(act(self.layer_modules[name](inp)).transpose(1, 2))
                branches = outs
            elif kind in ("globalMaxPool", "globalAvgPool"):
                pooled = [b.amax(dim=1) if kind == "globalMaxPool" else b.mean(dim=1) for b in branches]
                branches = [torch.cat(pooled, dim=-1) if len(pooled) > 1 else pooled[0]]
            elif kind == "maxPool":
                p = layer["poolSize"]
                branches = [F.max_pool1d(branches[0].transpose(1, 2), p, p).transpose(1, 2)]
            elif kind == "batchNorm":
                branches = [self.layer_modules[f"batchnorm_{i}"](branches[0])]
            elif kind == "dropout":
                branches = [F.dropout(branches[0], layer["rate"], self.training)]
            elif kind == "dense":
                branches = [ACTIVATIONS[layer["activation"]](self.layer_modules[f"dense_{i}"](branches[0]))]
            if trace is not None:
                trace.append([list(b.shape[1:]) for b in branches])
        logits = self.output(branches[0])
        if trace is not None:
            trace.append([list(logits.shape[1:])])
        return logits

    def penalty(self):
        """Keras' kernel_regularizer=l1l2(l1, l2) of the dense layers, added to the loss."""
        total = None
        for i, layer in enumerate(self.spec["layers"]):
            if layer["kind"] == "dense" and (layer.get("l1") or layer.get("l2")):
                w = self.layer_modules[f"dense_{i}"].weight
                term = (layer.get("l1") or 0) * w.abs().sum() + (layer.get("l2") or 0) * w.pow(2).sum()
                total = term if total is None else total + term
        return total

    def summary(self):
        """[(id, output shapes per branch, parameters incl. BN moving statistics)] like src/core's summarizeModel."""
        L = self.spec["sequenceLength"]
        was_training = self.training
        self.eval()
        trace = []
        with torch.no_grad():
            self(torch.zeros((2, L), dtype=torch.long), trace)
        self.train(was_training)
        rows = [("input", [[L]], 0), ("embedding", trace[0], self.embedding.weight.numel())]
        for i, layer in enumerate(self.spec["layers"]):
            params = 0
            for name in self.names[i]:
                if name in self.layer_modules:
                    m = self.layer_modules[name]
                    params += sum(p.numel() for p in m.parameters()) + sum(b.numel() for b in m.buffers())
            rows.append((f"l{i}", trace[i + 1], params))
        rows.append(("output", trace[-1], sum(p.numel() for p in self.output.parameters())))
        return rows

    # ------------------------------------------------------------------------------------------
    # TensorFlow.js layers format

    def tfjs_weights(self):
        """[(tfjs name, float32 array)] in the order tfjs saves them: trainable, then the rest."""
        trainable, frozen = [], []
        emb = ("embedding/embeddings", self.embedding.weight)
        (trainable if self.embedding.weight.requires_grad else frozen).append(emb)
        for i, layer in enumerate(self.spec["layers"]):
            for name in self.names[i]:
                m = self.layer_modules[name] if name in self.layer_modules else None
                if isinstance(m, nn.Conv1d):
                    trainable += [(f"{name}/kernel", m.weight.permute(2, 1, 0)), (f"{name}/bias", m.bias)]
                elif isinstance(m, nn.Linear):
                    trainable += [(f"{name}/kernel", m.weight.t()), (f"{name}/bias", m.bias)]
                elif isinstance(m, KerasBatchNorm):
                    trainable += [(f"{name}/gamma", m.gamma), (f"{name}/beta", m.beta)]
                    frozen += [(f"{name}/moving_mean", m.moving_mean), (f"{name}/moving_variance", m.moving_variance)]
        trainable += [("output/kernel", self.output.weight.t()), ("output/bias", self.output.bias)]
        return [(n, t.detach().cpu().contiguous().to(torch.float32).numpy()) for n, t in trainable + frozen]

    def load_tfjs_weights(self, named):
        """Sets every weight from {tfjs name: numpy array} (the inverse of tfjs_weights)."""
        def put(target, array, permute=None):
            t = torch.from_numpy(array.copy())
            if permute == "conv":
                t = t.permute(2, 1, 0)
            elif permute == "dense":
                t = t.t()
            if tuple(t.shape) != tuple(target.shape):
                raise ValueError(f"weight shape {tuple(t.shape)} does not fit {tuple(target.shape)}")
            with torch.no_grad():
                target.copy_(t)
        put(self.embedding.weight, named["embedding/embeddings"])
        for name, m in self.layer_modules.items():
            if isinstance(m, nn.Conv1d):
                put(m.weight, named[f"{name}/kernel"], "conv")
                put(m.bias, named[f"{name}/bias"])
            elif isinstance(m, nn.Linear):
                put(m.weight, named[f"{name}/kernel"], "dense")
                put(m.bias, named[f"{name}/bias"])
            elif isinstance(m, KerasBatchNorm):
                for field in ("gamma", "beta", "moving_mean", "moving_variance"):
                    put(getattr(m, field), named[f"{name}/{field}"])
        put(self.output.weight, named["output/kernel"], "dense")
        put(self.output.bias, named["output/bias"])

    def tfjs_topology(self, seed=0):
        """The modelTopology tfjs writes for buildModel(spec, classes, seed)."""
        spec = self.spec
        seeds = iter(range(seed, seed + 10_000))
        L = spec["sequenceLength"]
        glorot = lambda: {"class_name": "VarianceScaling", "config": {"scale": 1, "mode": "fan_avg", "distribution": "uniform", "seed": next(seeds)}}  # noqa: E731
        zeros = {"class_name": "Zeros", "config": {}}
        layers = [{"name": "tokens", "class_name": "InputLayer", "config": {"batch_input_shape": [None, L], "dtype": "int32", "sparse": False, "name": "tokens"}, "inbound_nodes": []}]

        def add(name, class_name, config, inputs):
            config["name"] = name
            config.setdefault("trainable", True)
            layers.append({"name": name, "class_name": class_name, "config": config, "inbound_nodes": [[[i, 0, 0, {}] for i in inputs]]})

        emb_init = {"class_name": "RandomUniform", "config": {"minval": -0.05, "maxval": 0.05, "seed": next(seeds)}}
        add("embedding", "Embedding", {"input_dim": spec["vocabSize"], "output_dim": spec["embeddingDim"], "embeddings_initializer": emb_init,
                                       "embeddings_regularizer": None, "activity_regularizer": None, "embeddings_constraint": None, "mask_zero": None,
                                       "input_length": L, "trainable": spec.get("embeddingTrainable", True) is not False, "batch_input_shape": [None, L]}, ["tokens"])
        current = ["embedding"]
        for i, layer in enumerate(spec["layers"]):
            kind, names = layer["kind"], self.names[i]
            if kind == "conv1d":
                for name, k in zip(names, layer["kernelSizes"]):
                    add(name, "Conv1D", {"filters": layer["filters"], "kernel_initializer": glorot(), "kernel_regularizer": None, "kernel_constraint": None,
                                         "kernel_size": [k], "strides": [layer.get("strides", 1)], "padding": layer.get("padding", "valid"), "dilation_rate": [1],
                                         "activation": layer["activation"], "use_bias": True, "bias_initializer": zeros, "bias_regularizer": None,
                                         "activity_regularizer": None, "bias_constraint": None}, [current[0]])
                current = names
            elif kind in ("globalMaxPool", "globalAvgPool"):
                cls = "GlobalMaxPooling1D" if kind == "globalMaxPool" else "GlobalAveragePooling1D"
                pools = [f"pool_{i}_{b}" for b in range(len(current))]
                for name, src in zip(pools, current):
                    add(name, cls, {}, [src])
                if len(pools) > 1:
                    add(f"concat_{i}", "Concatenate", {"axis": -1}, pools)
                    current = [f"concat_{i}"]
                else:
                    current = pools
            elif kind == "maxPool":
                add(names[0], "MaxPooling1D", {"pool_size": [layer["poolSize"]], "padding": "valid", "strides": [layer["poolSize"]]}, current)
                current = names
            elif kind == "batchNorm":
                add(names[0], "BatchNormalization", {"axis": -1, "momentum": 0.99, "epsilon": 0.001, "center": True, "scale": True, "beta_initializer": zeros,
                                                     "gamma_initializer": {"class_name": "Ones", "config": {}}, "moving_mean_initializer": zeros,
                                                     "moving_variance_initializer": {"class_name": "Ones", "config": {}}, "beta_regularizer": None,
                                                     "gamma_regularizer": None, "beta_constraint": None, "gamma_constraint": None}, current)
                current = names
            elif kind == "dropout":
                add(names[0], "Dropout", {"rate": layer["rate"], "noise_shape": None, "seed": next(seeds)}, current)
                current = names
            elif kind == "dense":
                reg = {"class_name": "L1L2", "config": {"l1": layer.get("l1") or 0, "l2": layer.get("l2") or 0}} if layer.get("l1") or layer.get("l2") else None
                add(names[0], "Dense", {"units": layer["units"], "activation": layer["activation"], "use_bias": True, "kernel_initializer": glorot(),
                                        "bias_initializer": zeros, "kernel_regularizer": reg, "bias_regularizer": None, "activity_regularizer": None,
                                        "kernel_constraint": None, "bias_constraint": None}, current)
                current = names
        add("output", "Dense", {"units": self.class_count, "activation": "softmax", "use_bias": True, "kernel_initializer": glorot(), "bias_initializer": zeros,
                                "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}, current)
        return {"class_name": "Model", "config": {"name": "text_cnn", "layers": layers, "input_layers": [["tokens", 0, 0]], "output_layers": [["output", 0, 0]]},
                "keras_version": f"tfjs-layers {TFJS_VERSION}", "backend": "tensor_flow.js"}


WEIGHTS_FILE = "group1-shard1of1.bin"


def save_tfjs(model, directory, seed=0):
    """Writes model.json and group1-shard1of1.bin (float32, little-endian) into `directory`."""
    import os

    named = model.tfjs_weights()
    with open(os.path.join(directory, WEIGHTS_FILE), "wb") as f:
        for _, array in named:
            f.write(array.astype("<f4").tobytes())
    model_json = {
        "format": "layers-model",
        "generatedBy": f"Text Classifier Studio train.py (PyTorch {torch.__version__})",
        "convertedBy": None,
        "modelTopology": model.tfjs_topology(seed),
        "weightsManifest": [{"paths": [WEIGHTS_FILE], "weights": [{"name": n, "shape": list(a.shape), "dtype": "float32"} for n, a in named]}],
    }
    with open(os.path.join(directory, "model.json"), "w", encoding="utf-8") as f:
        json.dump(model_json, f)


def load_tfjs(directory, spec, class_count):
    """A TextCNN with the weights of a float32 bundle (model.json + its weights files) in `directory`."""
    import os

    import numpy as np

    with open(os.path.join(directory, "model.json"), encoding="utf-8") as f:
        model_json = json.load(f)
    named = {}
    for group in model_json["weightsManifest"]:
        data = b"".join(open(os.path.join(directory, p), "rb").read() for p in group["paths"])
        offset = 0
        for w in group["weights"]:
            if w.get("dtype", "float32") != "float32" or w.get("quantization"):
                raise ValueError(f"weight {w['name']} is quantized: export the model with float32 weights")
            count = int(np.prod(w["shape"])) if w["shape"] else 1
            named[w["name"]] = np.frombuffer(data, dtype="<f4", count=count, offset=offset).reshape(w["shape"])
            offset += 4 * count
    model = TextCNN(spec, class_count)
    model.load_tfjs_weights(named)
    return model.eval()
