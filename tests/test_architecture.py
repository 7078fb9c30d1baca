"""The layers of docs/architecture.md are the import contracts of pyproject.toml, every module is in a
layer, and our own modules are imported plainly (no ImportError guards, no probing, no noqa re-exports).
``lint-imports`` (run by scripts/test) checks the contracts themselves."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "careerladder"


def contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {c["id"]: c for c in config["contracts"]}


def layer_names(layer: str) -> list[str]:
    return [name.strip() for name in re.split(r"[|:]", layer)]


def modules() -> list[str]:
    """Every module of the package, dotted (packages by their name)."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


def test_every_module_is_in_a_layer():
    layers = contracts()["layers"]
    container, = layers["containers"]
    names = {f"{container}.{n}" for layer in layers["layers"] for n in layer_names(layer)}
    outside = [m for m in modules() if m != container and not any(m == n or m.startswith(n + ".") for n in names)]
    assert outside == []
    assert all((PACKAGE / n.split(".", 1)[1].replace(".", "/")).exists()
               or (PACKAGE / (n.split(".", 1)[1].replace(".", "/") + ".py")).exists() for n in names)


@pytest.mark.parametrize("contract", ["pipeline", "web", "leveling", "lint", "assess"])
def test_every_module_of_a_layered_package_is_in_one_of_its_layers(contract):
    c = contracts()[contract]
    for container in c["containers"]:
        names = {f"{container}.{n}" for layer in c["layers"] for n in layer_names(layer)}
        inside = [m for m in modules() if m.startswith(container + ".")]
        assert [m for m in inside if not any(m == n or m.startswith(n + ".") for n in names)] == [], container


def test_architecture_page_names_the_same_layers_as_the_contracts():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = [line for line in page.splitlines() if line.startswith("| `")]
    documented = [re.findall(r"`([a-z_]+)`", re.split(r"(?<!\\)\|", line)[1]) for line in table]
    assert documented == [layer_names(layer) for layer in contracts()["layers"]["layers"]]
    picture = page.split("```")[1]
    drawn = [re.findall(r"[a-z_]+", re.split(r"\s{3,}", line.strip())[0]) for line in picture.splitlines()
             if line.strip() and line.strip() != "|"]
    assert [d for d in drawn if d] == [layer_names(layer) for layer in contracts()["layers"]["layers"]]


def _own_import(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").startswith("careerladder")
    if isinstance(node, ast.Import):
        return any(a.name.startswith("careerladder") for a in node.names)
    return False


def test_our_modules_are_imported_plainly():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(PACKAGE)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Try) and any(
                    isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                    for h in node.handlers):
                if any(_own_import(n) for stmt in node.body for n in ast.walk(stmt)):
                    problems.append(f"{rel}:{node.lineno}: except ImportError around our own import")
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
                problems.append(f"{rel}:{node.lineno}: importlib.import_module")
        if re.search(r"^import inspect|^from inspect import", text, re.M):
            problems.append(f"{rel}: imports inspect")
        for n, line in enumerate(text.splitlines(), 1):
            if "noqa: F401" in line:
                problems.append(f"{rel}:{n}: noqa F401 re-export")
    assert problems == []
