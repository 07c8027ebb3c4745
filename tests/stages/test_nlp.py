from sitrep.model import Article, Document
from sitrep.registry import get


def parse(text):
    run = get("sitrep.nlp.v1").factory({})
    document = Document(article=Article(text=text))
    run([document])
    return document


def test_nlp_headline_is_its_own_sentence():
    d = parse("Gunmen attack village in Kidal\nGunmen attacked a village near Kidal on Monday, residents said.")
    sents = [s.text.strip() for s in d.doc.sents]
    assert sents[0] == "Gunmen attack village in Kidal"


def test_nlp_blank_line_always_ends_a_sentence():
    d = parse("“The roads are unsafe,” said the mayor\n\n“We need more patrols” he added.")
    assert len(list(d.doc.sents)) == 2


def test_nlp_single_line_break_inside_paragraph_does_not_split():
    d = parse("Title line\n\nThe army said the\nattack was repelled.")
    assert [s.text.strip() for s in d.doc.sents][-1] == "The army said the\nattack was repelled."


def test_nlp_paragraphs_first_word_is_never_a_sentence_alone():
    # the small model cut "Gunmen" off this paragraph, leaving "abducted ..." without its subject
    d = parse("Gunmen abduct students in Zamfara\n\nGunmen abducted 23 students from a boarding school in Kaura "
              "Namoda in Zamfara state on Monday night, police said.\n\nResidents said the attackers fired.")
    sents = [s.text.strip() for s in d.doc.sents]
    assert sents[1].startswith("Gunmen abducted 23 students")
    assert len(sents) == 3


def test_nlp_seed_keeps_quote_paragraphs_apart(seed_text):
    d = parse(seed_text)
    starts = [s.text.strip()[:12] for s in d.doc.sents]
    assert starts[0].startswith("Iraqi forces")
    assert starts[1].startswith("The Iraqi Se")
    assert sum(1 for s in starts if s.startswith("“")) == 6


def test_nlp_entities_carry_sentence_index():
    d = parse("Headline here\n\nFighting erupted in Mosul. Later, troops entered Baghdad.")
    baghdad = next(e for e in d.entities if e.text == "Baghdad")
    assert baghdad.sent == 2


def test_nlp_whitespace_only_text_is_an_error():
    d = parse("   \n\n  ")
    assert d.errors and d.errors[0].code == "E107"


def test_parse_text_parts_an_acled_tag_glued_to_the_last_word_and_keeps_offsets() -> None:
    from sitrep.stages.nlp import _parse_text

    text = "Health workers held a sit-in at the University Hospital of Ouahigouya.[size=dozens]"
    parsed = _parse_text(text, recase=False)
    assert len(parsed) == len(text) and parsed.endswith("Ouahigouya. size=dozens]")
    assert _parse_text("in Bangui. [size=no report]", recase=False) == "in Bangui. [size=no report]"


def test_a_place_before_a_glued_size_tag_is_found(pipeline) -> None:
    from sitrep.model import Article

    [result] = pipeline.run([Article(text="On October 30, health workers observed a sit-in at the University Hospital "
                                          "of Ouahigouya.[size=dozens]", published="2019-10-30")])
    assert any(p.name == "Ouahigouya" for p in result.places)
