"""Render a seed's `cleaner explain --format html` page in headless Chromium, as the PNG
the README shows (docs/explain-page.png). Outside the test suite: it needs Chromium
(Debian: `apt-get install chromium`), and its pixels differ by Chromium version and fonts.

    python docs/render_explain.py                         # the README's seed, to docs/
    python docs/render_explain.py seeds/001_b9632fe39d55557e.txt -o /tmp/shot.png --height 3600
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/002_6a35ec191f6cc795.txt"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scrape", nargs="?", default=SEED, help=f"input for cleaner explain (default {SEED})")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "explain-page.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1700)
    args = parser.parse_args()
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        sys.exit("no Chromium found; on Debian: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        # from the repository's root, so the page names the seed as the README's command does
        command = [sys.executable, "-m", "cleaner", "explain", args.scrape, "--format", "html", "-o", str(page)]
        subprocess.run(command, cwd=ROOT, check=True)
        shot = [
            browser,
            "--headless",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--window-size={args.width},{args.height}",
            f"--screenshot={args.output.resolve()}",
            page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            shot.insert(1, "--no-sandbox")  # Chromium will not start as root with its sandbox
        subprocess.run(shot, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    print(f"{args.output}: {args.scrape} at {args.width}x{args.height}")


if __name__ == "__main__":
    main()
