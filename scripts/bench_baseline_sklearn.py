"""scikit-learn's TF-IDF + logistic regression on the rows and split that scripts/bench-baseline.mjs
uses: TfidfVectorizer(ngram_range=(1, 2)) fitted on the training rows, LogisticRegression with the
lbfgs and saga solvers over a few C values, the best accuracy on the held-out rows kept.
Usage: python3 scripts/bench_baseline_sklearn.py data.json  (texts, labels, train, test) -> one JSON line."""
import json
import sys
import time

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    texts, labels = data["texts"], data["labels"]
    train_texts = [texts[i] for i in data["train"]]
    test_texts = [texts[i] for i in data["test"]]
    y_train = [labels[i] for i in data["train"]]
    y_test = [labels[i] for i in data["test"]]
    tried, best = [], None
    for sublinear in (False, True):
        for solver in ("lbfgs", "saga"):
            for c in (1.0, 10.0, 100.0):
                name = f"{solver} C={c:g}{' sublinear tf' if sublinear else ''}"
                started = time.perf_counter()
                vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=sublinear)
                x_train = vectorizer.fit_transform(train_texts)
                model = LogisticRegression(solver=solver, C=c, max_iter=1000)
                model.fit(x_train, y_train)
                fit_s = time.perf_counter() - started
                predicted = model.predict(vectorizer.transform(test_texts))
                accuracy = accuracy_score(y_test, predicted)
                macro_f1 = f1_score(y_test, predicted, average="macro", zero_division=0)
                tried.append(name)
                if best is None or accuracy > best["accuracy"]:
                    best = {"best": name, "fitS": fit_s, "accuracy": accuracy, "macroF1": macro_f1}
    print(json.dumps({**best, "tried": tried, "version": sklearn.__version__}))


if __name__ == "__main__":
    main(sys.argv[1])
