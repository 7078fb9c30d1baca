"""Fingerprints of a posting's text, to find the same posting saved twice (``store.duplicates`` uses them).

``fingerprint(document, title)`` reads the text of a document's blocks (markup is gone already:
readers give text), normalizes it — Unicode NFKC, case folded, every run of characters that are
not letters or digits one space — and gives:

* ``text_hash``: sha256 of the normalized words: equal for the same text whatever its whitespace,
  markup, punctuation or case (an **exact** duplicate);
* ``signature``: the MinHash (``datasketch``) of its word shingles (``thresholds.SHINGLE_WORDS``
  words each), ``thresholds.MINHASH_PERMUTATIONS`` 32-bit values as bytes: the share of equal
  values of two signatures estimates the Jaccard similarity of their shingle sets (a **near**
  duplicate when it is at least ``thresholds.NEAR_DUPLICATE_SIMILARITY``);
* ``bands``: the LSH keys of the signature (``thresholds.MINHASH_BANDS`` signed 64-bit integers),
  salted with the normalized title, so that only postings with the same title and a likely high
  similarity are ever compared.

A text of fewer than ``thresholds.DUPLICATE_MIN_WORDS`` words gets no fingerprint (None): a title
and a line say too little to call two postings one.

>>> from careerladder.model import Block, Document
>>> words = " ".join(f"word{i}" for i in range(40))
>>> a = Document("a.md", "text", (Block("paragraph", "Lead six engineers. " + words, 1, 1),), "h")
>>> b = Document("b.md", "text", (Block("paragraph", "lead six   ENGINEERS! " + words, 1, 1),), "h")
>>> fa, fb = fingerprint(a, "EM"), fingerprint(b, "EM")
>>> fa.text_hash == fb.text_hash, similarity(fa.signature, fb.signature), len(fa.bands)
(True, 1.0, 16)
"""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
from datasketch import MinHash

from .. import thresholds
from ..model import Document

#: MinHash hashing scheme and seed: fixed, so signatures stored by one run compare with the next.
MINHASH_SCHEME = "affine32"
MINHASH_SEED = 1


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """``text_hash`` (sha256 hex of the normalized text), ``signature`` (MinHash values, uint32
    little-endian bytes), ``bands`` (LSH keys, signed 64-bit ints), ``words`` (words in the text)."""

    text_hash: str
    signature: bytes
    bands: tuple[int, ...]
    words: int


#: ASCII characters that are not letters or digits, as spaces (the fast path of ``normalized_words``).
_ASCII_SPACES = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def normalized_words(text: str) -> list[str]:
    """The words of ``text``: NFKC, case folded, split at every character that is not a letter or digit."""
    if text.isascii():  # most postings: the same result at C speed
        return text.lower().translate(_ASCII_SPACES).split()
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch if ch.isalnum() else " " for ch in text).split()


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """The MinHash permutations (made once per process: making them costs more than hashing a posting)."""
    return MinHash(num_perm=thresholds.MINHASH_PERMUTATIONS, seed=MINHASH_SEED, scheme=MINHASH_SCHEME).permutations


def signature_of(words: Sequence[str]) -> bytes:
    """The MinHash signature of ``words``' shingles (``thresholds.SHINGLE_WORDS`` words each) as bytes."""
    k = thresholds.SHINGLE_WORDS
    shingles = {" ".join(words[i:i + k]).encode("utf-8") for i in range(max(1, len(words) - k + 1))}
    mh = MinHash(num_perm=thresholds.MINHASH_PERMUTATIONS, seed=MINHASH_SEED, scheme=MINHASH_SCHEME,
                 hashfunc=zlib.crc32, permutations=_permutations())
    mh.update_batch(shingles)
    return mh.hashvalues.astype("<u4").tobytes()


def band_keys(signature: bytes, title: str | None) -> tuple[int, ...]:
    """The LSH keys of ``signature``: one signed 64-bit int per band, salted with the normalized ``title``."""
    salt = hashlib.blake2b(" ".join(normalized_words(title or "")).encode("utf-8"), digest_size=16).digest()
    width = len(signature) // thresholds.MINHASH_BANDS
    keys = []
    for band in range(thresholds.MINHASH_BANDS):
        digest = hashlib.blake2b(signature[band * width:(band + 1) * width], digest_size=8,
                                 key=band.to_bytes(2, "little"), salt=salt)
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return tuple(keys)


def similarity(a: bytes, b: bytes) -> float:
    """Share in [0, 1] of equal MinHash values of two signatures: the estimated Jaccard similarity."""
    if len(a) != len(b) or not a:
        return 0.0
    return float(np.mean(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4")))


def fingerprint_text(text: str, title: str | None) -> Fingerprint | None:
    """The fingerprint of ``text`` (None under ``thresholds.DUPLICATE_MIN_WORDS`` words)."""
    words = normalized_words(text)
    if len(words) < thresholds.DUPLICATE_MIN_WORDS:
        return None
    text_hash = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
    signature = signature_of(words)
    return Fingerprint(text_hash, signature, band_keys(signature, title), len(words))


def fingerprint(document: Document, title: str | None) -> Fingerprint | None:
    """The fingerprint of a document's text (its blocks in order) for a posting titled ``title``."""
    return fingerprint_text("\n".join(b.text for b in document.blocks), title)
