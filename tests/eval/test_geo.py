"""Geo scorer: readers for both gold formats, end-to-end scoring on tiny fixtures, clean skips."""

from __future__ import annotations

from pathlib import Path

from sitrep.eval.geo import _subset, read_gwn, read_lgl, score_dataset, score_geo

LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Militants attacked a checkpoint in Ramadi. Officials in Baghdad condemned it.]]></text>
    <toponyms>
      <toponym><start>35</start><end>41</end><phrase>Ramadi</phrase>
        <gaztag geonameid="98717"><name>Ramadi</name><fcode>PPLA</fcode><lat>33.42</lat><lon>43.31</lon>
          <country geonameid="99237">Iraq</country><admin1 geonameid="99592">Anbar</admin1></gaztag></toponym>
      <toponym><start>56</start><end>63</end><phrase>Baghdad</phrase>
        <gaztag geonameid="98182"><name>Baghdad</name><fcode>PPLC</fcode><lat>33.34</lat><lon>44.40</lon>
          <country geonameid="99237">Iraq</country><admin1 geonameid="98180">Baghdad</admin1></gaztag></toponym>
      <toponym><start>0</start><end>9</end><phrase>Militants</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""

GWN_XML = """<?xml version="1.0" ?>
<articles>
  <article file="0">
    <text>Protesters gathered in Mosul while traders in Zorgbuttle waited.</text>
    <toponyms>
      <toponym><extractedName>Mosul</extractedName><start>23</start><end>28</end>
        <latitude>36.34</latitude><longitude>43.13</longitude></toponym>
      <toponym><extractedName>Zorgbuttle</extractedName><start>46</start><end>56</end>
        <latitude>10.0</latitude><longitude>10.0</longitude></toponym>
      <toponym><extractedName>traders</extractedName><start>35</start><end>42</end>
        <latitude /><longitude /></toponym>
    </toponyms>
  </article>
</articles>
"""


def write(tmp_path: Path) -> Path:
    base = tmp_path / "geoparsing"
    base.mkdir()
    (base / "lgl.xml").write_text(LGL_XML, encoding="utf-8")
    (base / "GWN.xml").write_text(GWN_XML, encoding="utf-8")
    return base


def test_geo_readers_keep_only_toponyms_with_coordinates(tmp_path):
    base = write(tmp_path)
    lgl = read_lgl(base / "lgl.xml")
    assert [(t.start, t.end, t.country_gid, t.admin1_gid) for t in lgl[0].toponyms] == [
        (35, 41, "99237", "99592"), (56, 63, "99237", "98180")]
    assert lgl[0].text[35:41] == "Ramadi"
    gwn = read_gwn(base / "GWN.xml")
    assert [gwn[0].text[t.start:t.end] for t in gwn[0].toponyms] == ["Mosul", "Zorgbuttle"]


def test_geo_scores_lgl_fixture_end_to_end(tmp_path):
    report = score_dataset("lgl", read_lgl(write(tmp_path) / "lgl.xml"))
    assert report.counts["toponyms"] == 2
    assert report.metrics["recall"] == 1.0 and report.metrics["acc161"] == 1.0
    assert report.metrics["country_acc"] == 1.0 and report.metrics["admin1_acc"] == 1.0


def test_geo_scores_gwn_fixture_counting_unknown_names_as_misses(tmp_path):
    report = score_dataset("gwn", read_gwn(write(tmp_path) / "GWN.xml"))
    assert report.counts["toponyms"] == 2
    assert report.metrics["acc161"] == 0.5  # Mosul right; Zorgbuttle is in no gazetteer
    assert report.metrics["country_acc"] == 0.5


def test_geo_default_subset_is_fixed_and_documented():
    items = list(range(10))
    assert _subset(items, "lgl", None) == [1, 3, 5, 7, 9]  # type: ignore[arg-type]
    assert _subset(items, "gwn", 3) == [0, 1, 2]  # type: ignore[arg-type]
    assert _subset(items, "gwn", 0) == items  # type: ignore[arg-type]


def test_geo_skips_cleanly_without_data(tmp_path):
    reports = score_geo(tmp_path, None, None)
    assert [r.dataset for r in reports] == ["lgl", "gwn"]
    assert all(r.skipped for r in reports)
    assert score_geo(tmp_path, "nope", None)[0].skipped
