"""A story's cast: one name per person across its articles, and its lead actor standing in
for the subject a figure's sentence does not name."""

from __future__ import annotations

from collections import Counter

from claimledger.models import Analysis, Document, DocumentMeta, Entity, Mention, Story
from claimledger.reconcile.actors import (
    Named,
    actor_kind,
    cast_claims,
    cast_stories,
    full_names,
    lead_actor,
)
from reconcile.builders import claim


def named_in(analyses):
    """`Named` rows of in-memory analyses, as the store's mentions table gives them."""
    for a in analyses:
        kinds = {e.id: (e.name, actor_kind(e.type, e.iso3)) for e in a.entities}
        counts = Counter(m.entity_id for m in a.mentions)
        for eid, n in counts.items():
            name, etype = kinds.get(eid, (eid, ""))
            yield Named(a.document.id, eid, name, etype, n)


def _story(*doc_ids):
    return Story(id="s1", label="", doc_ids=doc_ids)


def test_actors_surname_names_the_one_person_of_the_story_named_in_full():
    rows = [
        Named("a", "okafor", "Okafor", "PERSON", 5),
        Named("b", "amara-okafor", "Amara Okafor", "PERSON", 1),
        Named("b", "lind", "Lind", "PERSON", 2),
    ]
    assert full_names(rows) == {"Okafor": "Amara Okafor"}


def test_actors_surname_tagged_as_a_body_and_a_middle_initial_still_name_one_person():
    rows = [
        Named("a", "okafor", "Okafor", "ORG", 5),
        Named("b", "amara-okafor", "Amara Okafor", "PERSON", 1),
        Named("c", "amara-n-okafor", "Amara N. Okafor", "PERSON", 1),
    ]
    assert full_names(rows) == {"Okafor": "Amara Okafor"}


def test_actors_surname_shared_by_two_full_names_stays_as_written():
    rows = [
        Named("a", "okafor", "Okafor", "PERSON", 5),
        Named("b", "amara-okafor", "Amara Okafor", "PERSON", 1),
        Named("c", "chidi-okafor", "Chidi Okafor", "PERSON", 1),
    ]
    assert full_names(rows) == {}


def test_actors_lead_is_the_most_named_state_person_or_body_named_across_the_story():
    rows = [
        Named("a", "VEN", "Venezuela", "STATE", 6),
        Named("b", "VEN", "Venezuela", "STATE", 4),
        Named("a", "caracas", "Caracas", "PLACE", 20),  # where it happens, not who
        Named("b", "wire", "Wire Service", "ORG", 30),  # the outlet itself
        Named("a", "lone", "Lone Speaker", "PERSON", 15),  # named in one article of two
    ]
    assert lead_actor(rows, {}, 2, {"wire service"}) == "Venezuela"


def test_actors_lead_counts_a_person_under_every_name_the_story_gives_them():
    rows = [
        Named("a", "okafor", "Okafor", "PERSON", 4),
        Named("b", "amara-okafor", "Amara Okafor", "PERSON", 1),
        Named("a", "NGA", "Nigeria", "STATE", 3),
        Named("b", "NGA", "Nigeria", "STATE", 1),
    ]
    names = full_names(rows)
    assert lead_actor(rows, names, 2, set()) == "Amara Okafor"


def test_actors_lead_is_whom_the_figures_are_about_before_whom_the_text_names_most():
    rows = [
        Named("a", "RUS", "Russia", "STATE", 9),
        Named("b", "RUS", "Russia", "STATE", 9),
        Named("a", "UKR", "Ukraine", "STATE", 3),
        Named("b", "UKR", "Ukraine", "STATE", 3),
    ]
    assert lead_actor(rows, {}, 2, set()) == "Russia"
    assert lead_actor(rows, {}, 2, set(), {"Ukraine": 4, "Russia": 1}) == "Ukraine"


def test_actors_no_lead_without_actors():
    assert lead_actor([Named("a", "x", "Town", "PLACE", 3)], {}, 1, set()) is None


def test_actors_kind_tells_states_from_other_places():
    assert actor_kind("GPE", "VEN") == "STATE"
    assert actor_kind("GPE", None) == "PLACE"
    assert actor_kind("PERSON", None) == "PERSON"


def _analysis(doc_id, claims, mentions=(), entities=(), outlet=None):
    return Analysis(
        document=Document(id=doc_id, path=f"{doc_id}.txt", text="", format="text"),
        meta=DocumentMeta(doc_id=doc_id, outlet=outlet),
        claims=tuple(claims),
        mentions=tuple(mentions),
        entities=tuple(entities),
    )


def _mention(doc_id, entity_id, at):
    return Mention(doc_id=doc_id, start=at, end=at + 3, text="x", entity_id=entity_id)


def test_actors_cast_fills_missing_subjects_and_merges_names():
    no_actor = claim(41, "people voted", doc="a", unit="count", subject=None, object=None)
    about_nigeria = claim(9, "votes", doc="b", unit="count", subject="Nigeria", object=None)
    by_surname = claim(3, "bills signed", doc="a", unit="count", subject="Okafor", object=None)
    named = claim(5, "people killed", doc="a", unit="count", subject="Chad", object=None)
    about_lead = claim(7, "aid", doc="a", unit="count", subject=None, object="Nigeria")
    people = [
        Entity(id="okafor", name="Okafor", type="PERSON"),
        Entity(id="amara-okafor", name="Amara Okafor", type="PERSON"),
        Entity(id="NGA", name="Nigeria", type="GPE", iso3="NGA"),
    ]
    a = _analysis(
        "a",
        [no_actor, by_surname, named, about_lead],
        [_mention("a", "okafor", 0), _mention("a", "NGA", 10), _mention("a", "NGA", 20)],
        people,
    )
    b = _analysis(
        "b", [about_nigeria], [_mention("b", "amara-okafor", 0), _mention("b", "NGA", 5)], people
    )
    (story,) = cast_stories([_story("a", "b")], named_in([a, b]), [a, b])
    assert story.actor == "Nigeria" and story.names == (("Okafor", "Amara Okafor"),)
    cast_a, _ = cast_claims([a, b], [story])
    got = {c.id: (c.subject, c.object, c.subject_inferred) for c in cast_a.claims}
    assert got[no_actor.id] == ("Nigeria", None, True)
    assert got[by_surname.id] == ("Amara Okafor", None, False)
    assert got[named.id] == ("Chad", None, False)
    # a figure whose object is the lead actor is not about the lead acting on itself
    assert got[about_lead.id] == (None, "Nigeria", False)
    assert cast_a.mentions[0].entity_id == "amara-okafor"


def test_actors_outlet_of_the_story_is_never_its_lead():
    wire = Entity(id="wire-service", name="Wire Service", type="ORG")
    mentions = [_mention("a", "wire-service", i) for i in range(0, 50, 5)]
    a = _analysis("a", [], mentions, [wire], outlet="Wire Service")
    (story,) = cast_stories([_story("a")], named_in([a]), [a])
    assert story.actor is None
