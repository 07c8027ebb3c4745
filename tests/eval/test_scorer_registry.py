from sitrep.eval.registry import Report


def test_report_flags_metric_under_its_floor():
    report = Report("demo", "set", metrics={"f1": 0.5, "recall": 0.9})
    problems = report.below_floors({"demo.set": {"f1": 0.6, "recall": 0.8}})
    assert problems == ["demo.set.f1: 0.5000 < 0.6"]


def test_report_missing_metric_counts_as_under_floor():
    report = Report("demo", "demo", metrics={})
    assert report.below_floors({"demo": {"f1": 0.1}})


def test_skipped_report_is_not_held_to_floors():
    report = Report("demo", "demo", skipped="data absent")
    assert report.below_floors({"demo": {"f1": 0.9}}) == []
    assert "skipped" in report.table()
