"""Dose regimens inside an arm's description: amount, unit, route, frequency, duration.

Pure functions over a string (offsets relative to it); ``arms`` calls :func:`find_doses` on
the text that describes one arm. Units are normalised through ``patterns/units.lexicon.json``
and routes through ``patterns/routes.lexicon.json``; numbers go through ``numbers.py``
("2 million" -> 2000000, "100 ± 20 × 106" -> 1e8 via :func:`flattened_power`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractor.numbers import flattened_power, parse_decimal, parse_scientific, parse_word_number
from extractor.regex_cache import compile_regex
from extractor.rules import bounded, load_lexicon, load_rules


@cache
def _rx(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile once (regex's own cache lookup is slow on hot paths)."""
    return compile_regex(pattern, flags)

_SCALE = {"million": 1e6, "billion": 1e9}


@dataclass
class DoseMatch:
    start: int
    end: int
    value: float | None
    unit: str | None
    route: str | None = None
    frequency: str | None = None
    duration: str | None = None
    rule: str = ""
    amount_end: int = 0  # end of the amount itself ("8 mg"), before route/frequency/duration


def normalise_unit(unit: str) -> str:
    """Written unit -> canonical form from the units lexicon ("mg.kg-1" -> "mg/kg", "µg" -> "μg")."""
    key = _rx(r"\s+").sub("", unit).lower().replace("µ", "μ")
    key = _rx(r"/\d+(?:\.\d+)?ml/").sub("/", key)  # "3.5 g/140 mL/day": the amount per day
    # per square metre of body surface: "mg m-2" is "mg/m2"; a schedule written after it
    # ("120 mg/m2/1-21": days 1 to 21) is not part of the unit
    key = _rx(r"^([^/]+?)m-2$").sub(r"\1/m2", key)
    key = _rx(r"^([^/]+/m)[2²](?:/.*)?$").sub(r"\g<1>2", key)
    # per kilogram written with negative powers: "μg kg-1", "mg.kg-1.day-1", "ng · kg-1 · min-1"
    per_kg = _rx(r"^([^/]+?)[.·⋅]?kg-1(?:[.·⋅]?(h|hr|min|day|d)-1)?$").match(key) if "kg-1" in key else None
    if per_kg:
        per = {"d": "day", "hr": "h"}.get(per_kg[2], per_kg[2])
        key = f"{per_kg[1]}/kg/{per}" if per else f"{per_kg[1]}/kg"
    canon = load_lexicon("units").entries["canonical"]
    if key in canon:
        return canon[key]
    if per_kg:
        return key
    cells = load_lexicon("units").entries["cell_words"]
    if key in cells or key.endswith(("cells", "mscs", "msc")):
        return "cells"
    # a rate the lexicon does not list ("µg/kg/hr", "ug/kg/d") is spelt as the listed ones are
    # ("μg", "/h", "/day"): the micro sign and "hr" had been kept, unlike in "mg/hr"; the case
    # of a written unit stays ("ml/kg/d" -> "ml/kg/day")
    amount, slash, per = key.partition("/")
    if slash and amount in canon:
        first = canon[amount] if canon[amount].lower() != amount else unit.strip().partition("/")[0].strip().replace("µ", "μ")
        return "/".join([first, *(_PER.get(p, p) for p in per.split("/"))])
    return unit.strip()


_PER = {"hr": "h", "d": "day"}  # as the lexicon has "mg/hr" -> "mg/h", "mg/d" -> "mg/day"


def normalise_route(route: str) -> str:
    return load_lexicon("routes").entries["canonical"].get(route.lower(), route.lower())


_DIGIT = compile_regex(r"\d")
_NUMBER = compile_regex(r"\d+(?:\.\d+)?")
# what every list of amounts holds ("10, 20, or 30 mg"): a number, a comma and a space, a number
_LIST_GATE = compile_regex(r"\d,\s+\d")


def _amount_rules(text: str, ranges: bool) -> list[str]:
    """The amount rules worth trying on ``text``, in order. Cheap gates: a power of ten needs
    "10", a scale word its name; a range or a combination ("1 to 10 g", "160/4.5 μg") is tried
    before its last number alone."""
    out = ["amount_power"] if "10" in text else []
    if "illion" in text.lower():
        out.append("amount_million")
    if ranges:
        if ", " in text and (" or " in text or " and " in text) and _LIST_GATE.search(text):
            out.append("amount_list")
        out.append("amount_range")
    out.append("amount_unit")
    return out


def has_dose(text: str) -> bool:
    """``find_doses(text)`` would find a dose (it keeps the first match of the first amount
    rule that matches), without reading any regimen."""
    first = _DIGIT.search(text)
    if first is None:
        return False
    rules = load_rules("doses")
    return any(bounded(rules.by_id(rid).regex.search, text, first.start()) for rid in _amount_rules(text, True))


def _amounts(text: str, ranges: bool = True) -> list[tuple[int, int, float | None, str, str]]:
    # every amount rule starts its match at the amount's first digit: no digit, no dose, and
    # the rules need not scan the text before the first one (lookbehinds still see it)
    first = _DIGIT.search(text)
    if first is None:
        return []
    pos = first.start()
    rules = load_rules("doses")
    out: list[tuple[int, int, float | None, str, str]] = []
    taken: list[tuple[int, int]] = []
    for rid in _amount_rules(text, ranges):
        for m in rules.by_id(rid).finditer(text, pos):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            gd = m.groupdict()
            unit = gd["unit"]
            if rid == "amount_power":
                mant = parse_decimal(gd["value"]) or 1.0
                exp = gd["exp"]
                raw = m.group(0)
                if "^" in raw or exp.startswith("-"):
                    value = parse_scientific(f"{mant} x 10^{exp}")
                else:
                    value = flattened_power(mant, "10" + exp)
            elif rid == "amount_million":
                v = parse_decimal(gd["value"])
                value = v * _SCALE[gd["scale"].lower()] if v is not None else None
            else:
                value = _international_units(gd["value"], unit) or parse_decimal(gd["value"])
                unit = _rx(r"^(?:million|billion)\s+").sub("", unit)
            end = m.end()
            per = _per_kg_or_day(text, end, unit)
            if per:
                end, unit = per
                # the rules' macronutrient lookahead saw "kg-1", not the word after it: "2.1 g
                # kg-1 day-1 protein" is a diet's composition, as "1.1 g protein/kg" is
                if nutrient_follows(text, end):
                    taken.append((m.start(), end))
                    continue
            taken.append((m.start(), end))
            if rid == "amount_list":
                out.extend(_list_amounts(m, end, normalise_unit(unit)))
                continue
            out.append((m.start(), end, value, normalise_unit(unit), rid))
    return sorted(out)


def _international_units(raw: str, unit: str) -> float | None:
    """"40.000 IU": a point before three zeros in an amount of units groups its thousands (a
    European writing of 40,000 IU; no regimen gives a thousandth of a unit to three zeros)."""
    if "." not in raw or not raw.endswith("000") or not unit.upper().startswith(("IU", "U")):
        return None
    return float(raw.replace(".", "")) if _rx(r"\d{1,3}(?:\.000)+").fullmatch(raw) else None


def _per_kg_or_day(text: str, end: int, unit: str) -> tuple[int, str] | None:
    """A per-kilogram or per-day part written with a negative power after an amount's unit
    ("80 μg kg-1", "exemestane 25 mg day-1", "3000 IU d-1"): its end and the unit with it."""
    if unit.lower() not in _PER_KG_UNITS:
        return None
    after = text[end : end + 9]
    if "kg" in after[:6]:
        per_kg = _PER_KG.match(text, end)
        if per_kg:
            return per_kg.end(), unit + per_kg.group(0)
    elif "-1" in after:
        per_day = _PER_DAY.match(text, end)
        if per_day:
            return per_day.end(), unit + "/day"
    return None


def nutrient_follows(text: str, pos: int) -> bool:
    """Whether a macronutrient's name follows ``pos`` ("2.1 g kg-1 day-1 protein"): the amount
    before it is a diet's composition, no dose (the rules' ``nutrient`` lookahead)."""
    return _rx(load_rules("doses").defines["nutrient"]).match(text, pos) is not None


# per kilogram written with negative powers after a mass or volume ("80 μg kg-1", "5 g · kg-1 ·
# d-1", "10 mg.kg-1"): read after the amount's match, where "kg" follows, as an alternative of
# the unit pattern was tried at every number and cost the amount rules 10%
_PER_KG_UNITS = frozenset(("mg", "g", "μg", "µg", "ug", "mcg", "ng", "ml", "iu"))
_PER_KG = compile_regex(r"\s*[.·⋅]?\s*kg\s*-\s*1(?:\s*[.·⋅]?\s*(?:h|hr|min|day|d)\s*-\s*1)?(?!\d)")
# ... and per day ("25 mg day-1"): the unit is then the amount per day, as "25 mg/day" is
_PER_DAY = compile_regex(r"\s*[.·⋅]?\s*(?:day|d)\s*-\s*1(?![\w.]?\d)")


def _list_amounts(m: regex.Match[str], end: int, unit: str) -> list[tuple[int, int, float | None, str, str]]:
    """"10, 20, or 30 mg": one amount per number, the last one's span running through the unit (to ``end``)."""
    nums = list(_NUMBER.finditer(m.string, m.start(), m.start("unit")))
    return [(n.start(), end if n is nums[-1] else n.end(), parse_decimal(n.group(0)), unit, "amount_list") for n in nums]


def _concentrations(text: str) -> list[tuple[int, int, float | None, str, str]]:
    """Concentrations ("0.005%") that may be a regimen's amount, in order; above 5% a
    concentration is rarely a drug's ("sorbitol 10%", "7.5% sucrose")."""
    out = []
    for m in load_rules("doses").by_id("amount_percent").finditer(text):
        v = parse_decimal(m.group("value"))
        if v is not None and v <= 5:
            out.append((m.start(), m.end(), v, "%", "amount_percent"))
    return out


# the words of a count of dosage units (amount_count): a literal gate before its pattern
COUNT_WORDS = ("tablet", "capsule", "ampoule", "ampule", "vial", "sachet", "puff", "lozenge")


def _counts(text: str) -> list[tuple[int, int, float | None, str, str]]:
    """Counts of dosage units ("five ampoules") that may be a regimen's amount, in order."""
    low = text.lower()
    if not any(w in low for w in COUNT_WORDS):
        return []
    out = []
    for m in load_rules("doses").by_id("amount_count").finditer(text):
        raw = m.group("value")
        value = parse_decimal(raw) if raw[0].isdigit() else parse_word_number(raw)
        if value:
            out.append((m.start(), m.end(), float(value), m.group("unit").lower(), "amount_count"))
    return out


# text between two amounts that starts a new regimen: "bolus 5 IU, bolus 10 IU or ...",
# "110 mg and 150 mg"; anything else ("+", "followed by", "and morphine") continues one regimen
_NEW_REGIMEN = compile_regex(r"\s*(?:,|;|\bor\b|\band\b|,\s*(?:or|and)\b)\s*(?:(?:a|the)\s+)?(?:(?:bolus|dose|doses|infusion)\s+(?:of\s+)?)?$", regex.I)


_WINDOW_STOP = compile_regex(r"[;]|\(n\s*=|\bor\b|\bversus\b|\bvs\b")


def find_doses(text: str, first_only: bool = True, regimens: bool = False, ranges: bool = True,
               concentrations: bool = False, counts: bool = False) -> list[DoseMatch]:
    """Doses in ``text`` (one arm's description). With ``first_only``, amounts joined by
    "+"/"and"/"followed by" to the first one are parts of one regimen, so only the first
    amount is reported (SCHEMA: value/unit are the first dose amount). With ``regimens``,
    the first amount of every regimen of a list is reported ("110 mg and 150 mg", "bolus 5 IU,
    bolus 10 IU or bolus 5 IU followed by 10 IU" -> 5, 10, 5). "1 to 10 g", "160/4.5 μg" and
    "5 or 10 mg/day" are one amount, the first number's; ``ranges=False`` reads only the last
    (for lists whose numbers belong to different arms: "at 10, 20 and 40 mcg/kg/min"). With
    ``concentrations``, only concentrations are read ("calcipotriene 0.005%"), for a text where
    no amount with a unit is; with ``counts``, only counts of dosage units ("five ampoules"), for a
    text where neither is."""
    rules = load_rules("doses")
    if counts:
        amounts = _counts(text)
    else:
        amounts = _concentrations(text) if concentrations else _amounts(text, ranges)
    if not amounts:
        return []
    if regimens:
        keep = [amounts[0]]
        for prev, cur in zip(amounts, amounts[1:], strict=False):
            if keep[-1] is prev and _NEW_REGIMEN.fullmatch(text, prev[1], cur[0]):
                keep.append(cur)
        amounts = keep
    elif first_only:
        amounts = amounts[:1]
    out = []
    for s, e, value, unit, rid in amounts:
        window_end = min(len(text), e + 90)
        stop = _WINDOW_STOP.search(text[e:window_end])
        if stop:
            window_end = e + stop.start()
        ws = max(0, s - 60)
        d = DoseMatch(start=s, end=e, value=value, unit=unit, rule=f"doses:{rid}", amount_end=e)
        for attr in ("route", "frequency", "duration"):
            m = bounded(rules.by_id(attr).regex.search, text, ws, window_end)
            if m:
                val = m.group(0)
                setattr(d, attr, normalise_route(val) if attr == "route" else val)
                if m.end() > d.end and m.start() >= e:
                    d.end = m.end()
        out.append(d)
    return out
