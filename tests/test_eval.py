"""`legation eval` as a user runs it, on gold files written for these tests."""

import json

from conftest import run_cli

GOLD = [
    {"id": "g1", "text": "Poland reopened its embassy in North Korea on Friday.", "event": "SUPPORT", "mode": "",
     "source": [{"code": "POL"}], "target": [{"code": "PRK"}]},
    # An older label (DEMAND) is scored as today's REQUEST.
    {"id": "g2", "text": "Russia demanded that Ukraine withdraw its troops from the Kursk region.", "event": "DEMAND",
     "mode": "", "source": [{"code": "RUS"}], "target": [{"code": "UKR"}]},
    # A deliberately wrong gold type: it must count against the extractor.
    {"id": "g3", "text": "Israeli airstrikes killed 20 people in Gaza on Tuesday.", "event": "AID", "mode": "",
     "source": [{"code": "ISR"}], "target": [{"code": "PSE"}]},
    # An older mode name (riot-spon) is scored as today's riot.
    {"id": "g4", "text": "Rioters set fire to government offices in Osh, Kyrgyzstan.", "event": "PROTEST",
     "mode": "riot-spon", "source": [{"code": "KGZ"}], "target": [{"code": "KGZ"}]},
    # A briefing line read as two sentences: the first tells the news, the second reacts.
    {"id": "g5", "text": "Seoul: North Korea says it has carried out its first nuclear test; Japan condemns it as a grave threat.",
     "event": "MOBILIZE", "mode": "weapons", "source": [{"code": "PRK"}], "target": []},
]


def test_eval_scores_type_actors_and_mode_and_maps_old_labels(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD))
    r = run_cli("eval", "--gold", gold, "--json", "--records")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["n_gold"] == 5
    assert {k for k in ("event_type", "source", "target", "mode")} <= result.keys()
    rows = {row["id"]: row for row in result["records"]}
    assert (rows["g1"]["predicted"], rows["g1"]["predicted_source"], rows["g1"]["predicted_target"]) == ("SUPPORT", "POL", "PRK")
    assert (rows["g2"]["gold"], rows["g2"]["predicted"]) == ("REQUEST", "REQUEST")
    assert rows["g3"]["predicted"] == "ASSAULT" and rows["g3"]["gold"] == "AID"
    assert result["event_type"]["tp"] == sum(row["gold"] == row["predicted"] for row in rows.values())
    assert result["event_type"]["tp"] < 5  # the wrong gold row is never right
    assert (rows["g5"]["predicted"], rows["g5"]["predicted_source"]) == ("MOBILIZE", "PRK")
    assert result["mode"]["tp"] >= 1  # riot-spon read as riot
    assert 0 < result["source_country_accuracy"] <= 1
    table = run_cli("eval", "--gold", gold)
    assert table.returncode == 0 and "confusion" in table.stdout and "event_type" in table.stdout


def test_eval_refuses_a_file_that_is_not_a_gold_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    r = run_cli("eval", "--gold", bad)
    assert r.returncode != 0 and "not JSON" in r.stderr
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    r = run_cli("eval", "--gold", empty)
    assert r.returncode != 0 and "no records" in r.stderr
