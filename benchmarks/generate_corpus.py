#!/usr/bin/env python3
"""Deterministic generator of a synthetic news corpus for Dossier's benchmarks.

    generate_corpus.py --count N --out PATH [--format txt|jsonl] [--seed S]

Articles look like wire copy: a headline, 300-1,200 words in paragraphs, people with titles, organisations,
places, dates in the forms news uses (full dates, months, years, relative days), most with a `date YYYY-MM-DD`
header, and about one in ten with a paragraph in Arabic, Hebrew, Persian or Russian. The same arguments always
write the same bytes. Names are combinations of common given names and surnames, not real people.
"""
import argparse
import json
import os
import random

GIVEN = ["Ali", "Hassan", "Fatima", "Maryam", "Omar", "Layla", "Yusuf", "Nadia", "Karim", "Samir", "Rana",
         "Daniel", "Sarah", "Michael", "Anna", "David", "Elena", "Pierre", "Sofia", "Ahmed", "Mohammed", "Reza",
         "Zainab", "Ibrahim", "Hana", "Tariq", "Leila", "Yasmin", "Jamal", "Farid", "Olga", "Ivan", "Maria",
         "Thomas", "Claire", "Javier", "Lucia", "Kenji", "Mei", "Arjun", "Priya", "Nour", "Salim", "Amir"]
SURNAMES = ["Haddad", "Rahimi", "Karimi", "Nasser", "Khalil", "Mansour", "Hosseini", "Jaber", "Saleh", "Farouk",
            "Petrov", "Novak", "Dubois", "Garcia", "Rossi", "Schmidt", "Cohen", "Levi", "Tanaka", "Sharma",
            "Qureshi", "Abbasi", "Darwish", "Yilmaz", "Kaya", "Bakr", "Hamdan", "Rostami", "Moradi", "Sadeghi",
            "Ivanova", "Fischer", "Moreau", "Lopez", "Bianchi", "Weber", "Mizrahi", "Kapoor", "Aziz", "Najjar"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "General", "Ambassador", "Senator", "Governor",
          "Defense Minister", "spokesman", "analyst", "commander", "Sheikh", "Dr."]
COUNTRIES = ["Iran", "Iraq", "Syria", "Lebanon", "Israel", "Jordan", "Egypt", "Turkey", "Saudi Arabia", "Yemen",
             "Qatar", "Kuwait", "Bahrain", "Oman", "the United States", "Russia", "France", "Germany", "China",
             "the United Kingdom", "Afghanistan", "Pakistan", "Libya", "Tunisia", "Algeria", "Morocco", "Sudan"]
CITIES = ["Tehran", "Baghdad", "Damascus", "Beirut", "Jerusalem", "Amman", "Cairo", "Ankara", "Riyadh", "Sanaa",
          "Doha", "Basra", "Mosul", "Aleppo", "Idlib", "Isfahan", "Tabriz", "Erbil", "Kirkuk", "Homs", "Gaza",
          "Washington", "Moscow", "Paris", "Berlin", "Beijing", "London", "Geneva", "Vienna", "Istanbul"]
ORGS = ["the United Nations", "the European Union", "NATO", "the Arab League", "the Red Cross",
        "the International Atomic Energy Agency", "the World Bank", "the Revolutionary Guard", "the Quds Force",
        "Hezbollah", "Hamas", "the Popular Mobilization Forces", "the Kurdistan Regional Government",
        "the Ministry of Interior", "the Central Bank", "Amnesty International", "Human Rights Watch",
        "the Security Council", "the Supreme National Security Council", "the Islamic State"]
GROUPS = ["Shiite", "Sunni", "Kurdish", "Iranian", "Iraqi", "Syrian", "Lebanese", "Palestinian", "Arab",
          "Turkish", "American", "Russian", "European", "Christian", "Yazidi", "Druze"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
VERBS = ["said", "warned", "announced", "denied", "confirmed", "told reporters", "argued", "insisted", "claimed"]
TOPICS = ["the sanctions", "the ceasefire", "the talks", "the protests", "the strikes", "the negotiations",
          "the offensive", "the elections", "the reforms", "the blockade", "the nuclear program", "the crackdown",
          "the economy", "the currency", "the reconstruction", "the refugee crisis", "the border crossing"]
FILLER = ("officials security forces government opposition militia protesters residents witnesses report "
          "statement meeting agreement pressure support attack region country city border capital crowd "
          "economy inflation prices fuel power water hospital school market street district province army "
          "police court parliament cabinet party leader council campaign vote election result week month "
          "year day night morning afternoon evening people families workers students journalists media").split()
NON_LATIN = [
    ("ar", "قال مسؤولون في بغداد إن المحادثات ستستمر الأسبوع المقبل رغم التوتر في المنطقة."),
    ("he", "הממשלה הודיעה כי השיחות יימשכו בשבוע הבא למרות המתיחות באזור."),
    ("fa", "مقام‌های ایرانی گفتند که گفتگوها هفته آینده در تهران ادامه پیدا می‌کند."),
    ("ru", "Представители правительства заявили, что переговоры продолжатся на следующей неделе."),
]


def person(rng):
    return f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"


def date_expression(rng, year):
    kind = rng.randrange(9)
    month = rng.randrange(12)
    day = rng.randrange(1, 29)
    if kind == 0:
        return f"{MONTHS[month]} {day}, {year}"
    if kind == 1:
        return f"{day} {MONTHS[month]} {year}"
    if kind == 2:
        return f"{MONTHS[month]} {year}"
    if kind == 3:
        return f"in {rng.randrange(1979, year + 1)}"
    if kind == 4:
        return rng.choice(["yesterday", "on Tuesday", "last week", "earlier this month", "two years ago"])
    if kind == 5:
        return f"between {year - rng.randrange(2, 9)} and {year - 1}"
    if kind == 6:
        return f"on {MONTHS[month]} {day}"
    if kind == 7:
        return f"early {MONTHS[month]} {year}"
    return f"the {rng.choice(['1980s', '1990s', '2000s'])}"


def sentence(rng, year):
    kind = rng.randrange(6)
    filler = " ".join(rng.choice(FILLER) for _ in range(rng.randrange(6, 16)))
    if kind == 0:
        return (f"{rng.choice(TITLES).capitalize() if rng.random() < 0.3 else rng.choice(TITLES)} {person(rng)} "
                f"{rng.choice(VERBS)} {date_expression(rng, year)} that {rng.choice(COUNTRIES)} would not accept "
                f"{rng.choice(TOPICS)}, as {filler}.")
    if kind == 1:
        return (f"In {rng.choice(CITIES)}, {rng.choice(GROUPS)} {filler} gathered {date_expression(rng, year)} "
                f"after {rng.choice(ORGS)} {rng.choice(VERBS)} it would review {rng.choice(TOPICS)}.")
    if kind == 2:
        org = rng.choice(ORGS)
        return (f"{org[0].upper() + org[1:]} has {filler} since "
                f"{date_expression(rng, year)}, according to {person(rng)}.")
    if kind == 3:
        return f"The {filler} in {rng.choice(CITIES)} and {rng.choice(CITIES)} continued through {date_expression(rng, year)}."
    if kind == 4:
        return f"{person(rng)}, who met {person(rng)} in {rng.choice(COUNTRIES)}, {rng.choice(VERBS)} that {filler}."
    return f"Many {rng.choice(GROUPS)} {filler}, while {rng.choice(COUNTRIES)} and {rng.choice(COUNTRIES)} {rng.choice(VERBS)} little."


def article(rng, index):
    year = rng.randrange(2004, 2026)
    header = rng.random() < 0.85
    published = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    headline = f"{rng.choice(COUNTRIES).replace('the ', '').title()} {rng.choice(['faces', 'rejects', 'weighs', 'braces for'])} {rng.choice(TOPICS).replace('the ', '')} as {rng.choice(CITIES)} {rng.choice(['waits', 'protests', 'mourns', 'votes'])}"
    target_words = rng.randrange(300, 1200)
    paragraphs, words = [], 0
    while words < target_words:
        para = " ".join(sentence(rng, year) for _ in range(rng.randrange(2, 5)))
        words += len(para.split())
        paragraphs.append(para)
    if rng.random() < 0.1:
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), rng.choice(NON_LATIN)[1])
    body = headline + "\n" + "\n\n".join(paragraphs)
    return {"id": f"gen-{index:06d}", "published": published if header else None, "body": body}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True, help="a folder for txt, a file for jsonl")
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    parser.add_argument("--seed", type=int, default=20200117)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    words = 0
    if args.format == "txt":
        os.makedirs(args.out, exist_ok=True)
    out = open(args.out, "w", encoding="utf-8") if args.format == "jsonl" else None
    for index in range(args.count):
        item = article(rng, index)
        words += len(item["body"].split())
        if out:
            record = {"id": item["id"], "body": item["body"]}
            if item["published"]:
                record["publishedAt"] = item["published"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            header = f"date {item['published']}\n" if item["published"] else ""
            with open(os.path.join(args.out, item["id"] + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(header + item["body"] + "\n")
    if out:
        out.close()
    print(f"generated {args.count} articles, {words} words, into {args.out}")


if __name__ == "__main__":
    main()
