"""Who a story is about: one name per person across its articles, and the actor its figures
are about when a sentence does not say.

Each article resolves "Aliyev" to "Ilham Aliyev" only where it names him in full itself
(extract/entities.py). Across a story the outlets split one person between them: one writes
"President Trump" throughout, another "Donald J. Trump" once and "Mr. Trump" after, so the
story held `trump` and `donald-j-trump` as two actors and two outlets' figures about him had
no actor in common. Within a story a surname names the one person of that surname the story
names in full (two full names of one surname leave it alone).

A figure "about" someone is often stated without them in the sentence: "turnout was 41.5%"
in a story on Venezuela's election, "8.1 million people voted" (CONVENTIONS: the subject is
the actor the figure is about). The story's lead actor -- the state, person or organisation
most of its articles name most often, never one of its own outlets -- stands in for the
subject such a claim lacks. It is a reading of the story, not of the sentence, so the claim
keeps its extracted actors in the store and gets the lead actor only where a corpus is read
out (`cast_claims`), and matching never treats a shared lead actor as evidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..extract.entities import slug
from ..models import Analysis, Claim, Story

# kinds of entity that can be what a story is about (see `actor_kind`): a town named in
# every article is where the story happens, not who it is about
LEAD_TYPES = frozenset({"STATE", "PERSON", "ORG"})
# a lead actor is named in more than this share of the story's articles: a name one article
# repeats is that article's subject, not the story's
LEAD_SPREAD = 0.5


@dataclass(frozen=True, slots=True)
class Named:
    """How often one document names one entity (a row of the store's mentions)."""

    doc_id: str
    entity_id: str
    name: str
    type: str
    count: int


def cast_stories(
    stories: Sequence[Story], named: Iterable[Named], analyses: Iterable[Analysis]
) -> tuple[Story, ...]:
    """`stories` with each one's `names` (a one-word person name -> the full name it stands
    for) and `actor` (its lead actor's name) set. `analyses` give the documents' outlets,
    which are never a story's lead actor, and the subjects their claims name."""
    outlets: dict[str, str] = {}
    subjects: dict[str, Counter[str]] = defaultdict(Counter)
    for a in analyses:
        outlets[a.document.id] = (a.meta.outlet or "").casefold()
        subjects[a.document.id].update(c.subject for c in a.claims if c.subject)
    story_of = {doc_id: s.id for s in stories for doc_id in s.doc_ids}
    by_story: dict[str, list[Named]] = defaultdict(list)
    for row in named:
        if row.doc_id in story_of:
            by_story[story_of[row.doc_id]].append(row)
    out = []
    for story in stories:
        rows = by_story.get(story.id, [])
        names = full_names(rows)
        own = {outlets.get(d, "") for d in story.doc_ids} - {""}
        # one Counter updated in place: summing with `+` copies it once per document,
        # which a story of tens of thousands of documents makes a minute's work
        said: Counter[str] = Counter()
        for d in story.doc_ids:
            said.update(subjects.get(d, ()))
        actor = lead_actor(rows, names, len(story.doc_ids), own, said)
        out.append(replace(story, names=tuple(sorted(names.items())), actor=actor))
    return tuple(out)


def full_names(rows: Iterable[Named]) -> dict[str, str]:
    """A one-word person name -> the one longer person name of the story that ends with
    that word ("Trump" -> "Donald Trump"). The tagger often takes a bare surname for an
    organisation ("Trump said"): a one-word name tagged so still stands for the one person
    of the story who bears it. Full names with one first name and surname are one person
    however many middle names or initials they show; the shortest stands for them."""
    people = {r.name for r in rows if r.type == "PERSON"}
    bare = {r.name for r in rows if r.type in ("PERSON", "ORG") and len(r.name.split()) == 1}
    longer: dict[str, set[str]] = defaultdict(set)
    for name in people:
        words = name.split()
        if len(words) > 1:
            longer[words[-1].casefold()].add(name)
    out = {}
    for name in bare:
        full = longer.get(name.casefold(), set())
        # "Donald Trump" and "Donald J. Trump": one person with and without the initial
        if full and len({f.split()[0].casefold() for f in full}) == 1:
            out[name] = min(full, key=lambda f: (len(f.split()), f))
    return out


def lead_actor(
    rows: Sequence[Named],
    names: Mapping[str, str],
    n_docs: int,
    outlets: set[str],
    subjects: Mapping[str, int] | None = None,
) -> str | None:
    """Among the entities named in more than LEAD_SPREAD of the story's articles, the one
    its figures are most often about (`subjects`: claims' subjects by name), then the one
    most often named; None when no actor is named widely enough. A story on a war names the
    aggressor most, while its figures are mostly about the country whose exports or losses
    are counted: the claims say better than the mentions whom the story's figures concern."""
    said: Counter[str] = Counter()
    for name, n in (subjects or {}).items():
        said[names.get(name, name)] += n
    mentions: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.type not in LEAD_TYPES or r.name.casefold() in outlets:
            continue
        name = names.get(r.name, r.name)
        mentions[name] += r.count
        docs[name].add(r.doc_id)
    spread = [e for e in mentions if len(docs[e]) > LEAD_SPREAD * n_docs]
    return max(spread, key=lambda e: (said[e], mentions[e], len(docs[e]), e), default=None)


def actor_kind(etype: str, iso3: str | None) -> str:
    """An entity's NER or gazetteer type, with states (linked to an ISO 3166 code) told
    apart from other places."""
    if etype == "GPE":
        return "STATE" if iso3 else "PLACE"
    return etype


def cast_claims(analyses: Sequence[Analysis], stories: Sequence[Story]) -> tuple[Analysis, ...]:
    """Analyses as a reader sees them: person names merged story-wide in claims and
    mentions, and a claim without a subject given its story's lead actor (see the module
    docstring)."""
    cast = {doc_id: s for s in stories for doc_id in s.doc_ids}
    out = []
    for a in analyses:
        story = cast.get(a.document.id)
        if story is None or not (story.names or story.actor):
            out.append(a)
            continue
        names = dict(story.names)
        ids = {slug(short): slug(full) for short, full in names.items()}
        claims = tuple(_cast_claim(c, names, story.actor) for c in a.claims)
        mentions = tuple(
            replace(m, entity_id=ids[m.entity_id]) if m.entity_id in ids else m for m in a.mentions
        )
        out.append(replace(a, claims=claims, mentions=mentions))
    return tuple(out)


def _cast_claim(claim: Claim, names: Mapping[str, str], actor: str | None) -> Claim:
    subject = names.get(claim.subject or "", claim.subject)
    obj = names.get(claim.object or "", claim.object)
    inferred = subject is None and actor is not None and obj != actor
    if inferred:
        subject = actor
    if (subject, obj) == (claim.subject, claim.object):
        return claim
    return replace(claim, subject=subject, object=obj, subject_inferred=inferred)
