"""Screenshot the HTML report and the web UI with headless Chromium (Playwright).

    claimledger analyze /work/shared/seeds --out /tmp/run
    python tools/screenshots.py /tmp/run            # -> docs/screenshots/{report,ui}.png

Reads RUN/report.html and RUN/ledger.sqlite, as `claimledger analyze --out RUN` writes them.
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from claimledger.serve import make_server
from claimledger.store import Store

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="folder written by `claimledger analyze --out`")
    parser.add_argument("--dest", type=Path, default=Path("docs/screenshots"))
    parser.add_argument(
        "--query", default="q=percent&verdict=conflict", help="query string shown in ui.png"
    )
    parser.add_argument(
        "--sections", action="store_true", help="also report-{timeline,framing,graph,articles}.png"
    )
    args = parser.parse_args()
    args.dest.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1500})
        page.goto((args.run / "report.html").resolve().as_uri())
        facts = page.locator("details.fact")
        if facts.count():
            facts.first.locator("summary").click()
            # Opening a fact scrolls it into view; the shot starts at the page's title.
            page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=args.dest / "report.png")
        for section in ("timeline", "framing", "graph", "articles") if args.sections else ():
            page.locator(f"#{section}").scroll_into_view_if_needed()
            page.screenshot(path=args.dest / f"report-{section}.png")

        with Store.open(args.run / "ledger.sqlite") as store:
            server = make_server(store, "127.0.0.1", 0)
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            try:
                # The results page is short: a full-page shot at a lower viewport, not a
                # tall one that is mostly empty.
                page.set_viewport_size({"width": 1280, "height": 720})
                page.goto(f"{server.url}search?{args.query}")
                page.screenshot(path=args.dest / "ui.png", full_page=True)
            finally:
                server.shutdown()
                server.server_close()
        browser.close()
    print(f"wrote screenshots to {args.dest}")


if __name__ == "__main__":
    main()
