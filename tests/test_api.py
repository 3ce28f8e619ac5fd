"""The JSON API, spoken to over real HTTP: `legation serve` runs in a child process on a free
loopback port (see DeskServer in conftest.py), over a copy of the default database."""

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import DeskServer

TOKEN = "test-token"
ARTICLE = (
    "Poland reopened its embassy in North Korea on Friday, the second Western country to return. "
    "NATO claims Russia is exchanging missile technology with North Korea."
)


def call(server, method, path, body=None, headers=None, params=None):
    """(status, headers, JSON body) of one real HTTP request."""
    url = server.url + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, dict(resp.headers), json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        raw = err.read()
        return err.code, dict(err.headers), json.loads(raw) if raw else None


def get(server, path, **params):
    status, _, body = call(server, "GET", path, params=params)
    assert status == 200, body
    return body


def post_article(server, text, token=TOKEN, content_type="text/plain", params=None):
    headers = {"Content-Type": content_type}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return call(server, "POST", "/api/v1/documents", body=text, headers=headers, params=params)


def documents_total(server) -> int:
    return get(server, "/api/v1/documents")["total"]


# -- missions, countries, channels ------------------------------------------------------------


def test_missions_in_a_host_change_with_the_date(desk_server):
    before = get(desk_server, "/api/v1/missions", host="North Korea", at="2019-06-01")
    after = get(desk_server, "/api/v1/missions", host="PRK", at="2024-11-20")
    status = lambda answer, sender: {m["sender"]: m["status"] for m in answer["missions"] if m["city"] == "Pyongyang"}[sender]  # noqa: E731
    assert status(before, "GBR") == "operating" and status(after, "GBR") == "suspended"
    assert status(after, "POL") == "reopened_limited"
    assert after["host"] == "PRK" and after["at"] == "2024-11-20"
    assert after["names"]["SWE"] == "Sweden"
    assert {(p["protecting"], p["protected"]) for p in after["protecting_powers"]} >= {("SWE", "USA")}


def test_missions_filtered_by_bloc_and_status(desk_server):
    answer = get(desk_server, "/api/v1/missions", host="PRK", at="2024-11-20", group="NATO", status="staffed")
    assert {m["sender"] for m in answer["missions"]} == {"SWE", "POL"}
    assert answer["total"] == 2
    # Sweden joined NATO on 2024-03-07: before that it is not a NATO sender.
    earlier = get(desk_server, "/api/v1/missions", host="PRK", at="2024-01-01", group="NATO")
    assert "SWE" not in {m["sender"] for m in earlier["missions"]}
    assert all(m["marks"]["NATO"] for m in answer["missions"])


def test_missions_of_a_sender_are_paged(desk_server):
    whole = get(desk_server, "/api/v1/missions", sender="Sweden", at="2024-11-20")
    assert whole["total"] > 20 and all(m["sender"] == "SWE" for m in whole["missions"])
    first = get(desk_server, "/api/v1/missions", sender="Sweden", at="2024-11-20", limit=10, offset=0)
    second = get(desk_server, "/api/v1/missions", sender="Sweden", at="2024-11-20", limit=10, offset=10)
    assert first["total"] == second["total"] == whole["total"]
    assert [m["mission"] for m in first["missions"] + second["missions"]] == [m["mission"] for m in whole["missions"][:20]]


def test_state_of_a_country(desk_server):
    prk = get(desk_server, "/api/v1/countries/North%20Korea", at="2024-11-20")
    present = {m["sender"]: m["status"] for m in prk["present"] if m["city"] == "Pyongyang"}
    assert present["SWE"] == "operating" and present["DEU"] == "suspended"
    assert any(p["protecting"] == "SWE" and p["protected"] == "USA" for p in prk["protecting_powers"])
    swe_2024 = get(desk_server, "/api/v1/countries/SWE", at="2024-11-20")
    swe_2019 = get(desk_server, "/api/v1/countries/SWE", at="2019-06-01")
    assert "NATO" in {b["bloc"] for b in swe_2024["blocs"]}
    assert "NATO" not in {b["bloc"] for b in swe_2019["blocs"]}
    assert any(p["host"] == "PRK" for p in swe_2024["protecting_powers"])  # Sweden protects others there


def test_channels_between_a_bloc_and_a_state(desk_server):
    answer = get(desk_server, "/api/v1/channels", a="NATO", b="North Korea", at="2024-11-20")
    kinds = {(c["kind"], c["from_state"], c["via"]) for c in answer["channels"]}
    assert ("protecting_power", "USA", "SWE") in kinds
    resident = {c["from_state"]: c["status"] for c in answer["channels"] if c["kind"] == "resident" and c["to_state"] == "PRK"}
    assert resident["POL"].startswith("reopened") and resident["GBR"].startswith("suspended")
    assert "SWE" in answer["members"]["NATO"]
    before = get(desk_server, "/api/v1/channels", a="NATO", b="PRK", at="2019-06-01")
    assert "SWE" not in before["members"]["NATO"]


def test_countries_carry_the_map_ids(desk_server):
    countries = {c["code"]: c for c in get(desk_server, "/api/v1/countries")["countries"]}
    assert countries["PRK"]["numeric"] == "408" and countries["PRK"]["latlng"]
    assert "NATO" in {g["name"] for g in get(desk_server, "/api/v1/groups")["groups"]}


# -- events -----------------------------------------------------------------------------------


def test_events_filtered_by_actor_type_and_dates(desk_server):
    answer = get(desk_server, "/api/v1/events", actor="North Korea", type="SANCTION", after="2020", before="2021-12")
    assert answer["total"] == len(answer["events"]) > 0
    for e in answer["events"]:
        assert "PRK" in (e["actor"], e["target"], e["protected"])
        assert e["type"] == "SANCTION"
        assert "2020-01-01" <= e["date_start"] <= "2021-12-31"
        assert e["sources"], "every event carries its sources"
    dates = [e["date_start"] for e in answer["events"]]
    assert dates == sorted(dates, reverse=True)  # newest first by default


def test_events_text_search_and_modality(desk_server):
    found = get(desk_server, "/api/v1/events", q="AJC.com")  # matched in a source citation, any case
    assert any(e["actor"] == "POL" and e["subtype"] == "mission_reopened_limited" for e in found["events"])
    assert get(desk_server, "/api/v1/events", q="no such words anywhere 7f3a")["total"] == 0
    asserted = get(desk_server, "/api/v1/events", modality="asserted", limit=1)["total"]
    everything = get(desk_server, "/api/v1/events", limit=1)["total"]
    assert 0 < asserted <= everything


def test_events_are_paged_with_a_total(desk_server):
    page = lambda offset: get(desk_server, "/api/v1/events", actor="PRK", limit=5, offset=offset, order="oldest")  # noqa: E731
    whole = get(desk_server, "/api/v1/events", actor="PRK", limit=10, order="oldest")
    first, second = page(0), page(5)
    assert first["total"] == second["total"] == whole["total"] > 10
    assert len(first["events"]) == len(second["events"]) == 5
    assert [e["id"] for e in first["events"] + second["events"]] == [e["id"] for e in whole["events"]]
    beyond = page(whole["total"])
    assert beyond["events"] == [] and beyond["total"] == whole["total"]


def test_one_event_and_excluded_subtypes(desk_server):
    some = get(desk_server, "/api/v1/events", actor="PRK", limit=3)["events"]
    one = get(desk_server, f"/api/v1/events/{some[0]['id']}")
    assert one["id"] == some[0]["id"] and one["sources"]
    listed = get(desk_server, "/api/v1/events", actor="PRK", subtype="mission_listed", limit=1)["total"]
    rest = get(desk_server, "/api/v1/events", actor="PRK", exclude_subtype="mission_listed", limit=1)["total"]
    assert listed > 0 and rest + listed == get(desk_server, "/api/v1/events", actor="PRK", limit=1)["total"]


# -- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, params, status, words",
    [
        ("/api/v1/missions", {"host": "Narnia"}, 400, ["unknown country", "Narnia"]),
        ("/api/v1/missions", {"host": "PRK", "status": "sleeping"}, 400, ["unknown status", "staffed"]),
        ("/api/v1/missions", {"host": "PRK", "at": "20 Nov"}, 422, ["query parameter 'at'"]),
        ("/api/v1/missions", {"host": "PRK", "at": "2024-13-45"}, 422, ["2024-13-45"]),
        ("/api/v1/events", {"limit": "5000"}, 422, ["query parameter 'limit'", "1000"]),
        ("/api/v1/events", {"offset": "-1"}, 422, ["query parameter 'offset'"]),
        ("/api/v1/events", {"modality": "rumoured"}, 422, ["query parameter 'modality'", "hedged"]),
        ("/api/v1/events", {"actor": "western"}, 400, ["group of blocs"]),
        ("/api/v1/events/0123456789abcdef0123", {}, 404, ["no event"]),
        ("/api/v1/documents/00ff", {}, 404, ["no document"]),
        ("/api/v1/nowhere", {}, 404, ["/docs"]),
        ("/api/v1/channels", {"a": "NATO"}, 422, ["query parameter 'b'", "required"]),
    ],
)
def test_errors_are_json_with_a_message(desk_server, path, params, status, words):
    got, headers, body = call(desk_server, "GET", path, params=params)
    assert got == status, body
    assert headers["content-type"].startswith("application/json")
    assert body["status"] == status
    for word in words:
        assert word.lower() in body["message"].lower(), body["message"]


# -- writes -----------------------------------------------------------------------------------


def test_writes_need_the_token_and_never_happen_without_it(desk_server):
    before = documents_total(desk_server)
    status, headers, body = post_article(desk_server, ARTICLE + " Missing.", token=None)
    assert status == 401 and "token" in body["message"] and headers.get("www-authenticate") == "Bearer"
    status, _, body = post_article(desk_server, ARTICLE + " Wrong.", token="not-the-token")
    assert status == 401 and "wrong token" in body["message"]
    status, _, body = call(desk_server, "POST", "/api/v1/documents", body=ARTICLE,
                           headers={"Authorization": f"Basic {TOKEN}", "Content-Type": "text/plain"})  # fmt: skip
    assert status == 401
    assert documents_total(desk_server) == before


def test_a_server_without_a_token_is_read_only(default_db, tmp_path):
    db = tmp_path / "ro.duckdb"
    db.write_bytes(default_db.read_bytes())
    server = DeskServer(db, token=None)
    try:
        status, _, body = post_article(server, ARTICLE, token="anything")
        assert status == 403 and "read-only" in body["message"] and "--token" in body["message"]
        assert get(server, "/api/v1/documents")["total"] == 0
        assert get(server, "/api/v1/missions", host="PRK")["total"] > 0  # reads still work
    finally:
        server.stop()


def test_bodies_over_the_limit_get_413(desk_server):
    big = "Poland reopened its embassy. " * 80_000  # 2.3 MB, over the 2 MB default
    status, _, body = post_article(desk_server, big)
    assert status == 413 and "larger than" in body["message"]
    # A chunked body has no Content-Length: it is counted as it arrives.
    conn = http.client.HTTPConnection("127.0.0.1", desk_server.port, timeout=60)
    chunks = (b"x" * 100_000 for _ in range(30))
    conn.request("POST", "/api/v1/documents", body=chunks, encode_chunked=True,
                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})  # fmt: skip
    resp = conn.getresponse()
    assert resp.status == 413, resp.read()
    assert "larger than" in json.loads(resp.read())["message"]
    conn.close()


@pytest.mark.parametrize(
    "body, content_type, status, words",
    [
        (json.dumps({"title": "no text"}), "application/json", 422, ["body field 'text'", "required"]),
        (json.dumps({"text": ""}), "application/json", 422, ["body field 'text'"]),
        (json.dumps({"text": "Hi.", "colour": "red"}), "application/json", 422, ["body field 'colour'"]),
        (json.dumps({"text": "Poland reopened.", "published": "someday"}), "application/json", 422, ["published"]),
        ("{not json", "application/json", 422, ["json"]),
        ("   ", "text/plain", 422, ["nothing to read", "empty"]),
        ("<x/>", "image/png", 415, ["text/plain", "application/json"]),
    ],
)
def test_malformed_articles_get_a_readable_message(desk_server, body, content_type, status, words):
    before = documents_total(desk_server)
    got, _, answer = post_article(desk_server, body, content_type=content_type)
    assert got == status, answer
    for word in words:
        assert word.lower() in answer["message"].lower(), answer["message"]
    assert documents_total(desk_server) == before


def test_post_an_article_then_read_it_back(writer_server):
    desk_server = writer_server
    status, headers, posted = post_article(desk_server, ARTICLE, params={"published": "2024-11-20"})
    assert status == 201, posted
    assert headers["location"] == f"/api/v1/documents/{posted['id']}"
    assert posted["published"] == "2024-11-20" and posted["read"]["events"] >= 2
    by_subtype = {e["subtype"]: e for e in posted["events"]}
    reopened = by_subtype["mission_reopened"]
    assert (reopened["actor"], reopened["target"], reopened["date"]) == ("POL", "PRK", "2024-11-15")  # "on Friday"
    claimed = next(e for e in posted["events"] if e["modality"] == "claimed")
    assert claimed["attributed_to"] == "NATO" and claimed["attribution_cue"] == "claims"
    text = posted["text"]
    for e in posted["events"]:
        start, end = e["provenance"]["span"]
        t0, t1 = e["provenance"]["trigger"]
        assert start <= t0 < t1 <= end
    assert text[slice(*reopened["provenance"]["trigger"])] == "reopened"
    assert text[slice(*claimed["provenance"]["span"])].startswith("NATO claims")

    fetched = get(desk_server, f"/api/v1/documents/{posted['id']}")
    assert fetched["text"] == text
    assert [(e["id"], e["provenance"]["span"]) for e in fetched["events"]] == [
        (e["id"], e["provenance"]["span"]) for e in posted["events"]
    ]
    listed = get(desk_server, "/api/v1/documents")["documents"]
    assert any(d["id"] == posted["id"] and d["events"] == len(posted["events"]) for d in listed)
    recent = get(desk_server, "/api/v1/events", order="recorded", limit=10)["events"]
    assert reopened["id"] in {e["id"] for e in recent}
    assert get(desk_server, f"/api/v1/events/{claimed['id']}")["reported"] == "2024-11-20"

    again_status, _, again = post_article(desk_server, ARTICLE, params={"published": "2024-11-20"})
    assert again_status == 201 and again["read"]["new_events"] == 0  # the same text adds nothing


def test_post_json_and_html(writer_server):
    desk_server = writer_server
    status, _, posted = post_article(
        desk_server,
        json.dumps({"text": "Sweden reopened its embassy in Pyongyang on 13 September 2024.", "title": "Back in Pyongyang",
                    "url": "https://example.org/story", "published": "2024-09-20"}),  # fmt: skip
        content_type="application/json",
    )
    assert status == 201, posted
    assert posted["title"] == "Back in Pyongyang" and posted["url"] == "https://example.org/story"
    assert any(e["actor"] == "SWE" and e["target"] == "PRK" for e in posted["events"])
    page = ("<html><head><title>Embassy news</title></head><body><article><h1>Embassy news</h1>"
            "<p>Germany closed its embassy in Kabul in August 2021, the foreign ministry said.</p>"
            "</article></body></html>")  # fmt: skip
    status, _, posted = post_article(desk_server, page, content_type="text/html; charset=utf-8")
    assert status == 201, posted
    assert "<p>" not in posted["text"] and "Germany closed its embassy" in posted["text"]


# -- documentation ----------------------------------------------------------------------------


def test_openapi_and_swagger_ui_are_served_locally(desk_server):
    spec = get(desk_server, "/api/v1/openapi.json")
    for path in ("/api/v1/missions", "/api/v1/countries/{country}", "/api/v1/channels", "/api/v1/events",
                 "/api/v1/documents", "/api/v1/documents/{document_id}"):  # fmt: skip
        assert path in spec["paths"], path
    assert "requestBody" in spec["paths"]["/api/v1/documents"]["post"]
    with urllib.request.urlopen(desk_server.url + "/docs", timeout=30) as resp:
        html = resp.read().decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn." not in html and "unpkg" not in html
    for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/vendor/swagger-ui/swagger-ui.css"):
        with urllib.request.urlopen(desk_server.url + asset, timeout=30) as resp:
            assert resp.status == 200 and len(resp.read()) > 10_000


def test_mission_json_has_every_field(app):
    """MissionState.to_json is written out by hand for speed: it must still carry every field."""
    from dataclasses import asdict, fields

    from legation.state import MissionState

    for m in app.missions(at="2024-11-20", host="PRK", marks=["NATO"]).missions:
        expected = {**asdict(m), "status": m.status.value, "status_label": m.label, "staffed": m.status.staffed}
        assert m.to_json() == expected
    assert {f.name for f in fields(MissionState)} <= set(m.to_json())


# -- claims and briefs --------------------------------------------------------------------------


FALSE_FIRST = (
    "Poland became the first Western country to reopen its embassy in Pyongyang since the pandemic. "
    "Switzerland represents the United States in North Korea."
)


def test_claims_come_back_with_the_article_and_on_their_own(writer_server):
    status, _, posted = post_article(writer_server, FALSE_FIRST, params={"published": "2024-11-25"})
    assert status == 201, posted
    verdicts = {(c["kind"], c["verdict"]) for c in posted["claims"]}
    assert ("ordinal", "contradicted") in verdicts and ("representation", "contradicted") in verdicts
    ordinal = next(c for c in posted["claims"] if c["kind"] == "ordinal")
    assert "Sweden" in ordinal["reason"] and ordinal["evidence"][0]["sources"]
    again = get(writer_server, f"/api/v1/documents/{posted['id']}/claims")
    assert [c["statement"] for c in again["claims"]] == [c["statement"] for c in posted["claims"]]
    assert again["at"] == "2024-11-25" and again["counts"]["contradicted"] == 2
    # As of a day before Sweden's return, Poland would have been the first
    early = get(writer_server, f"/api/v1/documents/{posted['id']}/claims", at="2024-09-01")
    assert next(c for c in early["claims"] if c["kind"] == "ordinal")["verdict"] == "supported"
    brief = get(writer_server, f"/api/v1/documents/{posted['id']}/brief")
    assert brief["record"]["hosts"][0]["host"] == "PRK" and len(brief["checks"]) == len(posted["claims"])
    url = writer_server.url + f"/api/v1/documents/{posted['id']}/brief?format=markdown"
    with urllib.request.urlopen(url, timeout=60) as resp:
        assert resp.headers["content-type"].startswith("text/markdown")
        assert "## Checks" in resp.read().decode()


def test_brief_about_a_state_and_its_errors(desk_server):
    brief = get(desk_server, "/api/v1/briefs", about="North Korea", since="2024-01-01", at="2024-11-20")
    assert brief["title"] == "Brief: North Korea since 2024-01-01" and len(brief["at_a_glance"]) == 3
    status, _, body = call(desk_server, "GET", "/api/v1/briefs", params={"about": "Atlantis"})
    assert status == 400 and "Atlantis" in body["message"]
    status, _, body = call(desk_server, "GET", "/api/v1/documents/abc123/claims")
    assert status == 404 and "abc123" in body["message"]
