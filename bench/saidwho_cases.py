"""saidwho's cases for the shared peers harness (../shared/bench/peers_bench.py).

Loaded by the harness through ``BENCH_PLUGINS=bench/saidwho_cases.py``: the harness executes this file in its
own namespace, where ``case`` registers a case. Each case is ``build(keys, key_to_entities, rows) -> search``
and ``search(text) -> list of (start, end, key_index)`` (Python str offsets, end-exclusive); the harness times
``build`` and ``search`` (median of the reps) and records peak RSS in a fresh process pinned to one CPU.

The job is the peers' ``ww_exact`` job: case-insensitive, whole words (Unicode-aware), non-overlapping
leftmost-longest, str offsets, key indices.

- ``saidwho:find_spans``: one record ``{"id", "name", "label"}`` per harness key (the lower-cased alias; the
  name is an alias), ``case="insensitive"``, so the entry index is the key index; ``find_spans(text)`` returns ``(start, end, entry_index)`` tuples directly.
- ``saidwho:tsv_find``: the route a user takes: ``Gazetteer.from_tsv`` of the same gazetteer file (build time
  includes reading it) and ``find(text)`` returning ``Match`` objects. The search returns the Match list as
  is (only its length is used) unless the harness dumps matches (``--dump``), when the matches are turned into
  ``(start, end, key_index)`` rows, key_index found from the lower-cased matched text (-1 if the text differs
  from every key, e.g. after apostrophe or dash normalisation).

Differences to the peers, expected and small: saidwho folds case with full Unicode case folding (the peers use
``str.lower``), treats ’ ' ʼ, dashes and white-space runs as equal, and counts combining marks (M*) as word
characters (the peers' filter uses ``str.isalnum() or "_"``).
"""

import os
import sys

try:
    case  # noqa: B018  (defined by peers_bench.py, which executes this file as a plugin)
except NameError:  # imported on its own (e.g. by bench/batch_threads.py): a local registry
    CASES = {}

    def case(name, semantics):
        def deco(fn):
            CASES[name] = (fn, semantics)
            return fn

        return deco


def saidwho_records(keys):
    """One record per key, in key order, so that entry index == key index. The name is always an alias, so
    no ``aliases`` list: 204k one-element lists would only add Python garbage-collector work (~0.5 s at g250k,
    more than the gazetteer build itself) to the timed build."""
    return [{"id": str(i), "name": k, "label": "GAZ"} for i, k in enumerate(keys)]


def harness_arg(flag, default=""):
    """The value of a ``--flag`` of the harness worker's command line (the build function only gets keys)."""
    argv = sys.argv
    return argv[argv.index(flag) + 1] if flag in argv else default


@case("saidwho:find_spans", "from_records(one record per key, case=insensitive).find_spans(text) -> tuples")
def _saidwho_find_spans(keys, k2e, rows):
    import saidwho as sw

    gaz = sw.Gazetteer.from_records(saidwho_records(keys), case="insensitive")
    find_spans = gaz.find_spans

    def search(text):
        return find_spans(text)

    return search


@case("saidwho:tsv_find", "Gazetteer.from_tsv(<size>.tsv, case=insensitive).find(text) -> Match objects")
def _saidwho_tsv_find(keys, k2e, rows):
    import saidwho as sw

    # DATA: the harness's data folder (BENCH_DATA); on its own: the same variable or bench/data
    data = globals().get("DATA") or os.environ.get("BENCH_DATA") or os.path.join(os.path.dirname(__file__), "data")
    gaz = sw.Gazetteer.from_tsv(os.path.join(data, harness_arg("--size") + ".tsv"), case="insensitive")
    find = gaz.find
    if not harness_arg("--dump"):
        return find

    key_index = {k: i for i, k in enumerate(keys)}

    def search_rows(text):
        return [(m.start, m.end, key_index.get(m.text.lower(), -1)) for m in find(text)]

    return search_rows
