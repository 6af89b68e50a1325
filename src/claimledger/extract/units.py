"""What a number measures: currencies by ISO 4217 code, physical units with their dimension.

World knowledge comes from maintained data, not hand lists:
- currencies: the ISO 4217 codes in force (pycountry), their English names and symbols as
  CLDR writes them in every English locale (babel): "HK$", "RM", "A$", "Hong Kong dollars",
  "Malaysian ringgit". A symbol two currencies share outside the base "en" locale ("kr",
  "Rs") is dropped rather than guessed.
- physical units: pint's registry ("kW", "mAh", "miles per hour", "sq m") with its
  dimensionality, so a length is a length in every later stage.
data/units.yaml adds only what neither knows or what news writes otherwise: the project's
own unit names for units the later stages already compare (km, tonnes, days), aliases
("bhp", "mpg"), ASCII transliterations of symbols ("PS" for £), and pint names that are
ordinary English words after a number ("points", "grain", "a").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from . import cues

MONEY = "money"


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit found after (or glued to) a number."""

    name: str  # ISO code for money, the project's or pint's name otherwise
    dimension: str  # "money", "ratio", "[length]", "[length] / [time]", ...
    multiplier: float = 1.0


def currency(text: str) -> str | None:
    """ISO code of a currency symbol, code or name as written ("US$", "$US", "HK$", "RM",
    "USD", "yen", "Hong Kong dollars"); None when it names none. Codes count in capitals
    ("USD"; "try" is a verb) and symbols in their own case ("RM", not "rm")."""
    written = text.strip()
    key = written.lower()
    if key in _codes() and written.isupper():
        return key.upper()
    names, symbols = _currency_tables(cues.current_dirs())
    if written in symbols:
        return symbols[written]
    if key in names:
        return names[key]
    # "$US", "$A", "AU$", "NZ $": a country's letters around the dollar sign
    letters = key.strip("$ ")
    if key.count("$") == 1 and letters.isalpha() and len(letters) <= 3:
        return names.get(f"{letters}$") or _dollar_of(letters)
    return None


def is_symbol(text: str) -> bool:
    """ "RM", "HK$": a currency symbol CLDR writes, in its own case."""
    return text.strip() in _currency_tables(cues.current_dirs())[1]


def is_iso_code(text: str) -> bool:
    """ "USD", "MYR" written in capitals: a currency code, not the word "try"."""
    return text.isupper() and text.lower() in _codes()


@cache
def _codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3.lower() for c in pycountry.currencies)


@cache
def _currency_tables(dirs) -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case name or form -> ISO code, symbol as written -> ISO code), from pycountry
    and babel's CLDR data, then the lexicon's forms (which win)."""
    from babel import Locale, localedata
    from babel.numbers import get_currency_name

    codes = _codes()
    names: dict[str, str] = {}
    heads: dict[str, set[str]] = {}
    for code in codes:
        for count in (1, 2):
            name = get_currency_name(code.upper(), count=count, locale="en").lower()
            if name.upper() == code.upper() or "(" in name:
                continue  # no English name, or a historic/special variant
            names.setdefault(name, code.upper())
            heads.setdefault(name.split()[-1], set()).add(code.upper())
    _translated_names(names)
    # a bare head word ("ringgit", "yen") when only one current currency has it
    for head, owners in heads.items():
        if len(owners) == 1:
            names.setdefault(head, next(iter(owners)))
    symbols: dict[str, str] = {}
    for code, sym in Locale.parse("en").currency_symbols.items():
        if code.lower() in codes:
            symbols.setdefault(sym, code)
            if not sym.isalpha():
                names.setdefault(sym.lower(), code)  # "hk$", "us$" for the letters rule
    others: dict[str, set[str]] = {}
    for ident in localedata.locale_identifiers():
        if not ident.startswith("en_"):
            continue
        for code, sym in Locale.parse(ident).currency_symbols.items():
            if code.lower() in codes and sym not in symbols:
                others.setdefault(sym, set()).add(code)
    for sym, owners in others.items():
        if len(owners) == 1 and (len(sym) > 1 or not sym.isalpha()):
            symbols[sym] = next(iter(owners))
    lex = cues.load("units")
    for form, code in (lex.get("currencies") or {}).items():
        names[str(form).lower()] = str(code)
    return names, symbols


def _translated_names(names: dict[str, str]) -> None:
    """English news translates some currency names CLDR keeps in their own language
    ("Danish crowns" for kroner): the lexicon's `currency_translations` give the English
    head, which is read with the country's adjective only (a bare "crown" names none)."""
    translations = cues.load("units").get("currency_translations") or {}
    for name, code in list(names.items()):
        *adjective, head = name.split()
        english = translations.get(head)
        if adjective and english:
            for form in (english, f"{english}s"):
                names.setdefault(" ".join([*adjective, form]), code)


@cache
def _dollar_of(letters: str) -> str | None:
    """The one dollar currency whose code starts with `letters` ("au" -> AUD), if one."""
    from babel.numbers import get_currency_name

    found = [
        c.upper()
        for c in _codes()
        if c.startswith(letters) and "dollar" in get_currency_name(c.upper(), locale="en").lower()
    ]
    return found[0] if len(found) == 1 else None


def lexicon_unit(words: str) -> Unit | None:
    """A unit the project names itself (units.yaml `units`: "km", "tonnes", "days")."""
    units = cues.load("units")["units"]
    hit = units.get(words.lower())
    if hit is None:
        return None
    name, mult = hit[0], float(hit[1])
    # a third item names the dimension of a unit pint does not know ("points": index)
    return Unit(name, str(hit[2]) if len(hit) > 2 else _dimension_of(name), mult)


def physical_unit(words: str, glued: bool = False) -> Unit | None:
    """A unit pint knows ("kW", "miles per hour", "sq m"), or one of the lexicon's aliases
    for it ("bhp" -> horsepower). `glued`: written against the number ("640bhp"), where a
    one-letter symbol is safe; apart from it, one-letter symbols and ordinary English words
    that pint also defines ("a", "points", "grain") are not units."""
    # news repeats the same few words after numbers, and asking pint costs a parse each
    # time: the answer depends only on the words and the lexicons in force
    return _physical_unit(words, glued, cues.current_dirs())


@lru_cache(maxsize=4096)
def _physical_unit(words: str, glued: bool, dirs: tuple) -> Unit | None:
    text = re.sub(r"°\s+", "°", words.strip())  # "° C" as the tokenizer splits "°C"
    # "m2", "A/cm2": a power written without its operator
    text = re.sub(
        r"(?<=[A-Za-z])([23²³])$", lambda m: "**" + {"²": "2", "³": "3"}.get(m[1], m[1]), text
    )
    if len(text) > 2 and text.isupper() and text.isalpha():
        # "11 FEET", "300 MILES": a word in capitals for emphasis or a headline, not a symbol
        return physical_unit(text.lower(), glued)
    if not text or not re.fullmatch(r"[A-Za-zµμ°″′\"'/_ .-]+(\*\*\d)?", text):
        return None
    lex = cues.load("units")
    aliases = lex.get("unit_aliases") or {}
    alias = aliases.get(text) or aliases.get(text.lower())
    if alias is None and not glued and _refused(text, lex):
        return None
    if alias is None and glued and len(text) > 2 and text in (lex.get("not_units") or ()):
        return None  # "60fps" is frames, not feet, per second: a word, glued or not
    parsed, alias = _parse(text, alias, aliases)
    if parsed is None:
        return None
    name = str(parsed)
    if " * " in name and alias is None:
        return None  # "days in" read as day-inches: words side by side are not a product
    if any(p in name for p in cues.words("units", "rare_prefixes")):
        return None  # "Elm" would be an exalumen: prefixes news never writes
    if parsed.dimensionless:
        # "percent", "dozen", "radian" are no physical unit; degrees and bytes still measure
        kept = cues.words("units", "dimensionless_units")
        base = next((k for k in kept if name.endswith(k)), None)
        if base is None:
            return None
        dims = {"degree": "[angle]", "decibel": "[level]"}
        return Unit(_display(name), dims.get(base, "[information]"))
    # an alias names the unit as written ("milliampere * hour"); pint would sort its factors
    written = str(alias) if alias and ("*" in str(alias) or "/" in str(alias)) else name
    return Unit(_display(written), str(parsed.dimensionality))


def _refused(text: str, lex) -> bool:
    """Apart from a number: stop-words matched in their own case ("M" is no molar, "m" is a
    metre; in "R per day" the first word decides), a lone letter, a capitalised name."""
    word = text.split()[0]
    if word in (lex.get("not_units") or ()):
        return True
    alone = " " not in text and "/" not in text  # "m per minute" is fine
    # an upper-case symbol apart from the number ("230 V", "a 2 L bottle") names a unit
    # (those that news writes otherwise, "5 M", "10 K", "73.9 W", are in `not_units`)
    lone = len(word) == 1 and alone and not word.isupper()
    return word.isalpha() and (lone or (len(word) > 2 and word.istitle()))


def _parse(text: str, alias, aliases):
    """(pint units, alias used) for the text: as written, then with hyphens and
    abbreviation dots read the way pint names units ("light-years" -> light_year,
    "square-foot" -> square foot, "sq. ft." -> sq ft)."""
    if alias is not None:
        names = [str(alias)]
    else:
        plain = re.sub(r"(?<=[a-z])\.", "", text)
        names = list(dict.fromkeys([plain, plain.replace("-", "_"), plain.replace("-", " ")]))
    units = _registry()
    for name in names:
        found = aliases.get(name) or aliases.get(name.lower()) if alias is None else None
        try:
            return units.parse_units(str(found or name)), found or alias
        except Exception:  # pint raises several error types for text it cannot read
            continue
    return None, alias


@cache
def _registry():
    import pint

    # the on-disk cache halves pint's start-up. pint's own ":auto:" folder is one per user,
    # and its entries name the definition files of whichever pint installation wrote them:
    # a second virtual environment, or one since deleted, then fails to start. One folder
    # per installation of pint keeps each cache with the files it names.
    import platformdirs

    where = hashlib.sha1(str(Path(pint.__file__).resolve()).encode()).hexdigest()[:12]
    folder = Path(platformdirs.user_cache_dir("claimledger")) / f"pint-{pint.__version__}-{where}"
    return pint.UnitRegistry(cache_folder=folder)


def _display(pint_units: str) -> str:
    """pint's "kilometer / hour" -> "kilometre per hour": the SI brochure's English
    spelling, words rather than operators, so the name reads in a report."""
    name = pint_units.replace("_", " ").replace(" / ", " per ").replace(" * ", "-")
    name = name.replace("metric ton", "tonne")
    name = re.sub(r"(\w+) \*\* 2", r"square \1", name)
    name = re.sub(r"(\w+) \*\* 3", r"cubic \1", name)
    name = re.sub(r"meter\b", "metre", name)
    return re.sub(r"liter\b", "litre", name)


@cache
def _dimension_of(name: str) -> str:
    """Dimension of one of the project's own unit names ("km", "tonnes", "days")."""
    pint_name = (cues.load("units").get("unit_aliases") or {}).get(name, name)
    try:
        parsed = _registry().parse_units(str(pint_name))
    except Exception:  # pint raises several error types for text it cannot read
        return "quantity"
    return str(parsed.dimensionality)
