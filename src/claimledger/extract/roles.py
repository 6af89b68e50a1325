"""Who a figure is about: its subject (who holds, supplies or does) and object (whose total,
to whom, with whom), as canonical state names.

Read off the dependency path from the figure up to its clause: the possessor of the whole a
share is taken from ("69% of Azerbaijan's acquisitions" -> object Azerbaijan), the verb's
subject or agent, and the parties of "from", "to", "with", "between X and Y". Only states
(entities with an ISO code, or a demonym from the gazetteer data) and the organisations of the
actor gazetteer (European Union, NATO, IMF) count as actors here, since ledger facts compare
them; when the parse leaves a role empty, the nearest other state in the sentence (then the
sentences before) fills it. Figures on aid, losses, holdings and comparisons: transfers.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..errors import LexiconError
from . import cues as lexicons
from .sentences import doc_ents

_FROM_PREPS = {"from", "out"}  # "out of three Ukrainian ports"
_PARTNER_PREPS = {"to", "with", "at", "against", "into", "towards", "toward", "for", "on", "over"}
_PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her"}
_SUBJ = {"nsubj", "nsubjpass", "csubj"}


@cache
def demonyms() -> dict[str, str]:
    """Lowercased demonym or name -> state name, from the gazetteer files (countries.yaml,
    actors.yaml): "Ukrainian" and "russia" are found even where NER did not tag them."""
    return _gazetteer()[0]


@cache
def leaders() -> dict[str, str]:
    """Lowercased leader surname -> state name ("aliyev" -> "Azerbaijan"), same files."""
    return _gazetteer()[1]


@cache
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    out: dict[str, str] = {}
    heads: dict[str, str] = {}
    for lexicon in ("countries", "actors"):
        try:
            data = lexicons.load(lexicon)
        except LexiconError:  # the gazetteer ships with the nlp stage; work without it
            continue
        for entry in data.get("entities") or ():
            eid = entry.get("id")
            if entry.get("name"):
                names[eid] = entry["name"]
                out.setdefault(entry["name"].lower(), entry["name"])
            for word in entry.get("demonyms") or ():
                if eid in names:
                    out[str(word).lower()] = names[eid]
            for word in entry.get("leaders") or ():
                if eid in names:
                    heads[str(word).lower()] = names[eid]
    return out, heads


_STATE_NOUNS = {"country", "nation", "state", "government", "administration", "side"}
# "the bloc", "the alliance": the organisation named last, not the state named last
_ORG_NOUNS = {"bloc", "alliance", "union", "organisation", "organization"}


def _state_pair(tok, actors: Actors) -> list[str]:
    """ "the two countries", "both sides": the first two states named in the lines before."""
    if tok.lemma_.lower() not in _STATE_NOUNS or not any(
        c.lower_ in ("two", "both") for c in tok.children
    ):
        return []
    seen: list[str] = []
    for t in tok.doc[max(0, tok.i - 60) : tok.i]:
        name = actors.of(t)
        if name and name not in seen:
            seen.append(name)
    return seen[:2] if len(seen) >= 2 else []


def _definite_state(tok, actors: Actors) -> str | None:
    """ "his country" -> the state its leader heads; "the country" -> the state named last;
    "the bloc" -> the organisation named last."""
    lemma = tok.lemma_.lower()
    if lemma in _ORG_NOUNS and any(c.lower_ in ("the", "this") for c in tok.children):
        doc = tok.doc
        for i in range(tok.i - 1, max(-1, tok.i - 400), -1):
            name = actors.at.get(i)
            if name in actors.orgs:
                return name
        return None
    if lemma not in _STATE_NOUNS:
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    doc = tok.doc
    if any(c.lower_ in ("two", "both") for c in tok.children):
        return None  # "the two countries": see _state_pair
    if poss is not None and poss.lower_ in ("his", "her"):
        for ent in reversed([e for e in doc_ents(doc) if e.end <= tok.i and e.label_ == "PERSON"]):
            return leaders().get(ent.text.split()[-1].lower())
        return None
    if poss is None and not any(c.lower_ == "the" for c in tok.children):
        return None
    for i in range(tok.i - 1, max(-1, tok.i - 80), -1):
        name = actors.of(doc[i])
        if name:
            return name
    return None


@dataclass
class Actors:
    """Token index -> state name for one document."""

    at: dict[int, str] = field(default_factory=dict)
    orgs: frozenset[str] = frozenset()  # the names in `at` that are organisations
    # token index -> person or organisation the NER names (no gazetteer entry): actors only
    # where the parse makes them the doer or owner (see `named_agent`), never guessed
    named: dict[int, str] = field(default_factory=dict)
    # the document's origin of goods, found on first use (see `origin`); "" when none
    _origin: str | None = field(default=None, repr=False)
    # the document's giver and recipient of aid, found on first use (see `transfer`)
    _transfer: tuple[str | None, str | None, int] | None = field(default=None, repr=False)

    def transfer(self, doc) -> tuple[str | None, str | None, int]:
        """(giver, recipient, evidence) the document names most often around transfer nouns
        and giving verbs ("US aid", "aid to Ukraine", "X pledged ... to Y"), each by a clear
        margin, else None; `evidence` counts the places naming them. Figures on aid that
        name no party of their own are theirs."""
        if self._transfer is None:
            from .transfers import transfer_profile  # transfers.py builds on this module

            self._transfer = transfer_profile(doc, self)
        return self._transfer

    def origin(self, doc) -> str | None:
        """The state the document's goods come from: the one named most often as an origin
        ("Ukrainian ports", "grain from X", "left X"), by a clear margin; None when no state
        leads. Figures on shipments that name no origin are about its goods."""
        if self._origin is None:
            from .transfers import origin_state  # transfers.py builds on this module

            self._origin = origin_state(doc, self)
        return self._origin or None

    def of(self, tok) -> str | None:
        name = self.at.get(tok.i)
        if name:
            return name
        if tok.pos_ in ("ADJ", "PROPN", "NOUN") and (tok.text[0].isupper() or tok.ent_type_):
            table = demonyms()
            # "Armenians", "Azerbaijanis": the people's plural names the state too
            return table.get(tok.lower_) or (
                table.get(tok.lower_[:-1])
                if tok.tag_ == "NNPS" or tok.lower_.endswith("s")
                else None
            )
        return None


def _words(key: str) -> frozenset[str]:
    return lexicons.words("claims_roles", key)


def build_actors(sdoc, entities, mentions) -> Actors:
    """Map tokens to actor names using the entity stage's mentions: states, and the
    organisations of the actor gazetteer (European Union, NATO, IMF) that give, lend and hold
    like states do; apart, the people and organisations only the NER found."""
    # not cities ("Chicago") or groups ("Ukrainian")
    states = {e.id: e.name for e in entities if e.iso3}
    orgs = {e.id: e.name for e in entities if not e.iso3 and e.type == "ORG"}
    people = {e.id: e.name for e in entities if e.type == "PERSON"}
    state_names = set(states.values())
    at: dict[int, str] = {}
    named: dict[int, str] = {}
    org_names: set[str] = set()
    for m in mentions:
        name = states.get(m.entity_id)
        table = at
        if not name and m.label == "gazetteer":
            name = orgs.get(m.entity_id)
            if name:
                org_names.add(name)
        if not name and m.label in _NAMED_LABELS:
            name, table = people.get(m.entity_id) or orgs.get(m.entity_id), named
            if name in state_names:
                continue  # a state the NER took for an organisation: the gazetteer's to say
        if not name:
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            table[tok.i] = name
    return Actors(at=at, orgs=frozenset(org_names), named=named)


# NER labels of the people and bodies that can be a figure's doer or owner
_NAMED_LABELS = {"PERSON", "ORG"}


def named_agent(chain, measured, actors: Actors) -> str | None:
    """The person or organisation the parse makes the figure's doer or owner: the subject of
    the figure's own clause ("the senator spent $60,000"), the agent of its passive ("was
    paid by the company"), or the owner of what it measures ("the committee's 12%"); a
    personal pronoun there stands for the person named last before it. A subject above a
    reporting verb is the source, not the doer (`chain` stops below it)."""
    # the owner of the measured thing ("the committee's 12%"); not a name compounded with it
    # ("100 Merkava tanks" are tanks of that make, not the maker's)
    owners = [c for c in measured.children if c.dep_ == "poss"] if measured is not None else []
    nouns = []
    for depth, tok in enumerate(chain[1:], 1):
        for c in tok.children:
            if c.i == chain[depth - 1].i:
                continue
            if c.dep_ in ("nsubj", "nsubjpass"):
                nouns.append(c)
            elif c.dep_ == "agent":
                nouns.extend(p for p in c.children if p.dep_ == "pobj")
        if tok.pos_ in ("VERB", "AUX"):
            break  # the figure's own clause only
    for tok in nouns + owners:
        # "he spent", "his campaign's $60,000"; not "his country bought" (a state noun)
        name = actors.named.get(tok.i)
        if name is None and tok.lower_ in _PERSONAL:
            name = _person_before(tok, actors)
        if name:
            return name
    return None


_PERSONAL = {"he", "his", "him", "she", "her"}


def result_holder(sdoc, fig, actors: Actors) -> str | None:
    """ "Doe with 18 percent, Roe at 14 percent, Lee and Poe 11 percent": in a list of
    results a share right after a person's or body's name is that name's, whatever the parse
    hangs "with" on; names coordinated before one share, the first of them. Not the object of
    a verb ("beat Smith with 56%": the share is the winner's)."""
    if fig.unit != "ratio":
        return None
    i = fig.first - 1
    if i >= 0 and sdoc[i].lower_ in _words("result_links"):
        i -= 1
    name = actors.named.get(i) if i >= 0 else None
    if name is None or sdoc[i].ent_type_ not in _NAMED_LABELS or sdoc[i].dep_ == "dobj":
        return None
    j = i
    while j > 0 and actors.named.get(j - 1) == name:
        j -= 1
    # "Lee and Utah Sen. Ann Poe with 11%": back over the title before the second name
    k = j - 1
    while k > 0 and sdoc[k].pos_ == "PROPN" and k not in actors.named and j - k < 4:
        k -= 1
    if k > 0 and sdoc[k].lower_ == "and" and actors.named.get(k - 1):
        return actors.named[k - 1]
    return name


def state_leader(person: str, other: str | None, actors: Actors) -> str | None:
    """The state a leader heads (gazetteer `leaders`), where the figure's other party is a
    state: "Biden signed $61 billion for Ukraine" is the United States' figure; "Trump
    offered $5.7 billion for the wall" stays his."""
    states = set(actors.at.values()) - actors.orgs
    if other not in states:
        return None
    state = leaders().get(person.split()[-1].lower())
    return state if state != other else None


def _person_before(tok, actors: Actors) -> str | None:
    """The person named last before a personal pronoun, within about two sentences."""
    for i in range(tok.i - 1, max(-1, tok.i - 80), -1):
        name = actors.named.get(i)
        if name and tok.doc[i].ent_type_ == "PERSON":
            return name
    return None


def np_actors(tok, actors: Actors, depth: int = 0) -> list[str]:
    """States named inside the noun phrase headed by `tok` (not its clauses)."""
    found: list[str] = []
    own = actors.of(tok)
    if own is None and tok.dep_ == "poss" and tok.lemma_.lower() in _ORG_NOUNS:
        own = _definite_state(tok, actors)  # "the bloc's pledge"
    if own:
        found.append(own)
    if depth > 3:
        return found
    for c in tok.children:
        if (
            c.dep_ in ("compound", "amod", "poss", "nmod", "appos", "conj")
            or (c.dep_ == "prep" and c.lower_ in ("of", "in"))
            or c.dep_ == "pobj"
        ):
            found.extend(np_actors(c, actors, depth + 1))
        elif c.dep_ == "acl":
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        found.extend(np_actors(p, actors, depth + 1))
    return list(dict.fromkeys(found))


def _pronoun_actor(tok, actors: Actors) -> str | None:
    """ "its"/"it": the subject of the clause above, else the nearest state before it."""
    if tok.dep_ in _SUBJ:
        verb = tok.head
        while verb.dep_ in ("advcl", "conj", "ccomp", "relcl") and verb.head.i != verb.i:
            verb = verb.head
            for c in verb.children:
                if c.dep_ in _SUBJ and c.lower_ not in _PRONOUNS:
                    found = np_actors(c, actors)
                    if found:
                        return found[0]
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 40) - 1, -1):
        name = actors.of(tok.doc[i])
        if name:
            return name
    start = tok.sent.start
    if tok.dep_ in _SUBJ and start > 0:
        # "Turkey has gained. It was one of the largest buyers": the subject of the sentence
        # before, else the state named last in it
        before = tok.doc[start - 1].sent
        for c in before.root.children:
            if c.dep_ in _SUBJ:
                found = np_actors(c, actors)
                if found:
                    return found[0]
        for i in range(start - 1, max(before.start, tok.i - 40) - 1, -1):
            name = actors.of(tok.doc[i])
            if name:
                return name
    return None


def owner_state(noun, actors: Actors) -> str | None:
    """The state whose whole a share is of: "Azerbaijan's acquisitions", "Israeli oil
    imports", "its oil"; for counts the people counted ("ethnic Armenians")."""
    own = actors.of(noun)
    if own:
        return own
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ in _PRONOUNS:
            return _pronoun_actor(c, actors)
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            found = np_actors(c, actors)
            if found:
                return found[0]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            # "600,000 Jews of Russia"
            found = [n for p in c.children for n in np_actors(p, actors)]
            if found:
                return found[0]
    for c in noun.children:
        if c.dep_ == "relcl":
            # "17% of all the arms that Tel Aviv sold": the seller owns the whole
            subj = next((s for s in c.children if s.dep_ in _SUBJ), None)
            if subj is not None and subj.lower_ not in _PRONOUNS:
                found = np_actors(subj, actors)
                if found:
                    return found[0]
    return None


def find_roles(
    fig, chain, measured, actors: Actors, context, previous=None, carried=None
) -> tuple[str | None, str | None]:
    """(subject, object) of a figure.

    `chain` is the figure's path up to its clause (anchor first), `measured` the noun it
    quantifies or takes a share of (or None), `context` the tokens of the sentences around,
    nearest first, for the fallback; `previous` the sentence before (a Span) or None;
    `carried` the (subject, object) of the figure before in the same sentence, or None.
    """
    subject, obj = _find_roles(fig, chain, measured, actors, context, carried or (None, None))
    if subject is None and obj is None and previous is not None and _definite(chain):
        # "X signed an arms deal with Y. The package, worth $1.5 billion, ...": a figure on
        # a thing named before, with no party of its own, is about that sentence's parties
        return _clause_parties(previous.root, actors)
    return subject, obj


_DEFINITE = {"the", "this", "that", "these", "those"}


def _action_doer(chain, actors: Actors, exclude: set) -> str | None:
    """ "20% of our land was under occupation": the doer of an action noun named without
    one is the state it belonged to where the text named it last ("Armenian occupation")."""
    nouns = _words("action_nouns")
    for tok in chain:
        for c in tok.children:
            if c.dep_ != "prep":
                continue
            for p in c.children:
                if p.dep_ != "pobj" or p.lemma_.lower() not in nouns or owner_state(p, actors):
                    continue
                doc = p.doc
                for i in range(p.i - 1, max(-1, p.i - 400), -1):
                    if doc[i].lemma_ == p.lemma_:
                        name = owner_state(doc[i], actors)
                        if name and name not in exclude:
                            return name
    return None


def _definite(chain) -> bool:
    return any(
        t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in t.children)
        for t in chain
    )


def _clause_parties(root, actors: Actors) -> tuple[str | None, str | None]:
    """The state subject of a sentence's main clause and the state it deals with; under a
    reporting verb ("X signed a deal with Y, officials confirmed"), of the clause reported."""
    if root.lemma_.lower() in lexicons.words("reporting_verbs", "verbs"):
        root = next((c for c in root.children if c.dep_ == "ccomp"), root)
    agent = partner = None
    for c in root.children:
        if c.dep_ in _SUBJ and agent is None:
            found = np_actors(c, actors)
            agent = found[0] if found else None
        elif c.dep_ in ("dobj", "dative", "prep"):
            nouns = [c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"]
            for noun in nouns:
                found = [n for n in np_actors(noun, actors) if n != agent]
                found = found or [
                    n for n in [_prep_party(noun, actors, _PARTNER_PREPS)] if n and n != agent
                ]
                partner = partner or (found[0] if found else None)
    if agent is None:
        return None, None
    return agent, partner


def _find_roles(
    fig, chain, measured, actors: Actors, context, carried
) -> tuple[str | None, str | None]:
    from .transfers import as_origin  # transfers.py builds on this module

    agent = source = partner = np_source = None  # np_source: "exports from Norway"
    second = None
    verb_receives = recipient_verb = False
    # a role held by a party that is no state ("went to developing countries"): the
    # fallback must not fill it with a state named nearby
    other_agent = other_partner = False
    held_in = None  # the state whose port, silo or farm the goods lie in
    worldwide = False
    receive = lexicons.words("claims_roles", "receive_words")
    recipient = lexicons.words("claims_roles", "recipient_verbs")
    own_clause = len(chain)
    shipping = lexicons.words("claims_roles", "shipment_verbs")
    for depth, tok in enumerate(chain):
        lemma = tok.lemma_.lower()
        if (depth > 0 and lemma in receive) or (
            measured is not None and tok.i == measured.i and lemma in receive
        ):
            verb_receives = True
        if 0 < depth <= own_clause and lemma in recipient:
            recipient_verb = True
        for c in tok.children:
            if depth > 0 and c.i == chain[depth - 1].i and c.dep_ in _SUBJ:
                # the figure's phrase is the subject of its clause: the subjects of the
                # clauses above are no party to it ("the deal was brokered by X when 20
                # million tonnes were stuck")
                own_clause = min(own_clause, depth)
                if depth == 1:
                    continue  # the figure's own phrase is not its agent
            if depth > own_clause and (c.dep_ in _SUBJ or c.dep_ == "agent"):
                continue
            if c.dep_ in _SUBJ and depth > 0:
                names = (
                    [_pronoun_actor(c, actors)] if c.lower_ in _PRONOUNS else np_actors(c, actors)
                )
                names = [n for n in names if n] or _state_pair(c, actors)
                # "its air defence systems shot down ...": the state "its" stands for
                names = names or [
                    n
                    for p in c.children
                    if p.dep_ == "poss" and p.lower_ in _PRONOUNS
                    for n in [_pronoun_actor(p, actors)]
                    if n
                ]
                names = names or [n for n in [_definite_state(c, actors)] if n]
                if names and agent is None:
                    agent = names[0]
                    if len(names) > 1:
                        second = second or names[1]
                elif not names and c.pos_ == "NOUN":
                    # "the trade with Tel Aviv doubled": the partner hangs off the subject
                    partner = partner or _prep_party(c, actors, _PARTNER_PREPS)
                    np_source = np_source or _prep_party(c, actors, _FROM_PREPS)
                    other_agent = other_agent or _a_party(c)
                    # "global food prices fell 20%": a world figure, no state's
                    worldwide = worldwide or any(
                        t.lower_ in _words("global_words") for t in c.lefts
                    )
            elif c.dep_ == "agent" and depth > 0:
                for p in c.children:
                    names = np_actors(p, actors)
                    if names:
                        agent = names[0]
            elif c.dep_ == "prep":
                low = c.lower_
                if low == "between":
                    names = [n for p in c.children for n in np_actors(p, actors)]
                    if len(names) >= 2 and agent is None:
                        agent, partner = names[0], partner or names[1]
                elif low in _FROM_PREPS and source is None:
                    names = [n for p in c.children for n in np_actors(p, actors)]
                    source = names[0] if names else None
                elif low in _PARTNER_PREPS and partner is None:
                    names = [n for p in c.children for n in np_actors(p, actors)]
                    partner = names[0] if names else None
                if c.dep_ == "prep" and partner is None and depth > 0:
                    # "supply 1 million tonnes at a discount to Y": the receiver hangs off the
                    # terms of the deal
                    partner = next(
                        (n for p in c.children if (n := _prep_party(p, actors, {"to"}))), None
                    )
                if c.dep_ == "prep" and partner is None and depth > 0:
                    if low == "in" and depth <= own_clause:
                        # "20 million tonnes were stuck in Ukrainian silos": where goods lie
                        held_in = held_in or next(
                            (n for p in c.children for t in p.lefts if (n := as_origin(t, actors))),
                            None,
                        )
                    if partner is None and low == "to" and depth > 0:
                        other_partner = other_partner or any(_a_party(p) for p in c.children)
            elif (
                c.dep_ == "dobj"
                and depth > 0
                and lemma in lexicons.words("claims_roles", "origin_verbs")
            ):
                # "33 million tonnes left Ukrainian ports": where the thing comes from
                names = np_actors(c, actors)
                np_source = np_source or (names[0] if names else None)
            elif c.dep_ in ("dobj", "dative") and partner is None and depth > 0:
                names = np_actors(c, actors)
                partner = names[0] if names else None
                if partner is None and lemma in lexicons.words("claims_roles", "arrival_verbs"):
                    other_partner = other_partner or _a_party(c)  # "reached the poorest countries"
                if partner is None and c.pos_ == "NOUN":
                    # "liberated cities, villages and settlements from Armenian occupation"
                    for noun in (c, *c.conjuncts):
                        found = _prep_party(noun, actors, _PARTNER_PREPS | _FROM_PREPS)
                        if found:
                            source = source or found
                            break
    owner = owner_state(measured, actors) if measured is not None else None
    # a figure on goods moving that names no origin is about the document's origin state
    shipped = any(t.lemma_.lower() in shipping for t in chain[1 : own_clause + 1])
    origin = None
    if shipped:
        # the origin named nearest (this sentence, then the two before), else the document's
        # (before the figure: "buyers of Ukrainian grain, taking 3 million tonnes")
        first = chain[0].i
        origin = next((n for t in context if t.i < first and (n := as_origin(t, actors))), None)
        origin = origin or actors.origin(chain[0].doc)
    if measured is not None:
        np_source = np_source or _prep_party(measured, actors, _FROM_PREPS)
        if partner is None:
            partner = _prep_party(measured, actors, _PARTNER_PREPS)
        for c in measured.children:
            if c.dep_ == "relcl":
                source = source or _prep_party(c, actors, _FROM_PREPS)
    if worldwide and not (source or np_source or agent or partner or owner):
        return None, None
    if fig.unit == "ratio":
        source = source or np_source
        if owner is None and verb_receives:
            owner = agent
        obj = owner or partner
        if agent is not None and agent == owner and not (source or partner or origin):
            # "its revenues cover half of its spending": one party's own ratio, no other party
            return agent, None
        subject = next((x for x in (source, agent, partner, second) if x and x != obj), None)
        subject = subject or _action_doer(chain, actors, {obj})
        if subject is None and obj is None and carried[0] is not None and not other_partner:
            # "The bloc's pledge to send 1 million shells fell short: only 52% had arrived":
            # a share naming no party of its own is of the parties of the figure before it
            return carried
        by_origin = subject is None and origin is not None and origin != obj
        subject = subject or (origin if by_origin else None) or _nearest(context, {obj}, actors)
        # goods that went to "high-income countries" (or to no one named) have no state as
        # their other party
        taken = other_partner or (other_agent and (verb_receives or shipped)) or by_origin
        obj = obj or (None if taken else _nearest(context, {subject}, actors))
        return subject, obj
    if recipient_verb and not fig.unit.isupper():
        # "Egypt received 1.5 million tonnes": the taker is the other party, the subject is
        # where the goods came from ("from X", "X's grain", else the state named nearest)
        taker = agent
        origin = source or np_source or (owner if owner != taker else None) or origin
        origin = origin if origin != taker else None
        if taker is None and other_agent:
            return origin or _nearest(context, set(), actors), None
        if taker is not None:
            return origin or _nearest(context, {taker}, actors), taker
    # "exports from Norway doubled": the origin of the thing measured is its subject;
    # "X bought weapons from Y": the origin the verb names is the other party, but where
    # no one takes the goods ("900 ships sailed from X") it is the subject
    if source is not None and agent is None and not verb_receives:
        np_source, source = np_source or source, None
    if (
        owner is not None
        and agent is not None
        and owner != agent
        and measured is not None
        and measured.lemma_.lower() in _words("action_nouns")
    ):
        # "X ended thirty years of Armenian occupation": the state an action noun belongs
        # to is its doer; the clause's subject is the other party
        agent, partner = owner, agent if partner in (None, owner) else partner
    subject = agent or owner or np_source
    obj = partner or source or (np_source if np_source != subject else None) or second
    if obj == subject:
        obj = second if second != subject else None
    if subject is None and origin is not None and origin != obj:
        subject = origin
    subject = subject or (held_in if held_in != obj else None)
    from .transfers import compared, loss_or_holding, transfer_roles  # builds on this module

    read = transfer_roles(fig, chain, measured, actors, subject, obj, own_clause)
    if read is not None:
        subject, obj = read
    read = loss_or_holding(chain, measured, actors, agent, partner, own_clause, context)
    if read is not None:
        subject, obj = read
    if obj is None:
        obj = compared(chain, measured, actors, subject)
    if obj is None and any(t.lemma_.lower() in _words("harm_verbs") for t in chain[1:]):
        # "X's attacks damaged 150 port facilities": what is hit belongs to the state whose
        # goods and ports the text is about
        first = chain[0].i
        hit = next((n for t in context if t.i < first and (n := as_origin(t, actors))), None)
        hit = hit or actors.origin(chain[0].doc)
        obj = hit if hit != subject else None
        obj = obj or _nearest(context, {subject}, actors)  # "X shot down 12 missiles"
    if subject is None and obj is not None:
        subject = _nearest(context, {obj}, actors)
    return subject, obj


def _a_party(tok) -> bool:
    """A plural or collective noun that can take goods ("developing countries", "buyers")."""
    return tok.pos_ in ("NOUN", "PROPN") and (
        tok.tag_ in ("NNS", "NNPS")
        or tok.lemma_.lower() in lexicons.words("claims_roles", "party_nouns")
    )


def _prep_party(tok, actors: Actors, preps: set[str]) -> str | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                names = np_actors(p, actors)
                if names:
                    return names[0]
    return None


def _nearest(context, exclude: set[str | None], actors: Actors) -> str | None:
    for tok in context:
        name = actors.of(tok)
        # an organisation is a party only where the figure's own phrase names it ("the UN
        # brokered the deal" makes it no party to the wheat price rise next to it)
        if name and name not in exclude and name not in actors.orgs:
            return name
    return None
