"""mypy runs in `make test` on core and every services module; a new app's services are not forgotten."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_services_module_is_type_checked():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    checked = {Path(p) for p in config["files"]}
    services = {p.relative_to(ROOT) for p in (ROOT / "ombuds").glob("*/services*") if p.suffix in ("", ".py")}
    missing = [str(p) for p in services if p not in checked and not any(d in p.parents for d in checked)]
    assert missing == [], f"add to [tool.mypy] files: {missing}"


def test_make_test_runs_mypy():
    lint = (ROOT / "Makefile").read_text().split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/mypy" in lint
