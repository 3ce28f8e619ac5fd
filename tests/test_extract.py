"""The extractor on articles written for these tests: real spaCy parsing, no stand-ins."""

import datetime as dt

import pytest

from legation.dates import FuzzyDate
from legation.extract.pipeline import Extractor, event_json
from legation.extract.quantities import find_quantities
from legation.extract.temporal import resolve
from legation.ledger import Ledger
from legation.model import Document, Modality

PUBLISHED = FuzzyDate.parse("2024-11-20")  # a Wednesday


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def read(ex, text, published=PUBLISHED, url="https://example.org/a"):
    doc = Document(text=text, published=published, url=url)
    return doc, ex.read(doc)


def one(ex, text, **kw):
    doc, events = read(ex, text, **kw)
    assert events, f"no event in {text!r}"
    return doc, max(events, key=lambda e: e.confidence)


# -- actors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,source,target",
    [
        ("The Polish Foreign Ministry reopened the embassy in Pyongyang.", "POL", "PRK"),
        ("North Korean troops attacked Ukrainian positions near the border.", "PRK", "UKR"),
        ("Moscow expelled two Estonian diplomats on Monday.", "RUS", "EST"),
        ("Beijing condemned Washington over the new tariffs.", "CHN", "USA"),
        ("The hermit kingdom threatened Seoul with retaliation.", "PRK", "KOR"),
        ("NATO-member Norway offered help to Finland.", "NOR", "FIN"),
        ("NATO criticised Russia for the drills.", "NATO", "RUS"),
        ("The European Union imposed sanctions on Belarus.", "EUU", "BLR"),
    ],
)
def test_actors_by_name_demonym_capital_alias_bloc_and_body(ex, text, source, target):
    _, e = one(ex, text)
    assert (e.actor, e.target) == (source, target)


@pytest.mark.parametrize(
    "text,source,target",
    [
        # the speaker of "..., X said" reports the event; they are not its target
        ("Spain is ready to send firefighters to help Portugal, Spain's interior minister said.", "ESP", "PRT"),
        ("Kenyan police arrested 30 Somalis near the border, officials in Uganda said.", "KEN", "SOM"),
        # a passive attack: the subject is the victim, never the attacker
        ("Two Turkish soldiers were killed by a roadside bomb, the army said.", None, "TUR"),
        # a protest that names no one is against the protesters' own state
        ("Thousands of Georgian students protested in the capital on Monday.", "GEO", "GEO"),
        # a people living in another state acts in that state
        ("Ethnic Hungarians in Romania rallied against the new language law.", "ROU", "ROU"),
        ("The Serbs of northern Kosovo protested against the tax.", "XKX", "XKX"),
        # money is not an actor
        ("Japan gave US $2 billion in aid to Ukraine.", "JPN", "UKR"),
        # a demand by a speaker the gazetteer cannot place keeps its target
        ("The administration declared that Iran must halt enrichment.", None, "IRN"),
    ],
)
def test_roles_from_the_grammar_of_the_sentence(ex, text, source, target):
    _, e = one(ex, text)
    assert (e.actor or None, e.target) == (source, target)


def test_region_and_possessive_stand_for_the_state(ex):
    _, e = one(ex, "Pyongyang has sent up to 12,000 soldiers to Russia's Kursk region.")
    assert (e.actor, e.target) == ("PRK", "RUS")


# -- event types and mission subtypes -------------------------------------------------


@pytest.mark.parametrize(
    "text,type_,subtype",
    [
        ("Poland reopened its embassy in North Korea on Friday.", "SUPPORT", "mission_reopened"),
        ("Canada closed its embassy in Iran in 2012.", "SANCTION", "mission_closed"),
        ("Italy suspended the work of its embassy in Khartoum.", "SANCTION", "mission_suspended"),
        ("Germany evacuated its diplomats from Kabul.", "RETREAT", "staff_withdrawn"),
        ("Venezuela expelled the Argentine ambassador.", "SANCTION", "envoy_expelled"),
        ("Niger's rulers gave the French ambassador 48 hours to leave the country.", "SANCTION", "envoy_expelled"),
        ("The envoy of Israel presented his credentials to the president of Egypt.", "SUPPORT", "credentials_presented"),
        ("Peru recalled its ambassador from Mexico.", "SANCTION", "envoy_recalled"),
        ("Brazil will represent the interests of Argentina in Caracas.", "COOPERATE", "protecting_power_start"),
        ("Russia deployed 5,000 troops to Belarus.", "MOBILIZE", "military_deployment"),
        ("Iran is supplying missiles to Russia.", "AID", "arms_transfer"),
    ],
)
def test_mission_and_military_subtypes(ex, text, type_, subtype):
    _, e = one(ex, text)
    assert (e.type, e.subtype) == (type_, subtype)


def test_a_call_on_a_third_party(ex):
    _, e = one(ex, "Japan urged China to persuade North Korea to stop its missile tests.")
    assert (e.type, e.actor, e.target) == ("REQUEST", "JPN", "CHN")


def test_a_hostile_act_held_out_is_a_threat_one_announced_the_act_and_a_friendly_one_a_promise(ex):
    # "will" announces a decision: the act itself, still to come
    _, decided = one(ex, "Turkey will impose a blockade on Cyprus.")
    assert (decided.type, decided.modality) == ("COERCE", Modality.FUTURE)
    # held out on a condition, or only planned, it is a threat
    _, held_out = one(ex, "Ghana will close its border with Togo unless the attacks stop.")
    assert (held_out.type, held_out.modality) == ("THREATEN", Modality.HYPOTHETICAL)
    _, planned = one(ex, "Turkey plans to impose a blockade on Cyprus.")
    assert planned.type == "THREATEN"
    _, promise = one(ex, "Portugal will support Ukraine at the summit.")
    assert promise.type == "AGREE"


# -- modality and attribution ---------------------------------------------------------
    # so is legal action held out; legal action announced is the act, still to come
    _, vow = one(ex, "The Georgian opposition leader vowed to challenge the result in the Constitutional Court.")
    assert (vow.type, vow.plover_mode, vow.actor) == ("THREATEN", "", "GEO")
    _, sue = one(ex, "Mexico will sue the American gun makers.")
    assert (sue.type, sue.plover_mode, sue.modality.value) == ("ACCUSE", "allege", "future")


def test_claimed_is_kept_apart_from_fact(ex):
    _, e = one(ex, "NATO claims Russia is exchanging missile technology with North Korea.")
    assert e.modality is Modality.CLAIMED
    assert (e.attributed_to, e.attribution_cue) == ("NATO", "claims")
    assert (e.actor, e.target, e.subtype) == ("RUS", "PRK", "arms_transfer")


def test_hedged_by_unnamed_sources(ex):
    _, e = one(ex, "Intelligence reports suggest up to 12,000 North Korean troops have been sent to Russia.")
    assert e.modality is Modality.HEDGED
    assert e.attributed_to.lower() == "intelligence reports"
    assert e.quantity.to_json() == {"value": 12000, "qualifier": "at_most", "unit": "troops", "text": "up to 12,000 North Korean troops"}


@pytest.mark.parametrize(
    "text,modality",
    [
        ("Russia denied sending troops to Ukraine.", Modality.NEGATED),
        ("Hungary did not expel the Russian ambassador.", Modality.NEGATED),
        ("Serbia reportedly sent arms to Armenia.", Modality.HEDGED),
        ("China may have supplied drones to Iran.", Modality.HEDGED),
        ("Bulgaria plans to reopen its embassy in Pyongyang.", Modality.FUTURE),
        ("Chile will close its consulate in Bolivia.", Modality.FUTURE),
        ("Egypt could recall its ambassador from Israel if the fighting continues.", Modality.HYPOTHETICAL),
        # "would" reported in the past is the speaker's "will"; with a condition it stays one
        ("Peru said on Monday it would reopen its embassy in Caracas.", Modality.FUTURE),
        ("Peru said it would reopen its embassy in Caracas if Venezuela freed the detainees.", Modality.HYPOTHETICAL),
        ("Peru would reopen its embassy in Caracas.", Modality.HYPOTHETICAL),
        ("Sweden reopened its embassy in Pyongyang.", Modality.ASSERTED),
    ],
)
def test_modality(ex, text, modality):
    _, e = one(ex, text)
    assert e.modality is modality


def test_a_quote_keeps_its_speaker(ex):
    _, events = read(ex, '"We will close our embassy in Minsk," the Lithuanian foreign minister said on Tuesday.')
    e = [e for e in events if e.subtype == "mission_closed"][0]
    assert e.attributed_to == "LTU" and e.attribution_cue == "said"


def test_said_attributes_without_doubting(ex):
    _, e = one(ex, "Officials said Poland reopened its embassy in Pyongyang.")
    assert e.modality is Modality.ASSERTED and e.attributed_to.lower() == "officials"


# -- dates ----------------------------------------------------------------------------


def test_dates_in_text_resolved_against_publication(ex):
    _, e = one(ex, "Sweden reopened its embassy in Pyongyang in September.")
    assert (e.date.value, e.date.precision) == ("2024-09", "month")
    _, e = one(ex, "Poland reopened its embassy in Pyongyang last week.")
    assert e.date.precision == "week" and e.date.start == dt.date(2024, 11, 11)
    _, e = one(ex, "Czechia closed its embassy in Minsk on Tuesday.")
    assert e.date.value == "2024-11-19"


def test_future_tense_looks_forward(ex):
    _, e = one(ex, "Romania will reopen its embassy in Pyongyang in March.")
    assert e.date.value == "2025-03"
    assert resolve("in September", dt.date(2024, 11, 20), future=True).value == "2025-09"
    assert resolve("on Tuesday", dt.date(2024, 11, 20), future=True).value == "2024-11-26"


def test_since_a_year_and_no_publication_date():
    assert resolve("since 2020", dt.date(2024, 11, 20)).value == "2020"
    assert resolve("in September", None) is None
    assert resolve("15 November 2024", None).value == "2024-11-15"


# -- quantities -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value,qualifier,unit",
    [
        ("about 300 diplomats", 300, "approx", "diplomats"),
        ("at least two soldiers", 2, "at_least", "troops"),
        ("more than 1,500 refugees", 1500, "more_than", "refugees"),
        ("thousands of protesters", 1000, "at_least", "protesters"),
        ("twenty-five peacekeepers", 25, "exact", "peacekeepers"),
        ("some 4 million dollars", 4_000_000, "approx", "USD"),
    ],
)
def test_quantities(text, value, qualifier, unit):
    q = find_quantities(text)[0]
    assert (q.value, q.qualifier, q.unit) == (value, qualifier, unit)


def test_a_year_is_not_a_quantity():
    assert find_quantities("In 2024 embassies reopened") == []


# -- provenance and sources -----------------------------------------------------------


def test_every_event_points_to_its_characters(ex):
    text = "Talks stalled. Meanwhile Poland reopened its embassy in North Korea on Friday."
    doc, events = read(ex, text)
    e = [e for e in events if e.subtype == "mission_reopened"][0]
    start, end = e.provenance.span
    assert text[start:end].startswith("Meanwhile Poland reopened")
    t0, t1 = e.provenance.trigger
    assert text[t0:t1] == "reopened"
    assert e.provenance.document == doc.id and e.provenance.sentence == 1
    j = event_json(e, ex.gaz)
    assert j["source"]["name"] == "Poland" and j["provenance"]["span"] == [start, end]


def test_one_event_from_two_documents_is_one_event_with_two_sources(ex, tmp_path):
    a = Document(text="Poland reopened its embassy in Pyongyang on 15 November 2024.", url="https://example.org/a")
    b = Document(text="On 15 November 2024 Poland reopened its embassy in Pyongyang, officials said.", url="https://example.org/b")
    events = [e for d in (a, b) for e in ex.read(d) if e.subtype == "mission_reopened"]
    assert len(events) == 2 and events[0].id == events[1].id
    with Ledger(tmp_path / "l.duckdb") as ledger:
        report = ledger.append(events)
        assert report.events_new == 1
        assert len(ledger.sources_of([events[0].id])[events[0].id]) == 2


def test_an_event_told_again_later_in_an_article_keeps_both_sentences_as_evidence(ex, tmp_path):
    text = ("Police in Kenya arrested two opposition lawmakers on Monday. The lawmakers had called "
            "for protests over the budget. Kenyan police arrested the two lawmakers on Monday after a rally.")
    doc, events = read(ex, text)
    arrests = [e for e in events if e.type == "COERCE"]
    assert [e.provenance.sentence for e in arrests] == [0, 2]
    assert arrests[0].id == arrests[1].id and (arrests[0].actor, arrests[0].target) == ("KEN", "KEN")
    with Ledger(tmp_path / "l.duckdb") as ledger:
        assert ledger.add_document(doc, events).events_new == len({e.id for e in events})
        locators = [s["locator"] for s in ledger.sources_of([arrests[0].id])[arrests[0].id]]
        assert sorted(loc.split(",")[0] for loc in locators) == ["sentence 0", "sentence 2"]


def test_a_person_named_with_a_country_keeps_it_later_in_the_document(ex):
    _, events = read(ex, "Russian President Vladimir Putin met the Chinese leader on Monday. "
                         "On Tuesday Putin threatened Lithuania with sanctions.")
    threat = [e for e in events if e.type == "THREATEN"][0]
    assert (threat.actor, threat.actor_text, threat.target) == ("RUS", "Putin", "LTU")


def test_a_non_state_group_is_coded_by_its_state(ex):
    _, e = one(ex, "Hezbollah fired rockets at Israel on Sunday.")
    assert (e.actor, e.actor_text, e.target) == ("LBN", "Hezbollah", "ISR")


@pytest.mark.parametrize(
    "text,source_sector,target_sector",
    [
        ("The Polish Foreign Ministry summoned the Russian ambassador.", "government", "government"),
        ("North Korean troops attacked Ukrainian positions near the border.", "military", ""),
        ("Egyptian police arrested Sudanese refugees in Cairo.", "police", "civilians"),
    ],
)
def test_sector_of_an_actor(ex, text, source_sector, target_sector):
    _, e = one(ex, text)
    assert (e.actor_sector, e.target_sector) == (source_sector, target_sector)


def test_an_event_the_text_does_not_date_falls_in_the_week_up_to_publication(ex):
    _, e = one(ex, "Poland reopened its embassy in North Korea.")
    assert (e.date.start, e.date.end, e.date.precision) == (dt.date(2024, 11, 14), dt.date(2024, 11, 20), "week")
    assert "dated by publication" in e.note
    _, plan = one(ex, "Poland will reopen its embassy in North Korea.")
    assert plan.date is None  # a plan is not dated by the day it was announced
    _, dated = one(ex, "Poland reopened its embassy in North Korea in September.")
    assert dated.date.value == "2024-09" and not dated.note


@pytest.mark.parametrize("text", [
    "A tour bus crashed into a tree in northern Thailand, killing five passengers.",
    "A bus veered off a bridge in Guatemala City, killing 12 people.",
    "A crowd crush at a temple in India killed at least 18 people.",
])
def test_accidents_are_not_attacks(ex, text):
    _, events = read(ex, text)
    assert not [e for e in events if e.type == "ASSAULT"]


def test_an_attack_that_caused_a_crash_is_still_an_attack(ex):
    _, events = read(ex, "Russian air defences shot down the airliner with a missile, and it crashed near Aktau.")
    assert any(e.type == "ASSAULT" and e.actor == "RUS" for e in events)


# -- real-news patterns (sentences written for these tests, in the style of 2025 reports) --


def test_a_pronoun_opening_a_sentence_stands_for_the_last_subject(ex):
    _, events = read(ex, "Russian President Vladimir Putin arrived in Hanoi on Monday. He signed a trade accord with Vietnam.")
    signed = [e for e in events if e.type == "SUPPORT"][0]
    assert (signed.actor, signed.target) == ("RUS", "VNM")
    _, events = read(ex, "Poland reopened its embassy in Pyongyang. It said the staff would return in May.")
    assert all(e.actor == "POL" for e in events if e.type in ("COOPERATE", "RETREAT"))


def test_the_attack_names_the_attacker_of_a_passive_killing(ex):
    _, e = one(ex, "Four civilians were killed in a Turkish drone strike in northern Iraq.")
    assert (e.type, e.actor, e.target, e.plover_mode) == ("ASSAULT", "TUR", "IRQ", "drone")


def test_unnamed_attackers_are_coded_by_the_place_and_say_so(ex):
    _, e = one(ex, "Three people were shot dead at a market in Kano, Nigeria.")
    assert (e.type, e.actor, e.actor_text, e.plover_mode) == ("ASSAULT", "NGA", "", "firearms")
    assert "actor unnamed" in e.note
    _, events = read(ex, "Two Turkish soldiers were killed by a roadside bomb, the army said.")
    assert all(not e.actor for e in events if e.type == "ASSAULT")  # no place named: no actor guessed


@pytest.mark.parametrize(
    "text,type_,source,target",
    [
        ("Russian missiles struck Kharkiv Oblast overnight.", "ASSAULT", "RUS", "UKR"),
        ("Erdogan threatened to close the border with Syria.", "THREATEN", "TUR", "SYR"),
        ("Dock workers went on a general strike in Lagos.", "PROTEST", "NGA", "NGA"),
        ("Israeli strikes hit southern Beirut on Sunday.", "ASSAULT", "ISR", "LBN"),
        ("A court in Georgia sentenced a former minister to six years in prison.", "SANCTION", "GEO", "GEO"),
        ("Pakistan closed its land border with Afghanistan.", "SANCTION", "PAK", "AFG"),
        ("Thousands marched from Victoria Park to the government offices in Hong Kong.", "PROTEST", "HKG", "HKG"),
        ("Hungary said it would not approve the new aid package for Ukraine.", "REJECT", "HUN", "UKR"),
        ("The United States declared the Kenyan gang a terrorist organisation.", "COERCE", "USA", "KEN"),
        # the parser reads a headline verb's named object as an adverbial
        ("A court in Armenia sentences former mayor Arman Petrosyan to nine years in prison.", "SANCTION", "ARM", "ARM"),
        # a place taken is the state it lies in, the group's own when no other is named
        ("Islamist fighters captured three villages in Cabo Delgado, Mozambique.", "COERCE", "MOZ", "MOZ"),
        ("Al-Shabaab militants capture two towns in the south.", "COERCE", "SOM", "SOM"),
        # a border says where a killing is not
        ("Nine soldiers are killed in an operation near the Iranian border in Kech, Pakistan.", "ASSAULT", "PAK", "PAK"),
        # an order is the act it orders; a call to punish is an accusation
        ("The president of Ecuador ordered the army to halt all fuel exports to Peru.", "SANCTION", "ECU", "PER"),
        ("Kenya ordered the broadcaster to suspend its television station for a month.", "COERCE", "KEN", "KEN"),
        ("Lithuania called for tougher sanctions against Belarus.", "ACCUSE", "LTU", "BLR"),
        ("The minister ordered binding arbitration between Air Mali and its pilots' union in Mali.", "REQUEST", "MLI", "MLI"),
        # a court finding a breach judges whoever broke the law; a case brought, or a referral to
        # a court, accuses
        ("The International Court of Justice found that Serbia had violated its obligation to prevent genocide.", "SANCTION", "ICJ", "SRB"),
        ("The Gambia lodged an application instituting proceedings against Myanmar before the International Court of Justice.", "ACCUSE", "GMB", "MMR"),
        ("The Security Council referred the situation in Darfur to the International Criminal Court.", "ACCUSE", "UNSC", "SDN"),
        # ... but what is ordered of another state is asked of it, not done
        ("The International Court of Justice ordered Iran to release the American hostages.", "REQUEST", "ICJ", "IRN"),
        ("The European Court of Human Rights ordered Turkey to release Osman Kavala.", "REQUEST", "COE", "TUR"),
        # easing sanctions; the actor's own state qualifying them is not their target
        ("Canada lifted its Canadian sanctions on Syria.", "RETREAT", "CAN", "SYR"),
        ("Japan will lift its export ban on South Korea.", "CONCEDE", "JPN", "KOR"),
        # removal from office; what a court orders is a judgment
        ("Kenya dismissed its ambassador to Brazil.", "SANCTION", "KEN", "KEN"),
        ("A federal judge in Nigeria dismissed the lawsuit against Lagos State.", "REJECT", "NGA", "NGA"),
        ("A court in Chile orders the state oil company to pay a fine.", "SANCTION", "CHL", "CHL"),
        # a legal act's reasons name other states; its people are the state's own
        ("Poland sentences a man for spying for Russia.", "SANCTION", "POL", "POL"),
        ("Four engineers at a company in Lima, Peru, are arrested on suspicion of fraud.", "COERCE", "PER", "PER"),
        # deaths in unrest nobody is named for are a riot against the state where it happens
        ("Three people are killed during clashes between protesters and police in Nairobi, Kenya.", "PROTEST", "KEN", "KEN"),
        ("Protests erupt across Serbia after the collapse of a station roof.", "PROTEST", "SRB", "SRB"),
        # a court's ruling is a judgment; easing needs the restriction as its object
        ("The Supreme Court of Kenya rules that the former governor must serve his prison term.", "SANCTION", "KEN", "KEN"),
        ("Mali suspends visas for French citizens in response to a French travel ban.", "SANCTION", "MLI", "FRA"),
        # in a clash each side fights: the side named stands for both
        ("Five Indian soldiers and three militants are killed in a gunfight in Kupwara.", "ASSAULT", "IND", "IND"),
        # accession and joint initiatives; aid by vaccination; questioning; rewards for arrest
        ("Portugal joins the International Criminal Court.", "SUPPORT", "PRT", "ICC"),
        ("Italy joins the Belt and Road Initiative of China.", "COOPERATE", "ITA", "CHN"),
        ("UNICEF begins polio vaccinations in Gaza.", "AID", "UNO", "PSE"),
        ("The former Peruvian interior minister appears for questioning by prosecutors in Lima.", "ACCUSE", "PER", "PER"),
        ("Colombia announces a reward for information leading to the arrest of a Venezuelan general.", "THREATEN", "COL", "VEN"),
        # an intransitive verb whose subject is the event; a passive light verb
        ("Protests against the president resume across Madagascar.", "PROTEST", "MDG", "MDG"),
        ("Protests are held across Canada against the new pipeline.", "PROTEST", "CAN", "CAN"),
        # the attacker's demonym on the attack does not make the victims its own...
        ("Twelve civilians are injured in an overnight Russian drone attack.", "ASSAULT", "RUS", ""),
        # ... unless they are fighters its own forces strike
        ("Six guerrilla fighters are killed by a Peruvian army airstrike.", "ASSAULT", "PER", "PER"),
        ("Russian regulators block the messenger app Signal.", "COERCE", "RUS", "RUS"),
        ("Three countries leave the Economic Community of West African States.", "SANCTION", "", "ECOWAS"),
        ("Chad bans flights to and from Sudan.", "SANCTION", "TCD", "SDN"),
        ("The European Union announces a pause on countermeasures against Chinese steel tariffs.", "CONCEDE", "EUU", "CHN"),
        ("Finland says Russia violated its airspace over the Gulf of Finland.", "THREATEN", "RUS", "FIN"),
        ("Belgian police search the Brussels headquarters of Huawei.", "COERCE", "BEL", "CHN"),
        ("Armenia and Azerbaijan begin a prisoner exchange.", "RETREAT", "ARM", ""),
        # a verb the weather shares ("storm") is no accident
        ("Israeli troops enter the Lebanese town of Khiam and storm the town hall.", "ASSAULT", "ISR", "LBN"),
        # "by" hung on the verb of "a stabbing attack by a man"
        ("Two Israeli civilians are injured in a stabbing attack by a Palestinian man in Haifa, Israel.", "ASSAULT", "PSE", "ISR"),
        ("Three smugglers are killed in clashes between Jordanian border guards and armed groups from Syria.", "ASSAULT", "JOR", "SYR"),
        # a call to lift sanctions is no call for sanctions
        ("Iran urged the European Union to lift sanctions.", "REQUEST", "IRN", "EUU"),
        # the object's own phrase, not the clause hung on it, decides an object class
        ("Kenya's High Court dismissed the petition against the health minister.", "REJECT", "KEN", "KEN"),
        # a company is no place: the attack is where the sentence puts it
        ("Two people were killed in an attack at a Samsung factory in India.", "ASSAULT", "IND", "KOR"),
        ("Sweden joined NATO as part of a joint effort with Finland.", "SUPPORT", "SWE", "NATO"),
        # a state of emergency is the declaration's event, not the attack that led to it
        ("Peru declares a state of emergency in Lima, Peru, after protesters attacked a police station.", "COERCE", "PER", "PER"),
        # towns taken by name or by a word for a place
        ("The Malian army took Anefis from the rebels.", "COERCE", "MLI", "MLI"),
        ("Ethiopian troops liberated the town of Kombolcha.", "COERCE", "ETH", "ETH"),
        ("The Southern Transitional Council announces the capture of Seiyun.", "COERCE", "YEM", "YEM"),
        # things thrown at people are an attack; stones thrown in a demonstration, a riot
        ("A man threw a grenade at the Turkish consulate in Athens, Greece.", "ASSAULT", "GRC", "TUR"),
        ("Jordanian youths threw stones at police during the demonstrations in Amman.", "PROTEST", "JOR", "JOR"),
        ("Crowds looted the homes of two Peruvian ministers.", "PROTEST", "PER", "PER"),
        # what is intercepted decides: cargo is seized, aircraft are shadowed
        ("The Greek coast guard intercepted a Libyan vessel carrying weapons.", "COERCE", "GRC", "LBY"),
        ("Norwegian fighter jets intercepted a Russian bomber over the Barents Sea.", "MOBILIZE", "NOR", "RUS"),
        # overturning a conviction frees; overturning an acquittal convicts
        ("Brazil's Supreme Court overturned the conviction of the former governor.", "RETREAT", "BRA", "BRA"),
        ("Chile's Supreme Court overturns the acquittal of a former army general.", "SANCTION", "CHL", "CHL"),
        # deaths in a stabbing, or in the blast of a landmine, are an attack where they happen
        ("Four people were killed in a stabbing near a market in Lyon, France.", "ASSAULT", "FRA", "FRA"),
        ("Two farmers were killed by the blast of a landmine in Kidal, Mali.", "ASSAULT", "MLI", "MLI"),
        ("The Nigerien army launched a counterattack against jihadists in Tillaberi, Niger.", "ASSAULT", "NER", "NER"),
        ("The Ghanaian president issued a series of pardons.", "RETREAT", "GHA", ""),
        # people an army kills are its own when the text says so, whatever border they crossed
        ("The Pakistan Army killed 12 Pakistani Taliban fighters trying to cross the Afghanistan border.", "ASSAULT", "PAK", "PAK"),
        # a given name is no demonym
        ("Ukraine's parliament dismissed justice minister German Galushchenko.", "SANCTION", "UKR", "UKR"),
        # a blockade that names no one falls on the one other state named
        ("Dozens of children died of hunger in Gaza because of the Israeli blockade.", "COERCE", "ISR", "PSE"),
        # a title stands for its organisation unless "of" names another body; a pardon frees one's own
        ("The Egyptian president pardoned the Secretary-General of the Egyptian Social Democratic Party.", "RETREAT", "EGY", "EGY"),
        ("The Supreme Court of India acquits a former driver of all charges.", "RETREAT", "IND", "IND"),
        # a lawsuit filed is an accusation; a plural noun before a singular one is its subject
        ("The Chilean Attorney General's Office files a lawsuit against the mining company Codelco.", "ACCUSE", "CHL", "CHL"),
        ("Explosive devices detonate near a police station in Quetta, Pakistan.", "ASSAULT", "PAK", "PAK"),
        ("The Kenyan foreign minister declares the Sudanese ambassador persona non grata.", "SANCTION", "KEN", "SDN"),
        # lists: added to a terrorist list, removed from one, placed on a watchlist
        ("Russia adds a former Estonian minister to its list of terrorists and extremists.", "COERCE", "RUS", "EST"),
        ("Canada removes Cuba from its list of state sponsors of terrorism.", "SUPPORT", "CAN", "CUB"),
        ("The United States places Nigeria on its religious freedom watchlist.", "ACCUSE", "USA", "NGA"),
        # a light verb lends its subject to the noun; a law that criminalises coerces
        ("The mayor of Beijing extended the city lockdown until May.", "COERCE", "CHN", "CHN"),
        ("Georgian police used water cannon against protesters in Tbilisi.", "ASSAULT", "GEO", "GEO"),
        ("The Kenyan president announced the removal of three senior army officers.", "SANCTION", "KEN", "KEN"),
        ("The Greens announce their exit from the Austrian ruling coalition.", "SANCTION", "AUT", "AUT"),
        ("The Kenyan parliament passes a bill to criminalize online hate speech.", "COERCE", "KEN", "KEN"),
        # a headline verb taken for a noun after a place and its country
        ("A court in Minsk, Belarus, sentences opposition figure Pavel Seviarynets to seven years in prison.", "SANCTION", "BLR", "BLR"),
        # endorsing a hostile measure is taking it; endorsing an accord stays support
        ("Argentina ratifies its withdrawal from the World Health Organization.", "SANCTION", "ARG", "WHO"),
        ("The Brazilian president enacts a 30% tariff on Chinese steel.", "SANCTION", "BRA", "CHN"),
        ("The Hungarian president signs a proclamation banning entry for Russian nationals.", "COERCE", "HUN", "RUS"),
        ("Peru ratifies the free trade agreement with Chile.", "SUPPORT", "PER", "CHL"),
        # a withdrawal from a place is a retreat, from a body a sanction
        ("Burkina Faso announces its withdrawal from the International Criminal Court.", "SANCTION", "BFA", "ICC"),
        # a region named after a people or a country is its own state's
        ("British Columbia Premier David Eby announces a ban on American wine.", "COERCE", "CAN", "USA"),
        ("Gunmen abducted 20 pupils from a school in Papiri, Niger State, Nigeria.", "ASSAULT", "NGA", "NGA"),
        # the by-phrase of a passive joined to the trigger's names its actor too
        ("Three people are killed and ten others are injured by an Israeli airstrike in Tyre, Lebanon.", "ASSAULT", "ISR", "LBN"),
        # deaths in violence nobody is named for are an attack where they happen
        ("At least nine people are killed in ethnic violence in Jos, Nigeria.", "ASSAULT", "NGA", "NGA"),
        # warships and officers sent are a deployment; diplomatic officials expelled are envoys
        ("The United States is sending an aircraft carrier to the eastern Mediterranean.", "MOBILIZE", "USA", ""),
        ("Spain expels two Russian diplomatic officials.", "SANCTION", "ESP", "RUS"),
        # an order is the first act along the clauses it governs
        ("Kenya orders its banks to stop processing payments and to suspend all trade with Sudan.", "SANCTION", "KEN", "SDN"),
        ("Peru orders two Bolivian journalists to be deported.", "COERCE", "PER", "BOL"),
        # an extradition approved is judicial cooperation
        ("Spain approves the extradition of a Venezuelan banker to the United States.", "COOPERATE", "ESP", "USA"),
        # the weapon launched names its launcher; an attack named under a reporting verb keeps its own actor
        ("Twelve Iranian missiles are launched at northern Israel.", "ASSAULT", "IRN", "ISR"),
        ("The Iraqi government reports that a school was hit in Turkish airstrikes in Duhok.", "ASSAULT", "TUR", "IRQ"),
        # a country's name in the middle of a chain of places is a region; a city's in a person's name, a surname
        ("Five people are injured in a shooting near Savannah, Georgia, United States.", "ASSAULT", "USA", "USA"),
        ("The mayor, Carlos Lagos, is arrested in Puebla, Mexico.", "COERCE", "MEX", "MEX"),
        # deaths where security forces open fire during protests are an attack, not a riot
        ("Two people are killed in Tunis, Tunisia, as security forces open fire during protests.", "ASSAULT", "TUN", ""),
        ("A bomb explodes outside a police station in Peshawar, Pakistan.", "ASSAULT", "PAK", "PAK"),
        # removals from power and duty; a resignation accepted
        ("The Peruvian Congress removes the president from power.", "SANCTION", "PER", "PER"),
        ("The Constitutional Court of Thailand suspends the prime minister from duty.", "SANCTION", "THA", "THA"),
        ("The Guatemalan president accepts the resignation of three security chiefs.", "RETREAT", "GTM", ""),
        # a group that fights across borders is coded by the state it acts in, when one is named
        ("JNIM fighters attack a military post in Kwara State, Nigeria.", "ASSAULT", "NGA", "NGA"),
        ("JNIM fighters attack an army convoy near the border.", "ASSAULT", "MLI", "MLI"),
        # a car rammed into people is an attack; troops and drones entering are a deployment,
        # with street fighting an attack; a tariff entering into force is no event of its own
        ("A man rammed his car into a crowd in Leeds, England.", "ASSAULT", "GBR", "GBR"),
        ("Turkish troops and tanks enter the Syrian town of Manbij.", "MOBILIZE", "TUR", "SYR"),
        ("Three Russian drones entered Romanian airspace overnight.", "MOBILIZE", "RUS", "ROU"),
        ("Russian troops enter Kupiansk with heavy street fighting underway.", "ASSAULT", "RUS", "UKR"),
        # a measure announced is taken: restrictions on trade are a sanction, others coercion
        ("Canada announced new restrictions on imports from Belarus.", "SANCTION", "CAN", "BLR"),
        ("Hungary announced new restrictions on the press.", "COERCE", "HUN", "HUN"),
        ("Japan announced a new set of tariff rates on steel from Vietnam.", "SANCTION", "JPN", "VNM"),
        ("The Norwegian government announced $200 million in funding for Sudan.", "AID", "NOR", "SDN"),
        # a critic or supporter is one only when the sentence says someone is one
        ("Poland has been a strong supporter of the Ukrainian government.", "SUPPORT", "POL", "UKR"),
        ("The Czech president is an outspoken critic of the Hungarian government.", "ACCUSE", "CZE", "HUN"),
        # a weapons test is a show of force (MOBILIZE weapons), whichever word says it
        ("North Korea carried out its first nuclear test on Monday.", "MOBILIZE", "PRK", ""),
        ("Iran conducted a missile test on Sunday.", "MOBILIZE", "IRN", ""),
        # finalizing an agreement is the codebook's SUPPORT; reaching one is AGREE
        ("Peru finalized a trade agreement with Indonesia on Monday.", "SUPPORT", "PER", "IDN"),
        ("Peru reached a trade agreement with Indonesia on Monday.", "SUPPORT", "PER", "IDN"),
        # people, parties and state bodies the gazetteer lists stand for their state
        ("Likud accused Hezbollah of firing rockets.", "ACCUSE", "ISR", "LBN"),
        ("Mitsotakis criticised the Turkish plan.", "ACCUSE", "GRC", "TUR"),
        ("The Bundestag condemned the Russian strike.", "ACCUSE", "DEU", "RUS"),
    ],
)
def test_patterns_of_real_news(ex, text, type_, source, target):
    _, e = one(ex, text)
    assert (e.type, e.actor, e.target) == (type_, source, target)


def test_a_statement_is_an_act_only_when_its_words_make_it_one(ex):
    # criticism is an accusation, "should" a demand; a plain statement is no event
    _, accusation = one(ex, '"The government treats the rule of law with contempt," said the Kenyan opposition leader.')
    assert (accusation.type, accusation.plover_mode, accusation.actor) == ("ACCUSE", "disapprove", "KEN")
    assert "a statement" in accusation.note
    _, demand = one(ex, "The French foreign minister said Iran should stop its enrichment programme.")
    assert (demand.type, demand.actor, demand.target) == ("REQUEST", "FRA", "IRN")
    assert read(ex, "The Spanish minister said the weather was fine.")[1] == []
    _, reply = one(ex, "The Hungarian foreign minister responded that the ruling was a disgrace.")
    assert (reply.type, reply.actor) == ("ACCUSE", "HUN")
    # naming something in words of praise supports it; in words of blame accuses it
    _, praise = one(ex, "The Czech president called the Polish decision a historic and courageous step.")
    assert (praise.type, praise.actor, praise.target) == ("SUPPORT", "CZE", "POL")
    _, blame = one(ex, "The Czech president called the Polish decision a historic failure.")
    assert (blame.type, blame.actor) == ("ACCUSE", "CZE")
    # thanks and congratulations in a statement are praise; "pleased" about the weather is not
    _, thanks = one(ex, "Indian Prime Minister Narendra Modi said he was grateful to Japan for its help after the floods.")
    assert (thanks.type, thanks.actor, thanks.target) == ("SUPPORT", "IND", "JPN")
    _, thanks = one(ex, "The mayor of Kyiv thanked Polish firefighters for their courage.")
    assert (thanks.type, thanks.actor, thanks.target) == ("SUPPORT", "UKR", "POL")
    assert read(ex, "The Spanish minister said he was pleased that the rain had stopped.")[1] == []
    # an attack on a plan or an inquiry is words, not force
    _, words = one(ex, "The Polish prime minister attacked the German plan as reckless.")
    assert (words.type, words.plover_mode, words.actor, words.target) == ("ACCUSE", "disapprove", "POL", "DEU")
    _, words = one(ex, "On television the Turkish president attacked the American proclamation on the Golan Heights.")
    assert (words.type, words.actor, words.target) == ("ACCUSE", "TUR", "USA")
    # an act in the sentence keeps its own type: the statement step adds nothing to it
    _, act = one(ex, "The French president said Russia illegally expelled two French diplomats.")
    assert act.type == "SANCTION"
    # speaking about an event already known ("the attack") is the news; a new act is not
    _, verdict = one(ex, "The Chilean foreign ministry described the raid as an illegal act against its embassy.")
    assert (verdict.type, verdict.plover_mode, verdict.actor) == ("ACCUSE", "disapprove", "CHL")
    _, blame = one(ex, "A Kenyan minister attributed the explosion to Somali militants.")
    assert (blame.type, blame.plover_mode, blame.actor, blame.target) == ("ACCUSE", "allege", "KEN", "SOM")
    _, involved = one(ex, "The Moldovan president said Russian agents were behind the riots.")
    assert (involved.type, involved.actor, involved.target) == ("ACCUSE", "MDA", "RUS")
    _, involved = one(ex, "The Georgian foreign minister said the blackout was likely Russia's doing.")
    assert (involved.type, involved.plover_mode, involved.actor, involved.target) == ("ACCUSE", "allege", "GEO", "RUS")
    _, against = one(ex, "The Iraqi prime minister spoke out against the American strike.")
    assert (against.type, against.actor, against.target) == ("ACCUSE", "IRQ", "USA")
    assert one(ex, "The Chilean foreign ministry said a raid on its embassy was illegal.")[1].type == "ASSAULT"
    assert read(ex, "A Belarusian critic of the president was seen in Vilnius.")[1] == []


def test_an_article_places_the_actors_its_sentences_leave_unplaced(ex):
    # the police and the unnamed gunmen of a later sentence act in the state named before
    _, events = read(ex, "A fire broke out at a hotel in Cheltenham, England, on Monday. "
                         "Police arrested a 36-year-old man on suspicion of arson.")
    arrest = next(e for e in events if e.type == "COERCE")
    assert (arrest.actor, arrest.target) == ("GBR", "GBR") and "placed by the article" in arrest.note
    _, events = read(ex, "Protests continued in Nairobi, Kenya, on Tuesday. Two people were shot dead near the parliament.")
    assert any(e.type == "ASSAULT" and e.actor == "KEN" for e in events)
    # a person's name alone is not placed; nor is anyone alone, or after a sentence naming several states
    _, events = read(ex, "Elections were held in Peru on Sunday. Maria Lopez criticised the new law on Monday.")
    assert not any(e.actor == "PER" and "placed by the article" in e.note for e in events)
    assert read(ex, "Police arrested a 36-year-old man on suspicion of arson.")[1] == []
    _, events = read(ex, "Talks between Russia and Ukraine began in Istanbul, Turkey. Police detained two protesters.")
    assert not any(e.type == "COERCE" and e.actor for e in events)


def test_a_measure_entering_into_force_is_no_deployment(ex):
    _, events = read(ex, "A 25% tariff on Canadian steel enters into force.")
    assert all(e.type != "MOBILIZE" for e in events)


def test_a_ceasefire_reached_is_an_agreement_declared_a_concession_and_in_effect_a_retreat(ex):
    # the codebook: a declared ceasefire is CONCEDE, one carried out RETREAT
    _, e = one(ex, "Qatar announced that a ceasefire had been reached between Sudan and South Sudan.")
    assert e.type == "AGREE"
    _, e = one(ex, "The rebels declared a unilateral ceasefire in the north of Mali on Friday.")
    assert e.type == "CONCEDE"
    _, events = read(ex, "The truce between Armenia and Azerbaijan took effect at midnight.")
    assert any((e.type, e.plover_mode) == ("RETREAT", "ceasefire") for e in events)


@pytest.mark.parametrize(
    "text,type_,mode,source,target",
    [
        # who removes a leader decides between a coup and a sanction
        ("The Nigerien army said it had removed the president from power.", "COERCE", "seize", "NER", None),
        ("Peru's Congress voted to remove President Martin Vizcarra.", "SANCTION", "expel", "PER", None),
        ("The Mongolian prime minister was ousted by parliament on Tuesday.", "SANCTION", None, "MNG", None),
        ("Brazil's Supreme Court upheld the impeachment of the president.", "SANCTION", "convict", None, None),
        # force shown, given on request or returned is no attack
        ("North Korea fired two ballistic missiles into the sea off its east coast.", "MOBILIZE", "weapons", "PRK", None),
        ("Fijian troops arrived in Vanuatu at the request of its government to restore order.", "AID", None, "FJI", "VUT"),
        ("Two thousand Turkish soldiers arrived in Qatar on Sunday.", "MOBILIZE", "troops", "TUR", None),
        ("The Spanish prime minister arrived in Rabat for talks with the Moroccan king.", "CONSULT", None, "ESP", None),
        ("Portugal handed Macau back to China in 1999.", "RETREAT", "return", "PRT", "CHN"),
        # a measure given up; an act named as what was ordered
        ("The Chilean president withdrew the contested pension reform after weeks of protests.", "RETREAT", None, "CHL", None),
        ("The Peruvian government dropped its plan to raise fuel taxes.", "RETREAT", None, "PER", None),
        ("The Sudanese president ordered a military offensive against rebels in Darfur.", "ASSAULT", None, "SDN", None),
        # support or dismay expressed is the act
        ("The Japanese foreign minister expressed support for the Philippine position.", "SUPPORT", None, "JPN", "PHL"),
        ("The German chancellor voiced concern over Turkey's arrests of journalists.", "ACCUSE", "disapprove", "DEU", "TUR"),
        # rights taken from people are coercion; a company's licence is commerce
        ("The United States revoked the visas of several Nicaraguan officials.", "COERCE", "restrict", "USA", "NIC"),
        ("The Thai army chief suspended the constitution on Thursday.", "COERCE", None, "THA", None),
        ("Ghana cancelled the licence of a Chinese mining company.", "SANCTION", None, None, None),
        # supporters storming a parliament riot; gunmen storming a hotel attack
        ("Supporters of the former Georgian president stormed the parliament in Tbilisi.", "PROTEST", "riot", "GEO", None),
        ("Gunmen stormed a hotel in Mogadishu, killing 12 people.", "ASSAULT", None, None, None),
        ("Russia fired two ballistic missiles at the port of Odesa.", "ASSAULT", None, None, None),
        # an agreement closed is support, a ceasefire agreed a promise; a deal struck is no strike
        ("The presidents of Serbia and Croatia initialled a peace agreement in Dayton.", "SUPPORT", None, "SRB", None),
        ("Israel and Hamas reached a ceasefire agreement on Monday.", "AGREE", None, "ISR", None),
        ("Kenya struck a trade deal with Uganda on Friday.", "SUPPORT", None, "KEN", "UGA"),
        # leaving: a body is quit, a country left by troops or a fallen ruler is a retreat, and
        # "ending" a span of years sanctions no one
        ("Burkina Faso quit ECOWAS on Sunday.", "SANCTION", "withdraw", "BFA", None),
        ("The last Cuban soldiers left Angola on Tuesday, ending 16 years of military presence.", "RETREAT", "withdraw", "CUB", "AGO"),
        ("The Haitian president fled the country on Friday, ending 30 years in power.", "RETREAT", "withdraw", "HTI", None),
        # an attack owned, a ship sunk, crowds fired on as a protest is crushed
        ("The Shabaab claimed responsibility for Saturday's assault on a hotel in Nairobi.", "ASSAULT", None, None, None),
        ("Israel said Hamas bears responsibility for the attack.", "ACCUSE", "allege", "ISR", "PSE"),
        ("The minister admitted that French agents sank the Greenpeace ship Rainbow Warrior in Auckland harbour.", "ASSAULT", "destroy", "FRA", None),
        ("Police in Yangon fired tear gas at monks as the junta moved to crush the protests.", "ASSAULT", "crowd-control", "MMR", None),
        # a participle the parser takes for the root only sets the scene
        ("West African leaders meeting in Accra on Sunday suspended Mali from ECOWAS.", "SANCTION", None, None, "MLI"),
    ],
)
def test_conventions_where_gold_sets_differ(ex, text, type_, mode, source, target):
    # None: that field is not what the sentence is here to check
    _, e = one(ex, text)
    expected = [type_, mode, source, target]
    got = [e.type, e.plover_mode, e.actor, e.target]
    assert [g if w is not None else None for w, g in zip(expected, got)] == expected


def test_a_company_takes_its_home_state_and_matches_only_as_written(ex):
    _, e = one(ex, "The Brazilian competition authority fined Huawei for price fixing.")
    assert (e.type, e.actor, e.target, e.target_text) == ("SANCTION", "BRA", "CHN", "Huawei")
    # a platform blocked by a state: the censorship is aimed at that state's own people
    _, e = one(ex, "Turkish authorities blocked access to WhatsApp during the protests.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("COERCE", "censor", "TUR", "TUR")
    # a company's name that is also a word matches only with its capital
    doc = ex.nlp("Farmers in Poland protested against cheap apple imports.")
    assert [m.code for m in ex.actors(doc)] == ["POL"]


def test_an_attack_that_names_no_target_hits_the_one_other_state_named(ex):
    _, events = read(ex, "Hezbollah confirmed the death of a commander in an Israeli airstrike.")
    e = next(e for e in events if e.type == "ASSAULT")
    assert (e.actor, e.target) == ("ISR", "LBN")
    assert "one other state" in e.note
    # "in U.S. airstrikes" says who attacks, not where: the victims are where the strikes hit
    _, e = one(ex, "Twelve people are killed in U.S. airstrikes targeting Houthi positions in Hodeidah, Yemen.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "USA", "YEM")


def test_coercion_that_names_no_one_falls_on_the_actors_own_state(ex):
    _, e = one(ex, "The Hungarian parliament voted to ban Pride marches.")
    assert (e.type, e.actor, e.target) == ("COERCE", "HUN", "HUN")
    assert "own state" in e.note


def test_a_place_named_with_its_country_is_in_that_country(ex):
    doc = ex.nlp("Shelling hit Tripoli, Lebanon, on Sunday. Quebec sent doctors.")
    assert [(m.text, m.code) for m in ex.actors(doc)] == [("Tripoli", "LBN"), ("Lebanon", "LBN"), ("Quebec", "CAN")]
    # a list of places is no place and its country
    doc = ex.nlp("Israel has carried out strikes in Gaza, Lebanon, Syria and Iran.")
    assert [m.code for m in ex.actors(doc)] == ["ISR", "PSE", "LBN", "SYR", "IRN"]
    doc = ex.nlp("Clashes broke out in Tripoli.")
    assert [(m.text, m.code) for m in ex.actors(doc)] == [("Tripoli", "LBY")]


def test_protesters_clashing_with_another_states_forces(ex):
    _, e = one(ex, "Nine people are injured as Armenian protesters clash with Azerbaijani border guards.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("PROTEST", "riot", "ARM", "AZE")


def test_a_resignation_has_no_target_and_a_company_is_no_place(ex):
    _, e = one(ex, "The governor of Puerto Rico announced his resignation in a video to the U.S. territory.")
    assert (e.type, e.plover_mode, e.target) == ("RETREAT", "resign", "")
    # protesters named by no state are not placed by a company the sentence mentions
    _, events = read(ex, "Protesters called for the governor to resign over messages sent on Telegram.")
    assert all(e.actor != "ARE" for e in events)


def test_weather_and_launches_are_not_attacks(ex):
    for text in ("At least 36 people are killed in heavy rain and snowstorms in China.",
                 "Blue Origin launches its New Glenn rocket from Florida, United States."):
        _, events = read(ex, text)
        assert not [e for e in events if e.type == "ASSAULT"], text


def test_attackers_among_the_dead_resignations_and_noun_bans(ex):
    _, e = one(ex, "Three people, including a suicide bomber, are killed near a market in Maiduguri, Nigeria.")
    assert (e.type, e.actor) == ("ASSAULT", "NGA")
    _, e = one(ex, "The new prime minister unexpectedly resigns as Prime Minister of Nepal after two days.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("RETREAT", "resign", "NPL", "")
    _, e = one(ex, "The Turkish trade ministry announces a complete export ban of steel to Israel.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "TUR", "ISR")


def test_a_headline_noun_with_a_subject_is_a_verb_and_accession_by_becoming_a_member(ex):
    _, e = one(ex, "Egypt and Jordan meet in Amman to discuss the border.")
    assert (e.type, e.actor) == ("CONSULT", "EGY")
    _, e = one(ex, "Timor-Leste becomes the eleventh member state of the Association of Southeast Asian Nations.")
    assert (e.type, e.actor) == ("SUPPORT", "TLS")
    # "cartel members" who left a bomb did not leave an organisation
    _, events = read(ex, "A bomb left by cartel members explodes in Reynosa, Mexico.")
    assert not [e for e in events if e.type == "SANCTION"]


def test_a_place_in_a_chain_of_places_is_in_the_last_country_named(ex):
    doc = ex.nlp("Four people are shot at a bar in Saint Helena Island, South Carolina, United States.")
    assert {m.code for m in ex.actors(doc)} == {"USA"}
    doc = ex.nlp("Protesters gather in Atlanta, Georgia, United States.")
    assert ex.actors(doc)[0].code == "USA"


def test_a_states_forces_striking_unplaced_groups_strike_at_home(ex):
    _, e = one(ex, "Haitian police kill seven gang members during an operation.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "HTI", "HTI")
    _, e = one(ex, "The Bangladeshi army fights supporters of the former ruling party in Gopalganj.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "BGD", "BGD")


def test_the_clause_before_a_subordinate_root_is_the_main_one(ex):
    # the small model hangs "struck ..." on "refused" as its complement; "after" says which is main
    text = ("French warplanes and drones struck targets across northern Mali on Sunday night, the first raids "
            "of the campaign, after the rebel leader refused to accept a peace deal.")
    _, e = one(ex, text)
    assert (e.type, e.actor) == ("ASSAULT", "FRA")


def test_the_lead_clause_tells_the_main_event_and_later_clauses_keep_their_actors(ex):
    # a headline's clause before the semicolon is its news; the parser hangs it on the second
    _, e = one(ex, "Ethiopia invades Eritrea; African Union demands pullout")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "ETH", "ERI")
    # the clause joined after, with its own subject, is what followed; its actor is no target of the lead
    doc, events = read(ex, "Turkish troops swept into northern Syria on Wednesday, and the Arab League condemned the incursion.")
    lead = max(events, key=lambda e: e.confidence)
    assert (lead.type, lead.actor, lead.target) == ("ASSAULT", "TUR", "SYR")
    assert any(e.type == "ACCUSE" and e.actor == "ARL" for e in events)
    # a force moving in with fighting attacks; marchers with no force protest
    _, e = one(ex, "Rwandan troops crossed into Uganda amid heavy fighting on Monday.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "RWA", "UGA")
    _, e = one(ex, "Thousands of Georgians marched through Tbilisi against a foreign agents law.")
    assert e.type == "PROTEST"


def test_a_ruler_fleeing_the_country_retreats_but_refugees_make_no_event(ex):
    _, e = one(ex, "Viktor Yanukovych flees Ukraine as protesters take over government buildings")
    assert (e.type, e.plover_mode, e.actor) == ("RETREAT", "withdraw", "UKR")
    _, events = read(ex, "Thousands of refugees fled Syria last year.")
    assert not [e for e in events if e.type == "RETREAT"]


def test_a_city_places_an_event_only_where_the_sentence_names_no_state(ex):
    # a town the sentence names alone stands for its state, as a place
    _, e = one(ex, "Police fired on protesters in Soweto on Monday, killing six.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "ZAF", "ZAF")
    # a state named beside it wins: "Bari" is also a region of Somalia
    doc = ex.nlp("Puntland forces captured a militant base in Bari.")
    assert {m.code for m in ex.actors(doc)} == {"SOM"}
    # a person who bears a city's name is no place
    doc = ex.nlp("Florence Nightingale wrote to the minister.")
    assert ex.actors(doc) == []


def test_every_shipped_city_names_a_known_state_and_its_geonames_source():
    import csv
    from importlib import resources

    from legation.reference.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    with (resources.files("legation.reference") / "data" / "cities.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 20000
    assert all(gaz.get(r["code"]) is not None and r["geonameid"].isdigit() for r in rows)


def test_hostage_taking_is_an_abduction_and_a_coup_takes_the_government(ex):
    _, e = one(ex, "Gunmen seized a school in Kano on Friday, taking 300 pupils hostage.")
    assert (e.type, e.plover_mode) == ("ASSAULT", "abduct")
    _, e = one(ex, "Police seized two tonnes of cocaine in Rotterdam.")
    assert (e.type, e.plover_mode) == ("COERCE", "seize")
    _, e = one(ex, "Gabon's army said on Wednesday it had taken custody of President Ali Bongo.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("COERCE", "arrest", "GAB", "GAB")
    _, e = one(ex, "Guinea's special forces commander said on Sunday he had taken over the government.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "GIN")
    _, events = read(ex, "Vodafone took over Mannesmann in 2000.")
    assert not events


def test_a_wire_dateline_is_a_line_of_its_own_and_no_actor_of_the_lead(ex):
    text = "WASHINGTON (Reuters) - Poland expelled two Russian diplomats on Tuesday, the foreign ministry said."
    doc = ex.nlp(text)
    assert [s.text for s in doc.sents][0] == "WASHINGTON (Reuters) -"
    _, e = one(ex, text)
    assert (e.type, e.actor, e.target) == ("SANCTION", "POL", "RUS")
    _, e = one(ex, "BEIJING, March 3 (Xinhua) -- China lodged solemn representations with Japan over the visit.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("ACCUSE", "disapprove", "CHN", "JPN")
    # a dash inside a sentence is no dateline
    assert len(list(ex.nlp("Poland expelled two Russian diplomats - a rare move.").sents)) == 1


def test_a_states_diplomatic_protest_is_disapproval_and_a_crowds_is_a_protest(ex):
    _, e = one(ex, "Chile lodged a formal protest with Britain over the arrest of Pinochet.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("ACCUSE", "disapprove", "CHL", "GBR")
    _, e = one(ex, "Thousands protested in Belgrade against the government.")
    assert (e.type, e.actor) == ("PROTEST", "SRB")
    _, e = one(ex, "Saudi Arabia reiterated its support for Yemen's government.")
    assert (e.type, e.actor, e.target) == ("SUPPORT", "SAU", "YEM")


def test_ties_set_up_or_restored_are_support_even_when_promised(ex):
    _, e = one(ex, "Britain and Argentina agreed on Thursday to restore full diplomatic relations.")
    assert (e.type, e.actor) == ("SUPPORT", "GBR")
    e, = (e for e in read(ex, "The United States would normalise relations with Vietnam, Clinton said.")[1] if e.type != "ACCUSE")
    assert (e.type, e.actor, e.target) == ("SUPPORT", "USA", "VNM")
    # an agreement to do something else stays a promise
    _, e = one(ex, "Iran and Iraq agreed to exchange prisoners of war.")
    assert e.type == "AGREE"
    # ties broken, envoys recalled and missions closed curtail diplomatic exchanges
    _, e = one(ex, "Ecuador broke off diplomatic relations with Colombia on Monday.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "discontinue", "ECU", "COL")
    _, e = one(ex, "Canada closed its embassy in Tehran.")
    assert (e.type, e.plover_mode, e.subtype) == ("SANCTION", "discontinue", "mission_closed")


def test_people_ordered_out_are_expelled_but_a_states_own_are_pulled_out(ex):
    _, e = one(ex, "Britain on Friday ordered 90 Soviet officials to leave the country.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "expel", "GBR", "RUS")
    _, e = one(ex, "The Congolese government ordered Rwanda's ambassador to leave the country within 48 hours.")
    assert (e.type, e.subtype, e.actor, e.target) == ("SANCTION", "envoy_expelled", "COD", "RWA")
    # a Commonwealth state's envoy is its High Commissioner; what a retaliation is done by is the act
    _, e = one(ex, "Pakistan expelled India's High Commissioner on Wednesday.")
    assert (e.type, e.subtype, e.actor, e.target) == ("SANCTION", "envoy_expelled", "PAK", "IND")
    _, e = one(ex, "Moscow retaliated by ordering 23 British diplomats to leave Russia.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "expel", "RUS", "GBR")
    assert all(e.subtype != "envoy_expelled" for e in read(ex, "Kenya appointed a new police commissioner.")[1])
    for text in ("Russia ordered its diplomats to leave Kabul.",
                 "The administration ordered 2,000 troops from the National Guard to leave Los Angeles."):
        assert all(e.plover_mode != "expel" for e in read(ex, text)[1]), text


def test_forces_sent_for_blame_laid_and_other_acts_of_state(ex):
    # forces a government asks for come as aid
    _, e = one(ex, "US Marines landed near Beirut on Tuesday at the request of President Chamoun of Lebanon.")
    assert (e.type, e.actor, e.target) == ("AID", "USA", "LBN")
    _, e = one(ex, "US Marines landed near Beirut on Tuesday.")
    assert e.type == "MOBILIZE"
    _, e = one(ex, "Iran holds the Taliban responsible for the safety of its diplomats in Afghanistan.")
    assert (e.type, e.plover_mode, e.actor) == ("ACCUSE", "allege", "IRN")
    _, e = one(ex, "Egypt nationalised the Suez Canal Company on Thursday.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "EGY")
    _, e = one(ex, "Burma withdrew its recognition of North Korea.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "discontinue", "MMR", "PRK")
    _, e = one(ex, "The Soviet Foreign Ministry handed a note of protest to the Chinese embassy in Moscow.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("ACCUSE", "disapprove", "RUS", "CHN")
    _, e = one(ex, "Pakistan's commander signed the instrument of surrender before India's generals.")
    assert (e.type, e.plover_mode) == ("RETREAT", "disarm")
    # an army removing a president is a coup; forces moving in and attacking, an assault
    _, e = one(ex, "Sudan's army said it had removed President Omar al-Bashir.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "SDN")
    _, e = one(ex, "Iraqi troops rolled into Kuwait before dawn and attacked the emir's palace.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "IRQ", "KWT")
    # ... but not when the attack is another subject's word
    _, e = one(ex, "Indonesian marines landed near Dili, and Portugal broke off relations over the invasion.")
    assert (e.type, e.actor) == ("MOBILIZE", "IDN")
    # forces moving into another state, or rebels into its capital, attack it; forces sent to
    # help, ships straying into waters and troops entering a town in a war under way do not
    for text, expected in (
        ("Iraqi troops and tanks crossed into Kuwait before dawn.", ("ASSAULT", "IRQ", "KWT")),
        ("Argentine forces landed on the Falkland Islands on Friday.", ("ASSAULT", "ARG", "GBR")),
        ("Rebel forces have entered Damascus.", ("ASSAULT", "SYR", "SYR")),
        ("Ethiopian troops backing Somalia's government entered Mogadishu.", ("MOBILIZE", "ETH", "SOM")),
        ("A Chinese submarine entered Japanese territorial waters.", ("MOBILIZE", "CHN", "JPN")),
        ("Israeli troops and tanks enter Deir al-Balah in central Gaza.", ("MOBILIZE", "ISR", "PSE")),
        ("The Syrian army entered Damascus.", ("MOBILIZE", "SYR", "SYR")),
        ("India moved armoured divisions closer to its frontier with Pakistan on Monday.", ("MOBILIZE", "IND", "PAK")),
    ):
        _, e = one(ex, text)
        assert (e.type, e.actor, e.target) == expected, text
    # a word that only qualifies another ("a lightning sweep") is no accident that would undo the act
    _, e = one(ex, "Taliban fighters entered Kabul as the insurgents completed a lightning sweep across the country.")
    assert (e.type, e.actor) == ("ASSAULT", "AFG")
    # a border sealed is a restriction; a deal sealed is not
    _, e = one(ex, "East German police and soldiers sealed the border between East and West Berlin.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("COERCE", "restrict", "DEU", "DEU")
    assert all(e.type != "COERCE" for e in read(ex, "Japan and India sealed a trade deal.")[1])
    # states that are gone take the code of the state that continues them
    _, e = one(ex, "Czechoslovak police arrested two journalists from the GDR.")
    assert (e.actor, e.target) == ("CZE", "DEU")


def test_a_member_admitted_is_approved_and_a_confession_is_no_admission(ex):
    _, e = one(ex, "The General Assembly admitted Israel as the 59th member of the United Nations.")
    assert (e.type, e.actor, e.target) == ("SUPPORT", "UNO", "ISR")
    _, e = one(ex, "Switzerland was admitted to the United Nations as its 190th member state by acclamation of the General Assembly.")
    assert (e.type, e.actor, e.target) == ("SUPPORT", "UNO", "CHE")
    _, e = one(ex, "Prime Minister Laurent Fabius admitted that French agents sank the Greenpeace ship in Auckland harbour.")
    assert (e.type, e.actor) == ("ASSAULT", "FRA")
    _, e = one(ex, "The General Assembly adopted a resolution affirming the territorial integrity of Ukraine.")
    assert (e.type, e.actor, e.target) == ("SUPPORT", "UNO", "UKR")


def test_leaders_of_the_past_stand_for_their_states_and_a_leader_arriving_abroad_visits(ex):
    _, e = one(ex, "President Gamal Abdel Nasser announced the nationalisation of the Suez Canal Company.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "EGY")
    # a surname that is also the name of a town in the leader's own state reads as that state
    _, e = one(ex, "President Clinton imposed sweeping economic sanctions on India on Wednesday.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "USA", "IND")
    _, e = one(ex, "President Nixon has arrived in Peking and been greeted at the airport by Prime Minister Chou En-lai.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("CONSULT", "visit", "USA", "CHN")
    # a leader at home visits no one; refugees arriving are no visitors; Molotov's cocktail is no Soviet act
    assert read(ex, "President Trump arrived in Texas on Sunday.")[1] == []
    assert all(e.type != "CONSULT" for e in read(ex, "Refugees arrived in Greece, the minister said.")[1])
    _, e = one(ex, "A man threw a Molotov cocktail at the consulate of Venezuela in Lisbon, Portugal.")
    assert e.actor != "RUS"


def test_a_mediator_is_neither_party(ex):
    _, e = one(ex, "Saudi Arabia and Iran have agreed to restore diplomatic relations, in a deal brokered by China in Beijing.")
    assert e.actor == "SAU" and e.target != "CHN"
    _, e = one(ex, "Egypt brokered a truce between Israel and Hamas.")
    assert (e.actor, e.target) == ("EGY", "ISR")


def test_annexation_accession_and_weapons_tests_read_from_their_own_words(ex):
    # a treaty that takes land is the taking; one that bans something binds its signers
    _, e = one(ex, "President Putin signed a treaty on Tuesday formally annexing Crimea.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "RUS")
    _, e = one(ex, "The Soviet Union, the United States and Britain signed a treaty banning nuclear tests in the atmosphere.")
    assert e.type == "SUPPORT"
    # asking to join is a request; joining is not
    _, e = one(ex, "Finland and Sweden formally handed in their applications to join NATO on Wednesday.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("REQUEST", "assist", "FIN", "NATO")
    _, e = one(ex, "Finland formally joined NATO on Tuesday.")
    assert e.type != "REQUEST"
    # a nuclear device set off is a weapons test, not a bombing
    _, e = one(ex, "France set off a nuclear device under Mururoa atoll on Tuesday.")
    assert (e.type, e.plover_mode, e.actor) == ("MOBILIZE", "weapons", "FRA")
    # a person's name lends no word to a class: "Bill" is no bill signed
    _, e = one(ex, "Jordan and Israel signed a peace treaty in the presence of President Bill Clinton.")
    assert (e.type, e.actor) == ("SUPPORT", "JOR")


def test_forces_crossing_a_border_attack_and_a_later_clause_tells_its_own_act(ex):
    # where forces come from is no target; a border crossed names whose it is
    _, e = one(ex, "American and British forces crossed from Kuwait into southern Iraq on Thursday.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "USA", "IRQ")
    _, e = one(ex, "Russian troops poured across Ukraine's borders on February 24th.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "RUS", "UKR")
    # guerrillas are armed men too: entering the capital, they take it
    _, e = one(ex, "Fidel Castro's bearded guerrillas entered Havana this week to jubilant crowds.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "CUB", "CUB")
    # fighting told in the trigger's own clause makes an entry an attack ...
    _, e = one(ex, "M23 rebels enter Walikale after overrunning Congolese Army positions north of the town.")
    assert e.type == "ASSAULT"
    # ... but not when another subject's clause tells it, nor does a UN named there escort anyone
    _, e = one(ex, "Rebel forces crossed into Guatemala from Honduras on Friday, and the government accused Honduras of aiding the invasion.")
    assert e.type == "MOBILIZE"
    _, e = one(ex, "Iraqi troops swept into Kuwait before dawn, and the UN Security Council demanded an immediate withdrawal.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "IRQ", "KWT")


def test_measures_against_trade_are_sanctions_and_loans_are_aid(ex):
    # controls and bars on what is sold are cuts in exchanges, not bans on people
    _, e = one(ex, "The US Commerce Department unveiled sweeping export controls restricting sales of advanced chips to China.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "discontinue", "USA", "CHN")
    _, e = one(ex, "President Reagan invoked emergency powers to bar US companies from making payments to the Panamanian government.")
    assert (e.type, e.plover_mode) == ("SANCTION", "discontinue")
    _, e = one(ex, "Canada banned the Irish band Kneecap from entering the country.")
    assert (e.type, e.plover_mode) == ("COERCE", "ban")
    # a measure said to be coming is decided; force said to be coming is a threat
    _, e = one(ex, "China said on Monday it would impose duties of 80.5 percent on Australian barley.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "CHN", "AUS")
    _, e = one(ex, "NATO confirmed on Wednesday it would tighten the naval blockade of Serbia.")
    assert e.type == "THREATEN"
    # the parser may make "trade" the object of "impose a trade and financial embargo"
    _, e = one(ex, "The UN Security Council voted to impose a sweeping trade and financial embargo on Iraq.")
    assert (e.type, e.target) == ("SANCTION", "IRQ")
    # approving or agreeing a loan is the loan, given by its lender
    _, e = one(ex, "The IMF's executive board on Wednesday approved a $1.3 billion loan for Zambia.")
    assert (e.type, e.actor, e.target) == ("AID", "IMF", "ZMB")
    _, e = one(ex, "Pakistan agreed a $7.6bn loan from the IMF to avert a balance-of-payments crisis.")
    assert (e.type, e.actor, e.target) == ("AID", "IMF", "PAK")


def test_joining_a_trade_body_is_economic_cooperation(ex):
    _, e = one(ex, "China formally joined the World Trade Organisation this week after 15 years of negotiation.")
    assert (e.type, e.actor, e.target) == ("COOPERATE", "CHN", "WTO")
    _, e = one(ex, "Britain, Ireland and Denmark formally joined the European Economic Community on Monday.")
    assert (e.type, e.target) == ("COOPERATE", "EUU")
    _, e = one(ex, "Finland formally joined NATO on Tuesday.")
    assert e.type == "SUPPORT"


def test_independence_and_handovers_are_the_rulers_withdrawal(ex):
    _, e = one(ex, "Papua New Guinea became independent from Australia on Tuesday.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("RETREAT", "withdraw", "AUS", "PNG")
    _, e = one(ex, "Ghana's independence, celebrated in Accra this week, makes it the first colony in black Africa to throw off British rule.")
    assert (e.type, e.actor, e.target) == ("RETREAT", "GBR", "GHA")
    _, e = one(ex, "Nigeria formally handed over the Bakassi peninsula to Cameroon at a ceremony in Calabar.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("RETREAT", "withdraw", "NGA", "CMR")
    _, e = one(ex, "Hamas hands over the 20 remaining living Israeli hostages to the Red Cross.")
    assert (e.type, e.plover_mode, e.actor) == ("RETREAT", "release", "PSE")
    # a referendum on independence, or a note handed over about an island, is no handover
    assert all(e.type != "RETREAT" for e in read(ex, "Scotland will hold an independence referendum next year.")[1])
    _, e = one(ex, "The Soviet Foreign Ministry handed a note of protest to the Chinese embassy over a clash on Damansky Island.")
    assert e.type == "ACCUSE"


def test_a_nuclear_bomb_exploded_is_a_weapons_test_and_a_law_nationalising_takes(ex):
    _, e = one(ex, "China exploded its first atomic bomb at Lop Nur last week.")
    assert (e.type, e.plover_mode, e.actor) == ("MOBILIZE", "weapons", "CHN")
    _, e = one(ex, "Chile's Congress unanimously approved a constitutional amendment nationalising the big copper mines owned by US groups.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "CHL")
    _, e = one(ex, "Algeria's President Houari Boumediene announced the takeover of 51 per cent of French oil concessions in the country.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("COERCE", "seize", "DZA", "FRA")
    # a bill or a letter sent is no aid
    assert all(e.type != "AID" for e in read(ex, "Senator Smith sent a letter to the Foreign Minister of Chile on Monday.")[1])


def test_disarmament_compensation_and_leave_promised_are_concessions(ex):
    _, e = one(ex, "Libya's Colonel Qaddafi has agreed to give up his programmes for weapons of mass destruction.")
    assert (e.type, e.actor) == ("CONCEDE", "LBY")
    _, e = one(ex, "The British government agreed to pay compensation of nearly 20 million pounds to more than 5,000 Kenyans.")
    assert (e.type, e.actor, e.target) == ("CONCEDE", "GBR", "KEN")
    # compensation paid is a transfer made
    _, e = one(ex, "New Zealand has paid NZ$6 million in compensation to Samoa over the sinking of a navy ship.")
    assert (e.type, e.actor, e.target) == ("AID", "NZL", "WSM")
    # "let's" lets no one do anything
    assert all(e.type != "CONCEDE" for e in read(ex, "Warplanes have been pounding targets in Iraq, so let's go to our correspondent in Riyadh.")[1])


def test_blockades_coups_announced_and_members_expelled(ex):
    # traffic halted or links cut into a city is a blockade; a halt of talks stays a break
    _, e = one(ex, "Soviet authorities halted all rail and road traffic between Berlin and the western zones on Thursday.")
    assert (e.type, e.plover_mode) == ("COERCE", "restrict")
    _, e = one(ex, "Iraq halted oil exports to Jordan on Monday.")
    assert e.type == "SANCTION"
    # a president removed, as the army chief announces, is a coup
    _, e = one(ex, "Egypt's army chief, General Abdel Fattah al-Sisi, announced on Wednesday that President Mohamed Morsi had been removed from office.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "EGY")
    # an organisation expels a member; a state expels people
    _, e = one(ex, "The United Nations General Assembly has voted to seat the People's Republic of China and expel the representatives of Taiwan.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "expel", "TWN")
    _, e = one(ex, "Uganda expelled 50,000 Asians in 1972.")
    assert (e.type, e.plover_mode) == ("COERCE", "deport")


def test_force_used_on_a_territory_is_used_on_its_sovereign(ex):
    _, e = one(ex, "Argentine troops seized the Falkland Islands on Friday.")
    assert (e.type, e.actor, e.target, e.target_text) == ("COERCE", "ARG", "GBR", "Falkland Islands")
    _, e = one(ex, "France declared a state of emergency in New Caledonia on Wednesday.")
    assert (e.actor, e.target) == ("FRA", "FRA")
    # a visit or talks stay with the territory's own government
    _, e = one(ex, "Danish Prime Minister Mette Frederiksen visited Greenland on Wednesday.")
    assert e.target == "GRL"
    # a breakaway region is held by the state that holds it in international law; its
    # recognition stays with the region
    _, e = one(ex, "Russian tanks rolled into South Ossetia on Friday.")
    assert (e.type, e.actor, e.target, e.target_text) == ("ASSAULT", "RUS", "GEO", "South Ossetia")
    _, e = one(ex, "Russia recognised the independence of Abkhazia on Tuesday.")
    assert (e.type, e.target) == ("SUPPORT", "Q31354462")


def test_a_company_acted_on_takes_its_home_state(ex):
    _, e = one(ex, "Egypt nationalised the Suez Canal Company on Thursday.")
    assert (e.type, e.actor, e.target, e.target_text) == ("COERCE", "EGY", "FRA", "Suez Canal Company")
    _, e = one(ex, "The Iranian Majlis voted to nationalise the Anglo-Iranian Oil Company.")
    assert (e.actor, e.target) == ("IRN", "GBR")


def test_a_warships_prefix_names_its_navys_state(ex):
    _, e = one(ex, "The cruiser USS Vincennes shot down an Iranian airliner over the Gulf on Sunday.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "USA", "IRN")
    _, e = one(ex, "HMS Montrose seized two Iranian boats near the Strait of Hormuz on Friday.")
    assert (e.actor, e.target) == ("GBR", "IRN")


def test_aid_taken_back_deals_left_and_trade_cut_are_sanctions(ex):
    _, e = one(ex, "Washington was withdrawing its offer of $56m towards the Aswan High Dam, Dulles told Egypt's ambassador.")
    assert (e.type, e.plover_mode) == ("SANCTION", "withdraw")
    _, e = one(ex, "President Donald Trump pulled the US out of the Iran nuclear deal on Tuesday.")
    assert (e.type, e.plover_mode) == ("SANCTION", "withdraw")
    _, e = one(ex, "The last Israeli troops pulled out of southern Lebanon before dawn on Wednesday.")
    assert (e.type, e.plover_mode, e.target) == ("RETREAT", "withdraw", "LBN")
    _, e = one(ex, "President Dwight Eisenhower cut Cuba's sugar quota for the rest of the year by 700,000 tons.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "USA", "CUB")
    _, e = one(ex, "President Kennedy has ordered a naval quarantine of Cuba.")
    assert (e.type, e.plover_mode, e.target) == ("COERCE", "restrict", "CUB")
    _, e = one(ex, "Panama's Supreme Court declared unconstitutional the contract under which Canada's First Quantum Minerals runs the mine.")
    assert (e.type, e.plover_mode) == ("SANCTION", "convict")


def test_migrants_pushed_back_are_forced_out_and_rebels_are_not(ex):
    _, e = one(ex, "The Greek coast guard pushed back a boat carrying 40 migrants into Turkish waters.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "deport", "GRC")
    assert all(e.plover_mode != "deport" for e in read(ex, "Greek troops pushed back the rebels near the border.")[1])


def test_missiles_into_target_zones_are_a_show_of_force_and_a_consequence_escorts_no_one(ex):
    _, e = one(ex, "China fired three missiles into target zones off the Taiwanese ports of Keelung and Kaohsiung on Friday.")
    assert (e.type, e.plover_mode, e.actor) == ("MOBILIZE", "weapons", "CHN")
    _, e = one(ex, "Iraqi troops and tanks rolled into Kuwait before dawn, prompting the UN Security Council to meet.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "IRQ", "KWT")


def test_revenge_vowed_is_a_threat(ex):
    _, e = one(ex, "Iran vowed 'severe revenge' on Friday after a US drone strike in Baghdad killed General Qassem Soleimani.")
    assert (e.type, e.actor) == ("THREATEN", "IRN")
    _, e = one(ex, "Iran vowed to cooperate with the inspectors on Friday.")
    assert e.type == "AGREE"


def test_inquiries_find_reports_received_warnings_and_forces_ordered_out(ex):
    # a commission of inquiry that finds investigates; a panel that rules judges
    _, e = one(ex, "A UN commission of inquiry found that North Korea had committed crimes against humanity.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("ACCUSE", "investigate", "UNO", "PRK")
    _, e = one(ex, "A WTO panel ruled that China's export quotas on rare earths breached global trade rules.")
    assert (e.type, e.plover_mode) == ("SANCTION", "convict")
    # reports received and made public are an allegation; requests received are nothing done
    _, e = one(ex, "Amnesty International said it had received credible reports of the torture of detainees in Uruguay.")
    assert (e.type, e.plover_mode, e.target) == ("ACCUSE", "allege", "URY")
    # warning shots warn; a plane brought down is shot down
    _, e = one(ex, "A Russian patrol boat fired warning shots in the path of the British destroyer HMS Defender.")
    assert (e.type, e.actor, e.target) == ("THREATEN", "RUS", "GBR")
    _, e = one(ex, "Moscow said an American reconnaissance plane was brought down by a rocket near Sverdlovsk.")
    assert (e.type, e.target) == ("ASSAULT", "USA")
    # battalions ordered to a border are sent there; a base ordered vacated and UN officials
    # expelled are expulsions
    _, e = one(ex, "Venezuela's President Hugo Chavez ordered ten battalions to the Colombian border on Sunday.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("MOBILIZE", "troops", "VEN", "COL")
    _, e = one(ex, "Uzbekistan ordered the United States to vacate the Karshi-Khanabad air base within six months.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "expel", "USA")
    _, e = one(ex, "Ethiopia expelled seven senior United Nations officials on Thursday.")
    assert (e.type, e.plover_mode) == ("SANCTION", "expel")


def test_a_truth_commission_documents_and_observers_find_irregularities(ex):
    _, e = one(ex, "Argentina's National Commission on the Disappearance of Persons documented 8,960 cases of people who disappeared under military rule.")
    assert (e.type, e.plover_mode, e.actor) == ("ACCUSE", "investigate", "ARG")
    _, e = one(ex, "European Union election observers said Kenya's presidential election fell short of key international standards, citing serious irregularities.")
    assert (e.type, e.actor, e.target) == ("ACCUSE", "EUU", "KEN")
    # an election that does not meet standards holds no meeting refused
    assert all(e.type != "REJECT" for e in read(ex, "Observers said Ukraine's presidential runoff did not meet international standards.")[1])
    # a visit received is a meeting hosted
    _, e = one(ex, "President Putin received a visit from Chinese leader Xi Jinping in Moscow.")
    assert (e.type, e.actor, e.target) == ("CONSULT", "RUS", "CHN")


def test_a_border_opened_eases_a_restriction_and_an_embassy_opened_is_support(ex):
    _, e = one(ex, "Pakistan reopened the Torkham border crossing with Afghanistan on Sunday.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("RETREAT", "access", "PAK", "AFG")
    _, e = one(ex, "Poland reopened its embassy in Pyongyang on Monday.")
    assert (e.type, e.actor) == ("SUPPORT", "POL")
    # a ship boarded by a state's forces is taken
    _, e = one(ex, "Australian special forces boarded the Norwegian freighter Tampa off Christmas Island.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("COERCE", "seize", "AUS", "NOR")


def test_the_other_party_is_found_past_the_actors_own_forces_and_its_naming_of_the_object(ex):
    # the actor's own state qualifying its forces is not the target when a later object
    # names another state
    _, e = one(ex, "Somali President Mohamed Siad Barre announced that he was withdrawing all Somali forces from Ethiopia's Ogaden region.")
    assert (e.type, e.actor, e.target) == ("RETREAT", "SOM", "ETH")
    _, e = one(ex, "Malawi ordered Malawian troops to withdraw from peacekeeping operations in the Democratic Republic of the Congo.")
    assert (e.actor, e.target) == ("MWI", "COD")
    # who names the object ("what New Delhi described as") is not the one acted on
    _, e = one(ex, "Indian warplanes struck what New Delhi described as a militant training camp near Balakot in Pakistan on Tuesday.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "IND", "PAK")


def test_an_ultimatum_is_a_threat_and_an_ambassador_sent_or_a_credit_extended_are_acts(ex):
    _, e = one(ex, "ECOWAS gave Niger's junta one week to reinstate President Mohamed Bazoum or face possible use of force.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("THREATEN", "violence", "ECOWAS", "NER")
    _, e = one(ex, "The UN Security Council adopted a resolution giving Khartoum 30 days to disarm the militias or face further measures.")
    assert (e.type, e.target) == ("THREATEN", "SDN")
    # a demand with a penalty held out stays a demand; a giving with no "or face" is no threat
    _, e = one(ex, "The Bush administration declared that China must drop barriers to U.S. exports or face tariff penalties.")
    assert e.type == "REQUEST"
    assert all(e.type != "THREATEN" for e in read(ex, "The Security Council gave the mission another year to finish its work.")[1])
    _, e = one(ex, "India would send an ambassador to Peking for the first time since 1961.")
    assert (e.type, e.subtype, e.actor, e.target) == ("SUPPORT", "envoy_appointed", "IND", "CHN")
    _, e = one(ex, "China's Export-Import Bank has extended a $2bn credit line to Angola for roads and railways.")
    assert (e.type, e.actor, e.target) == ("AID", "CHN", "AGO")


def test_a_ceasefire_agreed_signed_or_accepted_is_declared_and_one_reached_is_an_agreement(ex):
    # the codebook's CONCEDE: declared, not yet carried out
    for text in ("Kyrgyzstan and Tajikistan agreed a ceasefire after border clashes.",
                 "Israel and Hamas agreed to an Egyptian-brokered ceasefire after eight days of fighting.",
                 "Angola's army and UNITA rebels signed a ceasefire in Luanda on Thursday.",
                 "The Kurdistan Workers' Party announces a ceasefire with Turkey after forty years of conflict."):
        _, e = one(ex, text)
        assert e.type == "CONCEDE", text
    for text in ("U.S. president Donald Trump announces that a ceasefire has been reached between Iran and Israel.",
                 "China and the United States extend their trade truce another 90 days."):
        _, e = one(ex, text)
        assert e.type == "AGREE", text
    # demands accepted are conceded; credentials accepted are support; "neither accept nor" refuses
    _, e = one(ex, "The Mozambique government on Thursday accepted demands from Shona rebels that it initiate political reforms.")
    assert e.type == "CONCEDE"
    _, e = one(ex, "President Xi Jinping accepted the credentials of newly appointed envoys to China on Tuesday.")
    assert e.type == "SUPPORT"
    _, e = one(ex, "Beijing said it would neither accept nor recognise the tribunal's award on the South China Sea.")
    assert (e.type, e.actor) == ("REJECT", "CHN")


def test_a_measure_agreed_or_decided_is_taken_and_one_vowed_is_held_out(ex):
    _, e = one(ex, "European Union governments agreed on Tuesday to impose their toughest sanctions yet on Russia.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "EUU", "RUS")
    _, e = one(ex, "China has decided to downgrade its diplomatic relations with Lithuania to the level of charge d'affaires.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "CHN", "LTU")
    _, e = one(ex, "The EU vowed to impose sanctions on Russia.")
    assert e.type == "THREATEN"
    # force decided on is still held out, as the 2025 news sets code it
    _, e = one(ex, "Israel has decided to completely militarily occupy the Gaza Strip.")
    assert e.type == "THREATEN"


def test_a_warning_that_states_how_things_are_is_criticism_not_a_threat(ex):
    _, e = one(ex, "Winston Churchill warned that an iron curtain has descended across the continent from Stettin to Trieste.")
    assert (e.type, e.plover_mode) == ("ACCUSE", "disapprove")
    _, e = one(ex, "United Nations human rights experts warn that multiple portions of the plan contradict international law.")
    assert e.type == "ACCUSE"
    # what will or may follow stays a threat
    for text in ("The Soviet prime minister has warned Britain and France that Moscow is ready to use force.",
                 "Cairo's security chief has warned that police will no longer tolerate rallies by the Kifaya group.",
                 "Turkish leaders warned Damascus that Ankara's patience was exhausted."):
        _, e = one(ex, text)
        assert e.type == "THREATEN", text


def test_an_investigation_team_concludes_against_the_doer_it_names(ex):
    for text in ("A team of international investigators concluded on Thursday that the South Korean warship Cheonan was sunk by a torpedo fired from a North Korean submarine.",
                 "A multinational investigation team concluded that the warship Cheonan was sunk by a torpedo fired from a North Korean submarine."):
        _, e = one(ex, text)
        assert (e.type, e.plover_mode, e.target) == ("ACCUSE", "investigate", "PRK"), text
    # a team that is no body of inquiry finds nothing against anyone
    assert all(e.type != "ACCUSE" for e in read(ex, "A team of doctors concluded that the patient had recovered.")[1])


def test_wrongs_named_in_a_statement_a_recognition_or_a_case_are_allegations(ex):
    # a known act judged a crime: the judging is the news, against the one who did it
    _, e = one(ex, "Amnesty International said Russia's airstrike on the Mariupol drama theatre was a clear war crime.")
    assert (e.type, e.plover_mode, e.target) == ("ACCUSE", "allege", "RUS")
    _, e = one(ex, "The UN human rights chief said that Myanmar's military operations in Rakhine state appeared to be a textbook example of ethnic cleansing.")
    assert (e.type, e.target) == ("ACCUSE", "MMR")
    _, e = one(ex, "The parliament of the Netherlands recognizes the deportation of the Crimean Tatars carried out by the Soviet Union in 1944 as genocide.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("ACCUSE", "allege", "NLD", "RUS")
    _, e = one(ex, "Poland recognised Kosovo's independence on Wednesday.")
    assert e.type == "SUPPORT"
    # a case filed at a court accuses the other party; the court only hears it
    _, e = one(ex, "South Africa filed a case at the International Court of Justice accusing Israel of genocide in Gaza and asked the court for provisional measures.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("ACCUSE", "allege", "ZAF", "ISR")


def test_a_loan_agreed_is_lent_and_other_help_agreed_is_a_promise(ex):
    _, e = one(ex, "Moscow agreed to lend Egypt 400m roubles for the first stage of the Aswan High Dam.")
    assert (e.type, e.actor, e.target) == ("AID", "RUS", "EGY")
    _, e = one(ex, "China agreed to finance most of a $3.8bn railway from Mombasa to Nairobi.")
    assert (e.type, e.actor) == ("AID", "CHN")
    _, e = one(ex, "The United States and Germany agree to send five Patriot missile defense systems to Ukraine.")
    assert e.type == "AGREE"
    _, e = one(ex, "China will agree to lend money to Kenya.")
    assert e.type == "AGREE"


def test_fire_exchanged_is_an_attack_and_prisoners_exchanged_a_release(ex):
    _, e = one(ex, "Thai and Cambodian troops exchanged artillery fire near the Preah Vihear temple for a third day, and Phnom Penh asked the UN Security Council to intervene.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "THA", "KHM")
    _, e = one(ex, "Russia and Ukraine exchanged 95 prisoners of war.")
    assert (e.type, e.plover_mode) == ("RETREAT", "release")


def test_people_killed_when_a_bomb_went_off_were_attacked_by_someone_unnamed(ex):
    _, e = one(ex, "Former Lebanese prime minister Rafik Hariri was killed along with nine other people when a massive bomb ripped through his motorcade on the Beirut seafront.")
    assert (e.type, e.target) == ("ASSAULT", "LBN")
    _, e = one(ex, "Seven Israeli soldiers are killed in Khan Yunis when an explosive device affixed to their armored vehicle detonates.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "PSE", "ISR")
    assert "unnamed" in e.note  # coded by the place, and saying so
    # a clause that names its doer tells the attack itself
    _, e = one(ex, "More than 100 Lebanese civilians sheltering at a UN base in Qana were killed when Israeli artillery shells struck the compound.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "ISR", "LBN")
    # no attack, no event
    assert not read(ex, "Five people were killed when their bus overturned on a mountain road in Peru.")[1]


def test_a_storming_that_frees_hostages_is_a_rescue_and_relief_flown_in_is_aid(ex):
    # the codebook lists rescuing hostages under AID
    _, e = one(ex, "West German GSG-9 commandos stormed a hijacked Lufthansa jet in Mogadishu and freed all 86 passengers.")
    assert (e.type, e.actor) == ("AID", "DEU")
    _, e = one(ex, "Russian special forces stormed the theatre in Moscow on Saturday.")
    assert e.type == "ASSAULT"
    _, e = one(ex, "American and British transport planes began flying food into West Berlin after Soviet authorities cut road and rail access to the city.")
    assert (e.type, e.actor, e.target) == ("AID", "USA", "DEU")
    # a flight over water carries no relief
    assert all(e.type != "AID" for e in read(ex, "Venezuelan F-16 fighter jets fly over the USS Jason Dunham in international waters.")[1])


def test_forces_arriving_after_the_host_appealed_for_help_are_aid(ex):
    _, e = one(ex, "American Marines landed on beaches south of Beirut on Tuesday, a day after President Camille Chamoun appealed for help.")
    assert (e.type, e.actor, e.target) == ("AID", "USA", "LBN")
    # help asked of others, against the force arriving, is no invitation
    _, e = one(ex, "Soviet tanks rolled back into Budapest on Sunday to crush the uprising, as Prime Minister Imre Nagy appealed by radio for help from the West.")
    assert e.type != "AID"


def test_more_acts_of_support_coercion_and_threat(ex):
    cases = [
        ("Sadat lands in Israel on historic peace mission", ("CONSULT", "EGY", "ISR")),
        ("The UN Security Council has authorised a no-fly zone over Libya and all necessary measures to protect civilians.", ("THREATEN", "UNSC", "LBY")),
        ("Nixon and Zhou Enlai issue a joint communique in Shanghai.", ("SUPPORT", None, None)),
        ("King Hussein and Yitzhak Rabin witnessed the signing of the peace treaty between Jordan and Israel.", ("SUPPORT", None, None)),
        ("The Norwegian Nobel Committee awarded the 1977 Peace Prize to Amnesty International.", ("SUPPORT", "NOR", None)),
        ("The General Assembly voted to accord Palestine the status of a non-member observer state.", ("SUPPORT", None, "PSE")),
        ("Soviet authorities stripped the physicist Andrei Sakharov of his state honours.", ("COERCE", "RUS", None)),
        ("Palestinians and Israelis failed to reach agreement on the fate of Palestinian offices in east Jerusalem.", ("REJECT", None, None)),
    ]
    for text, (kind, actor, target) in cases:
        _, e = one(ex, text)
        assert e.type == kind, text
        assert actor is None or e.actor == actor, text
        assert target is None or e.target == target, text
    # a gerund subject judged is the statement's topic ("awarding the prize ... violated")
    _, e = one(ex, "China's foreign ministry said that awarding the Nobel Peace Prize to jailed dissident Liu Xiaobo violated the principles of the prize.")
    assert (e.type, e.actor) == ("ACCUSE", "CHN")
    # a settlement as a place is no agreement
    assert all(e.type != "SUPPORT" for e in read(ex, "Israeli settlers expanded the settlement near Hebron.")[1])


def test_forces_sent_to_seize_or_attack_do_so(ex):
    _, e = one(ex, "President Evo Morales sent troops to occupy natural gas fields on Monday.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "BOL")
    # help sent stays a deployment
    _, e = one(ex, "Spain deploys 500 army troops to help fight raging wildfires in the country.")
    assert (e.type, e.plover_mode) == ("MOBILIZE", "troops")


def test_blocking_by_state_forces_annulment_by_courts_and_leaving_bodies(ex):
    _, e = one(ex, "A Philippine navy warship was blocked by two Chinese maritime surveillance vessels at Scarborough Shoal.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("COERCE", "restrict", "CHN", "PHL")
    # state forces that prevent a vessel from acting restrict it, and the act prevented is none
    _, events = read(ex, "Chinese surveillance ships prevented a Philippine navy vessel from arresting Chinese fishermen at Scarborough Shoal.")
    assert [(e.type, e.plover_mode, e.actor, e.target) for e in events] == [("COERCE", "restrict", "CHN", "PHL")]
    _, e = one(ex, "Protesters blocked the main road to the airport in Bishkek.")
    assert (e.type, e.plover_mode) == ("PROTEST", "obstruct")
    _, e = one(ex, "Iranian authorities blocked access to Instagram and WhatsApp on Wednesday.")
    assert (e.type, e.plover_mode) == ("COERCE", "censor")
    # a court annulling an election judges; a government annulling one restricts
    _, e = one(ex, "The Supreme Court of Kenya annulled the result of the presidential election and ordered a fresh poll within 60 days.")
    assert (e.type, e.plover_mode) == ("SANCTION", "convict")
    # leaving a body or treaty, and withdrawing recognition, are sanctions
    _, e = one(ex, "Niger, Mali and Burkina Faso announce their immediate withdrawal from ECOWAS.")
    assert (e.type, e.plover_mode) == ("SANCTION", "withdraw")
    _, e = one(ex, "The Philippines' withdrawal from the Rome Statute took effect.")
    assert (e.type, e.plover_mode) == ("SANCTION", "withdraw")
    _, e = one(ex, "Rangoon said it had withdrawn recognition of North Korea and ordered North Korean diplomats to leave Burma.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "discontinue", "PRK")
    # ... but a place left is a withdrawal
    _, e = one(ex, "M23 says that the group's withdrawal from Walikale, North Kivu Province, Democratic Republic of the Congo, was to show goodwill.")
    assert (e.type, e.plover_mode) == ("RETREAT", "withdraw")


def test_an_audit_ordered_is_an_investigation(ex):
    _, e = one(ex, "Philippine president Bongbong Marcos orders a nationwide audit of flood control projects across the country.")
    assert (e.type, e.plover_mode, e.actor) == ("ACCUSE", "investigate", "PHL")


def test_an_entry_by_force_is_an_attack_unless_it_is_made_to_arrest(ex):
    _, e = one(ex, "Chinese troops firing automatic weapons forced their way into Tiananmen Square early on Sunday, killing hundreds of people.")
    assert (e.type, e.actor) == ("ASSAULT", "CHN")
    _, e = one(ex, "North Vietnamese tanks have broken through the gates of the presidential palace in Saigon.")
    assert (e.type, e.actor) == ("ASSAULT", "VNM")
    _, e = one(ex, "Ecuadorian police forced their way into Mexico's embassy in Quito on Friday to arrest former vice president Jorge Glas.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "arrest", "ECU")
    _, e = one(ex, "Kenya forced thousands of Somali refugees out of the camp.")
    assert (e.type, e.plover_mode) == ("COERCE", "deport")


def test_a_price_capped_and_a_leader_excluded_are_sanctions(ex):
    _, e = one(ex, "The G7 and Australia agreed to cap the price of Russian seaborne crude at $60 a barrel.")
    assert (e.type, e.target) == ("SANCTION", "RUS")
    _, e = one(ex, "Foreign ministers of ASEAN agreed to exclude Myanmar's military leader from the bloc's forthcoming summit.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "expel", "MMR")


def test_licences_required_for_exports_are_a_trade_control(ex):
    _, e = one(ex, "The Dutch government said it would require licences for exports of some advanced chipmaking equipment from September.")
    assert (e.type, e.plover_mode, e.actor) == ("SANCTION", "discontinue", "NLD")


def test_an_agreement_approved_or_ratified_is_finalized(ex):
    # the codebook's SUPPORT: "ratify, sign, or finalize an agreement"
    for text in ("The European Parliament approved the comprehensive trade agreement with Canada by 408 votes to 254.",
                 "The Israeli cabinet formally approves the ceasefire agreement.",
                 "The Knesset approved the Camp David accords with Egypt by 84 votes to 19."):
        _, e = one(ex, text)
        assert e.type == "SUPPORT", text
    # an agreement reached on a ceasefire stays an agreement
    _, e = one(ex, "Israel and Hamas reached a ceasefire agreement on Wednesday.")
    assert e.type == "AGREE"


def test_independence_declared_is_a_withdrawal_by_those_who_leave(ex):
    _, e = one(ex, "Ukraine's Supreme Soviet declared independence from the Soviet Union by 346 votes to one.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "withdraw", "UKR", "RUS")
    _, e = one(ex, "Lithuania's Supreme Council declared the restoration of the country's independence from the Soviet Union.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "LTU", "RUS")
    # independence won from a ruler is the ruler's withdrawal
    _, e = one(ex, "Algeria became independent from France in 1962.")
    assert (e.type, e.actor, e.target) == ("RETREAT", "FRA", "DZA")


def test_own_force_authorised_is_support_and_recognition_switched_cuts_ties(ex):
    _, e = one(ex, "The Bundestag authorised German participation in possible NATO air strikes against Yugoslavia over Kosovo.")
    assert (e.type, e.actor) == ("SUPPORT", "DEU")
    _, e = one(ex, "The UN Security Council has authorised a no-fly zone over Libya and all necessary measures to protect civilians.")
    assert (e.type, e.target) == ("THREATEN", "LBY")
    _, e = one(ex, "The Solomon Islands cabinet voted to switch diplomatic recognition from Taipei to Beijing.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "discontinue", "SLB", "TWN")


def test_envoys_ordered_home_are_recalled_and_airlines_barred_are_sanctioned(ex):
    _, e = one(ex, "Israel's foreign minister said he had ordered Israel's ambassadors in Ireland, Norway and Spain home for urgent consultations.")
    assert (e.type, e.subtype, e.actor) == ("SANCTION", "envoy_recalled", "ISR")
    _, e = one(ex, "EU leaders agreed to bar Belarusian airlines from EU airspace and airports.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "discontinue", "BLR")


def test_spies_expelled_and_anti_dumping_duties_are_sanctions(ex):
    _, e = one(ex, "The United States will expel 60 Russian intelligence officers in response to the Salisbury attack.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "expel", "RUS")
    _, e = one(ex, "China imposed anti-dumping duties on Australian barley.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "discontinue", "AUS")
    assert not read(ex, "The minister said he would carry out his duties.")[1]
    _, e = one(ex, "China stopped imports of Australian coal in October.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "discontinue", "AUS")


def test_a_states_own_government_asked_is_the_target(ex):
    _, e = one(ex, "Members of Nigeria's House of Representatives urged the federal government to evacuate Nigerian citizens from South Africa.")
    assert (e.type, e.actor, e.target) == ("REQUEST", "NGA", "NGA")
    # and so is its own legislature
    _, e = one(ex, "President Truman asked Congress for $400 million in aid to Greece and Turkey.")
    assert (e.type, e.actor, e.target) == ("REQUEST", "USA", "USA")
    # another state's government asked is that state
    _, e = one(ex, "The United States urged the Syrian government to stop the killing.")
    assert (e.type, e.target) == ("REQUEST", "SYR")
    # the successor state of a historical one
    _, e = one(ex, "Ottoman troops attacked Russian positions in the Caucasus.")
    assert (e.actor, e.target) == ("TUR", "RUS")


def test_a_finding_falls_on_the_party_it_goes_against(ex):
    _, e = one(ex, "The International Court of Justice ruled on Monday that Cambodia has sovereignty over the whole promontory of Preah Vihear and that Thailand must withdraw its troops.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "convict", "THA")
    _, e = one(ex, "An arbitral tribunal in The Hague ruled on Tuesday in a case brought by Manila that China has no legal basis to claim historic rights.")
    assert (e.type, e.target) == ("SANCTION", "CHN")


def test_a_militarys_attack_on_unnamed_people_falls_on_its_own_state_when_no_other_is_named(ex):
    _, e = one(ex, "British paratroopers opened fire on civil rights marchers in Londonderry, killing thirteen people.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "GBR", "GBR")
    # another state named is not overridden
    _, e = one(ex, "Russian troops fired on civilians in Bucha, Ukraine.")
    assert (e.actor, e.target) == ("RUS", "UKR")


def test_an_occasion_attended_abroad_a_release_walked_out_of_and_remorse_expressed(ex):
    _, e = one(ex, "Pakistani Prime Minister Nawaz Sharif attended the swearing-in of Indian Prime Minister Narendra Modi in New Delhi.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("CONSULT", "visit", "PAK", "IND")
    _, e = one(ex, "Nelson Mandela walked free from Victor Verster prison on Sunday.")
    assert (e.type, e.plover_mode, e.actor) == ("RETREAT", "release", "ZAF")
    _, e = one(ex, "The Japanese Diet adopted a resolution expressing deep remorse for the suffering of the war.")
    assert (e.type, e.actor) == ("CONCEDE", "JPN")
    # a protest attended is the protest; a funeral attended at home is no visit; walking to a
    # prison frees no one; regret over another's decision is disapproval, not an apology
    assert [e.type for e in read(ex, "Thousands of Poles attended a protest in Warsaw on Sunday.")[1]] == ["PROTEST"]
    assert read(ex, "President Biden attended the funeral of former President Carter in Washington.")[1] == []
    assert read(ex, "Protesters walked to Evin prison in Tehran.")[1] == []
    assert [(e.type, e.plover_mode) for e in read(ex, "France expressed regret over Algeria's decision to expel its diplomats.")[1]] == [("ACCUSE", "disapprove")]


def test_a_measure_ordered_by_name_is_taken(ex):
    _, e = one(ex, "President Jimmy Carter ordered a halt to the sale of American grain to the Soviet Union.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "USA", "RUS")
    _, e = one(ex, "President Donald Trump ordered a freeze on all foreign aid to South Africa.")
    assert (e.type, e.target) == ("SANCTION", "ZAF")
    # an order to another party to act stays a demand
    _, e = one(ex, "The International Court of Justice ordered Israel to take all measures within its power to prevent acts of genocide in Gaza.")
    assert (e.type, e.target) == ("REQUEST", "ISR")


def test_a_headline_verb_the_tagger_took_for_a_noun(ex):
    # the small model tags "military" as an adjective and the verb after it as a plural noun
    _, e = one(ex, "The Congolese military withdraws from Bukavu heading south towards Tanganyika Province.")
    assert (e.type, e.actor) == ("RETREAT", "COD")
    _, e = one(ex, "Chilean military ousts Allende")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "CHL")
    # a word that can only be a verb is one, whatever the tagger made of it
    _, e = one(ex, "Saudi Arabia, UAE, Egypt and Bahrain sever ties with Qatar")
    assert (e.type, e.actor, e.target) == ("SANCTION", "SAU", "QAT")
    _, e = one(ex, "Honduran army ousts Zelaya, flies him to Costa Rica")
    assert (e.type, e.actor) == ("COERCE", "HND")


def test_an_attack_by_no_one_named_on_a_states_people_is_coded_in_that_state(ex):
    _, e = one(ex, "Former Pakistani Prime Minister Benazir Bhutto was assassinated in a gun and suicide bomb attack as she left an election rally.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "PAK", "PAK")
    assert "coded by the state of those attacked" in e.note
    # diplomats may be anywhere
    _, killed = read(ex, "Three Turkish diplomats were killed in a bomb attack.")
    assert killed
    first = min(killed, key=lambda e: e.provenance.trigger[0])
    assert (first.actor, first.target) == ("", "TUR")
    # another state named leaves the doer open
    _, killed = read(ex, "Former Pakistani Prime Minister Benazir Bhutto was killed in a bomb attack, and India condemned the killing.")
    assert killed
    first = min(killed, key=lambda e: e.provenance.trigger[0])
    assert (first.type, first.actor, first.target) == ("ASSAULT", "", "PAK")


def test_the_sides_of_an_event_between_two_are_its_parties(ex):
    _, e = one(ex, "A UN-monitored ceasefire between Iran and Iraq took effect at dawn on Saturday.")
    assert (e.type, e.actor, e.target) == ("RETREAT", "IRN", "IRQ")
    # who brokers it is not a side
    _, e = one(ex, "A ceasefire brokered by Egypt between Israel and Hamas took effect on Friday.")
    assert e.actor == "ISR"


def test_an_election_rejected_is_a_charge_of_fraud(ex):
    _, e = one(ex, "Opposition leader Raila Odinga rejected the result of Kenya's presidential election on Sunday.")
    assert (e.type, e.plover_mode, e.actor) == ("ACCUSE", "disapprove", "KEN")
    # a proposal or the outcome of talks rejected is refused
    _, e = one(ex, "Greece rejected the creditors' proposal on Sunday.")
    assert e.type == "REJECT"
    _, e = one(ex, "Israel rejected the outcome of the talks in Cairo.")
    assert e.type == "REJECT"


def test_a_vow_of_revenge_is_aimed_at_who_made_the_attack_it_answers(ex):
    _, e = one(ex, "Iran vowed severe revenge on Friday after a US drone strike in Baghdad killed General Qassem Soleimani.")
    assert (e.type, e.actor, e.target) == ("THREATEN", "IRN", "USA")


def test_troops_intervening_deploy_and_at_a_request_help(ex):
    _, e = one(ex, "French troops intervened in Mali at the request of the interim government in Bamako.")
    assert (e.type, e.actor, e.target) == ("AID", "FRA", "MLI")
    _, e = one(ex, "Indian troops intervened in East Pakistan in December 1971.")
    assert (e.type, e.actor, e.target) == ("MOBILIZE", "IND", "PAK")
    # a central bank intervening in a market moves no forces, nor police breaking up a protest
    assert read(ex, "The central bank intervened in currency markets.")[1] == []
    assert [e.type for e in read(ex, "Egyptian security forces intervened to break up the protest in Cairo.")[1]] == ["PROTEST"]


def test_forces_ordered_somewhere_are_sent_and_units_ordered_to_dump_arms_disarm(ex):
    _, e = one(ex, "President Lyndon Johnson ordered US Marines ashore in the Dominican Republic.")
    assert (e.type, e.actor, e.target) == ("MOBILIZE", "USA", "DOM")
    _, e = one(ex, "British frigates were ordered into the disputed 50-mile zone off Iceland to protect trawlers.")
    assert (e.type, e.actor, e.target) == ("MOBILIZE", "GBR", "ISL")
    _, e = one(ex, "The Irish Republican Army ordered its units to dump their arms.")
    assert (e.type, e.plover_mode) == ("RETREAT", "disarm")


def test_a_chamber_named_without_its_state_is_placed_by_its_politicians(ex):
    _, e = one(ex, "The Senate rejected the Comprehensive Test Ban Treaty by 51 votes to 48, dealing President Clinton a severe defeat.")
    assert (e.type, e.actor, e.actor_text) == ("REJECT", "USA", "Senate")
    # politicians of two states leave it unplaced, and so does the one it acts on
    _, events = read(ex, "The Senate rejected the treaty signed by President Clinton and President Yeltsin.")
    assert [(e.type, e.actor) for e in events if e.type == "REJECT"] == [("REJECT", "")]
    _, e = one(ex, "The Senate voted to condemn President Vladimir Putin.")
    assert (e.type, e.actor, e.target) == ("ACCUSE", "", "RUS")


def test_force_authorised_by_name(ex):
    _, e = one(ex, "The US Congress authorised President George Bush to use force to drive Iraqi troops out of Kuwait.")
    assert (e.type, e.actor) == ("SUPPORT", "USA")
    _, e = one(ex, "The Security Council authorised the use of force against Iraq.")
    assert (e.type, e.plover_mode, e.target) == ("THREATEN", "violence", "IRQ")
    # the tagger takes this infinitive for an adverb after the vote count; it can only be a verb
    _, e = one(ex, "The House of Representatives voted 250 to 183 to authorise President George Bush to use force.")
    assert (e.type, e.actor) == ("SUPPORT", "USA")


def test_sovereignty_transferred_is_given_up_and_forces_coming_ashore_deploy(ex):
    _, e = one(ex, "The Netherlands formally transferred sovereignty over its former East Indies colony to the United States of Indonesia.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("RETREAT", "withdraw", "NLD", "IDN")
    _, e = one(ex, "US Marines and Navy SEALs came ashore in Mogadishu before dawn on Wednesday.")
    assert (e.type, e.actor, e.target) == ("MOBILIZE", "USA", "SOM")
    # power transferred within a state, or detainees, is no withdrawal; arms transferred are
    # still arms; migrants coming ashore are no deployment
    assert all(e.type != "RETREAT" for e in read(ex, "The army transferred legislative and executive power to the commander-in-chief.")[1])
    assert read(ex, "The US transferred the detainees to Iraqi control.")[1] == []
    assert read(ex, "Libyan migrants came ashore in Italy on Sunday.")[1] == []
    _, e = one(ex, "Russia transferred S-400 missiles to Turkey.")
    assert (e.type, e.subtype) == ("AID", "arms_transfer")


def test_another_states_decision_regretted_is_disapproved(ex):
    _, e = one(ex, "Qatar MFA: We regret the decision by Saudi Arabia, the UAE and Bahrain to sever relations with Qatar.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("ACCUSE", "disapprove", "QAT", "SAU")
    # regretting one's own mistake or remarks is no charge against anyone
    assert read(ex, "Iran deeply regrets this disastrous mistake, President Rouhani said.")[1] == []
    assert read(ex, "The minister regretted his remarks about Muslims, the Dutch government said.")[1] == []


def test_central_and_south_american_are_of_the_region(ex):
    _, e = one(ex, "Central American presidents signed the Arias peace plan in Guatemala.")
    assert e.actor == "GTM"
    _, e = one(ex, "South American foreign ministers met in Lima.")
    assert e.actor == "PER"
    _, e = one(ex, "Drug cartels in Central America attacked police in Honduras.")
    assert e.actor == "HND"
    _, e = one(ex, "American troops landed in Somalia.")
    assert e.actor == "USA"


def test_a_withdrawal_promised_is_a_concession_and_a_release_promised_an_agreement(ex):
    _, e = one(ex, "South Sudan will pull its troops out of the disputed Heglig oil field within three days, President Salva Kiir said.")
    assert (e.type, e.actor) == ("CONCEDE", "SSD")
    _, e = one(ex, "India and China agreed on Monday to pull back troops from the Doklam plateau.")
    assert e.type == "CONCEDE"
    _, e = one(ex, "The Fijian rebels said they will release Prime Minister Mahendra Chaudhry.")
    assert e.type == "AGREE"


def test_charges_withdrawn_are_dropped_not_sanctions(ex):
    _, e = one(ex, "The Prosecutor of the International Criminal Court withdrew the charges against President Uhuru Kenyatta.")
    assert (e.type, e.target) == ("RETREAT", "KEN")
    _, e = one(ex, "Washington withdrew its offer of $56m towards the Aswan High Dam.")
    assert (e.type, e.plover_mode) == ("SANCTION", "withdraw")


def test_hostages_seized_by_armed_men_are_abducted_and_by_police_arrested(ex):
    _, e = one(ex, "Hezbollah fighters captured three Israeli soldiers near the border fence.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("ASSAULT", "abduct", "LBN", "ISR")
    _, e = one(ex, "Somali pirates seized a Greek tanker in the Gulf of Aden.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("ASSAULT", "abduct", "SOM", "GRC")
    _, e = one(ex, "Armed men seized twenty tourists near Luxor.")
    assert (e.type, e.plover_mode) == ("ASSAULT", "abduct")
    # police capture people as an arrest or a seizure; a town taken by rebels, or aircraft, are
    # seized, not abducted
    _, e = one(ex, "Colombian police captured two guerrillas in a Bogotá flat.")
    assert (e.type, e.plover_mode) == ("COERCE", "seize")
    _, e = one(ex, "Anti-terrorist police captured the Shining Path leader in Lima.")
    assert e.type == "COERCE"
    _, e = one(ex, "Houthi rebels seized two fighter jets at the airbase in Sanaa.")
    assert (e.type, e.plover_mode) == ("COERCE", "seize")
    _, e = one(ex, "M23 rebels seized the town of Rubaya in North Kivu.")
    assert (e.type, e.plover_mode, e.target) == ("COERCE", "seize", "COD")


def test_police_firing_on_protesters_attack_them(ex):
    # the force named acts, even where another state's embassy is in the sentence
    _, e = one(ex, "Riot police fired tear gas at protesters marching on the British embassy in Dhaka.")
    assert (e.type, e.plover_mode) == ("ASSAULT", "crowd-control")
    # deaths in unrest with no one named stay a riot
    _, e = one(ex, "Three people were killed in clashes between protesters and police in Nairobi.")
    assert e.type == "PROTEST"


def test_what_is_handed_over_goes_to_whom_it_is_given(ex):
    _, e = one(ex, "Portugal handed sovereignty over Macau to China at midnight.")
    assert (e.type, e.actor, e.target) == ("RETREAT", "PRT", "CHN")


def test_an_act_of_force_by_someone_named_is_no_accident_for_an_explosion_near_it(ex):
    _, e = one(ex, "Peruvian commandos stormed the ambassador's residence in Lima after an explosion inside, officials said.")
    assert (e.type, e.actor) == ("ASSAULT", "PER")
    # deaths told with an accident and no attack are none, even where the place codes an actor
    assert read(ex, "A gas explosion in a Peruvian mine killed twelve workers.")[1] == []
    assert read(ex, "A bus plunged into a ravine and hit a group of pilgrims in northern India.")[1] == []


def test_a_state_parted_from_another_withdraws(ex):
    _, e = one(ex, "Eritrea separated from Ethiopia in 1993 after a referendum.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "withdraw", "ERI", "ETH")
    _, e = one(ex, "Kuala Lumpur separated Singapore from the Federation of Malaysia in 1965.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "MYS", "SGP")
    # people parted from people, and land by a strait, are not
    assert read(ex, "The Mexican actress separated from her husband, Luis Miguel, last year.")[1] == []
    assert read(ex, "The Kerch Strait separates Crimea from Russia.")[1] == []


def test_a_resignation_promised_is_a_concession(ex):
    _, e = one(ex, "The junta leaders agreed to step down under a deal brokered by Nigeria.")
    assert e.type == "CONCEDE"
    _, e = one(ex, "Prime Minister Olmert said he would resign once his party chose a successor.")
    assert e.type == "CONCEDE"
    # one resigns from an office, not from a state, promised or not
    _, e = one(ex, "Sri Lanka's president agreed to resign.")
    assert (e.type, e.actor, e.target) == ("CONCEDE", "LKA", "")
    _, e = one(ex, "Prime Minister Olmert resigned on Sunday.")
    assert (e.type, e.plover_mode) == ("RETREAT", "resign")


def test_fighting_halted_is_a_ceasefire_and_trade_capped_a_sanction(ex):
    _, e = one(ex, "The Russian commander ordered his troops to halt their advance on Kyiv.")
    assert (e.type, e.plover_mode, e.actor) == ("RETREAT", "ceasefire", "RUS")
    _, e = one(ex, "The British defence secretary ordered a halt to the bombing of Iraq.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("RETREAT", "ceasefire", "GBR", "IRQ")
    _, e = one(ex, "Washington stopped the bombing of North Vietnam in March.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("RETREAT", "ceasefire", "USA", "VNM")
    # aid agencies halting their operations, another side's advance stopped, and trade halted, are
    # no ceasefire
    _, e = one(ex, "The Red Cross suspended its operations in Chechnya after six of its staff were killed.")
    assert e.type != "RETREAT"
    _, e = one(ex, "Ukrainian troops halted the Russian advance on Kharkiv.")
    assert e.type != "RETREAT"
    _, e = one(ex, "The IMF suspended advance payments to Kenya.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "IMF", "KEN")
    _, e = one(ex, "Carter ordered a halt to the sale of grain to the Soviet Union.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "discontinue", "USA", "RUS")
    # a row that says "no event" is not what an order names
    _, e = one(ex, "Putin ordered an end to the war in Syria.")
    assert (e.type, e.actor, e.target) == ("SANCTION", "RUS", "SYR")
    _, e = one(ex, "The Security Council adopted a resolution capping Iran's imports of refined oil.")
    assert (e.type, e.target) == ("SANCTION", "IRN")


def test_hostages_freed_by_forces_are_rescued_and_by_their_captors_released(ex):
    _, e = one(ex, "French special forces freed four hostages held by jihadists in northern Burkina Faso.")
    assert (e.type, e.actor) == ("AID", "FRA")
    _, e = one(ex, "Hamas freed three Israeli hostages on Saturday.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("RETREAT", "release", "PSE", "ISR")
    _, e = one(ex, "Al-Shabaab freed two Kenyan hostages held by the group since 2019.")
    assert (e.type, e.plover_mode) == ("RETREAT", "release")


def test_people_a_states_forces_fire_on_at_home_are_its_own(ex):
    _, e = one(ex, "Police in Johannesburg shot three schoolchildren on Monday.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "ZAF", "ZAF")
    _, e = one(ex, "Burmese soldiers shot hundreds of villagers near the border.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "MMR", "MMR")


def test_a_courtesy_call_is_a_visit_not_a_call_on_someone_to_act(ex):
    _, e = one(ex, "The Indian High Commissioner paid a courtesy call on President Ruto at State House in Nairobi.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("CONSULT", "visit", "IND", "KEN")
    _, e = one(ex, "Kenya called on Uganda to withdraw its troops.")
    assert (e.type, e.actor, e.target) == ("REQUEST", "KEN", "UGA")
    _, e = one(ex, "Biden held a farewell phone call with Merkel.")
    assert (e.type, e.plover_mode) == ("CONSULT", "phone")


def test_a_body_that_only_qualifies_what_was_hit_names_less_than_its_place(ex):
    _, e = one(ex, "Israeli shells struck a UNRWA school in Gaza City.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "ISR", "PSE")
    # the body itself hit is the target
    _, e = one(ex, "Rebels attacked a convoy of the United Nations near Goma.")
    assert e.target == "UNO"
    # nor do its officials met somewhere
    _, e = one(ex, "The Kenyan finance minister met IMF officials in Nairobi.")
    assert e.target == "IMF"


def test_a_name_after_city_of_or_governor_of_is_a_place(ex):
    _, e = one(ex, "Two people were shot dead in the Druze-majority city of Jaramana on Monday.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "SYR", "SYR")
    _, e = one(ex, "Gunmen shot two residents of Jaramana")  # a headline: the name is the last word
    assert (e.type, e.actor) == ("ASSAULT", "SYR")


def test_a_place_put_first_says_where_and_blasting_in_is_an_attack(ex):
    _, e = one(ex, "In Nairobi, Somali gunmen seized the Ethiopian ambassador's residence during a reception.")
    assert (e.actor, e.target) == ("SOM", "ETH")
    _, e = one(ex, "Taliban fighters blasted their way into the compound of the Indian embassy in Kabul.")
    assert (e.type, e.plover_mode, e.target) == ("ASSAULT", "explosives", "IND")
    # a rocket blasting into space, or a team its way into a final, attack no one
    assert read(ex, "North Korea's rocket blasted into space from the Sohae launch site.")[1] == []
    assert read(ex, "Pakistan blasted their way into the World Cup final against India.")[1] == []


def test_according_to_names_who_tells_it_not_an_accord(ex):
    _, e = one(ex, "The Peruvian government withdrew a contested labour reform on Monday, according to a local rights group.")
    assert (e.type, e.actor) == ("RETREAT", "PER")


def test_a_state_that_takes_itself_out_of_a_pact_aims_at_the_other_party(ex):
    _, e = one(ex, "President Trump pulled the United States out of the Iran nuclear deal.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "withdraw", "USA", "IRN")
    _, e = one(ex, "Trump withdrew the US from a nuclear treaty with Iran.")
    assert (e.actor, e.target) == ("USA", "IRN")
    # a person of the state as the object stays the target, and so does the state asked to act
    _, e = one(ex, "Italian gunmen kidnapped former prime minister Aldo Moro in Rome.")
    assert e.target == "ITA"
    _, e = one(ex, "President Macron urged France to support Ukraine.")
    assert (e.type, e.target) == ("REQUEST", "FRA")
    # rockets fired out of a place come from it
    _, e = one(ex, "Hamas fired rockets out of Gaza into Israel.")
    assert e.target == "ISR"


def test_property_repatriated_is_returned(ex):
    _, e = one(ex, "Germany repatriated the skulls of twenty colonial-era victims to Namibia on Tuesday.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("RETREAT", "return", "DEU", "NAM")
    # people sent home are not property given back
    assert read(ex, "Kenya repatriated the head of the smuggling ring to Uganda.")[1] == []


def test_an_agreed_measure_is_the_measure(ex):
    _, e = one(ex, "Japan, Canada and the EU agreed to drop Russian lenders from the clearing network and to freeze the reserves of Russia's central bank.")
    assert (e.type, e.target) == ("SANCTION", "RUS")
    # a cut held until a state gives way is pressure on it; a cut for prices is not
    _, e = one(ex, "Gulf producers meeting in Riyadh agreed to reduce exports by a tenth until Israel withdraws from the Golan.")
    assert (e.type, e.target) == ("SANCTION", "ISR")
    assert all(e.type != "SANCTION" for e in read(ex, "Saudi Arabia and Kuwait agreed to cut output until prices recover.")[1])
    # a loss imposed at home beside a deal stays the deal
    _, e = one(ex, "Portugal agreed with its lenders to wind down Banco Espirito Santo and impose losses on bondholders.")
    assert e.type == "AGREE"


def test_words_of_a_joined_clause_do_not_make_an_entry_help(ex):
    _, e = one(ex, "Armenian troops have entered Nakhchivan, and Moscow says it is sending peacekeepers to the region.")
    assert e.type != "AID" and e.actor == "ARM"
    _, e = one(ex, "Fijian troops arrived in Tonga at the request of the king.")
    assert e.type == "AID"


def test_a_bomb_tested_and_an_operation_halted(ex):
    _, e = one(ex, "China said it had tested a hydrogen bomb in Xinjiang, and Japan condemned the blast.")
    assert (e.type, e.plover_mode, e.actor) == ("MOBILIZE", "weapons", "CHN")
    _, e = one(ex, "Turkey said it had halted its military operation in northern Syria.")
    assert (e.type, e.plover_mode) == ("RETREAT", "ceasefire")
    assert all(e.plover_mode != "ceasefire" for e in read(ex, "Glencore suspended its operations in Peru after protests.")[1])


def test_a_government_dismissed_is_removed_from_office(ex):
    _, e = one(ex, "The Governor-General of Papua New Guinea dismissed the Somare government on Tuesday.")
    assert (e.type, e.plover_mode, e.actor) == ("SANCTION", "expel", "PNG")
    _, e = one(ex, "Moscow dismissed the Ukrainian government's claims as lies.")
    assert (e.type, e.target) == ("REJECT", "UKR")


def test_a_resignation_decided_is_announced_and_one_agreed_is_promised(ex):
    _, e = one(ex, "'President Ben Ali has decided to give up the office of president,' Tunisian state television said.")
    assert (e.type, e.plover_mode, e.actor) == ("RETREAT", "resign", "TUN")
    _, e = one(ex, "Bolivia's president has agreed to step down.")
    assert e.type == "CONCEDE"


def test_people_ordered_out_are_driven_out_and_envoys_expelled(ex):
    _, e = one(ex, "Nigeria ordered all aliens without residence papers to leave the country within two weeks.")
    assert (e.type, e.plover_mode) == ("COERCE", "deport")
    _, e = one(ex, "Kenya ordered Somali refugees to leave the Dadaab camp within ninety days.")
    assert (e.type, e.plover_mode) == ("COERCE", "deport")
    _, e = one(ex, "Moscow ordered 23 British diplomats to leave Russia.")
    assert (e.type, e.plover_mode, e.target) == ("SANCTION", "expel", "GBR")


def test_pulling_out_of_a_pact_leaves_it_and_troops_pulled_out_withdraw(ex):
    _, e = one(ex, "Russia pulled out of the Open Skies treaty on Friday.")
    assert (e.type, e.plover_mode) == ("SANCTION", "withdraw")
    _, e = one(ex, "Russia pulled its troops out of the alliance's base in Armenia.")
    assert e.type == "RETREAT"


def test_an_operation_launched_and_an_uprising_crushed_are_attacks(ex):
    _, e = one(ex, "Turkish forces launched Operation Claw against Kurdish militants in northern Iraq.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "TUR", "IRQ")
    _, e = one(ex, "Operation Desert Storm was launched by a US-led coalition against Iraq in January 1991.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "USA", "IRQ")
    _, e = one(ex, "Soviet tanks crushed the Hungarian uprising in Budapest.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "RUS", "HUN")
    # a rescue, or an operation to protect shipping, attacks no one; nor does a firm's start
    assert all(e.type != "ASSAULT" for e in read(ex, "Japan launched a rescue operation in Turkey after the earthquake.")[1])
    assert all(e.type != "ASSAULT" for e in read(ex, "India launched a naval operation to protect shipping off Somalia.")[1])
    assert read(ex, "Microsoft launched operations in Kenya.")[1] == []


def test_forces_sent_against_someone_attack_them(ex):
    _, e = one(ex, "King Hussein sent the Jordanian army against the Palestinian guerrillas in Amman.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "JOR", "PSE")
    # forces sent to guard against an attack only move
    _, e = one(ex, "NATO deployed troops to Poland as a deterrent against Russian aggression.")
    assert e.type == "MOBILIZE"
    _, e = one(ex, "Egypt sent troops to defend Saudi Arabia against an Iraqi attack.")
    assert e.type == "MOBILIZE"


def test_the_one_greeted_is_the_visitor(ex):
    _, e = one(ex, "Chinese Premier Zhou Enlai greeted US President Richard Nixon at Beijing airport on Monday.")
    assert (e.type, e.actor, e.target) == ("CONSULT", "USA", "CHN")
    _, e = one(ex, "Egyptian President Anwar Sadat was greeted at Ben Gurion airport by Israeli Prime Minister Menachem Begin.")
    assert (e.type, e.actor, e.target) == ("CONSULT", "EGY", "ISR")
    assert all(e.type != "CONSULT" for e in read(ex, "Japan greeted the news with relief.")[1])


def test_it_in_a_joined_clause_is_the_first_subject(ex):
    _, e = one(ex, "Eritrea became independent in May, and Ethiopia was the first state to recognise it.")
    assert (e.type, e.actor, e.target) == ("SUPPORT", "ETH", "ERI")
    events = read(ex, "Iran seized a British tanker, and the EU condemned it.")[1]
    assert any((e.type, e.actor, e.target) == ("ACCUSE", "EUU", "IRN") for e in events)


def test_a_withdrawal_demanded_is_demanded_of_whose_forces_they_are(ex):
    _, e = one(ex, "The Arab League demanded the immediate withdrawal of Iraqi forces from Kuwait.")
    assert (e.type, e.target) == ("REQUEST", "IRQ")
    _, e = one(ex, "The Security Council called for a ceasefire and the withdrawal of Ethiopian troops from Somalia.")
    assert e.target == "ETH"
    # one's own withdrawal, announced, is from the place
    _, e = one(ex, "The US announced the withdrawal of American troops from Afghanistan.")
    assert (e.type, e.target) == ("RETREAT", "AFG")


def test_people_swapped_for_people_are_released_and_a_border_thrown_open_eased(ex):
    _, e = one(ex, "Russia swapped basketball star Brittney Griner for arms dealer Viktor Bout in Abu Dhabi.")
    assert (e.type, e.plover_mode, e.actor) == ("RETREAT", "release", "RUS")
    assert all(e.type != "RETREAT" for e in read(ex, "Iran exchanged oil for gold with Turkey.")[1])
    _, e = one(ex, "Hungary throws open its border with Austria.")
    assert (e.type, e.plover_mode, e.actor) == ("RETREAT", "access", "HUN")
    _, e = one(ex, "East German authorities opened the Berlin Wall.")
    assert (e.type, e.plover_mode) == ("RETREAT", "access")
    _, e = one(ex, "Protesters threw stones at police in Cairo.")
    assert e.type == "PROTEST"


def test_a_headlines_to_is_its_future(ex):
    _, e = one(ex, "Russia to expel 23 British diplomats")
    assert (e.type, e.target, e.modality.value) == ("SANCTION", "GBR", "future")
    _, e = one(ex, "Japan to lift curbs on Chinese seafood imports")
    assert (e.type, e.modality.value) == ("CONCEDE", "future")  # an easing promised
    _, e = one(ex, "Iran to abandon nuclear weapons programme, Tehran says")
    assert (e.type, e.modality.value) == ("CONCEDE", "future")
    # a wish that another act is not a headline's future
    _, e = one(ex, "The minister wants Russia to expel the diplomats.")
    assert e.modality.value != "future"
    _, e = one(ex, "Libya abandoned its nuclear weapons programme.")
    assert (e.type, e.plover_mode) == ("RETREAT", "disarm")


def test_headline_words_for_criticism_and_for_measures(ex):
    _, e = one(ex, "US raps Russia over Ukraine grain deal exit")
    assert (e.type, e.actor, e.target) == ("ACCUSE", "USA", "RUS")
    _, e = one(ex, "Kenya hits Somalia with trade ban")
    assert (e.type, e.actor, e.target) == ("SANCTION", "KEN", "SOM")
    # a missile that hits attacks
    _, e = one(ex, "A Russian missile hit a hospital in Kharkiv.")
    assert (e.type, e.target) == ("ASSAULT", "UKR")


def test_a_participle_after_its_noun_tells_what_was_done_to_it(ex):
    _, e = one(ex, "French tourist detained in Tehran on spying charges")
    assert (e.type, e.actor, e.target) == ("COERCE", "IRN", "FRA")
    _, e = one(ex, "Two Israeli hostages kidnapped during the Nova festival appeared in a Hamas video.")
    assert e.target == "ISR"
    _, e = one(ex, "Three killed in Israeli strike on Gaza")  # a headline's count
    assert (e.type, e.actor, e.target) == ("ASSAULT", "ISR", "PSE")
    # what was fired is not what was attacked
    _, e = one(ex, "Israel intercepted a ballistic missile launched by the Houthis from Yemen.")
    assert (e.type, e.actor, e.target) == ("ASSAULT", "YEM", "ISR")


def test_a_telephone_conversation_and_talks_held_with_a_partner(ex):
    _, e = one(ex, "Indian Prime Minister Narendra Modi held a telephone conversation with Ukrainian President Volodymyr Zelenskyy.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("CONSULT", "phone", "IND", "UKR")
    _, e = one(ex, "Foreign Minister Wang Yi held talks with his Russian counterpart Sergei Lavrov in Beijing.")
    assert (e.type, e.target) == ("CONSULT", "RUS")
    assert all(e.type != "CONSULT" for e in read(ex, "In a conversation with reporters, Biden said Russia would pay.")[1])


def test_credentials_received_are_accepted(ex):
    _, e = one(ex, "President Ruto received the credentials of the new Ambassador of Germany at State House.")
    assert (e.type, e.actor, e.target) == ("SUPPORT", "KEN", "DEU")
    _, e = one(ex, "President Ruto received the German ambassador at State House.")
    assert (e.type, e.plover_mode) == ("CONSULT", "host")


def test_a_protest_note_or_demarche_delivered_is_a_protest_not_aid(ex):
    _, e = one(ex, "The US ambassador delivered a protest note to the Chinese foreign ministry.")
    assert (e.type, e.actor, e.target) == ("ACCUSE", "USA", "CHN")
    _, e = one(ex, "Russia delivered S-400 missiles to Turkey.")
    assert (e.type, e.target) == ("AID", "TUR")
    assert all(e.type != "AID" for e in read(ex, "The Swiss envoy delivered a message from Washington to Tehran.")[1])


def test_war_declared_on_a_state_and_land_ceded_to_one(ex):
    _, e = one(ex, "Britain and France declared war on Germany on 3 September 1939.")
    assert (e.type, e.actor, e.target) == ("THREATEN", "GBR", "DEU")
    assert read(ex, "The president declared war on drugs.")[1] == []
    _, e = one(ex, "Spain ceded the Philippines to the United States under the Treaty of Paris.")
    assert (e.type, e.actor, e.target) == ("RETREAT", "ESP", "USA")
    _, e = one(ex, "In 1979, the Soviet Union intervened militarily in Afghanistan.")
    assert (e.type, e.actor, e.target) == ("MOBILIZE", "RUS", "AFG")


def test_a_member_put_out_of_a_body_is_put_out_by_it(ex):
    _, e = one(ex, "South Africa was expelled from the Commonwealth in 1961.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "expel", "COMSEC", "ZAF")
    _, e = one(ex, "Russia was expelled from the Council of Europe in 2022.")
    assert (e.type, e.plover_mode, e.actor, e.target) == ("SANCTION", "expel", "COE", "RUS")
    # money withdrawn from a body is still withdrawn by the one who gave it
    _, e = one(ex, "US funding was withdrawn from UNRWA after the allegations.")
    assert (e.actor, e.target) == ("USA", "UNO")
    _, e = one(ex, "Egypt was suspended from all African Union activities on Friday.")
    assert (e.type, e.target) == ("SANCTION", "EGY") and e.actor != "EGY"
    # people driven out of a state are still deported
    _, e = one(ex, "Hungary expelled Syrian refugees from its territory.")
    assert (e.type, e.plover_mode) == ("COERCE", "deport")


def test_forces_that_withdraw_pull_back_whatever_else_the_clause_names(ex):
    _, e = one(ex, "Serbian forces began withdrawing from Kosovo after Belgrade accepted an agreement with NATO.")
    assert (e.type, e.plover_mode, e.actor) == ("RETREAT", "withdraw", "SRB")
    _, e = one(ex, "Burkina Faso withdrew from ECOWAS.")
    assert (e.type, e.plover_mode) == ("SANCTION", "withdraw")


def test_near_misses_of_this_sessions_rules(ex):
    """Sentences a review found the new rules misread: none of them is the act the rule is for."""
    def types(text):
        return {(e.type, e.plover_mode) for e in read(ex, text)[1]}
    assert ("ASSAULT", "firearms") not in types("India launched Operation Kaveri to evacuate its citizens from Sudan.")
    assert not any(t == "ASSAULT" for t, _ in types("Europol launched an operation against cybercriminals in Germany."))
    assert not any(t == "ASSAULT" for t, _ in types("The Bank of Japan launched an operation to buy government bonds."))
    _, e = one(ex, "Russia attacked Georgia in 2008, and the United States sent aid to it.")
    assert e.target == "GEO"  # the main event; the aid is not aimed at Russia
    assert all(e.target != "RUS" for e in read(ex, "Russia attacked Georgia in 2008, and the United States sent aid to it.")[1] if e.type == "AID")
    assert ("CONSULT", "visit") not in types("Xi Jinping greeted Joe Biden with a handshake at the G20 summit in Bali.")
    assert ("SANCTION", "expel") not in types("The Kremlin dismissed the British government as irrelevant.")
    assert not any(t == "ASSAULT" for t, _ in types("Sunak crushed a Tory rebellion over the Rwanda bill in parliament."))
    assert ("MOBILIZE", "troops") in types("NATO deployed more troops to Estonia against the Russian threat.")
    assert not any(t == "SUPPORT" for t, _ in types("President Biden received a letter from Kim Jong Un."))
    assert not any(t == "CONSULT" for t, _ in types("Russia published a recording of a phone conversation between German officers."))
    assert not any(t == "RETREAT" for t, _ in types("France ceded the first set to Spain in the Davis Cup final."))
    assert not any(t == "THREATEN" for t, _ in types("Trump declared a trade war on China."))
    assert ("RETREAT", "access") not in types("The US threw open the door to talks with Iran.")
    assert ("RETREAT", "disarm") not in types("The United States abandoned weapons worth billions in Afghanistan.")
    assert ("RETREAT", "withdraw") not in types("The Sudanese army withdrew from the Jeddah talks with the RSF.")


def test_a_bailout_received_an_air_campaign_begun_and_troops_sent_to_shore_up_a_government(ex):
    _, e = one(ex, "Ireland received a bailout of 85 billion euros from the European Union and the IMF.")
    assert (e.type, e.target) == ("AID", "IRL") and e.actor != "IRL"
    _, e = one(ex, "NATO began an air campaign against Libya in March 2011.")
    assert (e.type, e.plover_mode, e.target) == ("ASSAULT", "aerial", "LBY")
    _, e = one(ex, "Rwanda sent troops to defend the government of the Central African Republic.")
    assert (e.type, e.actor, e.target) == ("AID", "RWA", "CAF")
    _, e = one(ex, "India sent troops to defend the border with China.")
    assert e.type == "MOBILIZE"


def test_a_ruler_who_flees_abroad_or_departs_the_country_leaves(ex):
    _, e = one(ex, "President Yanukovych fled to Russia after months of protests in Kyiv.")
    assert (e.type, e.actor) == ("RETREAT", "UKR")
    _, e = one(ex, "The Shah of Iran departed the country for Egypt on January 16.")
    assert (e.type, e.actor) == ("RETREAT", "IRN")
    assert all(e.type != "RETREAT" for e in read(ex, "Thousands of Syrians fled to Turkey.")[1])


def test_a_leader_removed_by_the_army_is_a_coup(ex):
    _, e = one(ex, "The Sudanese armed forces have removed President Bashir and placed him in detention.")
    assert (e.type, e.plover_mode, e.actor) == ("COERCE", "seize", "SDN")
    _, e = one(ex, "The Governor-General of Australia dismissed the Whitlam government.")
    assert (e.type, e.plover_mode) == ("SANCTION", "expel")


def test_a_collective_defence_clause_invoked_is_support(ex):
    _, e = one(ex, "NATO allies invoked Article 5 after the attack on Turkey, declaring it an attack on all members.")
    assert (e.type, e.actor) == ("SUPPORT", "NATO")
    assert all(e.type != "SUPPORT" for e in read(ex, "Britain invoked Article 50 of the Treaty on European Union.")[1])


def test_near_misses_of_the_last_rules(ex):
    def types(text):
        return {e.type for e in read(ex, text)[1]}
    assert "RETREAT" not in types("President Xi departed Beijing for Moscow on a state visit.")
    assert "RETREAT" not in types("Opposition leader Juan Guaidó fled to Spain.")
    assert "ASSAULT" not in types("The World Food Programme began an air-drop campaign in South Sudan.")
    assert "AID" not in types("The embassy received a suspicious package from Somalia.")
    assert "SUPPORT" not in types("The US invoked a provision of the Defense Production Act against China.")
    assert "AID" not in types("Russia sent troops to support the rebel government in Donetsk.")
