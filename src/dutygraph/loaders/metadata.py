"""Document metadata: region, year, title and issuer, read from the text.

Evidence is weighed, not taken from the first match: the issuer line
(常州市钟楼区人民政府), the document number (鼓政〔2024〕2号), the title's year, dates,
and how often a district is named. When the evidence is missing or split between
candidates, the field is left empty and a warning says so; ``--region`` and
``--year`` override.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dutygraph.loaders.text import Line, squeeze

_ISSUER = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,8}?(?:省|市))?[\u4e00-\u9fff]{2,5}?(?:区|县|市)(?:人民政府|人民政府办公室|政府办公室)$"
)
_ISSUER_FIELD = re.compile(r"^(?:发布机构|发文机关|发文单位|成文单位)\s*[:：]\s*\|?\s*([^|]*)")
_REGION_IN = re.compile(r"(?:([\u4e00-\u9fff]{2,3}(?:省|市)))?([\u4e00-\u9fff]{2,3}?(?:区|县))人民政府")
_CITY_DISTRICT = re.compile(r"[\u4e00-\u9fff]{2}市([\u4e00-\u9fff]{2,3}?区)")
_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,2})政(?:办)?(?:发|函|复)?\s*[〔\[【(（]\s*(\d{4})\s*[〕\]】)）]\s*\d+\s*号"
)
#: A document number (文号) of any issuer: 鼓政〔2024〕2号, 辽政发〔2026〕2号, 穗府〔2021〕3号.
_ANY_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,10}\s*[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d{1,4}\s*号)")
#: The date a document was issued: 2024年3月11日, or 发布日期/成文日期: 2024-02-29.
_ISSUED = re.compile(r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{1,2})-(\d{1,2}))")
_TITLE_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年(?:度)?\s*(?:《|区|市|县|全区|政府|民生|重点|主要|“|\")")
_DATE = re.compile(r"(20\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})")
_YEAR = re.compile(r"(20\d{2})\s*年")
_TITLE = re.compile(
    r"分解表|分解落实方案|分解方案|任务分解|责任分解|实施方案|的通知|政府工作报告|办实事|民生实事|任务清单"
)
#: Words before 人民政府 that name a kind of government, not one (各区、市、县、自治县人民政府).
_NOT_A_REGION = re.compile(r"^(?:自治县|自治区|各[县区]|[县区]级|市辖区|全[县区])$")
#: Words ending in 区 that are not districts.
_NOT_DISTRICT = re.compile(
    r"(?:城区|园区|社区|片区|景区|街区|辖区|新区|示范区|先导区|集聚区|试验区|功能区|商务区|创新区|开发区|高新区|经开区|"
    r"核心区|主城区|全区|本区|该区|各区|我区|老城区|保护区|实验区|自贸区|管理区|风景区|生态区|服务区|产业区|住宅区|"
    r"居住区|重点区|城市区|一区|二区|三区|游区|养区)$"
)


@dataclass(slots=True)
class Region:
    """A district the loaders know by its short name or document-number abbreviation."""

    name: str
    city: str
    short: list[str]
    abbrev: str


@lru_cache(maxsize=1)
def known_regions() -> list[Region]:
    """The districts listed in ``data/regions.toml``."""
    raw = resources.files("dutygraph.loaders").joinpath("data/regions.toml").read_text(encoding="utf-8")
    return [
        Region(r["name"], r.get("city", ""), list(r.get("short", [])), r.get("abbrev", ""))
        for r in tomllib.loads(raw)["region"]
    ]


@lru_cache(maxsize=1)
def _name_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """One pattern for every known district name and short name: a full name
    counts 2 (it also says the short name), a short name 1."""
    by_name: dict[str, tuple[str, int]] = {}
    for r in known_regions():
        for short in r.short:
            by_name.setdefault(short, (r.name, 1))
        by_name[r.name] = (r.name, 2)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True)))
    return pattern, by_name


@dataclass(slots=True)
class Metadata:
    """What was found, and what could not be told (as messages for warnings)."""

    title: str | None
    region: str | None
    year: int | None
    issuer: str | None
    doubts: list[str]
    number: str | None = None
    date: str | None = None


def _pick(scores: Counter[str] | Counter[int], what: str, doubts: list[str]) -> str | int | None:
    if not scores:
        doubts.append(f"no {what} found in the text; pass --{what} to set it")
        return None
    ranked = scores.most_common()
    best, top = ranked[0]
    if top < 2:
        doubts.append(f"the {what} is unclear (only a weak hint: {best}); pass --{what} to set it")
        return None
    if len(ranked) > 1 and ranked[1][1] >= 0.6 * top:
        names = ", ".join(f"{k} ({v})" for k, v in ranked[:3])
        doubts.append(f"the {what} is ambiguous between {names}; pass --{what} to set it")
        return None
    return best


def _issue_date(text: str) -> tuple[str | None, str | None]:
    """A short line's date: (the signature's or 成文日期's date, a web page's 发布日期 standing in), each or None."""
    issued = _ISSUED.search(text)
    labelled = re.search(r"成文日期|发文日期|印发日期|发布日期|生成日期", text)
    if not issued or not (len(text) <= 16 or labelled):
        return None, None
    month, day = issued.group(2) or issued.group(4), issued.group(3) or issued.group(5)
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None, None
    found = f"{int(issued.group(1)):04d}-{int(month):02d}-{int(day):02d}"
    # The signature's date (2024年3月11日 on a line of its own) or 成文日期 is the issue date;
    # a web page's 发布日期 only stands in for it.
    if (issued.group(2) and not labelled) or (labelled and labelled.group(0) in ("成文日期", "发文日期", "印发日期")):
        return found, None
    return None, found


def _score_regions(
    text: str,
    regions: Counter[str],
    years: Counter[int],
    known: list[Region],
    names: re.Pattern[str],
    by_name: dict[str, tuple[str, int]],
) -> None:
    """Add a line's evidence of the region (and a 文号's year) to the counts."""
    for m in _REGION_IN.finditer(text):
        if not _NOT_A_REGION.match(m.group(2)):
            regions[m.group(2)] += 10
    for m in _CITY_DISTRICT.finditer(text):
        if not _NOT_DISTRICT.search(m.group(1)):
            regions[m.group(1)] += 3
    for m in _DOC_NUMBER.finditer(text):
        years[int(m.group(2))] += 5
        for r in known:
            if r.abbrev and m.group(1).endswith(r.abbrev):
                regions[r.name] += 5
    for m in names.finditer(text):
        region, weight = by_name[m.group(0)]
        regions[region] += weight


def detect_metadata(lines: list[Line]) -> Metadata:
    """Read title, region, year and issuer from a document's (spam-free) lines.

    Args:
        lines: the document's lines, spam already removed.

    Returns:
        A :class:`Metadata`; fields that could not be told are None and
        ``doubts`` says why, one message each.

    Example:
        >>> from dutygraph.loaders.text import Line
        >>> m = detect_metadata([Line(1, "常州市钟楼区人民政府"), Line(2, "2024年3月11日")])
        >>> m.region, m.year, m.issuer
        ('钟楼区', 2024, '常州市钟楼区人民政府')
    """
    doubts: list[str] = []
    regions: Counter[str] = Counter()
    years: Counter[int] = Counter()
    title: str | None = None
    issuer: str | None = None
    known = known_regions()
    names, by_name = _name_pattern()
    number: str | None = None
    date: str | None = None
    signed: str | None = None
    for ln in lines:
        text = squeeze(ln.text.replace("\t", " "))
        if not text:
            continue
        if number is None:
            found = _ANY_NUMBER.search(text)
            if found and not re.search(r"[《〈]", text[: found.start()][-10:]):
                number = found.group(1)
        if signed is None and len(text) <= 40:
            found_signed, found_date = _issue_date(text)
            signed = found_signed
            date = date or found_date
        field = _ISSUER_FIELD.match(ln.text.strip())
        if field and squeeze(field.group(1)):
            issuer = issuer or squeeze(field.group(1))
        if _ISSUER.match(text):
            issuer = issuer or text
        _score_regions(text, regions, years, known, names, by_name)
        is_title = len(text) <= 80 and bool(_TITLE.search(text)) and "|" not in text
        if title is None and is_title and not text.startswith("附件") and not re.match(r"^\d+[.．、]", text):
            title = text
        if is_title:
            years.update({int(y): 4 for y in _YEAR.findall(text)})
        for m in _TITLE_YEAR.finditer(text):
            years[int(m.group(1))] += 5 if len(text) <= 80 else 1
        for m in _DATE.finditer(ln.text):
            years[int(m.group(1))] += 3
        for m in _YEAR.finditer(text):
            years[int(m.group(1))] += 1
    region = _pick(Counter({k: v for k, v in regions.items() if v > 0}), "region", doubts)
    year = _pick(years, "year", doubts)
    return Metadata(
        title,
        region if isinstance(region, str) else None,
        year if isinstance(year, int) else None,
        issuer,
        doubts,
        number,
        signed or date,
    )
