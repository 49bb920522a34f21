"""The studio's tokenizer in Python: Keras' Tokenizer (keras_preprocessing 1.1.2) plus the studio's
extensions (Unicode word segmentation with ICU, NFKC, stop words), the same fitting algorithm,
Keras' pad_sequences ('pre' padding and truncating) and a tokenizer.json byte-identical to the
one the studio writes (src/core/text/tokenizer.ts, tokenizerJson.ts, unicodeText.ts).

Differences that can remain, documented in docs/pytorch.md: Unicode words come from PyICU's ICU
(Debian 12: ICU 72) where the browser uses its own ICU, so rare dictionary words of Chinese,
Japanese or Thai may be cut differently; NFKC and lower-casing follow Python's Unicode tables.
"""

import json
import unicodedata
from collections import OrderedDict

import numpy as np

DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'

STUDIO_NOTE = (
    "Text Classifier Studio preprocessing, ignored by Keras' tokenizer_from_json: normalize, then segment words "
    "(unicode = ICU word boundaries, e.g. Intl.Segmenter or PyICU), then drop stop_words, before the word_index lookup."
)

# ICU's rule status: word-like segments (numbers, letters, kana, ideographs) have status >= 100,
# which is exactly what Intl.Segmenter reports as isWordLike.
_UBRK_WORD_NONE_LIMIT = 100
_CACHE_CHUNK_LENGTH = 40
_CACHE_ENTRIES = 50_000


def default_config(**overrides):
    """Keras' Tokenizer defaults in the studio's camelCase (the fields of TokenizerConfig)."""
    config = {
        "numWords": None,
        "filters": DEFAULT_FILTERS,
        "lower": True,
        "split": " ",
        "charLevel": False,
        "oovToken": None,
    }
    config.update(overrides)
    return config


class _Segmenter:
    """ICU word segmentation, as Intl.Segmenter('en', {granularity: 'word'}) does it."""

    def __init__(self):
        import icu  # PyICU (Debian: python3-icu); needed only in Unicode word mode

        self._icu = icu
        self._iterator = icu.BreakIterator.createWordInstance(icu.Locale("en"))
        self._cache = {}

    def _chunk(self, chunk):
        cached = self._cache.get(chunk) if len(chunk) <= _CACHE_CHUNK_LENGTH else None
        if cached is not None:
            return cached
        text = self._icu.UnicodeString(chunk)
        it = self._iterator
        it.setText(text)
        words = []
        start = it.first()
        for end in it:
            if it.getRuleStatus() >= _UBRK_WORD_NONE_LIMIT:
                words.append(str(text[start:end]))
            start = end
        if len(chunk) <= _CACHE_CHUNK_LENGTH:
            if len(self._cache) >= _CACHE_ENTRIES:
                self._cache.clear()
            self._cache[chunk] = words
        return words

    def words(self, text):
        """Word-like segments; text is cut at ASCII whitespace first, as the studio does (same result)."""
        out = []
        for chunk in text.replace("\t", " ").replace("\n", " ").replace("\v", " ").replace("\f", " ").replace("\r", " ").split(" "):
            if chunk:
                out.extend(self._chunk(chunk))
        return out


_segmenter = None


def unicode_words(text):
    global _segmenter
    if _segmenter is None:
        _segmenter = _Segmenter()
    return _segmenter.words(text)


def keras_words(text, filters, lower, split):
    """Keras' text_to_word_sequence."""
    if lower:
        text = text.lower()
    translate_map = {ord(c): split for c in filters}
    return [w for w in text.translate(translate_map).split(split) if w]


def make_walker(config):
    """A function text -> tokens: [NFKC] -> lower -> Keras split | Unicode words | characters -> [stop words]."""
    lower = config["lower"]
    if not config.get("split"):
        raise ValueError('Tokenizer split must be a non-empty string (Python: "empty separator")')
    if config["charLevel"]:
        def base(text):
            return list(text.lower() if lower else text)
    elif config.get("segmentation") == "unicode":
        def base(text):
            return unicode_words(text.lower() if lower else text)
    else:
        translate_map = {ord(c): config["split"] for c in config["filters"]}
        split = config["split"]

        def base(text):
            t = text.lower() if lower else text
            return [w for w in t.translate(translate_map).split(split) if w]
    stop = set(config.get("stopWords") or []) if not config["charLevel"] else set()
    nfkc = config.get("normalize") == "NFKC"
    if not stop and not nfkc:
        return base

    def walk(text):
        tokens = base(unicodedata.normalize("NFKC", text) if nfkc else text)
        if not stop:
            return tokens
        if lower:
            return [w for w in tokens if w not in stop]
        return [w for w in tokens if w.lower() not in stop]
    return walk


class Tokenizer:
    """A fitted tokenizer: Keras' fit_on_texts / texts_to_sequences with the studio's extensions."""

    def __init__(self, config, document_count=0, word_counts=None, word_docs=None, word_index=None, index_word=None):
        self.config = dict(config)
        self.document_count = document_count
        self.word_counts = word_counts if word_counts is not None else OrderedDict()
        self.word_docs = word_docs if word_docs is not None else OrderedDict()
        self.word_index = word_index if word_index is not None else OrderedDict()
        self.index_word = index_word if index_word is not None else OrderedDict((i, w) for w, i in self.word_index.items())
        self._walk = make_walker(self.config)

    @classmethod
    def fit(cls, texts, config):
        """Keras fit_on_texts on a fresh tokenizer; word_docs in first-seen order like the studio."""
        walk = make_walker(config)
        counts = OrderedDict()
        docs = {}
        last_doc = {}
        n = 0
        for doc, text in enumerate(texts):
            n += 1
            for w in walk(text):
                c = counts.get(w)
                if c is None:
                    counts[w] = 1
                    docs[w] = 1
                    last_doc[w] = doc
                else:
                    counts[w] = c + 1
                    if last_doc[w] != doc:
                        last_doc[w] = doc
                        docs[w] += 1
        word_docs = OrderedDict((w, docs[w]) for w in counts)
        ordered = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)  # stable: ties keep first-seen order
        vocab = ([] if config["oovToken"] is None else [config["oovToken"]]) + [w for w, _ in ordered]
        word_index = OrderedDict()
        for i, w in enumerate(vocab):
            word_index[w] = i + 1
        return cls(config, n, counts, word_docs, word_index)

    def tokens(self, text):
        return self._walk(text)

    def encode(self, text):
        """Keras texts_to_sequences for one text."""
        num_words = self.config["numWords"]
        oov = self.config["oovToken"]
        oov_index = None if oov is None else self.word_index.get(oov)
        out = []
        for w in self._walk(text):
            i = self.word_index.get(w)
            if i is not None:
                if num_words and i >= num_words:
                    if oov_index is not None:
                        out.append(oov_index)
                else:
                    out.append(i)
            elif oov is not None:
                if oov_index is None:
                    raise ValueError(f"Tokenizer oov token {oov!r} is not in the word index")
                out.append(oov_index)
        return out

    def to_json(self):
        """tokenizer.json exactly as the studio (and, without extensions, Keras' to_json) writes it."""
        c = self.config
        index_docs = OrderedDict()
        for w, d in self.word_docs.items():
            i = self.word_index.get(w)
            if i is not None:
                index_docs[str(i)] = d
        config = OrderedDict([
            ("num_words", c["numWords"]),
            ("filters", c["filters"]),
            ("lower", c["lower"]),
            ("split", c["split"]),
            ("char_level", c["charLevel"]),
            ("oov_token", c["oovToken"]),
            ("document_count", self.document_count),
            ("word_counts", json.dumps(self.word_counts)),
            ("word_docs", json.dumps(self.word_docs)),
            ("index_docs", json.dumps(index_docs)),
            ("index_word", json.dumps(OrderedDict((str(i), w) for i, w in self.index_word.items()))),
            ("word_index", json.dumps(self.word_index)),
        ])
        outer = OrderedDict([("class_name", "Tokenizer"), ("config", config)])
        if has_studio_extensions(c):
            outer["studio"] = OrderedDict([
                ("segmentation", c.get("segmentation") or "keras"),
                ("normalize", c.get("normalize") or "none"),
                ("stop_words", list(c.get("stopWords") or [])),
                ("note", STUDIO_NOTE),
            ])
        return json.dumps(outer)

    @classmethod
    def from_json(cls, text):
        """Keras tokenizer_from_json, plus the studio's "studio" key."""
        outer = json.loads(text, object_pairs_hook=OrderedDict)
        cfg = outer["config"]
        config = default_config()
        for key, name in (("num_words", "numWords"), ("filters", "filters"), ("lower", "lower"), ("split", "split"),
                          ("char_level", "charLevel"), ("oov_token", "oovToken")):
            if key in cfg:
                config[name] = cfg[key]
        studio = outer.get("studio") or {}
        if studio.get("segmentation") == "unicode":
            config["segmentation"] = "unicode"
        if studio.get("normalize") == "NFKC":
            config["normalize"] = "NFKC"
        if studio.get("stop_words"):
            config["stopWords"] = list(studio["stop_words"])
        load = lambda key: json.loads(cfg.get(key, "{}"), object_pairs_hook=OrderedDict)  # noqa: E731
        index_word = OrderedDict((int(k), w) for k, w in load("index_word").items())
        return cls(config, cfg.get("document_count", 0), load("word_counts"), load("word_docs"), load("word_index"), index_word)


def has_studio_extensions(config):
    return (config.get("segmentation") or "keras") != "keras" or config.get("normalize") is not None or bool(config.get("stopWords"))


def pad_sequences(sequences, maxlen, value=0):
    """Keras pad_sequences with padding='pre', truncating='pre', into an int64 array [rows, maxlen]."""
    out = np.full((len(sequences), maxlen), value, dtype=np.int64)
    for row, seq in enumerate(sequences):
        kept = seq[-maxlen:] if len(seq) > maxlen else seq
        if kept:
            out[row, maxlen - len(kept):] = kept
    return out
