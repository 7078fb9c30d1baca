"""Every tunable number lives in ``careerladder/thresholds.py``: a module-level UPPER_CASE constant
elsewhere in the package whose value is made of numbers fails here unless the allow-list below
says why it is not a tunable. Each constant of thresholds.py has its ``#:`` comment, sits in a
stage section and is read by the code (no dead tunables); a monkeypatch of one reaches the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from careerladder import thresholds

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "careerladder"
THRESHOLDS = PACKAGE / "thresholds.py"

#: Numeric module constants that are not tunables, as "module path:NAME" -> why. A new entry needs a
#: reason of the same kind: a number a format, protocol or calendar fixes, a version or identifier,
#: or a vocabulary that carries numbers. Anything that is a judgement belongs in thresholds.py.
NOT_TUNABLES: dict[str, str] = {
    # formats and protocols
    "readers/html.py:HEADING_TAGS": "HTML's h1-h6 are heading levels 1-6",
    "readers/remotewlb.py:HEADER_LINES": "a RemoteWLB README opens with three header lines (title, company, chips)",
    "web/forms.py:ENCODING_FACTOR": "percent-encoding writes a byte as at most three characters",
    "render/export.py:MONTHS_PER_YEAR": "the calendar",
    "assess/years.py:_MONTHS": "the calendar: month abbreviations and their numbers",
    "assess/years.py:_NUMBERS": "a vocabulary: English number words and their values",
    "assess/scope.py:_WORDS": "a vocabulary: English number words and their values (\"several\", \"both\": two, the least they say)",
    "cli/app.py:EXIT_OK": "exit codes of the command-line convention (docs/cli.md)",
    "cli/app.py:EXIT_NOTHING": "exit codes of the command-line convention (docs/cli.md)",
    "cli/app.py:EXIT_USAGE": "exit codes of the command-line convention (docs/cli.md)",
    # versions and identifiers
    "render/assessment.py:SCHEMA_VERSION": "version of the assessment JSON shapes",
    "report.py:REPORT_VERSION": "version of the market report dict",
    "store/migrations.py:MIGRATIONS": "the SQLite schema history, numbered",
    "store/postgres_migrations.py:MIGRATIONS": "the PostgreSQL schema history, numbered",
    "store/postgres.py:MIGRATION_LOCK": "key of an advisory lock: any fixed 64-bit number",
    "store/postgres.py:WRITE_LOCK": "key of an advisory lock: any fixed 64-bit number",
    "store/postgres.py:VECTORS_MIGRATION": "the number of a schema step (the PostgreSQL schema history)",
    "readers/fingerprint.py:MINHASH_SEED": "fixed so that signatures stored by one run compare with the next",
    "embed/__init__.py:DIMENSIONS": "the width of the GloVe 6B 50-d model's vectors",
    "embed/__init__.py:VECTOR_BYTES": "the stored vector format: float16 per dimension",
    # vocabularies that carry numbers (like the competency lexicon's weights)
    "extract/grammar.py:NUMBER_WORDS": "English number words and their values ('twelve': 12)",
    "lint/words.py:IC_SENIORITY": "the seniority scale of IC title words (intern 0 ... fellow 6)",
    "lint/words.py:NUMERALS": "level numerals in titles ('ii': 2, '3': 3)",
    "extract/rules/education.py:RANK": "the order of degrees (bachelor < master < phd)",
    "leveling/level.py:_RANK": "the order of the answers (ic below em < ... < cto), not a tunable",
    "leveling/regression.py:FORMAT": "the version of the model file's shape",
    "extract/levels.py:_ROMAN": "Roman numerals and their values ('iii': 3) in level titles",
}


def _is_numeric(node: ast.expr) -> bool:
    """True when ``node`` is a number, or arithmetic or a container (tuple, list, set, dict, a call's
    arguments) holding one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return _is_numeric(node.operand)
    if isinstance(node, ast.BinOp):
        return _is_numeric(node.left) or _is_numeric(node.right)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_is_numeric(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return any(v is not None and _is_numeric(v) for v in node.values)
    if isinstance(node, ast.DictComp):
        return _is_numeric(node.value)
    if isinstance(node, ast.Call):
        return any(_is_numeric(a) for a in node.args) or any(_is_numeric(k.value) for k in node.keywords)
    return False


def _targets(statement: ast.stmt) -> list[tuple[str, ast.expr]]:
    """(name, value) pairs a module-level assignment binds, unpacking ``A, B = 1, 2``."""
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value:
        return [(statement.target.id, statement.value)]
    if not isinstance(statement, ast.Assign):
        return []
    out = []
    for target in statement.targets:
        if isinstance(target, ast.Name):
            out.append((target.id, statement.value))
        elif isinstance(target, ast.Tuple) and isinstance(statement.value, ast.Tuple) \
                and len(target.elts) == len(statement.value.elts):
            out += [(t.id, v) for t, v in zip(target.elts, statement.value.elts) if isinstance(t, ast.Name)]
    return out


def _upper(name: str) -> bool:
    bare = name.lstrip("_")
    return bool(bare) and bare.upper() == bare and any(ch.isalpha() for ch in bare)


def numeric_constants() -> dict[str, int]:
    """"module path:NAME" -> line of every module-level UPPER_CASE numeric constant outside thresholds.py."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == THRESHOLDS:
            continue
        for statement in ast.parse(path.read_text(encoding="utf-8")).body:
            for name, value in _targets(statement):
                if _upper(name) and _is_numeric(value):
                    found[f"{path.relative_to(PACKAGE).as_posix()}:{name}"] = statement.lineno
    return found


def test_no_tunable_outside_thresholds():
    stray = sorted(f"src/careerladder/{key.split(':')[0]}:{line}: {key.split(':')[1]}"
                   for key, line in numeric_constants().items() if key not in NOT_TUNABLES)
    assert not stray, ("numeric constants outside careerladder/thresholds.py: move each tunable there "
                       "(with a #: comment) and read it as thresholds.NAME, or add a non-tunable to "
                       "NOT_TUNABLES with the reason:\n" + "\n".join(stray))


def test_allow_list_names_existing_constants():
    gone = sorted(set(NOT_TUNABLES) - set(numeric_constants()))
    assert not gone, f"NOT_TUNABLES names constants that no longer exist: {gone}"


def test_the_scan_finds_the_shapes_tunables_take():
    samples = {"A = 3": True, "A = 0.25": True, "A = -1": True, "A = 64 * 1024": True, "A: float = 2.0": True,
               "A = (3, 5)": True, "A = {'met': 1.0}": True, "A, B = 800, 480": True, "A = frozenset({2})": True,
               "A = 'text'": False, "A = True": False, "A = ('x', 'y')": False, "a = 3": False, "A = B": False}
    for source, numeric in samples.items():
        pairs = _targets(ast.parse(source).body[0])
        assert pairs and all((_upper(name) and _is_numeric(v)) == numeric for name, v in pairs), source


def _assignments(tree: ast.Module) -> list[tuple[str, int]]:
    return [(name, st.lineno) for st in tree.body for name, _ in _targets(st)]


def test_every_threshold_is_commented_and_in_a_section():
    lines = THRESHOLDS.read_text(encoding="utf-8").splitlines()
    names = _assignments(ast.parse("\n".join(lines)))
    assert names, "thresholds.py defines nothing"
    first_section = next(i for i, line in enumerate(lines, 1) if line.startswith("# --- "))
    uncommented, outside = [], []
    for name, lineno in names:
        if lineno < first_section:
            outside.append(name)
        i = lineno - 2  # the line above, 0-based
        # a group of constants shares one comment; skip the others (and their continuation lines) above
        while i >= 0 and (re.match(r"[A-Z_][A-Z0-9_]*\s*(:[^=]*)?=", lines[i]) or lines[i].startswith((" ", ")"))):
            i -= 1
        if i < 0 or not lines[i].startswith("#:"):
            uncommented.append(name)
    assert not uncommented, f"thresholds without a #: comment above them: {uncommented}"
    assert not outside, f"thresholds before the first '# --- stage' section: {outside}"


def test_every_threshold_is_read_by_the_code():
    code = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p != THRESHOLDS)
    unused = [name for name, _ in _assignments(ast.parse(THRESHOLDS.read_text(encoding="utf-8")))
              if not re.search(rf"\b(?:T|thresholds)\.{name}\b(?!``)", code)]
    assert not unused, f"thresholds no code reads (remove them, or read them as thresholds.NAME): {unused}"


def test_a_monkeypatched_threshold_reaches_the_code(monkeypatch):
    """Modules read thresholds at call time: patching one changes the result, no module copy is left."""
    from careerladder.classify import CompetencyClassifier
    from careerladder.model import Statement

    statement = Statement("t:1", "Hold weekly 1:1s and give feedback to every engineer", 1, 1)
    clf = CompetencyClassifier().fit()
    assert clf.predict_one(statement)
    monkeypatch.setattr(thresholds, "CLASSIFY_MIN_SCORE", 1.01)
    monkeypatch.setattr(thresholds, "CLASSIFY_FALLBACK_SCORE", 1.01)
    assert clf.predict_one(statement) == ()
