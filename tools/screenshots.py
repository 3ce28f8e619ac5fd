"""Screenshots of the analyst's desk for the README: `make screenshots` (writes docs/*.png).

    .venv/bin/python tools/screenshots.py [OUT_DIR] [--chromium /usr/bin/chromium]

Builds the default database in a temporary folder, starts `legation serve` on it, reads one
article through the API, and photographs each view in Debian's Chromium.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "screenshots"
ARTICLE = {
    "title": "Poland returns to Pyongyang",
    "published": "2024-11-20",
    "text": "Poland reopened its embassy in North Korea on Friday, the second Western country to return after "
    "Sweden.\n\nIntelligence reports suggest up to 12,000 North Korean troops have been sent to Russia's Kursk "
    "region. NATO claims Russia is exchanging missile technology with North Korea. Officials said Germany "
    "may reopen its embassy next year.",
}
VIEWS = {
    "desk-map.png": ("/?view=map&at=2024-11-20&host=PRK", "map|2024-11-20|PRK|present"),
    "desk-network.png": ("/?view=network&at=2024-11-20&a=NATO&b=North+Korea", "network|2024-11-20|NATO|North Korea"),
    "desk-timeline.png": ("/?view=timeline&at=2024-11-20&actor=PRK", "timeline|2024-11-20|PRK|||false"),
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run"]  # fmt: skip


def shoot(out: Path, chromium: str = "/usr/bin/chromium") -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "legation.duckdb"
        subprocess.run([sys.executable, "-m", "legation", "load", "--db", str(db)], check=True, capture_output=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "legation", "serve", "--db", str(db), "--port", str(port),
                                   "--token", TOKEN], stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(base + "/api/v1/groups", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            written = []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 820})
                # The article first, through the form, as an analyst would send it.
                page.goto(base + "/?view=article&at=2024-11-20")
                page.wait_for_selector('body[data-drawn="article|"]', timeout=60_000)
                page.fill("#art-title", ARTICLE["title"])
                page.fill("#art-published", ARTICLE["published"])
                page.fill("#art-text", ARTICLE["text"])
                page.fill("#art-token", TOKEN)
                page.click("#art-go")
                page.wait_for_selector("#art-text-out mark.ev", timeout=300_000)
                page.screenshot(path=str(out / "desk-article.png"))
                written.append(out / "desk-article.png")
                for name, (path, drawn) in VIEWS.items():
                    page.goto(base + path)
                    page.wait_for_selector(f'body[data-drawn="{drawn}"]', timeout=60_000)
                    page.wait_for_timeout(400)  # let the map and the graph settle
                    page.screenshot(path=str(out / name))
                    written.append(out / name)
                browser.close()
            return written
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", type=Path, default=ROOT / "docs")
    ap.add_argument("--chromium", default=os.environ.get("LEGATION_CHROMIUM", "/usr/bin/chromium"))
    args = ap.parse_args()
    for path in shoot(args.out, args.chromium):
        print(path)


if __name__ == "__main__":
    main()
