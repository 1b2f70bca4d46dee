"""Train the line model on the corpus's train part and write cleaner/model/line_model.json
(with --words: the model with the words' vote, cleaner/model/line_model_words.json).

    pip install -e '.[train]'
    python -m cleaner.model.train --corpus /tmp/cleaner-corpus [--kind trees|logistic] [--out FILE]
                                  [--extra-corpus DIR] [--words]

Both shipped files are trained with --extra-corpus (below), the second with --words too: a
logistic regression over the words and word pairs of each line (cleaner.model.words), fitted
out of fold (the same five folds), its score for the line and its neighbours added to the
features the trees read; the stage reads that model where the vocabulary knows the page's
words (cleaner.model.stage._model_for).

The shipped parameters: --extra-corpus names an inscriptis scrape of the same pages
(python -m cleaner.model.scrape --corpus /tmp/cleaner-corpus --out DIR), so that the model
reads both scrapers' lines (the dev set's text is inscriptis's): on the inscriptis scrape of
dragnet's val pages F1 0.888 -> 0.902, on the html-text one 0.901 -> 0.900, cleaneval 0.886 ->
0.880 and 0.869 -> 0.866 (benchmarks/corpus_text.py [--corpus DIR]).

Only the train ids of split.json are read. Five folds by page (fixed, seeded) give
out-of-fold probabilities, on which the decision threshold and the Viterbi smoothing are
chosen by the corpus metric (4-gram shingle F1 of the kept lines against the gold, per set,
averaged over the two sets); then the model is fitted on all of train and written out.
Deterministic: fixed seeds, one thread of work per fold.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

from cleaner.model.features import NAMES, WORD_NAMES, page_features, word_columns
from cleaner.model.labels import SETS, SHARED, label_lines, page_lines, split_ids
from cleaner.model.predict import MODEL_FILE, WORDS_FILE, LineModel, viterbi
from cleaner.model.words import Vocabulary, terms

SEED = 15
FOLDS = 5
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
STAYS = (0.0, 0.5, 0.6, 0.7, 0.8)
# The words' vote: a term on fewer train lines is not learned (it names a page, not a kind of
# line; and the vocabulary stays small enough to ship); the regression's inverse regularisation
MIN_TERM_LINES = 20
WORDS_C = 1.0
# The share of a page's words the vocabulary must know for the vote to be read (the model with
# it decides the page): the train pages, all English, are at 0.77 and more but for 3 of 1,625;
# the dev set's English text scrapes at 0.80 and more, its German, French, Spanish ones (menus
# in English) at 0.72 and less
MIN_COVERAGE = 0.75


def _page(job: tuple[Path, str, str]) -> dict[str, Any]:
    corpus, name, doc_id = job
    lines = page_lines((corpus / name / "text" / f"{doc_id}.txt").read_bytes())
    gold = (corpus / name / "gold" / f"{doc_id}.txt").read_text(encoding="utf-8")
    labels = label_lines(lines, gold)
    positions, rows = page_features(lines)
    return {
        "set": name,
        "id": doc_id,
        "gold": gold,
        "texts": [lines[p] for p in positions],
        "y": [labels[p] for p in positions],
        "x": rows,
    }


def add_extra_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument(
        "--extra-corpus",
        type=Path,
        action="append",
        default=[],
        help="another scrape of the same pages (<set>/{text,gold}/<id>.txt), e.g. made with another HTML-to-text "
        "tool (python -m cleaner.model.scrape)",
    )
    ap.add_argument("--extra-cache", type=Path, action="append", default=[], help="a --cache per --extra-corpus")


def datasets(args: argparse.Namespace) -> list[list[dict[str, Any]]]:
    """The train pages of --corpus, then of each --extra-corpus: the same train ids, scraped
    otherwise (folds keep a page's scrapes together)."""
    caches = args.extra_cache + [None] * (len(args.extra_corpus) - len(args.extra_cache))
    corpora = [(args.corpus, args.cache), *zip(args.extra_corpus, caches, strict=True)]
    return [dataset(corpus, args.shared, cache) for corpus, cache in corpora]


def dataset(corpus: Path, shared: Path, cache: Path | None) -> list[dict[str, Any]]:
    """Every train page: its non-blank lines, labels, feature rows and gold (cached)."""
    if cache and cache.exists():
        pages = pickle.loads(cache.read_bytes())
        if pages and len(pages[0]["x"][0]) == len(NAMES):
            return pages
    jobs = [(corpus, name, doc_id) for name in SETS for doc_id in split_ids(name, "train", shared)]
    with Pool(2) as pool:
        pages = pool.map(_page, jobs, chunksize=8)
    pages = [p for p in pages if len(p["x"])]
    if cache:
        cache.write_bytes(pickle.dumps(pages))
    return pages


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("corpus_score", shared / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the corpus scorer {shared / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def _fit(kind: str, x: np.ndarray, y: np.ndarray, w: np.ndarray):
    if kind == "logistic":
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
        model.fit(x, y, logisticregression__sample_weight=w)
        return model
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.1, max_depth=6, max_leaf_nodes=31, min_samples_leaf=40, random_state=SEED
    )
    model.fit(x, y, sample_weight=w)
    return model


def _weights(pages: list[dict[str, Any]]) -> np.ndarray:
    """A line weighs by its words, and each page weighs one in all: the metric averages
    over pages and counts words, not lines."""
    out = []
    for page in pages:
        words = np.array([max(len(t.split()), 1) for t in page["texts"]], dtype=float)
        out.append(words / words.sum())
    if not out:
        return np.zeros(0)
    w = np.concatenate(out)
    return w * (len(w) / w.sum())  # mean 1, so that regularisation means the same as unweighted


def _arrays(pages: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.array([row for p in pages for row in p["x"]], dtype=float)
    y = np.array([v for p in pages for v in p["y"]], dtype=int)
    return x, y, _weights(pages)


def _folds(pages: list[dict[str, Any]]) -> np.ndarray:
    """Each page's fold (fixed, seeded); another scrape of the same page (--extra-corpus) is
    in the same fold."""
    rng = np.random.default_rng(SEED)
    keys = sorted({(p["set"], p["id"]) for p in pages})
    of_key = dict(zip(keys, rng.permutation(len(keys)) % FOLDS, strict=True))
    return np.array([of_key[(p["set"], p["id"])] for p in pages])


def fit_words(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """The words' vote (cleaner.model.words) fitted on these pages' lines: a logistic
    regression over which terms a line holds (binary, l2-normalised rows), lines weighted as
    the line model weighs them; terms on fewer than MIN_TERM_LINES lines are left out."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import normalize

    vectoriser = CountVectorizer(analyzer=terms, min_df=MIN_TERM_LINES, binary=True)
    x = normalize(vectoriser.fit_transform([t for p in pages for t in p["texts"]]).astype(float))
    y = np.array([v for p in pages for v in p["y"]], dtype=int)
    fitted = LogisticRegression(C=WORDS_C, solver="liblinear", max_iter=300, random_state=SEED)
    fitted.fit(x, y, sample_weight=_weights(pages))
    weights = fitted.coef_[0]
    return {
        "bias": round(float(fitted.intercept_[0]), 6),
        "weights": {term: round(float(weights[k]), 6) for term, k in sorted(vectoriser.vocabulary_.items())},
        "coverage": MIN_COVERAGE,
    }


def with_words(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pages with the words' vote columns (features.WORD_NAMES) after their rows, each
    page's from the vote fitted on the folds without it (out of fold, as the trees will meet
    it on pages it was not fitted on)."""
    fold = _folds(pages)
    out = list(pages)
    for k in range(FOLDS):
        vocabulary = Vocabulary(fit_words([p for p, f in zip(pages, fold, strict=True) if f != k]))
        for i in np.flatnonzero(fold == k):
            columns = word_columns(vocabulary.scores(pages[i]["texts"]))
            out[i] = pages[i] | {"x": np.hstack([np.asarray(pages[i]["x"], dtype=float), columns])}
        print(f"  words fold {k + 1}/{FOLDS}", file=sys.stderr)
    return out


def out_of_fold(kind: str, pages: list[dict[str, Any]]) -> list[np.ndarray]:
    """Each page's probabilities from the model fitted on the folds without it; another
    scrape of the same page (--extra-corpus) is in the same fold."""
    fold = _folds(pages)
    probs: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for k in range(FOLDS):
        train = [p for p, f in zip(pages, fold, strict=True) if f != k]
        model = _fit(kind, *_arrays(train))
        for i in np.flatnonzero(fold == k):
            probs[i] = model.predict_proba(np.array(pages[i]["x"], dtype=float))[:, 1]
        print(f"  fold {k + 1}/{FOLDS}", file=sys.stderr)
    return probs


def choose(pages, probs, prior: float, score) -> tuple[float, float, dict]:
    """The threshold and stay with the best mean F1 over the sets, and the table."""
    table = {}
    for stay in STAYS:
        for threshold in THRESHOLDS:
            f1s = []
            for name in SETS:
                gold, pred = {}, {}
                for page, p in zip(pages, probs, strict=True):
                    if page["set"] != name:
                        continue
                    keep = viterbi(list(p), stay, prior, threshold) if stay else list(p >= threshold)
                    # each scrape of a page counts (--extra-corpus): keyed by id alone, the last
                    # scrape's output replaced the others' and the choice was made on it alone
                    key = f"{page.get('scrape', 0)}/{page['id']}"
                    gold[key] = page["gold"]
                    pred[key] = "\n".join(t for t, k in zip(page["texts"], keep, strict=True) if k)
                f1s.append(score(gold, pred)["F1"])
            table[(stay, threshold)] = f1s
    best = max(table, key=lambda k: sum(table[k]))
    return best[0], best[1], table


def export(
    kind: str, model, prior: float, threshold: float, stay: float, words: dict[str, Any] | None = None
) -> dict[str, Any]:
    names = [*NAMES, *WORD_NAMES] if words else list(NAMES)
    params: dict[str, Any] = {"kind": kind, "features": names, "threshold": threshold, "stay": stay}
    if words:
        params["words"] = words
    params["prior"] = prior
    if kind == "logistic":
        scaler, lr = model[0], model[1]
        params |= {
            "mean": [round(float(v), 6) for v in scaler.mean_],
            "scale": [round(float(v), 6) for v in scaler.scale_],
            "weights": [round(float(v), 6) for v in lr.coef_[0]],
            "bias": round(float(lr.intercept_[0]), 6),
        }
        return params
    trees = []
    for (predictor,) in model._predictors:  # one tree per iteration for a binary model
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            [
                [int(v) for v in nodes["feature_idx"]],
                [float(v) for v in nodes["num_threshold"]],
                [-1 if is_leaf else int(v) for v, is_leaf in zip(nodes["left"], leaf, strict=True)],
                [-1 if is_leaf else int(v) for v, is_leaf in zip(nodes["right"], leaf, strict=True)],
                [round(float(v), 6) for v in nodes["value"]],
            ]
        )
    # sklearn's leaf values already include the learning rate
    params |= {"trees": trees, "learning_rate": 1.0, "base": float(model._baseline_prediction.ravel()[0])}
    # inner nodes' values are stored unscaled: this scales them for the signal contributions
    params["node_rate"] = float(model.learning_rate)
    return params


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=SHARED, help="the folder with split.json and score.py")
    ap.add_argument("--kind", choices=("trees", "logistic"), default="trees")
    ap.add_argument("--cache", type=Path, help="keep the computed train set here (pickle) between runs")
    ap.add_argument("--out", type=Path, help=f"default: cleaner/model/{MODEL_FILE.name}")
    add_extra_arguments(ap)
    ap.add_argument(
        "--words",
        action="store_true",
        help=f"the model with the words' vote (cleaner.model.words); --out defaults to {WORDS_FILE.name}",
    )
    ap.add_argument("--no-cv", action="store_true", help="skip cross-validation: take --stay and --threshold")
    ap.add_argument("--stay", type=float, default=0.0)
    ap.add_argument("--threshold", type=float, default=0.5)
    args = ap.parse_args(argv)

    pages = [page | {"scrape": n} for n, scrape in enumerate(datasets(args)) for page in scrape]
    words = None
    if args.words:
        pages = with_words(pages)
        words = fit_words(pages)
        print(f"words: {len(words['weights'])} terms", file=sys.stderr)
    x, y, w = _arrays(pages)
    prior = float(np.average(y, weights=w))
    print(f"{len(pages)} pages, {len(y)} lines, {y.mean():.3f} content ({prior:.3f} by weight)")
    stay, threshold = args.stay, args.threshold
    if not args.no_cv:
        probs = out_of_fold(args.kind, pages)
        stay, threshold, table = choose(pages, probs, prior, _scorer(args.shared))
        for (s, t), f1s in sorted(table.items()):
            scores = "  ".join(f"{n} {f:.3f}" for n, f in zip(SETS, f1s, strict=True))
            print(f"  stay {s:.1f} threshold {t:.2f}: {scores}")
        print(f"chosen: stay {stay} threshold {threshold}: {table[(stay, threshold)]}")
    model = _fit(args.kind, x, y, w)
    out = args.out or (WORDS_FILE if args.words else MODEL_FILE)
    write(export(args.kind, model, prior, threshold, stay, words), model, pages[0]["x"], out)
    return 0


def write(params: dict[str, Any], model, rows: list[list[float]], out: Path) -> None:
    """The parameters to `out`, once the shipped inference agrees with the fitted model on `rows`."""
    check = LineModel(params).probabilities(rows)
    assert np.allclose(check, model.predict_proba(np.array(rows))[:, 1], atol=1e-4), "export differs"
    out.write_text(json.dumps(params, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    sys.exit(main())
