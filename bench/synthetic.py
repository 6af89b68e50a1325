"""Synthetic claims for benchmarking reconcile: many stories, each told by several outlets.

    from synthetic import synthetic_analyses
    analyses = synthetic_analyses(10_000, seed=1)

Each fact (a measure about two countries) is reported by a handful of claims, as news
coverage is: exact repeats, rounded or approximate figures ("around 40%"), qualified ones
("over 6,000"), the same measure for another period, a conflicting figure, a sibling
measure, and synonyms of the measure phrase. Most facts get 2-10 claims; one in a hundred
is a big story with 50-300, so the large-block path runs too. The number of facts grows
with the number of claims, as a bigger corpus covers more stories, not the same few.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pycountry

from claimledger.models import Analysis, Claim, Document, DocumentMeta, Period, content_id

COUNTRIES = sorted(c.name for c in pycountry.countries)
OUTLETS = [
    f"{city} {kind}"
    for city in (
        "Lagos",
        "Oslo",
        "Lima",
        "Pune",
        "Perth",
        "Quebec",
        "Riga",
        "Dakar",
        "Hanoi",
        "Tbilisi",
        "Tunis",
        "Cusco",
    )
    for kind in ("Herald", "Post", "Wire", "Times")
]
SOURCES = [
    "Stockholm International Peace Research Institute",
    "World Bank",
    "IMF",
    "United Nations",
    "Reuters",
    "Ministry of Defence",
    "Central Bank",
    "Amnesty International",
]

# (unit, phrasings of one measure, sibling phrasings or ())
MEASURES = [
    (
        "ratio",
        ["share of arms imports", "share of weapons bought", "percentage of arms purchases"],
        (),
    ),
    ("ratio", ["share of arms exports", "share of weapons exports"], ()),
    ("ratio", ["share of oil imports", "share of oil supplies"], ["share of energy needs"]),
    ("ratio", ["share of gas imports", "share of gas supply"], ["share of energy imports"]),
    ("USD", ["value of arms purchases", "value of weapons bought"], ()),
    ("USD", ["value of arms deal", "value of weapons contract"], ()),
    ("USD", ["bilateral trade", "trade turnover"], ()),
    ("count", ["cargo flights", "arms flights", "number of flights"], ()),
    ("count", ["soldiers killed", "deaths of soldiers"], ["civilians killed"]),
    ("count", ["displaced people", "refugees"], ()),
    ("count", ["Merkava tanks", "number of Merkava tanks"], ()),
    ("km", ["length of border", "border length"], ()),
    ("days", ["duration of war", "war duration"], ()),
]
YEARS = list(range(1995, 2025))


def _true_value(unit: str, rng: random.Random) -> float:
    if unit == "ratio":
        return rng.randint(5, 90) / 100
    if unit == "USD":
        return rng.choice([1e6, 1e7, 1e8, 1e9]) * rng.randint(1, 99) / 10
    if unit == "count":
        return float(rng.choice([10, 100, 1000, 10000]) * rng.randint(1, 99))
    return float(rng.randint(10, 2000))


def _written(value: float, unit: str) -> str:
    if unit == "ratio":
        return f"{value * 100:g}%"
    if unit == "USD":
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if value >= size:
                return f"${value / size:g} {word}"
    return f"{value:,.0f}" + (f" {unit}" if unit in ("km", "days") else "")


def _claims_for_fact(fact: int, n: int, rng: random.Random) -> Iterator[dict]:
    unit, phrasings, siblings = rng.choice(MEASURES)
    subject, obj = rng.sample(COUNTRIES, 2)
    value = _true_value(unit, rng)
    start = rng.choice(YEARS[:-5])
    period = (str(start), str(start + rng.randint(0, 4))) if rng.random() < 0.6 else None
    source = rng.choice(SOURCES) if rng.random() < 0.7 else None
    for i in range(n):
        kind = (
            "first"
            if i == 0
            else rng.choices(
                ["repeat", "approx", "qualified", "period", "conflict", "sibling", "unattributed"],
                weights=[30, 12, 8, 12, 8, 5, 25],
            )[0]
        )
        v, text, qualifier, p, measure = (
            value,
            _written(value, unit),
            None,
            period,
            rng.choice(phrasings),
        )
        claim_source = source if kind in ("first", "repeat") and rng.random() < 0.5 else None
        if kind == "approx":
            v = value * rng.uniform(0.95, 1.05)
            v = round(v, 2) if unit == "ratio" else round(v)
            text, qualifier = f"around {_written(v, unit)}", "approximately"
        elif kind == "qualified":
            v = value * 0.9
            v = round(v, 2) if unit == "ratio" else round(v)
            text, qualifier = f"over {_written(v, unit)}", "more_than"
        elif kind == "period":
            year = rng.choice(YEARS)
            p = (str(year), str(year))
            v = value * rng.uniform(0.8, 1.2)
            v = round(v, 2) if unit == "ratio" else round(v)
            text = _written(v, unit)
        elif kind == "conflict":
            v = value * rng.choice([0.5, 1.6])
            v = min(round(v, 2), 0.99) if unit == "ratio" else round(v)
            text = _written(v, unit)
        elif kind == "sibling" and siblings:
            measure = rng.choice(siblings)
        # extractors miss actors: one claim in ten names one, one in thirty none
        drop = rng.random()
        subject_seen = None if drop < 0.03 else subject
        object_seen = None if drop < 0.13 else obj
        yield {
            "fact": fact,
            "value": v,
            "unit": unit,
            "value_text": text,
            "measure": measure,
            "subject": subject_seen,
            "object": object_seen,
            "qualifier": qualifier,
            "period": p,
            "source": claim_source,
        }


def synthetic_claim_rows(n_claims: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    rows: list[dict] = []
    fact = 0
    while len(rows) < n_claims:
        size = rng.randint(50, 300) if rng.random() < 0.01 else rng.randint(1, 10)
        rows.extend(_claims_for_fact(fact, min(size, n_claims - len(rows)), rng))
        fact += 1
    rng.shuffle(rows)  # a story's claims are spread over many articles
    return rows


def synthetic_analyses(n_claims: int, seed: int = 0, per_document: int = 12) -> list[Analysis]:
    """`n_claims` claims in documents of `per_document` claims each, with outlets."""
    rows = synthetic_claim_rows(n_claims, seed)
    rng = random.Random(seed + 1)
    analyses = []
    for d in range(0, len(rows), per_document):
        doc_id = content_id("d", seed, d)
        claims = []
        for i, row in enumerate(rows[d : d + per_document]):
            sentence = f"Article {d} says {row['value_text']} of {row['measure']} ({i})."
            period = row["period"]
            claims.append(
                Claim(
                    id=content_id("c", doc_id, i),
                    doc_id=doc_id,
                    start=i * 100,
                    end=i * 100 + len(sentence),
                    text=sentence,
                    value_text=row["value_text"],
                    value=row["value"],
                    unit=row["unit"],
                    measure=row["measure"],
                    subject=row["subject"],
                    object=row["object"],
                    qualifier=row["qualifier"],
                    period=Period(start=period[0], end=period[1]) if period else None,
                    source=row["source"],
                    source_named=row["source"] is not None,
                    hedge="reported" if row["source"] else rng.choice(["asserted", "reported"]),
                )
            )
        document = Document(id=doc_id, path=f"synthetic/{d:07d}.txt", text="", format="text")
        meta = DocumentMeta(doc_id=doc_id, outlet=rng.choice(OUTLETS))
        analyses.append(Analysis(document=document, meta=meta, claims=tuple(claims)))
    return analyses
