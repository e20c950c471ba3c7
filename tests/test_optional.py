"""Optional dependencies (pyarrow, matplotlib, dask, pyspark): a feature that needs a missing one stops with one
message naming the ``pip install`` to run, never a bare ModuleNotFoundError. A missing module is simulated the way
Python itself records one (``sys.modules[name] = None``)."""

import sys

import pytest
import saidwho as sw

NED = "“We are not going anywhere,” said State Department spokesman Ned Price in Washington."


def without(monkeypatch, *names):
    for name in names:
        monkeypatch.setitem(sys.modules, name, None)


def test_to_arrow_without_pyarrow(monkeypatch):
    corpus = sw.analyze_many([NED], progress=False)
    without(monkeypatch, "pyarrow")
    with pytest.raises(sw.MissingDependency, match=r"Corpus.to_arrow needs pyarrow, which is not installed: "
                                                   r"pip install 'saidwho\[arrow\]'") as e:
        corpus.to_arrow("quotes")
    assert isinstance(e.value, ModuleNotFoundError) and e.value.name == "pyarrow"


def test_find_batch_arrow_without_pyarrow(monkeypatch):
    without(monkeypatch, "pyarrow")
    with pytest.raises(sw.MissingDependency, match=r"pip install 'saidwho\[arrow\]'"):
        sw.default_gazetteer().find_batch_arrow([NED])


def test_dask_without_dask(monkeypatch):
    import saidwho.dask as swd

    without(monkeypatch, "dask", "dask.dataframe", "dask.dataframe.utils")
    with pytest.raises(sw.MissingDependency, match=r"needs dask, which is not installed: pip install 'saidwho\[dask\]'"):
        swd.analyze(object())


@pytest.mark.parametrize("extra, modules", [("notebooks", ["matplotlib"]), ("arrow", ["pyarrow"]),
                                             ("notebooks", ["pyarrow", "matplotlib"])])
def test_require_extra_names_what_is_missing(monkeypatch, extra, modules):
    without(monkeypatch, *modules)
    with pytest.raises(sw.MissingDependency) as e:
        sw.require_extra(extra)
    msg = str(e.value)
    assert msg.startswith(f"saidwho[{extra}] needs {', '.join(modules)}")
    assert msg.endswith(f"pip install 'saidwho[{extra}]'")


def test_require_extra_passes_when_installed():
    pytest.importorskip("pyarrow")
    sw.require_extra("arrow")
    with pytest.raises(ValueError, match="unknown extra"):
        sw.require_extra("jupyter")


def test_extras_are_declared():
    """The extras the messages name exist in the package metadata."""
    from importlib.metadata import metadata

    provided = set(metadata("saidwho").get_all("Provides-Extra"))
    assert {"arrow", "plot", "notebooks", "dask", "spark", "all"} <= provided
