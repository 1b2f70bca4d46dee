"""Invented same-site corpora: site templates wrapped around invented article bodies.

Each template prints what real scrapes carry — navigation, a byline whose author and
reading time vary, a date line, calls to action, a promo table printed 2-3 times, a comment
counter, a related-articles footer, a copyright year — around a body drawn from the pools
below. The generator knows each body, so it also gives the exact text cleaner should
output (paragraphs separated by one blank line, bullets as "- item", final "\\n") and the
metadata. random.Random(seed) makes every corpus reproducible.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

SENTENCES = """\
The council voted on Tuesday to extend the pilot for another year.
Residents had asked for the change since the spring.
Costs rose by about a fifth compared with the previous season.
Several suppliers said they could not keep up with demand.
The plan still needs approval from the regional board.
Critics argue the numbers leave out maintenance costs.
A spokesperson declined to comment on the timing.
Early results suggest the approach works better in smaller towns.
The team tested the idea with a group of volunteers first.
Most of the funding comes from a grant that ends next year.
Officials expect the first results to arrive before the summer.
The report lists three reasons for the delay.
Local shops reported a busy weekend after the announcement.
The new rules apply to contracts signed after the first of the month.
Engineers replaced the old pumps with quieter models.
A second phase would cover the northern districts.
The company said it would publish the full figures later.
Farmers in the valley have tried similar methods for decades.
Prices at the market stayed flat for most of the quarter.
The idea is simple, but getting it right takes patience.
Water the seedlings in the morning so the leaves dry by evening.
A thin layer of mulch keeps the soil from drying out too fast.
Most beginners plant too early and lose the first batch to frost.
Compost made from kitchen scraps is ready in about three months.
The recipe calls for less sugar than the classic version.
Toast the spices in a dry pan before adding them to the pot.
The restaurant seats forty people and takes no bookings.
Its owners spent two years looking for the right location.
The menu changes every week depending on what the market has.
Diners can expect a short wait on Friday evenings.
Trading volume on the exchange fell for a third straight week.
Analysts said the drop reflected a quiet holiday period.
The token lost some of its gains after the announcement.
Developers pushed the upgrade back by two weeks to fix a bug.
Regulators have asked for more detail on how reserves are held.
The wallet now supports two more networks.
Fees on the network reached their lowest level this year.
Long-term holders moved fewer coins than in previous months.
The firm plans to hire around fifty engineers by the end of the year.
Users will be able to switch the feature off in their settings.
The museum reopens next month after a long renovation.
Visitors will find the main hall brighter than before.
The collection includes maps that have never been shown in public.
School leaders welcomed the decision but asked for clearer guidance.
Parents can apply online or at the town hall.
The library extended its opening hours on weekdays.
A new bus route links the station with the hospital.
Cyclists say the junction is still dangerous at night.
The bridge will close for repairs during two weekends in autumn.
Drivers are advised to plan their journeys in advance.
The festival drew more visitors than organisers had expected.
Tickets for the final night sold out within an hour.
Organisers hope to add a second stage next year.
The band played songs from their first album for the first time in years.
A survey of members found broad support for the proposal.
The board will meet again in six weeks to review progress.
Some of the older buildings need new roofs before winter.
Volunteers planted more than two hundred trees along the river.
The river path is popular with runners early in the day.
Researchers measured the air quality at a dozen sites across the city.""".splitlines()

SUBJECTS = [
    "City Council",
    "Local Farmers",
    "Night Bus Network",
    "Harbour Museum",
    "Regional Board",
    "Riverside Library",
    "Market Traders",
    "Valley Growers",
    "Town Planners",
    "Stablecoin Issuers",
    "Exchange Operators",
    "Wallet Makers",
    "Street Food Vendors",
    "School Leaders",
    "Festival Organisers",
]
VERBS = [
    "Approves",
    "Rejects",
    "Delays",
    "Expands",
    "Rethinks",
    "Tests",
    "Backs",
    "Questions",
    "Launches",
    "Pauses",
    "Revives",
    "Welcomes",
]
OBJECTS = [
    "New Bike Lanes",
    "Winter Opening Hours",
    "Rooftop Gardens",
    "Fee Cuts",
    "Community Compost Scheme",
    "Late Night Service",
    "Reserve Audits",
    "Weekend Market",
    "Seed Library",
    "Tasting Menu",
    "River Clean Up",
    "Token Upgrade",
    "Flood Barriers",
    "Summer Programme",
    "Digital Tickets",
]
FIRST = [
    "Jane",
    "Ali",
    "Maria",
    "Tomás",
    "Li",
    "Ana",
    "Pieter",
    "Grace",
    "Omar",
    "Sofia",
    "Daniel",
    "Amara",
    "Kenji",
    "Leila",
    "Rosa",
    "Marcus",
]
LAST = [
    "Roe",
    "Khan",
    "Novak",
    "Ferreira",
    "Wei",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Brennan",
    "Silva",
    "Takahashi",
    "Mensah",
    "Kowalska",
]
SPECIAL_NAMES = ["Ana de Souza", "Pieter van Dijk", "Mary Ann Lee", "Jean-Luc Martin"]
SUBHEADS = [
    "What happens next",
    "Why it matters",
    "The numbers",
    "A slow start",
    "Looking ahead",
    "What readers asked",
    "How it works",
    "The bigger picture",
]
BULLET_VERBS = ["Check", "Compare", "Plan", "Keep", "Note", "Ask about", "Look for", "Avoid"]
BULLET_OBJECTS = [
    "the opening times",
    "the weekly prices",
    "a spare battery",
    "the local rules",
    "the soil temperature",
    "the delivery fees",
    "the seasonal menu",
    "the map of the route",
    "the booking terms",
    "the wind forecast",
]
PROMO_ITEMS = [
    "Kraken — fees from 0.16%",
    "Bitstamp — fees from 0.30%",
    "Coinbase — fees from 0.40%",
    "Bitvavo — fees from 0.15%",
    "OKX — fees from 0.08%",
    "Bybit — fees from 0.10%",
]
MONTHS = list(calendar.month_name)[1:]  # English: Python leaves LC_TIME at "C"
SECTIONS = ["Recipes", "Restaurants", "City Guides", "Markets", "Drinks"]
TAGS = ["Roses", "Pruning", "Soil", "Winter care", "Seedlings", "Compost", "Herbs", "Balcony gardens"]

TOWNS = ["Millbrook", "East Haven", "Cedar Falls", "Northfield", "Lakeside", "Old Mill", "Riverton", "Westbury"]
ROLES = ["Staff Writer", "Senior Reporter", "Contributing Writer", "Photographer", "Local News Editor"]
DESKS = ["Local", "Environment", "Transport", "Schools", "Health", "Housing", "Courts"]
EVENTS = [
    "The farmers market opens at 8 a.m. in the station car park.",
    "Free guided walks leave from the library every hour.",
    "The brass band plays on the green from noon.",
    "A craft fair fills the old mill with more than forty stalls.",
    "Children can try pottery at the community centre.",
    "The open-air cinema shows a family film after sunset.",
    "Volunteers lead a litter pick along the river path.",
    "The museum is free to enter all day.",
    "A charity run starts at the harbour at 9 a.m.",
    "Local choirs sing in the church hall in the evening.",
]
CAPTIONS = [
    "Volunteers clear branches from the river path",
    "The new footbridge seen from the east bank",
    "Stallholders set up before the market opens",
    "A pupil tests the new science lab",
    "Crowds gather outside the town hall",
    "Workers repair the roof of the old library",
    "The flooded field behind the sports ground",
    "Runners pass the harbour wall",
    "A heron waits on the weir",
    "Residents look at the plans on display",
]


@dataclass
class Scrape:
    """One generated page: the raw scrape, and what cleaner should make of it."""

    text: str
    body: str  # the clean text cleaner should output, exactly
    meta: dict[str, object] = field(default_factory=dict)  # title, author, reading_time, date, categories, tags


def headline(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def author(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(SPECIAL_NAMES)
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(2, 4)))


def body_blocks(rng: random.Random) -> list[tuple[str, object]]:
    """("p", text), ("h", subheading) or ("ul", [items]); starts and ends with a paragraph."""
    blocks: list[tuple[str, object]] = [("p", paragraph(rng))]
    for _ in range(rng.randint(2, 6)):
        roll = rng.random()
        if roll < 0.15:
            blocks.append(("h", rng.choice(SUBHEADS)))
        elif roll < 0.3:
            items = [f"{rng.choice(BULLET_VERBS)} {rng.choice(BULLET_OBJECTS)}" for _ in range(rng.randint(2, 4))]
            blocks.append(("ul", list(dict.fromkeys(items))))
        blocks.append(("p", paragraph(rng)))
    return blocks


def expected(blocks: list[tuple[str, object]]) -> str:
    """The body as cleaner renders it."""
    out = []
    for kind, value in blocks:
        out.append("\n".join(f"- {item}" for item in value) if kind == "ul" else value)
    return "\n\n".join(out) + "\n"


def scraped(blocks: list[tuple[str, object]], bullet: str = "• ", spaced_items: bool = False) -> list[str]:
    """The body as a scrape prints it: blank lines between blocks, bullets with a glyph."""
    lines: list[str] = []
    for kind, value in blocks:
        if kind == "ul":
            for item in value:
                lines += [f"  {bullet}{item}"] + ([""] if spaced_items else [])
            if spaced_items:
                lines.pop()
        else:
            lines.append(value)
        lines.append("")
    return lines[:-1]


def related(rng: random.Random, k: int) -> list[str]:
    return [headline(rng) for _ in range(k)]


def date_parts(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)


def iso(y: int, m: int, d: int) -> str:
    """The date as the metadata gives it (ISO 8601, cleaner.dates), whatever the page prints."""
    return f"{y}-{m:02d}-{d:02d}"


# ---- the site templates ----------------------------------------------------------------------


def daily_ledger(rng: random.Random) -> Scrape:
    """News site: nav bar, 'By X | N min read', 'Published Month D, YYYY', share CTA, counter, Related Articles."""
    blocks, title, who, rt = body_blocks(rng), headline(rng), author(rng), rng.randint(2, 15)
    y, m, d = date_parts(rng)
    date = f"{MONTHS[m - 1]} {d}, {y}"
    lines = [
        "Daily Ledger",
        "Home | World | Business | Tech | Opinion",
        "Subscribe for $1 a week",
        "",
        title,
        f"By {who} | {rt} min read",
        f"Published {date}",
        "",
        *scraped(blocks),
        "",
        "Enjoyed this story? Share it with a friend.",
        f"{rng.randint(0, 250)} Comments",
        "",
        "Related Articles",
        *related(rng, 3),
        "",
        f"© {rng.randint(2019, 2025)} Daily Ledger Media. All rights reserved.",
    ]
    meta = {"title": title, "author": who, "reading_time": rt, "date": iso(y, m, d)}
    return Scrape("\n".join(lines) + "\n", expected(blocks), meta)


def green_thumb(rng: random.Random) -> Scrape:
    """Garden blog: menu one item per line, 'Written by X', 'Mon D, YYYY · N min read', tags, counters, More from."""
    blocks, title, who, rt = body_blocks(rng), headline(rng), author(rng), rng.randint(2, 15)
    y, m, d = date_parts(rng)
    date = f"{MONTHS[m - 1][:3]} {d}, {y}"
    tags = rng.sample(TAGS, rng.randint(2, 3))
    lines = [
        "Skip to main content",
        "GreenThumb Journal",
        "Blog",
        "Shop",
        "About",
        "Log In",
        "",
        title,
        f"Written by {who}",
        f"{date} · {rt} min read",
        "",
        *scraped(blocks, bullet="• ", spaced_items=True),
        "",
        "Tags: " + ", ".join(tags),
        f"{rng.randint(1, 900)} views · {rng.randint(0, 40)} comments",
        "",
        "More from GreenThumb Journal",
        *related(rng, 2),
        "See All",
        "",
        f"Copyright © {rng.randint(2019, 2025)} GreenThumb Journal",
    ]
    meta = {"title": title, "author": who, "reading_time": rt, "date": iso(y, m, d), "tags": tuple(tags)}
    return Scrape("\n".join(lines) + "\n", expected(blocks), meta)


def chain_wire(rng: random.Random) -> Scrape:
    """Crypto news: breadcrumb, 'N mins', 'Written by X', 'D Month YYYY', Telegram CTA,
    a promo table printed 2-3 times inside the body, disclaimer, counter, Read next."""
    blocks, title, who, rt = body_blocks(rng), headline(rng), author(rng), rng.randint(2, 15)
    y, m, d = date_parts(rng)
    date = f"{d} {MONTHS[m - 1]} {y}"
    promo = [f"Best exchanges for {rng.choice(MONTHS)} {rng.randint(2023, 2025)}", *rng.sample(PROMO_ITEMS, 3)]
    copies = promo * rng.randint(2, 3) + ([promo[0]] if rng.random() < 0.5 else [])
    body = scraped(blocks, bullet="- ")
    paras = [i for i, line in enumerate(body) if line and i > 0 and body[i - 1] == "" and i < len(body) - 1]
    at = rng.choice(paras) if paras else len(body)
    body = body[:at] + copies + [""] + body[at:]
    lines = [
        "ChainWire",
        "News    Prices    Learn    Podcasts",
        f"Markets / {rng.choice(['Bitcoin', 'DeFi', 'Regulation', 'Altcoins', 'NFTs'])}",
        "",
        title,
        f"{rt} mins",
        f"Written by {who}",
        date,
        "Join our community on Telegram",
        "",
        *body,
        "",
        "Disclaimer: The information on this page is not financial advice.",
        f"{rng.randint(0, 99)} comments",
        "Read next",
        *related(rng, 4),
        f"© ChainWire {rng.randint(2019, 2025)}",
    ]
    meta = {"title": title, "author": who, "reading_time": rt, "date": iso(y, m, d)}
    return Scrape("\n".join(lines) + "\n", expected(blocks), meta)


def metro_eats(rng: random.Random) -> Scrape:
    """Food guide: section and date line above the headline, 'Words by X, N min read',
    newsletter box, categories list right above 'You might also like'."""
    blocks, title, who, rt = body_blocks(rng), headline(rng), author(rng), rng.randint(2, 15)
    y, m, d = date_parts(rng)
    date = f"{d} {MONTHS[m - 1][:3]} {y}"
    cats = rng.sample(SECTIONS, rng.randint(2, 3))
    lines = [
        "METRO EATS",
        "Recipes · Restaurants · Guides · Newsletter",
        "Sign up for our weekly newsletter",
        "",
        f"{rng.choice(SECTIONS)} | {date}",
        title,
        f"Words by {who}, {rt} min read",
        "",
        *scraped(blocks, bullet="* "),
        "",
        "Comments (" + str(rng.randint(0, 60)) + ")",
        ", ".join(cats),
        "You might also like",
        *related(rng, 3),
        f"{rng.randint(2019, 2025)} © Metro Eats Ltd.",
    ]
    meta = {"title": title, "author": who, "reading_time": rt, "date": iso(y, m, d), "categories": tuple(cats)}
    return Scrape("\n".join(lines) + "\n", expected(blocks), meta)


# ---- measured-only templates ---------------------------------------------------------
# Written after the learner, as a new user would write scrapes of local-news sites: the
# benchmark (benchmarks/learn_corpora.py) reports how often they come out exactly; the
# tests that hold the learner to exact output run over TEMPLATES only.


def clock(rng: random.Random) -> tuple[int, int, str]:
    """(hour 0-23, minute, printed "4:45 p.m.")"""
    h, mi = rng.randint(0, 23), rng.choice([0, 5, 15, 20, 30, 45, 50])
    return h, mi, f"{(h - 1) % 12 + 1}:{mi:02d} {'a.m.' if h < 12 else 'p.m.'}"


def dated_related(rng: random.Random, k: int) -> list[str]:
    """Related posts, each a headline line followed by its date line."""
    out = []
    for _ in range(k):
        y, m, d = date_parts(rng)
        out += [headline(rng), f"{MONTHS[m - 1]} {d}, {y}"]
    return out


def valley_letters(rng: random.Random) -> Scrape:
    """Letters page: 'Opinion › Letters' breadcrumb, no byline, 1-3 letters each with its own
    heading, 'To the editor:' and a signature line (all kept), a submission note below."""
    title = f"Letters: {headline(rng)}"
    y, m, d = date_parts(rng)
    blocks: list[tuple[str, object]] = []
    for _ in range(rng.randint(1, 3)):
        blocks.append(("h", rng.choice(SUBHEADS)))
        blocks.append(("p", "To the editor:"))
        blocks += [("p", paragraph(rng)) for _ in range(rng.randint(1, 3))]
        blocks.append(("p", f"{author(rng)}, {rng.choice(TOWNS)}"))
    lines = [
        "The Valley Courier",
        "News | Sport | Opinion | Obituaries | Classifieds",
        "Subscribe",
        "",
        "Opinion › Letters",
        title,
        f"{MONTHS[m - 1]} {d}, {y}",
        "",
        *scraped(blocks),
        "",
        "Letters should be no longer than 250 words. Send yours to letters@valleycourier.example.",
        "Share this:",
        "Facebook",
        "Email",
        "",
        f"© {rng.randint(2019, 2025)} The Valley Courier",
    ]
    meta = {"title": title, "author": None, "date": iso(y, m, d)}
    return Scrape("\n".join(lines) + "\n", expected(blocks), meta)


def harbour_events(rng: random.Random) -> Scrape:
    """Events roundup: 'News › Things to do', 'By X', 'Published <date> at <time> | Updated ...',
    'N min read', a body with 'Saturday, June 8: ...' date lines (kept), related posts with dates."""
    title, who, rt = f"Things to do: {headline(rng)}", author(rng), rng.randint(2, 9)
    y, m, d = date_parts(rng)
    h, mi, at = clock(rng)
    first = dt.date(y, m, d) + dt.timedelta(days=rng.randint(1, 10))
    blocks: list[tuple[str, object]] = [("p", paragraph(rng))]
    for k in range(rng.randint(2, 4)):
        day = first + dt.timedelta(days=k)
        printed = f"{calendar.day_name[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
        blocks.append(("p", f"{printed}: {' '.join(rng.sample(EVENTS, 2))}"))
    blocks.append(("p", paragraph(rng)))
    updated = f"{MONTHS[m - 1]} {min(d + 1, 28)}, {y} at {clock(rng)[2]}"
    lines = [
        "Harbour Herald",
        "News  Sport  What's On  Business  Opinion  Obituaries",
        "Log in | Subscribe",
        "",
        "News › Things to do",
        title,
        f"By {who}",
        f"Published {MONTHS[m - 1]} {d}, {y} at {at} | Updated {updated}",
        f"{rt} min read",
        "",
        *scraped(blocks),
        "",
        f"{rng.randint(0, 80)} comments",
        "",
        "Related",
        *dated_related(rng, 3),
        "",
        f"© {rng.randint(2019, 2025)} Harbour Herald. All rights reserved.",
    ]
    meta = {"title": title, "author": who, "reading_time": rt, "date": f"{iso(y, m, d)}T{h:02d}:{mi:02d}:00"}
    return Scrape("\n".join(lines) + "\n", expected(blocks), meta)


def riverside_photos(rng: random.Random) -> Scrape:
    """Photo-led page: lead photo caption above the body and captions between paragraphs
    ('… Photo: Name / Riverside Post', removed), byline 'Jane Roe, Staff Writer' (no 'By'),
    a gallery counter, 'More photos' footer."""
    title, who = headline(rng), author(rng)
    y, m, d = date_parts(rng)

    def caption() -> str:
        return f"{rng.choice(CAPTIONS)}. Photo: {author(rng)} / Riverside Post"

    blocks = body_blocks(rng)
    body: list[str] = []
    for line in scraped(blocks):
        body.append(line)
        if line == "" and rng.random() < 0.3:
            body += [caption(), ""]
    lines = [
        "Riverside Post",
        "Menu",
        "Search",
        "",
        f"Gallery: {rng.randint(4, 24)} photos",
        caption(),
        "",
        title,
        f"{who}, {rng.choice(ROLES)}",
        f"{MONTHS[m - 1][:3]}. {d}, {y}",
        "",
        *body,
        "",
        "More photos",
        *related(rng, 3),
        "",
        f"Copyright {rng.randint(2019, 2025)} Riverside Post",
    ]
    meta = {"title": title, "author": who, "date": iso(y, m, d)}
    return Scrape("\n".join(lines) + "\n", expected(blocks), meta)


def northside_gazette(rng: random.Random) -> Scrape:
    """Local news: breadcrumb of depth 1-3 ('News › Local › Environment'), byline without 'By'
    ('Jane Roe, Staff Writer'), date with a time, 'N min read', a newsletter box inside the
    body, comment count, related posts with dates."""
    title, who, rt = headline(rng), author(rng), rng.randint(2, 12)
    y, m, d = date_parts(rng)
    h, mi, at = clock(rng)
    crumb = ["News", *rng.sample(DESKS, rng.randint(0, 2))]
    blocks = body_blocks(rng)
    body = scraped(blocks)
    gaps = [i for i, line in enumerate(body) if line == ""]
    at_gap = rng.choice(gaps) if gaps else len(body)
    box = ["", "The Morning Brief", "Local news in your inbox every weekday.", "Sign up"]
    body = body[:at_gap] + box + body[at_gap:]
    lines = [
        "Northside Gazette",
        "News | Sport | Business | Life | Opinion | E-edition",
        "",
        " › ".join(crumb),
        title,
        f"{who}, {rng.choice(ROLES)}",
        f"{MONTHS[m - 1]} {d}, {y} at {at}",
        f"{rt} min read",
        f"{rng.randint(0, 150)} comments",
        "",
        *body,
        "",
        "Related stories",
        *dated_related(rng, 2),
        "",
        f"© {rng.randint(2019, 2025)} Northside Gazette",
    ]
    meta = {"title": title, "author": who, "reading_time": rt, "date": f"{iso(y, m, d)}T{h:02d}:{mi:02d}:00"}
    return Scrape("\n".join(lines) + "\n", expected(blocks), meta)


TEMPLATES: dict[str, Callable[[random.Random], Scrape]] = {
    "daily-ledger": daily_ledger,
    "green-thumb": green_thumb,
    "chain-wire": chain_wire,
    "metro-eats": metro_eats,
}
# Measured only: benchmarks/learn_corpora.py reports their exact-clean rate; no test holds
# the learner to them (yet).
MEASURED: dict[str, Callable[[random.Random], Scrape]] = {
    "valley-letters": valley_letters,
    "harbour-events": harbour_events,
    "riverside-photos": riverside_photos,
    "northside-gazette": northside_gazette,
}
ALL_TEMPLATES = {**TEMPLATES, **MEASURED}


def corpus(template: str, seed: int, n: int = 4) -> list[Scrape]:
    """n scrapes of one site; the bodies all differ (fresh draws until they do)."""
    rng = random.Random(f"{template}:{seed}")
    pages: list[Scrape] = []
    while len(pages) < n:
        page = ALL_TEMPLATES[template](rng)
        if all(page.body != p.body for p in pages):
            pages.append(page)
    return pages
