"""Citations (named and unnamed, with the claims they back) and quotes with speakers."""

from __future__ import annotations

import pytest

from claimledger.extract import extract
from claimledger.models import DocumentMeta
from claimledger.pipeline import analysis_text


def analyse(nlp, make_document, text):
    doc = make_document(text)
    meta = DocumentMeta(doc_id=doc.id)
    return extract(nlp(analysis_text(doc, meta)), doc, meta)


def sources(analysis):
    return {c.source: c for c in analysis.citations}


@pytest.mark.parametrize(
    ("text", "source", "named"),
    [
        ("The Oslo Gazette reported that the talks resumed on Monday.", "Oslo Gazette", True),
        ("Reports indicate that the border stayed closed all week.", "Reports", False),
        ("Officials said that the bridge would reopen soon.", "Officials", False),
        ("According to the Harbour Authority, the canal is safe again.", "Harbour Authority", True),
        (
            "A study by the Nordic Energy Institute found that wind power is cheaper.",
            "Nordic Energy Institute",
            True,
        ),
        (
            "In an interview with the Daily Ledger, the mayor praised the volunteers.",
            "Daily Ledger",
            True,
        ),
    ],
)
def test_attribution_named_and_unnamed_sources(nlp, make_document, text, source, named):
    found = sources(analyse(nlp, make_document, text))
    assert source in found, list(found)
    assert found[source].named is named


def test_attribution_a_source_told_an_outlet_cites_both(nlp, make_document):
    text = "Anna Berg told the Daily Ledger that the plan was ready."
    found = sources(analyse(nlp, make_document, text))
    assert {"Anna Berg", "Daily Ledger"} <= set(found)


def test_attribution_citation_lists_the_claims_it_backs(nlp, make_document):
    text = "The Oslo Gazette reported that 70 percent of the fuel came from Sweden."
    a = analyse(nlp, make_document, text)
    (claim,) = a.claims
    (citation,) = [c for c in a.citations if c.source == "Oslo Gazette"]
    assert citation.claim_ids == (claim.id,)
    assert citation.text == a.document.text[citation.start : citation.end]


def test_attribution_facts_suggest_is_not_a_source(nlp, make_document):
    text = "The facts suggest that the two towns will grow closer."
    assert analyse(nlp, make_document, text).citations == ()


def test_attribution_quotes_get_their_speakers(nlp, make_document):
    text = (
        'Mayor Tom Reyes said: "We will rebuild every bridge in the valley." '
        '"The money is already in the bank," Reyes added.'
    )
    quotes = analyse(nlp, make_document, text).quotes
    assert [q.speaker for q in quotes] == ["Mayor Tom Reyes", "Reyes"]
    assert quotes[0].text == '"We will rebuild every bridge in the valley."'


def test_attribution_pronoun_speaker_is_resolved(nlp, make_document):
    text = (
        "The engineer Lena Fischer inspected the dam. "
        "She said that 40 percent of the concrete was cracked."
    )
    a = analyse(nlp, make_document, text)
    (claim,) = a.claims
    assert claim.source == "Lena Fischer"


def test_attribution_scare_quotes_are_not_quotes(nlp, make_document):
    text = "The so-called “experts” left the town before the vote."
    assert analyse(nlp, make_document, text).quotes == ()


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Lakeland Statistics Office puts the harvest at 12 million tonnes.", "Lakeland"),
        (
            "About 40 percent of the budget goes to roads, according to a summary released "
            "by the Senate Finance Committee.",
            "Senate Finance Committee",
        ),
        ("About 12 million tonnes went to Asia, according to the Port Authority.", "Port"),
    ],
)
def test_attribution_figure_setting_and_sentence_final_sources(nlp, make_document, text, source):
    a = analyse(nlp, make_document, text)
    assert any(source in c.source for c in a.citations), [c.source for c in a.citations]
    (claim,) = a.claims
    assert claim.source is not None and source in claim.source
    assert claim.hedge == "reported"


def test_attribution_a_view_named_by_a_source_is_cited_but_backs_no_figure(nlp, make_document):
    text = "The council doubled the fee to $40, a step the Chamber of Commerce calls robbery."
    a = analyse(nlp, make_document, text)
    (citation,) = [c for c in a.citations if c.source == "Chamber of Commerce"]
    assert citation.claim_ids == ()
    assert all(c.source is None for c in a.claims)


def _governed(nlp, text):
    from claimledger.extract.attribution import find_cues, governing_cue
    from claimledger.extract.quantities import find_figures

    sdoc = nlp(text)
    cues = find_cues(sdoc)
    return {f.text: governing_cue(sdoc, f.anchor, cues, 0) for f in find_figures(sdoc)}


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a cue in a coordinated clause speaks only for its own clause
        (
            "The mayor opened a $40 million bridge on Monday, and the Transport Ministry "
            "announced that tolls would start soon.",
            "$40 million",
        ),
        # a cue in a relative clause speaks only for the relative clause
        ("The town spent $3 million on a dam that engineers say will fail.", "$3 million"),
        # a clause set against the cited one is the outlet's
        (
            "Fares rose 3% on Monday, drivers said, though they stayed below the record of "
            "$14 set last winter.",
            "$14",
        ),
        # a cue after a colon speaks for what follows the colon
        (
            "The plan to build 400 homes fell short: only half were built, according to the "
            "Housing Board.",
            "400",
        ),
    ],
)
def test_attribution_cue_in_another_clause_governs_no_figure(nlp, text, figure):
    assert _governed(nlp, text)[figure] is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Transport Ministry said that tolls raised $40 million last year.", "Transport"),
        (
            "Tolls raised $40 million last year and more in spring, according to the Port Authority.",
            "Port",
        ),
        (
            "Tolls raised $40 million last year, traffic analysts estimate, though few agree.",
            "analysts",
        ),
        (
            "Tolls raised $40 million last year, estimates by traffic analysts suggest, "
            "though few agree.",
            "analysts",
        ),
    ],
)
def test_attribution_cue_over_the_figure_clause_governs_it(nlp, text, source):
    cue = _governed(nlp, text)["$40 million"]
    assert cue is not None and source in cue.source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "More than 2,000 families had left the valley, according to the government in Lima.",
            "Peruvian government",
        ),
        ("Officials in Lisbon said that 40 percent of the fleet was idle.", "Portuguese officials"),
    ],
)
def test_attribution_a_body_named_by_its_seat_speaks_for_its_state(
    nlp, make_document, text, source
):
    a = analyse(nlp, make_document, text)
    (claim,) = a.claims
    assert claim.source == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the agent of a participle that wrote, gave or examined the report is its source
        (
            "Some 4,200 homes flooded, according to internal data reviewed by the Harbour Post.",
            "Harbour Post",
        ),
        ("Figures provided by the Port Authority show that 812 ships docked.", "Port Authority"),
        # one ranked after another in the results is no source of them
        ("Mills leads the survey, followed by Sen. Jane Doe with 18 percent.", None),
    ],
)
def test_attribution_agent_of_a_report_participle(nlp, make_document, text, source):
    claims = analyse(nlp, make_document, text).claims
    assert claims and claims[-1].source == source
