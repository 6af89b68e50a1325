"""The claim frame: event class of the predicate, place, revision, part of a whole, and the
people and bodies who act in a figure's clause."""

from __future__ import annotations

import pytest

from extract.test_claims import analyse, claim_for


@pytest.mark.parametrize(
    ("text", "value", "predicate"),
    [
        ("Flooding killed 41 villagers in the valley on Monday.", 41, "killed"),
        ("At least 27 villagers died when the bridge fell.", 27, "killed"),
        ("Rescuers pulled out 63 villagers alive.", 63, "rescued"),
        ("Police arrested 140 protesters near the square.", 140, "arrested"),
        ("The navy fired 30 missiles at the base.", 30, "launched"),
        ("The air defences shot down 12 drones overnight.", 12, "destroyed"),
        # the verb the counted noun is the object of, not the participle describing it
        ("Gunners shot down 14 drones launched from the coast.", 14, "destroyed"),
        ("Reporters saw 9 villagers killed by the flood.", 9, "killed"),
        ("The storm left 3,000 families homeless in the delta.", 3000, "displaced"),
        # a verb outside the classes keeps its own lemma
        ("The charity planted 500 trees in the park.", 500, "plant"),
        # the counted noun names the doer of an event whose count is of its doers, or the
        # tagger left a participle as an adjective
        ("Officials said 2.4 million voters took part in the ballot.", 2_400_000, "voted"),
        ("Some 5,000 protesters filled the avenue.", 5000, "protested"),
        ("The count gave 61,200 voting men and women.", 61200, "voted"),
        # the event noun the counted noun is the "of" object of
        ("Crowds were urged to march after the deaths of 17 guards.", 17, "killed"),
        # a bare level a verb of reaching gives counts its subject, through "the number of"
        ("The number of deaths in the province totalled 6,412, officials said.", 6412, "killed"),
        ("Arrests across the region peaked at 2,310 last week, police said.", 2310, "arrested"),
        # a part is what its verb befell; the whole it is taken from, only its own verb
        ("The army shot down 12 of the 40 drones launched at the port.", 12, "destroyed"),
        ("The army shot down 12 of the 40 drones launched at the port.", 40, "launched"),
        ("Gunners shot down 12 out of 40 drones, the army said.", 40, None),
        ("Gunners shot down 12 out of 40 attack drones, the army said.", 12, "destroyed"),
        # the whole's own clause says nothing of the part, however "out of" is hung
        (
            "The crews downed 9 out of 15 drones that the rebels sent toward the port.",
            9,
            "destroyed",
        ),
        (
            "Guards destroyed 30 out of the 45 shells detected over the city, the army said.",
            30,
            "destroyed",
        ),
        # a doer noun does not overrule the verb that says what befell them
        ("Guards detained 30 demonstrators outside the hall.", 30, "arrested"),
        # a relative clause that reports the event: past the saying, the verb it reports
        ("The 400 miners the company said it rescued were flown home.", 400, "rescued"),
        # a count restating a share counts the event of what the share is of
        ("The board said turnout was 38.5%, or 612,400 people.", 612400, "voted"),
        # the state a copula gives the counted thing
        ("By noon at least 2,150 villagers were dead, the agency said.", 2150, "killed"),
        ("About 75 fishermen remain missing off the cape.", 75, "missing"),
        ("Some 80 delegates were happy with the text.", 80, None),
    ],
)
def test_frame_predicate_class_of_a_count(nlp, make_document, text, value, predicate):
    claim = claim_for(analyse(nlp, make_document, text), value)
    assert claim.predicate == predicate


def test_frame_known_event_joins_the_measure_unknown_verb_does_not(nlp, make_document):
    killed = claim_for(analyse(nlp, make_document, "The blast at the pit killed 12 miners."), 12)
    rescued = claim_for(analyse(nlp, make_document, "Crews from the town rescued 12 miners."), 12)
    planted = claim_for(
        analyse(nlp, make_document, "Volunteers from the town planted 12 oaks."), 12
    )
    assert killed.measure != rescued.measure
    assert "killed" in killed.measure and "rescued" in rescued.measure
    assert "plant" not in planted.measure


def test_frame_a_bare_figure_measures_the_noun_it_is_said_of(nlp, make_document):
    text = "By Friday the death toll from the landslide had risen to 58 people."
    claim = claim_for(analyse(nlp, make_document, text), 58)
    assert claim.predicate == "killed"
    assert "killed" in claim.measure


def test_frame_revision_to_a_new_figure(nlp, make_document):
    text = "The ministry raised the number of dead to 89 people on Tuesday."
    claim = claim_for(analyse(nlp, make_document, text), 89)
    assert claim.revision


def test_frame_place_and_part_of_a_whole(nlp, make_document):
    text = "Of the new fund, $3 million of the $9 million grant went to the roads."
    claim = claim_for(analyse(nlp, make_document, text), 3_000_000)
    assert claim.part_of and "9 million" in claim.part_of
    assert claim_for(analyse(nlp, make_document, text), 9_000_000).part_of is None
    text = "Guards destroyed 30 out of the 45 shells detected over the city, the army said."
    part = claim_for(analyse(nlp, make_document, text), 30)
    assert part.part_of and "45" in part.part_of
    assert claim_for(analyse(nlp, make_document, text), 45).part_of is None
    placed = claim_for(
        analyse(nlp, make_document, "Police detained 22 people in Chicago on Sunday."), 22
    )
    assert placed.place == "Chicago"


def test_frame_a_person_who_acts_is_the_subject(nlp, make_document):
    text = "Senator Maria Vellard spent $60,000 of campaign money on flights, records show."
    claim = claim_for(analyse(nlp, make_document, text), 60_000)
    assert claim.subject == "Maria Vellard"


def test_frame_he_stands_for_the_person_named_before(nlp, make_document):
    text = "Tomas Brenner ran the fund for a decade. Last year he spent $2 million on art."
    claim = claim_for(analyse(nlp, make_document, text), 2_000_000)
    assert claim.subject == "Tomas Brenner"


def test_frame_a_source_setting_a_figure_is_not_its_doer(nlp, make_document):
    text = "The Halvorsen Institute puts the losses of the fishing fleet at $40 million."
    claim = claim_for(analyse(nlp, make_document, text), 40_000_000)
    assert claim.subject != "Halvorsen Institute"


@pytest.mark.parametrize(
    ("text", "value", "actors"),
    [
        # a toll said of one state and no doer is of that state's people
        ("Doctors said 312 people were killed during the riots in Peru.", 312, ("Peru", None)),
        ("Up to 75 people were killed during protests in Chad.", 75, ("Chad", None)),
        # a count of what a state did keeps the state as its doer
        ("Chile sent 40 rescuers to Peru.", 40, ("Chile", "Peru")),
        # a toll of a state's people is the state's, its cause the other party
        ("Bolivian shelling killed 52 Peruvian soldiers near the pass.", 52, ("Peru", "Bolivia")),
        ("Some 52 Peruvian soldiers were killed by Bolivian fire.", 52, ("Peru", "Bolivia")),
    ],
)
def test_frame_a_toll_in_one_state_is_of_its_people(nlp, make_document, text, value, actors):
    claim = claim_for(analyse(nlp, make_document, text), value)
    assert (claim.subject, claim.object) == actors


def test_frame_his_country_is_the_state_not_the_person(nlp, make_document):
    text = "Viktor Salo said that his country had bought 20 tanks from Norway."
    claim = claim_for(analyse(nlp, make_document, text), 20)
    assert claim.subject != "Viktor Salo"


@pytest.mark.parametrize(
    ("text", "value", "as_of"),
    [
        ("By 4:15 p.m., 812,300 people had voted, the commission said.", 812300, "4:15 p.m."),
        ("Some 1.2 million people had voted as of 11 a.m. on Sunday.", 1_200_000, "11 a.m."),
        ("By 13:40, a total of 52,310 migrants had left, the minister said.", 52310, "13:40"),
        # the time an event happened is no cut-off
        ("At 6 p.m., 14 villagers were killed in the blast.", 14, None),
    ],
)
def test_frame_a_count_runs_to_a_time_of_day(nlp, make_document, text, value, as_of):
    assert claim_for(analyse(nlp, make_document, text), value).as_of == as_of


def test_frame_a_share_in_a_list_of_results_is_the_name_before_it(nlp, make_document):
    text = (
        "Mills leads the survey, followed by Sen. Jane Doe with 18 percent, Gov. Bill "
        "Roe at 14 percent, Lee and Utah Sen. Ann Poe with 11 percent and Karl Moe at 2 percent."
    )
    analysis = analyse(nlp, make_document, text)
    holders = {v: claim_for(analysis, v).subject for v in (0.18, 0.14, 0.11, 0.02)}
    assert holders == {0.18: "Jane Doe", 0.14: "Bill Roe", 0.11: "Lee", 0.02: "Karl Moe"}
    # the name a verb takes as its object is not the one holding the share
    beaten = claim_for(analyse(nlp, make_document, "Brat beat Cantor with 56 percent."), 0.56)
    assert beaten.subject != "Cantor"


def test_frame_a_share_of_them_counts_what_them_stands_for(nlp, make_document):
    text = "More herders left the valley, and the town now shelters 41,000 of them."
    claim = claim_for(analyse(nlp, make_document, text), 41_000)
    assert "herder" in claim.measure
    assert claim.part_of is None  # a bare class, not a counted whole
    text = "Rebels seized 40 trucks near the pass, and 12 of them carried fuel."
    assert claim_for(analyse(nlp, make_document, text), 12).part_of == "them"


def test_frame_a_coordinated_verb_shares_its_subject(nlp, make_document):
    text = "The weekly number of visitors to the museum peaked at 41,000 in May and had fallen to 9,800 by July."
    analysis = analyse(nlp, make_document, text)
    assert claim_for(analysis, 9_800).measure == claim_for(analysis, 41_000).measure
