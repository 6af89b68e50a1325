"""Aid, losses, holdings and comparisons: the roles of figures on things one party gives,
loses or holds, read on top of roles.py's dependency paths.

- transfers: the giver is the subject, the recipient the object ("US aid to Ukraine", "the
  bloc's pledge", "Brussels promised Kiev €50 billion"); a document's most-named giver and
  recipient fill what a sentence leaves out ("The $61 billion package ...");
- losses: the loser is the subject, the other side the object ("Russia's losses");
- holdings: the owner is the subject, where they are held the object ("Russian assets held
  in American banks");
- comparisons: the party compared with is the object ("three times as many as X");
- origins: the state a document's goods come from ("Ukrainian ports", "grain from X").
Verbs, nouns and prepositions are the lists of claims_roles.yaml.
"""

from __future__ import annotations

import logging

from .roles import (
    _FROM_PREPS,
    _PRONOUNS,
    Actors,
    _a_party,
    _definite_state,
    _nearest,
    _pronoun_actor,
    _words,
    np_actors,
    owner_state,
)

log = logging.getLogger(__name__)


def _leader(counts: dict[str, int]) -> str | None:
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def transfer_profile(doc, actors: Actors) -> tuple[str | None, str | None, int]:
    """See `Actors.transfer`."""
    givers: dict[str, int] = {}
    takers: dict[str, int] = {}
    lemmas = _words("transfer_nouns") | _words("give_verbs") | _words("spend_verbs")
    # once per document (cached on Actors), not per figure
    for tok in doc:
        if tok.lemma_.lower() not in lemmas:
            continue
        giver, taker, *_ = _transfer_parties(tok, actors, None)
        for name, counts in ((giver, givers), (taker, takers)):
            if name:
                counts[name] = counts.get(name, 0) + 1
    giver, taker = _leader(givers), _leader(takers)
    log.debug("transfer givers %s takers %s", givers, takers)
    return giver, (taker if taker != giver else None), givers.get(giver, 0) + takers.get(taker, 0)


def _transfer_parties(tok, actors: Actors, figure):
    """(giver, recipient, unsure, no_single_recipient) that `tok` names if it is a transfer
    noun or giving verb, else all empty. `unsure`: states compounded with the noun ("the
    Ukraine aid", "US aid"), giver or recipient by the document; `figure`: the figure's own
    token, which is the thing given, not a party."""
    lemma = tok.lemma_.lower()
    giver = taker = None
    unsure: list[str] = []
    no_single = False
    if lemma in _words("transfer_nouns") and tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "poss":
                name = _pronoun_actor(c, actors) if c.lower_ in _PRONOUNS else None
                giver = giver or name or next(iter(np_actors(c, actors)), None)
            elif c.dep_ == "amod":
                giver = giver or next(iter(np_actors(c, actors)), None)
            elif c.dep_ in ("compound", "nmod"):
                unsure.extend(np_actors(c, actors))
            elif c.dep_ == "prep":
                taker, giver, no_single = _prep_roles(c, actors, taker, giver, no_single)
        return giver, taker, unsure, no_single
    if lemma in _words("give_verbs") and tok.pos_ == "VERB":
        for c in tok.children:
            if c.dep_ == "nsubj" and (figure is None or c.i != figure):
                if c.lower_ in _PRONOUNS:
                    giver = giver or _pronoun_actor(c, actors)
                else:
                    names = np_actors(c, actors) or [_definite_state(c, actors)]
                    giver = giver or names[0]
            elif c.dep_ == "agent":
                giver = giver or next((n for p in c.children for n in np_actors(p, actors)), None)
            elif c.dep_ in ("dative", "dobj") and (figure is None or c.i != figure):
                taker = taker or (actors.of(c) if c.dep_ == "dobj" else None)
                taker = taker or (
                    next(iter(np_actors(c, actors)), None) if c.dep_ == "dative" else None
                )
            elif c.dep_ == "prep" and c.lower_ in _words("recipient_preps"):
                taker, _, no_single = _prep_roles(c, actors, taker, giver, no_single)
    elif lemma in _words("spend_verbs") and tok.pos_ == "VERB":
        # "buy weapons for Ukraine": who the purchase is for, not who buys
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _words("recipient_preps"):
                taker, _, no_single = _prep_roles(c, actors, taker, giver, no_single)
    return giver, taker, unsure, no_single


def _prep_roles(prep, actors: Actors, taker, giver, no_single):
    """Read "to/for Y" (recipient) or "from/by/of X" (giver) off a preposition."""
    low = prep.lower_
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    names = list(dict.fromkeys(n for p in objs for n in np_actors(p, actors)))
    if low in _words("recipient_preps") and taker is None:
        if len(names) > 1:
            no_single = True  # "for Ukraine, Israel and Taiwan": no one recipient
        elif names:
            taker = names[0]
        elif any(_a_party(p) for p in objs):
            no_single = True  # "to partners in the Indo-Pacific"
    elif low in _words("giver_preps") and giver is None and names:
        giver = names[0]
    return taker, giver, no_single


def transfer_roles(fig, chain, measured, actors: Actors, subject, obj, own_clause):
    """Roles of a figure on aid given: the giver is the subject, the recipient the object;
    the document's giver and recipient fill what the sentence leaves out. Returns None
    when the figure is on no transfer (and names no party while the document has a giver,
    for money: "Another $9.5 billion is structured as loans")."""
    anchor = chain[0]
    toks = list(chain[: own_clause + 1])
    if measured is not None:
        toks.append(measured)
    # "Japanese aid to Kenya reached $300 million": the thing given is the clause's subject
    toks.extend(
        c
        for t in chain[1 : own_clause + 1]
        for c in t.children
        if c.dep_ in ("nsubj", "nsubjpass", "attr") and c.i != anchor.i
    )
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of"):
            toks.extend(p for p in c.children if p.dep_ == "pobj")  # "€33 billion in loans"
    giver = taker = None
    unsure: list[str] = []
    no_single = found = False
    money = fig.unit.isupper()
    for c in anchor.children:
        if money and c.dep_ == "prep":  # "$8 billion to partners", "€67 billion from the US"
            taker, giver, no_single = _prep_roles(c, actors, taker, giver, no_single)
    noun = False  # a transfer noun, not a verb only: the document's parties may fill in
    for tok in toks:
        g, t, u, n = _transfer_parties(tok, actors, anchor.i)
        lemma = tok.lemma_.lower()
        if lemma in _words("transfer_nouns") or lemma in _words("give_verbs"):
            found = True
            noun = noun or lemma in _words("transfer_nouns")
        giver, taker = giver or g, taker or t
        unsure.extend(u)
        no_single = no_single or (n and taker is None)
    donor, recipient, evidence = actors.transfer(anchor.doc)
    if not found:
        # a money figure naming no party in a story about aid (the document names its giver
        # and recipient in three places or more): "Another $9.5 billion goes to loans"
        if not (money and donor and evidence >= 3):
            return None
        if subject is None and obj is None:
            return donor, recipient
        if subject == donor and obj is None and not no_single and recipient:
            return donor, recipient  # "EU leaders agreed to use profits of €3 billion"
        return None
    for name in unsure:
        # "the Ukraine Facility" under "The EU's answer is": a state compounded with the noun
        # is the recipient where another party gives, the giver otherwise ("US aid")
        other = giver or subject
        if taker is None and (name == recipient or other not in (None, name)):
            taker = name
        elif giver is None and name != taker:
            giver = name
    if not (money or noun):
        donor = recipient = None  # "farmers supplied 3 million tonnes": no aid, no donor
    subject = giver or subject or donor
    if taker is not None:
        obj = taker
    elif no_single:
        obj = None
    else:
        obj = obj or recipient
    if obj == subject:
        obj = recipient if recipient != subject else None
    return subject, obj


def loss_or_holding(chain, measured, actors: Actors, agent, partner, own_clause, context):
    """ "Russia's losses", "X lost 500 tanks": the loser is the subject, the other side the
    object; "Russian assets held in American banks": the owner is the subject, where they
    are held the object. None for figures on neither."""
    clause = list(chain[1 : own_clause + 1])
    nouns = [measured] if measured is not None else []
    # "puts X's losses at 460,000": the thing valued is the object of the figure's verb
    nouns += [c for t in clause for c in t.children if c.dep_ == "dobj"]
    loss = next((n for n in nouns if n.lemma_.lower() in _words("loss_nouns")), None)
    if loss is not None or any(t.lemma_.lower() in _words("loss_verbs") for t in clause):
        loser = (owner_state(loss, actors) if loss is not None else None) or agent
        if loser is None:
            return None
        other = next((n for n in (agent, partner) if n and n != loser), None)
        return loser, other or _nearest(context, {loser}, actors)
    if measured is None or measured.lemma_.lower() not in _words("holding_nouns"):
        return None
    owner = owner_state(measured, actors)
    if owner is None:
        return None
    verbs = clause + [c for c in measured.children if c.dep_ == "acl"]
    place = next(
        (
            n
            for v in verbs
            for c in v.children
            if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for p in c.children
            for n in np_actors(p, actors)
            if n != owner
        ),
        None,
    )
    return owner, place


def compared(chain, measured, actors: Actors, subject) -> str | None:
    """ "three times as many shells as the United States", "more tanks than Germany": the
    party compared with is the object."""
    # the "as" hangs off the figure, its noun, or a sibling object ("produces three times
    # as much steel as Japan": "times" and "steel" both objects of "produces")
    near = [chain[0], *chain[0].children, *chain[1:2], *(c for t in chain[1:2] for c in t.children)]
    if measured is not None:
        near.append(measured)
    preps = _words("comparison_preps")
    for tok in near:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    for name in np_actors(p, actors):
                        if name != subject:
                            return name
    return None


# -- origins: where a document's goods come from ------------------------------------

_ORIGIN_DEPS = {"amod", "compound", "poss", "nmod", "pobj", "dobj"}


def origin_state(doc, actors: Actors) -> str:
    """The state a document's goods come from, by a clear margin, or "" (Actors.origin
    caches it: computed once per document, not per figure)."""
    counts: dict[str, int] = {}
    for tok in doc:
        name = as_origin(tok, actors)
        if name:
            counts[name] = counts.get(name, 0) + 1
    return _leader(counts) or ""


def as_origin(tok, actors: Actors) -> str | None:
    """The state `tok` names as where goods come from: "Ukrainian ports", "Ukraine's grain",
    "from Ukraine", "out of Ukrainian ports", "left Ukraine"."""
    if tok.dep_ not in _ORIGIN_DEPS:
        return None
    name = actors.of(tok)
    if not name:
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "out":
        head = head.head
    lemma = head.lemma_.lower()
    if (
        (tok.dep_ in ("amod", "compound", "poss", "nmod") and lemma in _words("origin_nouns"))
        or (tok.dep_ == "pobj" and head.lower_ in _FROM_PREPS)
        or (tok.dep_ == "dobj" and lemma in _words("origin_verbs"))
    ):
        return name
    return None
