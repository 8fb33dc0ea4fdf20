"""`make run`: another port through PORT, and a README that names every demo account."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ombuds.accounts.demo import DEMO_STAFF

ROOT = Path(__file__).resolve().parents[3]
MAKE = shutil.which("make")


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_run_serves_on_the_port_given_in_the_environment():
    def runserver_line(env):
        # -n: print the commands without running them (no install, no database).
        out = subprocess.run(  # noqa: S603 - fixed argv
            [MAKE, "-n", "run"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,  # noqa: S607
        ).stdout
        return next(line for line in out.splitlines() if "runserver" in line)

    base = {k: v for k, v in os.environ.items() if k != "PORT"}
    assert runserver_line(base).endswith("runserver 127.0.0.1:8000")
    assert runserver_line({**base, "PORT": "8010"}).endswith("runserver 127.0.0.1:8010")


def test_the_readme_explains_the_port_and_every_demo_account():
    readme = (ROOT / "README.md").read_text()
    assert "PORT=8010 make run" in readme
    missing = [username for username, *_rest in DEMO_STAFF if f"`{username}`" not in readme]
    assert missing == []
