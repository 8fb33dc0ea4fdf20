"""The dependency table of docs/architecture.md holds: no module imports an app above it."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "ombuds"


def _allowed() -> dict[str, set[str]]:
    table = {}
    for line in (ROOT / "docs" / "architecture.md").read_text().splitlines():
        match = re.match(r"^\| `(\w+)` \|.*\| ([^|]*) \|$", line)
        if match:
            deps = {d.strip() for d in match[2].split(",") if d.strip() not in ("", "—")}
            table[match[1]] = deps
    return table


def _imports(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "ombuds" and len(parts) > 1:
                yield node.lineno, parts[1]


def test_every_app_is_on_the_map():
    apps = {p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists()}
    assert apps - set(_allowed()) == set()


def test_imports_point_down():
    allowed = _allowed()
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        app = rel.parts[0]
        if app not in allowed or "tests" in rel.parts or "migrations" in rel.parts:
            continue
        for line, target in _imports(path):
            if target != app and target in allowed and target not in allowed[app]:
                wrong.append(f"ombuds/{rel}:{line} imports {target}")
    assert wrong == []
