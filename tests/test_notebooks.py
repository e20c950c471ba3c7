"""The notebooks in notebooks/ run from top to bottom (nbclient, the python3 kernel of this environment) and show
what they promise: tables, the matplotlib chart and the highlighted HTML view. They are kept in git without
outputs.

Notebook 2 reads the shared benchmark corpus when ../shared is there and the seed articles otherwise; both must
tell their story. ``SAIDWHO_SHARED`` (inherited by the kernel) names another shared folder:
``SAIDWHO_SHARED=/nonexistent pytest -m uses_shared`` runs as a fresh clone without ../shared does (CI does it)."""

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ["01_seed_articles.ipynb", "02_corpus_with_pandas.ipynb"]

SHARED = Path(os.environ.get("SAIDWHO_SHARED") or NOTEBOOKS.parent.parent / "shared")

pytestmark = [pytest.mark.uses_shared,
              pytest.mark.skipif(not NOTEBOOKS.is_dir(), reason="notebooks/ is not next to tests/")]


def outputs(nb, mime):
    return [o["data"][mime] for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if "data" in o and mime in o["data"]]


def execute(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    return nb


@pytest.mark.parametrize("name", NAMES)
def test_kept_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_seed_articles_notebook():
    nb = execute(NAMES[0])
    assert len(outputs(nb, "image/png")) == 1  # speakers per outlet
    html = "\n".join(outputs(nb, "text/html"))
    assert html.count('class="sw-doc"') == 2  # both articles highlighted
    assert "sw-quote" in html and "Volodymyr Zelenskiy" in html
    text = "\n".join(outputs(nb, "text/plain")) + "\n".join(
        o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "outlet A" in text and "outlet B" in text
    assert "Ukraine is proud of you" in text  # the side-by-side view of quote clusters


def test_corpus_with_pandas_notebook():
    nb = execute(NAMES[1])
    assert len(outputs(nb, "image/png")) == 1  # quotes per document
    text = "\n".join(outputs(nb, "text/plain"))
    assert "Corpus(" in text and "speaker_name" in text and "entity_names" in text
    printed = "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    if (SHARED / "bench" / "make_corpus.py").exists():
        assert "shared benchmark corpus:" in printed
    else:  # the fallback: the two seed articles, told the same story
        assert "the two seed articles: 2 documents" in printed
        assert "Volodymyr Zelenskiy" in text and "Vladimir Putin" in text  # who is quoted
        assert "longer half" in text and "shorter half" in text  # quote kinds by document size
    assert "Ɂ" not in text  # no one-letter "person" among the speakers
