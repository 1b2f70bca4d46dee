"""Calls to action and author bios at the edges of the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.document import Line
from cleaner.heuristics import analyse, edges
from cleaner.heuristics.lines import describe
from cleaner.heuristics.phrases import boilerplate_label


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Sign up for the morning briefing and never miss a story.", True, id="sign-up"),
        pytest.param("Subscribe today to read every article without limits.", True, id="subscribe"),
        pytest.param("This article contains affiliate links; we may earn a commission.", True, id="affiliate"),
        pytest.param("Abonnieren Sie jetzt unseren Newsletter.", True, id="de"),
        pytest.param("The river rose two metres overnight and flooded the lower town.", False, id="prose"),
        pytest.param("Please donate to keep our newsroom independent.", True, id="donate"),
        # phrases of a blog's sign-off tried and left out (attacker trial of stop 40): articles
        # end so ("... Thanks for reading."), or are about them ("Follow me on a walk through ...")
        pytest.param("Enjoy the festival and look after each other. Thanks for reading.", False, id="thanks-prose"),
        pytest.param(
            "Follow me on a walk through the old town, from the harbour to the castle.", False, id="follow-me-on-a-walk"
        ),
        # a closing paragraph that names a donation or subscribers is the article's (new-user trial)
        pytest.param(
            "Club president Owen Hart thanked the hundreds of residents who donated to the new boathouse.",
            False,
            id="donated-prose",
        ),
        pytest.param("The paper now has twelve thousand subscribers across the valley.", False, id="subscribers-prose"),
        # a paragraph of more than CTA_MAX_WORDS words uses the phrase as prose (trial: its
        # closing paragraph removed as a call to action for "advertising")
        pytest.param(
            "Share prices of the largest advertising groups fell on Tuesday after two of their biggest clients "
            "said they would cut spending on television for the rest of the year, and analysts at three banks "
            "lowered their forecasts for the whole sector, citing weaker demand from retailers and carmakers.",
            False,
            id="long-prose",
        ),
        pytest.param(
            "For updates you can share with your friends, follow the Valley Herald on Facebook and Twitter.",
            True,
            id="follow-in-a-sentence",
        ),
    ],
)
def test_call_to_action(line: str, expected: bool):
    assert edges.call_to_action(line, len(line.split())) is expected


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        # the other languages' lists hold English words: French "application", German "app "
        pytest.param("The school posted the application form for new pupils online.", "en", False, id="fr-word-en"),
        pytest.param("The app store listing went live on Friday.", "en", False, id="de-word-en"),
        pytest.param("Tickets for the school play: hier klicken.", None, True, id="unknown"),
        pytest.param("Téléchargez notre application gratuite.", "fr", True, id="fr-page"),
        # English notices, and those of all the lists, count on a page in another language
        pytest.param("Follow us on Twitter for the latest news.", "de", True, id="en-on-de-page"),
        pytest.param("Únete a nuestro canal de Telegram.", "es", True, id="any-list-on-es-page"),
        # the Russian list holds no stem a story's sentence holds too (new-user trial of stop 56:
        # a blog's closing advice went for "приложени", "app"; "подпис" is "signed" as well)
        pytest.param(
            "Заведите отдельную карту для работы, выдавайте чеки в день оплаты и раз в месяц сверяйте "
            "доходы с приложением.",
            "ru",
            False,
            id="ru-app-in-a-sentence",
        ),
        pytest.param("Президент подписал закон о новых налогах для самозанятых.", "ru", False, id="ru-signed"),
        pytest.param("Подписывайтесь на наш канал в Telegram, чтобы не пропустить статьи.", "ru", True, id="ru-call"),
        pytest.param("Скачайте наше приложение для iPhone и Android.", "ru", True, id="ru-app-call"),
        # the calls the stems caught besides (second attacker trial of stop 56)
        pytest.param("Установите приложение «Городские новости» для iPhone и Android.", "ru", True, id="ru-install"),
        pytest.param("Подписывайся на нас во ВКонтакте и Одноклассниках.", "ru", True, id="ru-follow-informal"),
        pytest.param("Все новости города в приложении для смартфонов.", "ru", True, id="ru-in-the-app"),
        # other languages' nouns call as English's do: in a line that speaks to the reader or as
        # the site, as a label, or in a few words; not in a story's sentence (attacker trial of
        # stop 58: leads and closing sentences about the advertising market went in seven languages)
        pytest.param(
            "Die Ausgaben für Werbung sind im vergangenen Jahr um acht Prozent gestiegen.", "de", False, id="de-story"
        ),
        pytest.param("Abonnieren Sie unseren Newsletter und verpassen Sie nichts.", "de", True, id="de-call"),
        pytest.param("Werbung", "de", True, id="de-label"),
        # "nous", "nuestra" in reported speech are a person's, not the site's (second attacker trial)
        pytest.param(
            "Nous vivons la fin d'un modèle fondé sur la publicité, résume le président du syndicat.",
            "fr",
            False,
            id="fr-reported",
        ),
        pytest.param(
            "Nasza aplikacja ma już ponad milion użytkowników, mówi prezes wydawnictwa.", "pl", False, id="pl-reported"
        ),
        pytest.param("Este contenido es exclusivo para los suscriptores del diario.", "es", True, id="es-paywall"),
        pytest.param("Descarga de datos y boletín electrónico crecieron más que nada.", "es", False, id="es-noun-verb"),
        # German speaks to the reader as "Sie", capitalised inside a sentence ("sie": she, they)
        pytest.param("Mit dem Newsletter verpassen Sie keine Nachricht mehr.", "de", True, id="de-formal"),
        pytest.param("Sie sagte, die Werbung habe sich für den Laden gelohnt.", "de", False, id="de-she-said"),
        pytest.param("Die Werbung habe sich für den Laden gelohnt, sagte sie.", "de", False, id="de-said-she"),
        pytest.param(
            "Les dépenses de publicité ont progressé de six pour cent l'an dernier.", "fr", False, id="fr-story"
        ),
        pytest.param("Recevez notre newsletter chaque matin dans votre boîte mail.", "fr", True, id="fr-call"),
        pytest.param(
            "La inversión en publicidad creció un siete por ciento el año pasado.", "es", False, id="es-story"
        ),
        pytest.param("Publicidad", "es", True, id="es-label"),
        pytest.param(
            "O investimento em publicidade cresceu sete por cento no ano passado.", "pt", False, id="pt-story"
        ),
        pytest.param("Receba a nossa newsletter todas as manhãs.", "pt", True, id="pt-call"),
        pytest.param("Reklama w internecie stanowi już ponad połowę całego rynku.", "pl", False, id="pl-story"),
        pytest.param("Zapisz się na nasz newsletter.", "pl", True, id="pl-call"),
        pytest.param("Наружная реклама выросла на пятнадцать процентов за год.", "ru", False, id="ru-story"),
        pytest.param("Реклама", "ru", True, id="ru-label"),
        # an imperative's spelling as the subject's noun (attacker trial of stop 59: a story's lead went)
        pytest.param(
            "Email newsletters were supposed to be the lifeboat for local journalism.", "en", False, id="noun-subject"
        ),
        pytest.param("Watch parties are planned across the city on Sunday.", "en", False, id="noun-subject-watch"),
        pytest.param("Email us if you have a tip.", "en", True, id="imperative-email"),
    ],
)
def test_call_to_action_on_a_page_in_english_reads_english_only(line: str, language: str | None, expected: bool):
    assert edges.call_to_action(line, len(line.split()), language) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Jane Doe is a reporter who covers housing and city hall.", True, id="is-a"),
        pytest.param("Ana María Ruiz writes about science and health.", True, id="writes-about"),
        pytest.param("The mayor is a former teacher who grew up in the town.", False, id="not-a-name-first"),
        pytest.param("Prices rose again in March.", False, id="prose"),
        pytest.param("Windows jest ostatnim systemem, który nadal obsługiwał Flash.", False, id="one-word-subject"),
        pytest.param("London is the capital and the largest city of England.", False, id="one-word-place"),
        # capitalised words that are no writer's name: an article or possessive, an honorific
        pytest.param("The Harbour Trust is a charity that has repaired the pier since 1952.", False, id="the-x"),
        pytest.param("My Reading List is a short one this month.", False, id="my-x"),
        pytest.param("Mr. Hart is the club's longest-serving president.", False, id="honorific"),
        pytest.param("Annabel Smith is a writer based in Leeds.", True, id="name-starting-with-an"),
        pytest.param("Dr Jane Roe is a marine biologist who writes about coasts.", True, id="doctor"),
        # German capitalises nouns: an article or a preposition and a noun are no name (new-user
        # trial of stop 47: a paragraph in the middle of a German article went as a bio)
        pytest.param("Der Akku ist ein Verschleißteil und hält etwa drei Winter.", False, id="de-article-noun"),
        pytest.param("Im Sommer ist ein leichtes Öl die bessere Wahl.", False, id="de-preposition-noun"),
        pytest.param("Le Louvre est un musée que tout le monde connaît.", False, id="fr-article-name"),
        pytest.param("Jonas Becker ist ein Fahrradmechaniker aus Leipzig.", True, id="de-bio"),
        pytest.param("Son Heung-min is a footballer who writes a weekly column.", True, id="name-not-a-pronoun"),
        # a bio of 60-80 words (a role, a former post, books) stayed
        pytest.param(
            "Ann Lee is a reporter at the Gazette who covers the harbour, the ferries and the fishing fleet, and "
            "before that she spent twelve years at the Evening Post writing about courts, schools and the council. "
            "She is the author of two books about the coast, one of them a history of the lifeboat station, and "
            "she lives in the old town with her partner, two children and a very loud dog.",
            True,
            id="seventy-words",
        ),
    ],
)
def test_author_bio(line: str, expected: bool):
    assert edges.author_bio(line, len(line.split())) is expected


def test_zones_split_off_the_first_tenth_and_last_fifth_of_the_text():
    lines = ["x" * 100] * 10
    infos = [describe(i, t) for i, t in enumerate(lines)]
    assert edges.zones(infos, [True] * 10, 0, 9) == (1, 8)


# Two pages of five paragraphs each, and a line that only the German list reads as a call to
# action ("hier klicken"): on the English page it is prose, on the German page a call to action.
EN_PAGE = [
    "The council met on Tuesday evening to discuss the new budget for the coming year and the plans for the harbour.",
    "Members of the public were invited to speak, and many of them raised concerns about the cost of parking in town.",
    "The mayor said that the council would look again at the proposals before the final vote, which is due in spring.",
    "Several residents said that they had not been told about the changes until they read about them in the paper.",
    "The budget will be published in full on the council's website next week, along with the minutes of the meeting.",
]
DE_PAGE = [
    "Der Gemeinderat hat am Dienstagabend über den neuen Haushalt für das kommende Jahr und den Hafen beraten.",
    "Die Bürger waren eingeladen, sich zu äußern, und viele haben Sorgen über die Parkgebühren in der Stadt geäußert.",
    "Der Bürgermeister sagte, dass der Rat die Vorschläge vor der Abstimmung im Frühjahr noch einmal prüfen werde.",
    "Mehrere Anwohner sagten, dass sie von den Änderungen erst erfahren hätten, als sie in der Zeitung davon lasen.",
    "Der Haushalt wird in der nächsten Woche vollständig auf der Website der Stadt veröffentlicht, mit dem Protokoll.",
]
LOAN_WORD = "Tickets for the school play: hier klicken."


@pytest.mark.parametrize(("page", "expected"), [(EN_PAGE, None), (DE_PAGE, "call-to-action")], ids=["en", "de"])
def test_the_page_language_decides_a_call_to_action_of_another_language(page: list[str], expected: str | None):
    # the page's language is read only for such a line (the analysis's edges step): it still decides
    texts = [*page[:-1], LOAN_WORD, page[-1]]
    verdict = analyse([Line(n + 1, t) for n, t in enumerate(texts)])
    assert verdict.drop.get(texts.index(LOAN_WORD)) == expected


@pytest.mark.parametrize(
    "closing",
    [
        "Il Garante ricorda che la sanzione può arrivare al quattro per cento, come prevede la norma sulla privacy.",
        "Die Verbraucherschützer lobten die neuen Privacy-Funktionen, verlangten aber mehr Transparenz.",
        "Basta con que el contribuyente abone la primera cuota antes de septiembre para evitar los recargos previstos.",
    ],
)
def test_a_closing_sentence_with_a_word_of_another_language_s_notices_stays(closing: str):
    """Attacker trial 2 of stop 36: the new language files' edge words ("privacy", Turkish
    "abone") took closing sentences of Italian, German and Spanish pages as calls to action."""
    body = [
        "La società che gestisce il servizio ha venti giorni per rispondere ai rilievi e indicare le misure adottate.",
        "Secondo l'autorità, il servizio raccoglieva immagini da siti e social network senza una base giuridica.",
        closing,
    ]
    page = ["Il Quotidiano", "Home  Cronaca  Politica", "", *body, "", "Leggi anche", "Commenti"]
    doc = clean("\n".join(page) + "\n")
    assert closing in doc.text


def test_an_article_about_calls_to_action_keeps_its_body():
    """Attacker trial of stop 40: every paragraph of a short article about newsletter sign-ups
    read as a call to action at the body's edge, and the text was the headline alone. Calls to
    action are a small part of a page: where they would be most of the body, none goes so."""
    body = [
        "A study of four hundred publishers found that newsletter sign-ups fell by a fifth last year.",
        "Readers get too many emails, the authors say, and many who sign up leave within a month.",
        "Publishers that asked readers to subscribe to fewer letters kept more of them, the study found.",
    ]
    doc = clean("\n\n".join(["Newsletter sign-ups are falling", *body]) + "\n")
    assert [line for line in body if line in doc.text] == body


# A review of a bakery whose closing paragraphs open with its name, and the writer's bio
BAKERY = [
    "Harbour Loaf Bakery sits at the end of the north quay, in the old net store the harbour board sold in 1998.",
    "We went on a wet Tuesday morning and found a queue of fishermen waiting for the first batch of rolls to come out.",
    "Harbour Loaf Bakery bakes its sourdough in a wood-fired oven the owners rebuilt from the old smokehouse's bricks.",
    "Harbour Loaf Bakery opens at six every day but Sunday, and the rolls are usually gone by nine in the summer.",
    "Prices are fair for what you get: a loaf costs four pounds and a bag of six rolls a little less than that.",
    "Harbour Loaf Bakery is a fine place to stop on the way to the ferry, and the coffee is good.",
    "Ann Lee is a food writer who lives on the coast and reviews a bakery for the Gazette every month.",
]


def test_a_line_about_the_articles_subject_is_no_author_bio():
    """The closing line of a review that opens with the name of what it reviews ("... is a fine
    place") read as a bio, and went; the writer's bio below it still goes."""
    verdict = analyse([Line(n + 1, t) for n, t in enumerate(BAKERY)])
    assert verdict.drop.get(5) is None
    assert verdict.drop.get(6) == "author-bio"


# An interview whose question lines name the writer, and the writer's bio at its end
INTERVIEW = [
    "The harbour has a new master. Ann Lee sat down with Owen Hart to ask about the north quay and the ferries.",
    "Ann Lee: Why did the north quay stay shut for a whole year after the winter storm damaged it?",
    "Owen Hart: Because the insurers and the council argued over who should pay for the new piles and the deck.",
    "Ann Lee: When will the ferries use the north quay again, and will the timetable change for the summer?",
    "Owen Hart: The first ferry ties up there in May, and the summer timetable adds two crossings on weekends.",
    "Ann Lee is a reporter at the Gazette who covers the harbour, the ferries and the fishing fleet.",
]


def test_the_bylines_writer_is_the_bios_however_often_an_interview_names_them():
    """Second attacker trial of stop 41: an interview's question lines name the writer, and
    the writer's bio at its end passed for a line about the article's subject."""
    verdict = analyse([Line(n + 1, t) for n, t in enumerate(["By Ann Lee", *INTERVIEW])])
    assert verdict.drop.get(6) == "author-bio"


def test_the_writer_the_metadata_names_is_the_bios_on_an_extractors_text():
    """The same interview as an extractor's text, whose byline the page's metadata took: the
    writer is known from it."""
    page = [Line(n + 1, t) for n, t in enumerate(INTERVIEW)]
    assert analyse(page, extracted=True, writer="Ann Lee").drop.get(5) == "author-bio"
    assert analyse(page, extracted=True).drop.get(5) is None


# A news story that ends on the people it quotes (attacker trial of stop 52: both went as bios)
HARVEST = [
    "The dry spring has cut the expected wheat harvest across the plains by a fifth, the farm bureau said on Monday.",
    "Rain fell on only four days in April and May, and the soil in the western counties is the driest in decades.",
    "Feed prices rose for the third week running, and cattle ranchers are selling calves early to save on hay.",
    "Grain elevators in the region report the smallest deliveries for June since the drought of 1988.",
    "Ruth Ames is a farmer near Salina who has grown wheat on the same land for thirty years, and she says "
    "she has never seen it this dry.",
    "Tomas Reyes is a grain buyer in Wichita who says the market has priced in a small harvest, not a failed one.",
]


def test_people_of_the_story_who_are_quoted_are_no_bios():
    verdict = analyse([Line(n + 1, t) for n, t in enumerate(HARVEST)])
    assert verdict.drop.get(4) is None and verdict.drop.get(5) is None


def test_with_a_byline_a_bio_of_someone_else_is_the_articles():
    """A byline names the writer: a closing "Name is a ..." about another person is a person
    of the story (attacker trial of stop 52), while the writer's own bio, in capitals in the
    byline ("By ANN LEE"), still goes."""
    closing = "Owen Hart is a retired ferry captain who has lived by the harbour since 1970."
    page = [Line(n + 1, t) for n, t in enumerate(["By ANN LEE", *INTERVIEW[:-1], closing, INTERVIEW[-1]])]
    verdict = analyse(page)
    assert verdict.drop.get(6) is None and verdict.drop.get(7) == "author-bio"


def test_a_one_line_text_is_never_its_own_bio():
    """Attacker trial of stop 52: the line went as a bio, nothing left, exit 0."""
    line = "Ruth Ames is a farmer near Salina who has grown wheat on the same land for thirty years."
    assert clean(line + "\n").text == line + "\n"


def test_a_person_of_the_story_stays_when_an_earlier_pass_took_the_byline():
    """Second attacker trial of stop 52: through clean(), the first pass took the byline and
    the later ones, not told the writer, took the closing paragraph for the writer's bio. And
    a surname inside another ("Williams" in "Williamson") is not the writer's."""
    closing = "Tom Williams is a farmer who grows barley and oats on 300 acres near Carsby."
    for byline in ("By Ann Porter", "By Ann Williamson"):
        page = f"{byline}\n\n{HARVEST[0]}\n\n{HARVEST[1]}\n\n{closing}\n"
        assert clean(page).text.splitlines()[-1] == closing


def test_a_person_the_story_names_by_surname_is_no_bio():
    """Attacker trial of stop 53: "Jane Smith is a retired teacher who ..." closed a story that
    had called her "Smith" after naming her once; with no byline it went as a bio, exit 0."""
    story = [
        "The council voted five to two on Tuesday to keep the Elm Street library open, after a campaign led by "
        "Jane Smith and her neighbours.",
        '"We never gave up," Smith said outside the hall, where supporters had waited for the result all evening.',
        "Smith and the other campaigners collected more than four thousand signatures over the winter months.",
        "Jane Smith is a retired teacher who has volunteered at the library for twenty years.",
    ]
    assert analyse([Line(n + 1, t) for n, t in enumerate(story)]).drop.get(3) is None
    # a writer's bio names no one the story does
    writer = "Ann Lee is a reporter at the Gazette who covers the council and the city's libraries."
    assert analyse([Line(n + 1, t) for n, t in enumerate([*story[:3], writer])]).drop.get(3) == "author-bio"
    # nor one whose surname the story prints but quotes no one by (second attacker trial of
    # stop 53: a travel writer's family story, "the old Fraser croft", kept her bio)
    family = [
        "My grandfather, Donald Fraser, left the island in 1952 with a single suitcase and never went back.",
        "The old Fraser croft is a ruin now, its walls half hidden by bracken, but the neighbours knew the spot.",
        "An old man at the post office remembered the Fraser boys racing their bicycles down to the harbour.",
        "Anna Fraser is a travel writer based in Edinburgh who has visited every inhabited Scottish island.",
    ]
    assert analyse([Line(n + 1, t) for n, t in enumerate(family)]).drop.get(3) == "author-bio"


@pytest.mark.parametrize(
    "line",
    [
        "She kept the recipe in a biscuit tin, next to a stack of old parish newsletters.",
        "Two retired teachers in Ohio run the newsletter that broke the story about the water rates.",
        "Her neighbours tried to sign up for lessons, but the class was already full by March.",
        "The bakery she worked at was sponsored by the local mill for decades.",
        "She hated advertising and never put her name on a sign outside the shop.",
        "Nobody in the family has the login to her old recipe blog.",
        # second attacker trial of stop 54
        "Like many villages, it lost its newsletter in the 1990s.",
        "The US advertising market shrank by a tenth last year.",
        "The plane is powered by hydrogen and a small battery.",
        "Support for the newsletter grew among older residents.",
        # attacker trial of stop 55: a quote's attribution is the story's
        'Follow the money, Holt said: "The platforms take the advertising; the newspapers do the reporting."',
        "Sign up now or lose your place, Mayor Reyes told families on Monday.",
        # attacker trial of stop 57: a noun of the list as the sentence's subject
        "Advertising pays for part of the stations, the company said.",
        "Advertising revenue fell sharply at most newspapers last year.",
        "Sponsored events at stations brought in two million pounds last year.",
        "Newsletters were the only bright spot, the authors said.",
        "On Twitter, the minister defended the decision late on Friday.",
    ],
)
def test_a_storys_sentence_naming_a_call_to_action_is_none(line: str):
    """Attacker trial of stop 54: a story's first or last sentence that names a newsletter or
    a login went as a call to action, exit 0. A call to action speaks to the reader or as the
    site, opens with its phrase, or is a few words, a menu or a button."""
    assert edges.call_to_action(line, len(line.split()), "en") is False


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for the Morning Ledger newsletter and get the day's news first.",
        "Get the best stories in your inbox every morning with our free newsletter.",
        "We may earn a commission when you buy through links on this site, which is supported by advertising.",
        "This article is sponsored by Acme Corp.",
        "Newsletter",
        "Home Press Releases Industries Submit a Release Log in",
        "All rights reserved. Reproduction of the material on this site is prohibited.",
        "Terms and conditions apply to every entry in the prize draw.",
        "Want more of Dana's columns? Follow her on Twitter for the latest.",
        "Got something to add? Choose an account to log in with.",
        # second attacker trial of stop 54
        "For the latest local news, sign up for the Harbour Daily newsletter.",
        "Readers can sign up for the newsletter at the front desk.",
        "This is a preview of subscription content, log in to check access.",
        "Today's episode is sponsored by Acme Ferries and the harbour board.",
        # second attacker trial of stop 55: "said" with no named speaker
        "Download our app to see what the stars said about your week.",
        "Log in to read what our readers said about the plan.",
        # the list's nouns as labels, and calls to a chat channel (attacker trial of stop 57)
        "Disclosure: the author owns shares in the companies mentioned above.",
        "Sponsored: how one bakery doubled its sales with a new oven.",
        "Advertising | Privacy policy | Terms of use",
        "Join our Telegram channel for the latest crypto news!",
        "Chat with other readers on our Discord server.",
        # second attacker trial of stop 57: notices that open with the list's nouns
        "Advertising inquiries should be sent to ads@example.com.",
        "Newsletter archives are available to all registered readers of the site.",
    ],
)
def test_calls_to_action_still_call(line: str):
    assert edges.call_to_action(line, len(line.split()), "en") is True


def test_a_storys_last_sentence_about_a_newsletter_stays():
    page = "\n".join(
        [
            "Home",
            "Recipes",
            "Grandmother's Lemon Cake",
            "By Jane Doe | April 21, 2024",
            "My grandmother baked this lemon cake every Sunday for sixty years, and nobody ever got the recipe.",
            "The drizzle is the secret: lemon juice and sugar poured over the cake while it is still hot.",
            "Her recipes were printed in the church newsletter for forty years.",
            "Share this article",
            "© 2024 Home Baking. All rights reserved.",
        ]
    )
    doc = clean(page + "\n")
    assert doc.text.rstrip().endswith("Her recipes were printed in the church newsletter for forty years.")
    assert "Share this article" not in doc.text


def test_a_russian_blogs_closing_advice_stays():
    """New-user trial of stop 56: the last section of a Russian blog post, a heading and a
    paragraph of advice ("... сверяйте доходы с приложением."), went as a call to action for
    "приложени" (app), and its heading as footer, exit 0."""
    page = "\n\n".join(
        [
            "Главная | Финансы | Блог",
            "Как я разобрался с налогами на фрилансе",
            "Автор: Пётр Орлов",
            "Поделиться\nВКонтакте\nTelegram",
            "Два года назад я начал работать на себя и долго не думал о налогах, пока не пришло письмо из "
            "налоговой инспекции с требованием объяснить доходы.",
            "Самый простой вариант для большинства фрилансеров — режим самозанятого: ставка невысокая, "
            "а отчётность почти не нужна.",
            "Моя главная ошибка была в том, что я смешивал личные и рабочие деньги на одной карте и потом "
            "три вечера разбирал выписки.",
            "Что я советую",
            "Откройте отдельный счёт для работы, выдавайте чеки в день оплаты и раз в месяц сверяйте доходы "
            "с приложением.",
            "Подписывайтесь на наш Telegram-канал, чтобы не пропустить новые статьи!",
            "Похожие статьи\nНалоговый вычет за лечение\nКак накопить подушку безопасности",
            "© 2024 Копейка. Все права защищены.",
        ]
    )
    doc = clean(page + "\n", profile="none")
    assert "Что я советую" in doc.text
    assert "сверяйте доходы с приложением." in doc.text
    assert "Подписывайтесь" not in doc.text and "Похожие статьи" not in doc.text


ADVERTS = Path(__file__).parent / "pages" / "adverts"  # an attacker's invented pages (trial of stop 58)


@pytest.mark.parametrize("page", sorted(p.name for p in ADVERTS.glob("*.txt")))
def test_a_story_about_the_advertising_market_keeps_its_sentences(page: str):
    """Attacker trial of stop 58: trade-press stories in seven languages lost their lead and
    closing sentences (and with them the title) to the edge lists' nouns ("Werbung",
    "publicité", "реклама", "Newsletter") and to ad labels opening a sentence ("Reklama w
    internecie ..."), in text and in HTML, exit 0; the same story in English held."""
    keep = (ADVERTS / page).with_suffix(".keep").read_text(encoding="utf-8").splitlines()
    for source in (ADVERTS / page, (ADVERTS / page).with_suffix(".html")):
        if not source.exists():
            continue
        lines = clean(source.read_bytes()).text.splitlines()
        assert [line for line in keep if line and line not in lines] == [], source.name


SPEECH = Path(__file__).parent / "pages" / "speech"  # a new user's invented pages (trial of stop 59)


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        ("interview.txt", "Sign up for my newsletter, I tell readers, and you'll be the first to know."),
        ("library.html", "Subscribe to the library newsletter, Nowak urges, because new tools arrive every month."),
    ],
)
def test_a_call_someone_in_the_story_makes_is_reported_speech(page: str, sentence: str):
    """New-user trial of stop 59: a novelist's and a librarian's words, quoted with the speaker
    after a comma ("I tell readers", "Nowak urges"), went as the site's calls, exit 0."""
    assert sentence in clean((SPEECH / page).read_bytes()).text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Subscribe to the library's newsletter for the new hours, the head librarian joked.", False),
        ("Sign up for our newsletter, it takes a minute.", True),
        ("Subscribe to our newsletter, and get the news first.", True),
        ("Sign up now, readers say it is the best newsletter.", True),
        # second attacker trial of stop 59: imperatives and idioms after a comma
        ("Got a news tip? Email us at tips@example.com, tell us on WhatsApp or call the desk.", True),
        ("Subscribe today for just £1 a week, cancel anytime, no questions asked.", True),
        ("Get our free morning newsletter, as one reader says: the best five minutes of my day.", True),
    ],
)
def test_the_speaker_after_a_comma_closes_a_clause_of_its_own(line: str, expected: bool):
    assert edges.call_to_action(line, len(line.split()), "en") is expected


READ_ALSO = Path(__file__).parent / "pages" / "read-also"  # an attacker's invented pages (trial of stop 59)


@pytest.mark.parametrize("page", sorted(p.name for p in READ_ALSO.iterdir()))
def test_a_sentence_opening_with_read_also_is_the_articles(page: str):
    """Attacker trial of stop 59: "Lesen Sie auch den Bericht selbst, raten die Autoren.",
    "Czytaj także sam raport, ...", "Читайте также сам доклад, ..." went as related headings,
    and every sentence under them as footer (1 of 6 article lines kept), exit 0."""
    source = READ_ALSO / page
    lines = source.read_bytes().decode("utf-8")
    expected = lines.splitlines()[1:] if source.suffix == ".txt" else None  # all but the headline
    out = [line for line in clean(source.read_bytes()).text.splitlines() if line]
    if expected is not None:
        assert out == expected
    else:
        assert len(out) == 6 and out[1].startswith("Читайте также сам доклад")


@pytest.mark.parametrize(
    "line",
    [
        # attacker trial of stop 60: notices quoted, the speaker set off by a dash, and the
        # reporting verbs' other persons and genders
        "Wszelkie prawa zastrzeżone – głosi pieczątka na najstarszych mapach.",
        "Все права защищены — гласит штамп на самых старых картах краеведческого фонда.",
        "Czytaj więcej, radziła bibliotekarka dzieciom, a będziesz mądrzejszy.",
        "Поделитесь воспоминаниями о старой библиотеке с архивом, попросили сотрудники.",
        "Suscríbete, bromeó el alcalde, y nunca te faltarán libros.",
        "Abonnez-vous, a plaisanté le maire, et vous ne manquerez jamais de livres.",
    ],
)
def test_a_notice_or_call_someone_in_the_story_says_is_no_label(line: str):
    assert boilerplate_label(line, len(line.split())) is None
    assert edges.said(line)


def test_a_dash_without_a_reporting_verb_is_no_speech():
    assert not edges.said("Share this article – tell your friends!")
    assert boilerplate_label("© 2024 Example Ltd – All rights reserved.", 6) == "copyright"
