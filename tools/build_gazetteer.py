"""Generate src/claimledger/data/countries.yaml from maintained country packages.

Sources (dev-time only; the YAML output is committed, so users need none of them):
- country_converter's country_data.tsv: short English names, official names, ISO3 codes and
  UN membership (read as plain TSV: its pandas API breaks with pandas 3).
- pycountry: ISO names, official and common names.
- countryinfo: capitals, demonyms and alternative spellings (pycountry has no capitals).

Hand-curated extras (metonyms like "the Kremlin", loaded names, epithets) live in
data/actors.yaml, not here. Run:

    .venv/bin/pip install countryinfo==1.0.1 country_converter==1.3.2 pycountry
    .venv/bin/python tools/build_gazetteer.py
"""

from __future__ import annotations

import csv
import importlib.metadata
import re
import sys
import unicodedata
from pathlib import Path

import country_converter
import pycountry
import yaml
from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError

OUT = Path(__file__).resolve().parents[1] / "src" / "claimledger" / "data" / "countries.yaml"

# UN members come from the TSV's UNmember column; these non-members are actors in the news.
OBSERVERS_AND_OTHERS = {"PSE", "VAT", "TWN", "XKX"}

# The name the ledger shows: the short common English name, where the TSV's differs.
NAME_OVERRIDES = {
    "TUR": "Turkey",
    "VAT": "Holy See",
    "FSM": "Micronesia",
    "COG": "Republic of the Congo",
    "BRN": "Brunei",
    "CZE": "Czech Republic",
}

# Seats of government where the packages' capital is not what news uses for the state: both
# Israel and Palestine claim Jerusalem, and in news "Jerusalem" stands for Israel's government
# while the Palestinian Authority sits in Ramallah (a surface two states share is never matched).
# Likewise "Brussels" in the news means the EU's institutions far more often than Belgium's
# government, so it is the EU's metonym (data/actors.yaml), not Belgium's.
CAPITAL_OVERRIDES = {"PSE": "Ramallah", "BEL": ""}

# Wikidata QIDs we are sure of; others stay empty rather than risk a wrong id.
WIKIDATA = {
    "ISR": "Q801", "AZE": "Q227", "IRN": "Q794", "ARM": "Q399", "TUR": "Q43", "RUS": "Q159",
    "USA": "Q30", "GBR": "Q145", "FRA": "Q142", "DEU": "Q183", "CHN": "Q148", "JPN": "Q17",
    "IND": "Q668", "UKR": "Q212", "SYR": "Q858", "IRQ": "Q796", "SAU": "Q851", "EGY": "Q79",
    "LBN": "Q822", "GEO": "Q230", "CAN": "Q16", "ITA": "Q38", "ESP": "Q29", "PAK": "Q843",
    "AFG": "Q889", "PRK": "Q423", "KOR": "Q884", "TWN": "Q865", "PSE": "Q219060",
    "QAT": "Q846", "GRC": "Q41", "BRA": "Q155", "AUS": "Q408", "XKX": "Q1246", "VAT": "Q237",
    "JOR": "Q810", "CYP": "Q229", "KAZ": "Q232", "POL": "Q36", "NLD": "Q55", "BLR": "Q184",
    "ARE": "Q878",
}  # fmt: skip

# Capitals that are also common words or common place names elsewhere: matching them would
# mislabel far more text than it finds ("Male voters", "Victoria, Australia", "Kingston").
AMBIGUOUS_CAPITALS = {"Male", "Victoria", "Kingston", "Georgetown", "Saint John's", "Nassau"}

# Alternative spellings that are English words, adjectives or first names ("Island" is Iceland's
# own name, "Thai" an adjective, "Dominique" a name), or shared by two states ("Congo").
AMBIGUOUS_ALIASES = {
    "Island", "Lao", "Thai", "Prathet", "Togolese", "Montenegrin", "Mexicanos", "Portuguesa",
    "Dominique", "Congo",
}  # fmt: skip

# Alternative spellings that are codes or inverted ISO forms ("Korea, Republic of").
CODE = re.compile(r"^[A-Z]{2,3}$")


def fold(text: str) -> str:
    """ASCII spelling of a name ("Türkiye" -> "Turkiye"), as English news often writes it."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def latin(text: str) -> bool:
    return all(not ch.isalpha() or ord(ch) < 0x250 for ch in text)


def usable(alias: str) -> bool:
    return (
        alias[:1].isupper()
        and "," not in alias
        and alias not in AMBIGUOUS_ALIASES
        and not CODE.match(alias)
        and latin(alias)
    )


def with_folded(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        for variant in (name, fold(name)):
            variant = re.sub(r"^the ", "", variant.strip())
            if usable(variant) and variant not in out:
                out.append(variant)
    return out


def capital_forms(capital: str) -> list[str]:
    if not capital or capital in AMBIGUOUS_CAPITALS:
        return []
    forms = [capital]
    short = re.sub(r",?\s*D\.?C\.?$", "", capital).strip()  # "Washington D.C." -> "Washington"
    if short != capital:
        forms += [short, f"{short}, D.C.", f"{short} DC"]
    return with_folded(forms)


def country_info(iso3: str) -> dict:
    try:
        return CountryInfo(iso3).info()
    except (CountryNotFoundError, ValueError, KeyError):
        return {}


def build() -> list[dict]:
    tsv = Path(country_converter.__file__).with_name("country_data.tsv")
    with tsv.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    entities = []
    for row in rows:
        iso3 = row["ISO3"]
        if not (row["UNmember"] or iso3 in OBSERVERS_AND_OTHERS):
            continue
        py = pycountry.countries.get(alpha_3=iso3)
        info = country_info(iso3)
        name = NAME_OVERRIDES.get(iso3, row["name_short"])
        neutral = [name, row["name_short"], row["name_official"]]
        if py is not None:
            neutral += [getattr(py, "common_name", ""), py.name, getattr(py, "official_name", "")]
        neutral += [info.get("name", ""), *info.get("altSpellings", [])]
        capital = CAPITAL_OVERRIDES.get(iso3, info.get("capital", ""))
        capitals = capital_forms(capital)
        demonym = info.get("demonym", "")
        entity = {
            "id": iso3,
            "name": name,
            "type": "GPE",
            "iso3": iso3,
            "wikidata": WIKIDATA.get(iso3),
            "aliases": {"neutral": with_folded(neutral)},
            "demonyms": [demonym] if demonym else [],
        }
        if capitals:
            entity["aliases"]["metonym"] = [
                c for c in capitals if c not in entity["aliases"]["neutral"]
            ]
            if not entity["aliases"]["metonym"]:  # city-states: the capital is the country's name
                del entity["aliases"]["metonym"]
        entities.append(entity)
    return sorted(entities, key=lambda e: e["name"])


def main() -> int:
    entities = build()
    versions = ", ".join(
        f"{pkg} {importlib.metadata.version(pkg)}"
        for pkg in ("country_converter", "pycountry", "countryinfo")
    )
    header = (
        "# Generated by tools/build_gazetteer.py -- do not edit by hand; put extras in actors.yaml.\n"
        f"# Sources: {versions}.\n"
        "# Schema: entities: [{id, name, type, iso3, wikidata, aliases: {framing: [surface]}, "
        "demonyms}]\n"
    )
    body = yaml.safe_dump({"entities": entities}, allow_unicode=True, sort_keys=False, width=100)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(entities)} entities to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
