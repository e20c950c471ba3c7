"""The hand-written stubs (.pyi + inline annotations) agree with the installed package (mypy.stubtest)."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONFIG = Path(__file__).with_name("stubtest.ini")


def test_stubtest_passes():
    pytest.importorskip("mypy")
    if shutil.which("stubgen") is None and sys.version_info < (3, 10):  # pragma: no cover
        pytest.skip("mypy too old")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "saidwho", "--mypy-config-file", str(CONFIG),
         "--allowlist", str(CONFIG.with_name("stubtest_allowlist.txt"))],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_package_is_typed():
    import importlib.resources

    assert importlib.resources.files("saidwho").joinpath("py.typed").is_file()
    assert importlib.resources.files("saidwho").joinpath("_saidwho.pyi").is_file()
