"""Optional dependencies: imported only when a feature needs them, with one clear message when missing.

pandas (and tqdm) are required; everything else is an extra of the package (``pyproject.toml``):

==========  =====================================  ===========================================
extra       brings                                 needed for
==========  =====================================  ===========================================
arrow       pyarrow                                Arrow-backed tables, ``to_arrow``, Parquet
plot        matplotlib                             charts (the notebooks)
notebooks   pyarrow, matplotlib, ipykernel         running ``notebooks/*.ipynb``
dask        dask[dataframe], distributed, pyarrow  ``saidwho.dask``
spark       pyspark, pyarrow                       ``saidwho.spark``
all         all of the above
==========  =====================================  ===========================================

>>> try:
...     require("saidwho_no_such_module", "this example", extra="arrow")
... except MissingDependency as e:
...     print(e)
this example needs saidwho_no_such_module, which is not installed: pip install 'saidwho[arrow]'
"""
from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

# the extra that brings each optional module
EXTRA_OF = {
    "pyarrow": "arrow",
    "matplotlib": "plot",
    "dask": "dask",
    "distributed": "dask",
    "pyspark": "spark",
}


# the modules each extra brings (what require_extra checks)
EXTRAS = {
    "arrow": ("pyarrow",),
    "plot": ("matplotlib",),
    "notebooks": ("pyarrow", "matplotlib"),
    "dask": ("dask", "distributed", "pyarrow"),
    "spark": ("pyspark", "pyarrow"),
}


class MissingDependency(ModuleNotFoundError):
    """An optional dependency is not installed; the message names the ``pip install`` that brings it."""


def install_hint(module: str, extra: str | None = None) -> str:
    """``pip install 'saidwho[EXTRA]'`` for ``module`` (its top-level package)."""
    top = module.split(".")[0]
    extra = extra or EXTRA_OF.get(top)
    return f"pip install 'saidwho[{extra}]'" if extra else f"pip install {top}"


def require(module: str, feature: str, extra: str | None = None) -> ModuleType:
    """Import ``module`` for ``feature`` ("--format parquet", "Corpus.to_arrow"), or raise
    :class:`MissingDependency` naming the package and the ``pip install`` to run."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        top = module.split(".")[0]
        missing = getattr(e, "name", None) or top
        if missing.split(".")[0] != top:  # the module is there but one of its own dependencies is not
            raise
        raise MissingDependency(
            f"{feature} needs {top}, which is not installed: {install_hint(top, extra)}", name=top
        ) from None


def require_extra(extra: str) -> None:
    """Check that the modules of ``extra`` ("notebooks", "arrow", "plot", "dask", "spark") are installed, or raise
    :class:`MissingDependency` naming all that are missing and the ``pip install`` that brings them.

    >>> require_extra("no-such-extra")
    Traceback (most recent call last):
    ...
    ValueError: unknown extra 'no-such-extra'; extras: arrow, plot, notebooks, dask, spark
    """
    if extra not in EXTRAS:
        raise ValueError(f"unknown extra {extra!r}; extras: {', '.join(EXTRAS)}")
    missing = [m for m in EXTRAS[extra] if importlib.util.find_spec(m) is None]
    if missing:
        raise MissingDependency(
            f"saidwho[{extra}] needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} not "
            f"installed: pip install 'saidwho[{extra}]'", name=missing[0])
