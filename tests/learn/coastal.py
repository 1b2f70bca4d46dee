"""Five scrapes of a regional news site (a new user's report): the headline, standfirst,
byline with a varying role, a dateline with a clock time and time zone, a share bar, an
advertisement line, a related-articles list that changes from page to page (one scrape's
headline is another's related link) and a footer."""

from __future__ import annotations

NAV = ["Skip to main content", "Menu", "Home", "News", "Politics", "Business", "Sport", "Subscribe", "Sign in"]
SHARE = ["Share", "Facebook", "Twitter", "WhatsApp", "Email", "Copy link"]
FOOTER = [
    "Most read",
    "Follow us",
    "About us",
    "Contact",
    "Privacy policy",
    "© 2024 The Coastal Herald Ltd. All rights reserved.",
]

ARTICLES = [
    {
        "section": "Local",
        "title": "Seafront cycle lane plans approved after long debate",
        "standfirst": "Councillors vote 9-4 in favour of the scheme despite traders' objections",
        "author": "Margaret Ellison",
        "role": "Transport Correspondent",
        "dateline": "Published 3 May 2024, 09:10 BST",
        "date": "2024-05-03T09:10:00+01:00",
        "body": [
            "A two-way cycle lane will run the length of the promenade from next spring after councillors "
            "backed the plans at a meeting that lasted more than four hours.",
            "Traders on Marine Parade had argued that losing parking bays would cost them customers, but "
            "the council said footfall surveys from other towns showed the opposite.",
        ],
        "closing": "Work is expected to begin in February and last about six months.",
        "related": ["Ferry fares to rise by 8% from April", "Harbour wall repairs delayed until autumn"],
    },
    {
        "section": "Business",
        "title": "Pier arcade owner buys historic Grand Hotel",
        "standfirst": "The family firm plans to reopen the building as a hotel and events venue",
        "author": "Tom Whitcombe",
        "role": "Business Reporter",
        "dateline": "Published 14 January 2024, 16:45 GMT",
        "date": "2024-01-14T16:45:00+00:00",
        "body": [
            "The Grand Hotel, which has stood empty since it closed during the pandemic, has been sold to "
            "the family that runs the amusement arcade on the pier.",
            "The new owners said they would restore the ballroom and the original tiled entrance hall, "
            "which is listed, before opening the first rooms next summer.",
        ],
        "closing": "The sale price has not been disclosed.",
        "related": ["Seafront cycle lane plans approved after long debate", "Ferry fares to rise by 8% from April"],
    },
    {
        "section": "Environment",
        "title": "Bathing water rated excellent for third year running",
        "standfirst": "Tests at North Beach found the lowest bacteria levels since records began",
        "author": "Priya Raman",
        "role": "Environment Reporter",
        "dateline": "Published 22 July 2024, 07:30 BST",
        "date": "2024-07-22T07:30:00+01:00",
        "body": [
            "Water quality at North Beach has been rated excellent by the Environment Agency for the third "
            "summer in a row, the highest of its four grades.",
            "Campaigners said the result showed what could be achieved when sewage overflows were fixed, "
            "but warned that heavy rain could still cause problems.",
        ],
        "closing": "Lifeguards will patrol the beach daily until the end of September.",
        "related": ["Pier arcade owner buys historic Grand Hotel", "Ferry fares to rise by 8% from April"],
    },
    {
        "section": "Local",
        "title": "Lifeboat crew rescues kayakers caught by rising tide",
        "standfirst": "Two men were brought ashore after clinging to rocks below the cliffs",
        "author": "Margaret Ellison",
        "role": "Chief Reporter",
        "dateline": "Published 5 August 2024, 18:05 BST",
        "date": "2024-08-05T18:05:00+01:00",
        "body": [
            "The volunteer crew launched shortly after six o'clock when a walker on the cliff path saw the "
            "two men waving from the rocks as the tide came in.",
            "Both were checked by paramedics at the lifeboat station and did not need hospital treatment, "
            "the coastguard said in a statement.",
        ],
        "closing": "The coastguard urged visitors to check tide times before setting out.",
        "related": ["Bathing water rated excellent for third year running", "Ferry fares to rise by 8% from April"],
    },
    {
        "section": "Sport",
        "title": "Town football club unveils plans for new stand",
        "standfirst": "The 1,200-seat stand would replace terracing that has stood since the 1950s",
        "author": "Dan Hollis",
        "role": "Sports Editor",
        "dateline": "Published 9 December 2024, 12:20 GMT",
        "date": "2024-12-09T12:20:00+00:00",
        "body": [
            "The club has asked the council for permission to build a covered stand along the south side of the "
            "ground, paid for with a grant and a loan from the council.",
            "Neighbours will be consulted on the floodlights, which would be taller than the current ones, "
            "before the council makes a decision later in the year.",
        ],
        "closing": "If approved, the stand would open for the 2025-26 season.",
        "related": ["Lifeboat crew rescues kayakers caught by rising tide", "Ferry fares to rise by 8% from April"],
    },
]


def scrape(a: dict) -> str:
    lines = [*NAV, "The Coastal Herald", "News", a["section"], a["title"], "", a["standfirst"], ""]
    lines += [f"By {a['author']}, {a['role']}", a["dateline"], *SHARE, "", a["body"][0], "", a["body"][1], ""]
    lines += ["Advertisement", "", a["closing"], "", "Related articles", *a["related"], *FOOTER]
    return "\n".join(lines) + "\n"


def body(a: dict) -> str:
    """The clean text by the gold conventions: the standfirst is kept as body."""
    return "\n\n".join([a["standfirst"], *a["body"], a["closing"]]) + "\n"


SCRAPES = [scrape(a) for a in ARTICLES]
