"""A synthetic but realistic GDELT 2.0 events export, for benchmarks (never committed).

Rows follow the 61-column layout of the real export: country and type codes in CAMEO form,
CAMEO event codes in roughly GDELT's proportions (statements, consultations and visits most
common, then verbal conflict, then force), day dates over one month, geography, tone, and a
source URL per row. As in GDELT, one story is reported by several outlets: about a third of
the rows repeat an earlier row's actors, event and day under another URL.
"""

from __future__ import annotations

import random
from pathlib import Path

COUNTRIES = [  # (CAMEO country code, name as GDELT writes it, weight)
    ("USA", "UNITED STATES", 30), ("GBR", "UNITED KINGDOM", 6), ("RUS", "RUSSIA", 8), ("CHN", "CHINA", 7),
    ("UKR", "UKRAINE", 6), ("ISR", "ISRAEL", 6), ("PSE", "PALESTINE", 3), ("IRN", "IRAN", 4),
    ("FRA", "FRANCE", 4), ("DEU", "GERMANY", 3), ("IND", "INDIA", 5), ("PAK", "PAKISTAN", 3),
    ("TUR", "TURKEY", 3), ("SYR", "SYRIA", 2), ("PRK", "NORTH KOREA", 1), ("KOR", "SOUTH KOREA", 2),
    ("JPN", "JAPAN", 2), ("NGA", "NIGERIA", 2), ("EGY", "EGYPT", 2), ("SAU", "SAUDI ARABIA", 2),
    ("ROM", "ROMANIA", 1), ("POL", "POLAND", 1), ("SWE", "SWEDEN", 1), ("VEN", "VENEZUELA", 1),
    ("AFG", "AFGHANISTAN", 2), ("SDN", "SUDAN", 1), ("ZAR", "CONGO", 1), ("BRA", "BRAZIL", 2),
]  # fmt: skip
TYPES = [("GOV", 40), ("", 25), ("MIL", 10), ("COP", 6), ("OPP", 3), ("REB", 2), ("CVL", 6), ("BUS", 4), ("MED", 4)]
EVENTS = [  # (CAMEO code, weight): roughly the shape of a day of GDELT
    ("010", 12), ("012", 2), ("013", 2), ("020", 3), ("036", 4), ("040", 7), ("042", 5), ("043", 5), ("046", 3),
    ("051", 4), ("057", 2), ("061", 2), ("071", 2), ("0841", 1), ("090", 1), ("111", 3), ("112", 4), ("120", 2),
    ("130", 2), ("138", 1), ("141", 2), ("160", 1), ("163", 1), ("172", 1), ("173", 4), ("180", 2), ("190", 4),
    ("193", 2), ("195", 1),
]  # fmt: skip
DOMAINS = ["apnews.com", "reuters.com", "bbc.co.uk", "aljazeera.com", "theguardian.com", "dw.com",
           "timesofindia.indiatimes.com", "scmp.com", "kyivindependent.com", "news.yahoo.com",
           "france24.com", "nhk.or.jp", "thehindu.com", "allafrica.com", "abc.net.au"]  # fmt: skip
PLACES = [("Washington, District of Columbia, United States", "US"), ("Moscow, Moskva, Russia", "RS"),
          ("Kyiv, Kyyiv, Misto, Ukraine", "UP"), ("Beijing, Beijing, China", "CH"), ("Gaza, Israel (general), Israel", "IS"),
          ("Tehran, Tehran, Iran", "IR"), ("London, London, City of, United Kingdom", "UK"), ("Paris, France (general), France", "FR"),
          ("New Delhi, Delhi, India", "IN"), ("Pyongyang, P'yongyang-si, North Korea", "KN"), ("Khartoum, Khartoum, Sudan", "SU")]  # fmt: skip


def _choices(pairs, rng, k):
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights, k=k)


def rows(n: int, seed: int = 7, first_id: int = 1_200_000_000, year: int = 2024, month: int = 11):
    rng = random.Random(seed)
    countries = [(c, name) for c, name, _ in COUNTRIES]
    cweights = [w for *_, w in COUNTRIES]
    recent: list[tuple] = []
    for i in range(n):
        gid = first_id + i
        if recent and rng.random() < 0.33:
            a1, a2, t1, t2, code, day, place = rng.choice(recent)  # another outlet, same story
        else:
            a1 = rng.choices(countries, cweights)[0]
            a2 = rng.choices(countries, cweights)[0] if rng.random() < 0.8 else None
            t1, t2 = _choices(TYPES, rng, 2)
            code = _choices(EVENTS, rng, 1)[0]
            day = rng.randint(1, 28)
            place = rng.choice(PLACES)
            recent.append((a1, a2, t1, t2, code, day, place))
            if len(recent) > 500:
                recent.pop(0)
        sqldate = f"{year}{month:02d}{day:02d}"
        actor1 = [a1[0] + t1, a1[1], a1[0], "", "", "", "", t1, "", ""]
        if rng.random() < 0.04:  # an actor with no country ("police", "protesters")
            actor1 = [t1 or "CVL", (t1 or "civilian").lower(), "", "", "", "", "", t1 or "CVL", "", ""]
        actor2 = [a2[0] + t2, a2[1], a2[0], "", "", "", "", t2, "", ""] if a2 else [""] * 10
        root = code[:2]
        quad = "1" if root <= "05" else "2" if root <= "08" else "3" if root <= "13" else "4"
        geo = [str(rng.choice((1, 3, 4))), place[0], place[1], place[1] + "00", "", f"{rng.uniform(-40, 60):.4f}",
               f"{rng.uniform(-120, 140):.4f}", str(rng.randint(1000, 999999))]
        domain = rng.choice(DOMAINS)
        url = f"https://www.{domain}/world/{sqldate}-{rng.getrandbits(40):x}"
        yield [
            str(gid), sqldate, sqldate[:6], sqldate[:4], f"{year}.{(month * 30 + day) * 100 // 365:04d}",
            *actor1, *actor2,
            "1" if rng.random() < 0.6 else "0", code, code[:3], root, quad,
            f"{rng.uniform(-10, 10):.1f}", str(rng.randint(1, 20)), str(rng.randint(1, 5)), str(rng.randint(1, 20)),
            f"{rng.uniform(-8, 4):.6f}",
            *geo, *geo, *geo,
            f"{sqldate}{rng.randint(0, 23):02d}{rng.choice((0, 15, 30, 45)):02d}00", url,
        ]


def write(path: Path, n: int, seed: int = 7) -> Path:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows(n, seed):
            assert len(r) == 61
            f.write("\t".join(r) + "\n")
    return path


if __name__ == "__main__":
    import sys

    write(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
