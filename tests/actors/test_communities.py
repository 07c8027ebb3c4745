"""People named by their community get the community's ACLED identity actor."""

from __future__ import annotations

from sitrep.actors.communities import community_patterns, community_templates


def test_the_most_used_template_names_each_community_and_nationalities_are_left_out():
    mined = [
        {"name": "Hindu Group ({country})", "kind": "identity", "notes": "79"},
        {"name": "Hindu Communal Group ({country})", "kind": "identity", "notes": "43"},
        {"name": "Lou Nuer Ethnic Group ({country})", "kind": "identity", "notes": "22"},
        {"name": "Ukrainian Group ({country})", "kind": "identity", "notes": "83"},
        {"name": "Unidentified Clan Group ({country})", "kind": "identity", "notes": "82"},
        {"name": "Dogon Ethnic Militia ({country})", "kind": "generic", "notes": "300"},
    ]
    assert community_templates(mined, {"ukrainian"}) == {"hindu": "Hindu Group ({country})",
                                                         "lou nuer": "Lou Nuer Ethnic Group ({country})"}


def test_a_community_word_before_a_people_noun_is_a_pattern():
    people = [{"word": "community", "name": "Civilians ({country})", "inter": "7"},
              {"word": "protesters", "name": "Protesters ({country})", "inter": "6"}]
    assert community_patterns({"muslim": "Muslim Group ({country})"}, people) == [
        ("muslim community", "Civilians ({country})", 7, "Muslim Group ({country})"),
        ("muslim protesters", "Protesters ({country})", 6, "Muslim Group ({country})")]


def test_an_armed_noun_names_the_communitys_militia_where_the_record_has_one():
    mined = [{"name": "Murle Ethnic Militia ({country})", "kind": "generic", "notes": "154"},
             {"name": "Islamist Militia ({country})", "kind": "generic", "notes": "120"}]
    militias = community_templates(mined, set(), militias=True)
    assert militias == {"murle": "Murle Ethnic Militia ({country})"}
    people = [{"word": "militiamen", "name": "{militia}", "inter": "4"},
              {"word": "villagers", "name": "Civilians ({country})", "inter": "7"}]
    assert community_patterns({}, people, militias) == [
        ("murle militiamen", "Murle Ethnic Militia ({country})", 4, "")]


def test_nouns_kept_for_unknown_communities_make_no_pattern_of_a_known_one():
    people = [{"word": "herders", "name": "Civilians ({country})", "inter": "7", "unknown": "only"},
              {"word": "men", "name": "Civilians ({country})", "inter": "7", "unknown": ""}]
    assert community_patterns({"fulani": "Fulani Ethnic Group ({country})"}, people) == [
        ("fulani men", "Civilians ({country})", 7, "Fulani Ethnic Group ({country})")]
