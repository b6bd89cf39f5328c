"""The website around a scraped document: navigation, page tools and the site's footer.

A page saved from a government site carries its frame: a breadcrumb (首页 > 政务公开 >
通知公告), font and print tools (字号：大 中 小, 【打印本页】【关闭窗口】), page counters
(第1页 共2页), sharing prompts (扫一扫在手机打开当前页), links to the next article,
the site's numbered terms of use under 版权与免责声明, and a footer (版权所有,
网站标识码, ICP备…, and 主办单位：某某市人民政府办公室 — a footer line that reads
like a lead unit's label), and a page's mark that it goes on from the one before ([接上页]).
Glued to the last task of a table they become part of its
last cell. :func:`strip_chrome` blanks such lines, keeping every other line's number;
the publishing details (发布时间, 来源) stay for the metadata.
"""

from __future__ import annotations

import re

from dutygraph.loaders.text import Line, squeeze

#: A line that is the site's frame, whatever surrounds it.
_CHROME = re.compile(
    r"^(?:首页|网站首页|当前位置|您现在的位置|您的位置|现在位置)\s*[:：>»]"
    r"|^首页\s*[>»]|[>»]\s*(?:正文|通知公告|政务公开|政府文件|信息公开)$"
    r"|字号\s*[:：]?\s*[【\[]?\s*大|字体\s*[:：]\s*[【\[]?\s*大"
    r"|打印本页|关闭窗口|打印此页|关闭本页|【打印】|【关闭】|返回顶部|收藏本页|加入收藏|分享到\s*[:：]?"
    r"|^第\s*\d+\s*页\s*[/，,]?\s*共\s*\d+\s*页$|^共\s*\d+\s*页$|^上一页\s*下一页$"
    r"|扫一扫在手机|手机扫一扫|微信扫一扫|用手机扫描"
    r"|^(?:上一篇|下一篇)\s*[:：]"
    r"|版权所有|ICP\s*备|网站标识码|公网安备|技术支持\s*[:：]|网站地图|建议使用.{0,20}浏览器|最佳分辨率"
    r"|(?:浏览|阅读|访问|点击)次数\s*[:：]"
)
#: A footer line that names the site's publisher like a lead unit (主办单位：某某市人民政府办公室).
_PUBLISHER = re.compile(
    r"^(?:主办|承办|运维|维护)(?:单位)?\s*[:：].{0,40}(?:人民政府|办公室|办公厅|政府网|信息中心|数据)"
)
#: The heading of the site's disclaimer (豫都网版权与免责声明): it and everything after it are the site's.
#: (in either script: the frame is stripped before the text is simplified)
DISCLAIMER_WORDS = r"版[权權][与與]免[责責][声聲]明|免[责責][声聲]明"
_DISCLAIMER = re.compile(rf"^.{{0,12}}(?:{DISCLAIMER_WORDS}|版[权權][声聲]明)[:：]?$")
#: Longer lines are text that the frame was glued to: only its tail of page tools is cut.
_MAX_CHROME = 60
#: A site's mark that a page goes on from the one before or on the next ([接上页] (2)培育…, …[接下页]): not the text.
_CONTINUED = re.compile(
    r"^\s*[\[【〔(（]\s*(?:接上页|续上页|上接第?\s*\d*\s*页|接第\s*\d+\s*页)\s*[\]】〕)）]\s*"
    r"|\s*[\[【〔(（]\s*(?:接下页|未完|未完待续|下转第?\s*\d*\s*页|转第\s*\d+\s*页)\s*[\]】〕)）]\s*$"
)
_TOOLS_TAIL = re.compile(r"(?:[【\[]?\s*(?:打印本页|关闭窗口|打印此页|关闭本页|打印|关闭|返回顶部)\s*[】\]]?\s*){2,}$")


def strip_chrome(lines: list[Line]) -> tuple[list[Line], list[int]]:
    """Blank the lines of the website around the document.

    Returns:
        The lines (a blanked line keeps its number), and the numbers of the lines blanked.

    Example:
        >>> lines = [Line(1, "首页 > 政务公开"), Line(2, "1.新建公园5个"), Line(3, "【打印本页】【关闭窗口】")]
        >>> [ln.text for ln in strip_chrome(lines)[0]], strip_chrome(lines)[1]
        (['', '1.新建公园5个', ''], [1, 3])
    """
    texts = [ln.text for ln in lines]
    changed: set[int] = set()
    for i, text in enumerate(texts):
        if (unmarked := _CONTINUED.sub("", text)) != text:
            texts[i] = text = unmarked
            changed.add(i)
        tail = _TOOLS_TAIL.search(text)
        if tail and tail.start() > 0 and text[: tail.start()].strip():
            texts[i] = text[: tail.start()].rstrip()  # 。【打印本页】【关闭窗口】 glued to the last task
            changed.add(i)
        elif _is_chrome(text):
            texts[i] = ""
            changed.add(i)
    disclaimer = next((i for i, text in enumerate(texts) if _DISCLAIMER.match(squeeze(text))), len(texts))
    for i in range(disclaimer, len(texts)):  # the site's numbered terms of use close the page
        if texts[i]:
            texts[i] = ""
            changed.add(i)
    blank = {i for i in changed if not texts[i]}
    for i, text in enumerate(texts):  # the publisher's line sits among other footer lines
        if i not in changed and _PUBLISHER.match(squeeze(text)) and blank & set(range(i - 3, i + 4)):
            texts[i] = ""
            changed.add(i)
    out = [ln if i not in changed else Line(ln.no, texts[i]) for i, ln in enumerate(lines)]
    return out, [lines[i].no for i in sorted(changed)]


def _is_chrome(text: str) -> bool:
    flat = text.strip()
    return bool(flat) and len(flat) <= _MAX_CHROME and bool(_CHROME.search(flat))
