"""Quality on PolNeAR dev (Newell et al. 2018), scored by ../shared/eval/polnear_score.py.

Targets from issue 3: quote F1 >= 0.93, speaker accuracy >= 0.92, who-said-what F1 >= 0.85. The corpus has no
licence and is never copied into the repository: the test skips when ../shared is absent (or when
SAIDWHO_SHARED names another folder that lacks it, as the CI step "without ../shared" does).
"""

import glob
import importlib.util
import os
import re
from pathlib import Path

import pytest
import saidwho as sw

SHARED = Path(os.environ.get("SAIDWHO_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
SCORER = SHARED / "eval" / "polnear_score.py"
DEV = SHARED / "eval" / "polnear" / "dev"

pytestmark = [pytest.mark.uses_shared,
              pytest.mark.skipif(not (SCORER.exists() and DEV.exists()), reason="../shared/eval is absent")]


def load_scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(split_dir):
    """The scorer's figures for saidwho.extract_quotes, computed with the scorer's own functions."""
    ps = load_scorer()
    anns = {}
    for ann in sorted(glob.glob(os.path.join(split_dir, "attributions", "*.ann"))):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", os.path.basename(ann)), ann)
    n_gold = n_pred = n_match = n_spk_total = n_spk_ok = n_wsw = 0
    for art, ann in sorted(anns.items()):
        text = Path(split_dir, "text", art + ".txt").read_text(encoding="utf-8")
        gold = ps.gold_of(text, ann)
        preds = [q for q in sw.extract_quotes(text) if q.kind not in ("scare", "indirect")]
        n_gold += len(gold)
        n_pred += len(preds)
        for q in preds:
            key = ps.norm_span(text, q.start, q.end)
            if key not in gold:
                continue
            n_match += 1
            src = gold[key]
            if src:
                n_spk_total += 1
                ok = q.speaker is not None and ps.overlaps(src, q.speaker.start, q.speaker.end)
                n_spk_ok += ok
            else:
                ok = q.speaker is None
            n_wsw += ok

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    qp, qr = n_match / max(n_pred, 1), n_match / max(n_gold, 1)
    wp, wr = n_wsw / max(n_pred, 1), n_wsw / max(n_gold, 1)
    return {"quote_f1": f1(qp, qr), "speaker_acc": n_spk_ok / max(n_spk_total, 1), "wsw_f1": f1(wp, wr)}


def test_dev_targets():
    s = score(str(DEV))
    assert s["quote_f1"] >= 0.93, s
    assert s["speaker_acc"] >= 0.92, s
    assert s["wsw_f1"] >= 0.85, s
