"""Telling persons from units: leaders (分管领导) printed as personal names.

Tables print leaders as names, sometimes with a space inside (吴 伟), two run together
(陆 明俞 悦), or as a post (全体区长). A name is a known surname followed by one or two
characters that does not end like a unit.
"""

from __future__ import annotations

import re

from dutygraph.loaders.names import ends_like_unit, is_none_mark, split_top_level
from dutygraph.loaders.text import squeeze

# Common Chinese surnames (single and compound). Used together with the length of
# a name, so a two-character heading fragment such as 品质 or 格局 is not a person.
# 区 (Ou) is left out: in this genre 区城投, 区水投 are a district's companies, not people.
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤洪"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜海阚花权强帅屠豆"
    "朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫"
    "杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧"
    "闭由"
)
_SURNAMES_2 = {
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "令狐",
    "端木",
    "西门",
    "南宫",
    "独孤",
    "百里",
    "呼延",
    "轩辕",
    "申屠",
    "太史",
    "钟离",
    "闻人",
    "澹台",
}
#: Words that start like a surname but are not names (they appear in table cells).
_NOT_PERSONS = frozenset(
    [
        "全年",
        "全区",
        "全市",
        "全面",
        "全域",
        "全民",
        "全力",
        "全部",
        "金融",
        "安全",
        "文明",
        "高新",
        "高效",
        "常态",
        "方面",
        "长期",
        "明年",
        "平安",
        "和谐",
        "国家",
        "公共",
        "公益",
        "公安",
        "国资",
        "向好",
        "年底",
        "万人",
        "万元",
        "千万",
    ]
)
#: Characters that do not occur in a given name but often after a surname-like first character.
_NOT_IN_GIVEN_NAMES = frozenset("年区市省县局业性级化度型域项个次")
#: Titles that make a string a leader even though it is not a personal name.
_LEADER_TITLES = re.compile(
    r"(?:^全体|^各|^常务)?(?:副)?(?:区|县|市|镇|省)长$|(?:^|[区县市])(?:委)?书记$|^全体区?领导$"
)

#: Task-number and quote characters never inside a personal name.
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


#: A post of a government's office (市政府常务副市长): a leader's title, no one named.
OFFICE_POST = re.compile(r"^[省市州县区]政府")
#: A name transliterated with a middle dot between its parts: 努尔买买提·阿布来提.
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・．][\u4e00-\u9fff]{1,8})+")


#: The head of a government and the titles of other leaders' posts, without 常务 or 副 (市长, 书记).
_HEAD_OF = r"(?:省|市|区|县|州|盟|旗|镇|乡)长"
_TITLES = r"秘书长|书记|主任|主席"
#: A surname and a post (李副书记, 王镇长, 欧阳副主任): the leader as a town's document names him.
_SURNAME_POST = re.compile(rf"^[\u4e00-\u9fff]{{1,2}}?((?:常务)?副?(?:{_HEAD_OF}|{_TITLES}))$")


def is_person(text: str) -> bool:
    """True when ``text`` reads as one person's name or a leader's title.

    Spaces inside the name are ignored (吴 伟 is 吴伟). A name is a known surname
    followed by one or two characters (or a compound surname and one or two), and
    does not end like a unit. Collective leaders such as 全体区长 count.

    Example:
        >>> is_person("吴 伟"), is_person("全体区长"), is_person("品质"), is_person("财政局")
        (True, True, False, False)
        >>> is_person("努尔买买提·阿布来提"), is_person("李副书记"), is_person("党组副书记")
        (True, True, False)
    """
    name = squeeze(text)
    if _LEADER_TITLES.search(name) or _TRANSLITERATED.fullmatch(name):
        return True
    if (post := _SURNAME_POST.match(name)) and _is_surname(name[: post.start(1)]):
        return True  # 李副书记, 欧阳副主任: a leader by surname and post (not 党组副书记)
    if name in _NOT_PERSONS or any(ch in _NOT_IN_GIVEN_NAMES for ch in name[1:]):
        return False
    if not _PERSON.match(name) or ends_like_unit(name):
        return False
    if name[:2] in _SURNAMES_2 and 3 <= len(name) <= 4:
        return True
    return name[0] in _SURNAMES_1 and 2 <= len(name) <= 3


def _is_surname(text: str) -> bool:
    return text in _SURNAMES_2 or (len(text) == 1 and text in _SURNAMES_1)


def person_name(text: str) -> str:
    """A person's name as printed, without the spaces inside it (曹 雷 -> 曹雷)."""
    return squeeze(text)


def run_together_persons(text: str) -> list[str]:
    """Two leaders printed with no separator (陆 明俞 悦), split when exactly one cut gives two names.

    >>> run_together_persons("陆 明俞 悦"), run_together_persons("欧阳明")
    (['陆明', '俞悦'], ['欧阳明'])
    """
    name = squeeze(text)
    if is_person(name) or not 4 <= len(name) <= 6:
        return [name]
    cuts = [i for i in range(2, len(name) - 1) if is_person(name[:i]) and is_person(name[i:])]
    return [name[: cuts[0]], name[cuts[0] :]] if len(cuts) == 1 else [name]


#: A post printed in brackets after a leader's name.
_POST_BRACKET = re.compile(
    r"(?<=\S{2})\s*[（(][^（()）]*(?:长|书记|委员|常委|主任|调研员|巡视员|部长|主席|同志)[^（()）]*[）)]\s*$"
)

_POST_HEAD = r"(?:常务)?副?"
_POST_NAMES = (
    r"(?:省|市|区|县|州|盟|旗|镇|乡)长|秘书长|(?:[省市区县]委)?(?:副)?书记"
    r"|(?:[省市区县])?(?:人大|政协)?(?:副)?主任|(?:副)?主席"
)
_POST_SPACED = re.compile(r"^(\S{2,4})[\s\u3000]+\S*(?:长|书记|委员|常委|主任|调研员|巡视员|部长|主席)$")


def name_before_post(text: str) -> str | None:
    """The person of a name followed by its post, after a space (胡选坤 市委副书记) or not (周阳市长), or None.

    >>> name_before_post("胡选坤 市委副书记"), name_before_post("周阳市长"), name_before_post("常务副市长")
    ('胡选坤', '周阳', None)
    >>> name_before_post("李副镇长") is None  # a surname and its post
    True
    """
    spaced = _POST_SPACED.match(text.strip()) or _POST_GLUED.match(squeeze(text))
    if not spaced or _LEADER_TITLES.search(spaced.group(1)) or spaced.group(1) in _POST_WORDS:
        return None
    if spaced.group(1).endswith(("副", "常务")):
        return None  # 李副镇长: a surname and its post (the leader as printed), no given name before the post
    return spaced.group(1) if is_person(spaced.group(1)) else None


#: A post printed before the name (副县长 刘洋, 常务副区长王伟): the person, after it.
_POST_FIRST = re.compile(rf"^(?:{_POST_HEAD})(?:{_POST_NAMES})[\s\u3000]*(\S{{2,4}})$")


def name_after_post(text: str) -> str | None:
    """The person of a post followed by the name (副县长 刘洋, 常务副区长王伟), or None.

    >>> name_after_post("副县长 刘洋"), name_after_post("常务副区长王伟"), name_after_post("副县长")
    ('刘洋', '王伟', None)
    """
    m = _POST_FIRST.match(text.strip())
    if not m or _LEADER_TITLES.search(m.group(1)) or not is_person(m.group(1)):
        return None
    return m.group(1)


def parse_persons(text: str) -> list[str]:
    """Split a printed list of leaders into names, closing up spaces inside a name.

    Example:
        >>> parse_persons("王 强、李明")
        ['王强', '李明']
        >>> parse_persons("陈刚 周丽")
        ['陈刚', '周丽']
        >>> parse_persons("胡选坤 市委副书记")
        ['胡选坤']
        >>> parse_persons("县委常委、副县长 陈明")
        ['陈明']
    """
    out: list[str] = []
    posts: set[str] = set()  # 县委常委、副县长 陈明: posts listed before the name they belong to
    for part in split_top_level(text, "、，,；;/／"):
        part = _POST_BRACKET.sub("", part)  # 努尔买买提·阿布来提(县人大常委会四级调研员): the post, not the name
        part = re.sub(r"(?<=[\u4e00-\u9fff]{2})同志$", "", part.strip())  # 王明同志
        # 胡选坤 市委副书记 / 副县长 刘洋 / 县公安局局长 李刚
        part = name_before_post(part) or name_after_post(part) or _name_after_office_post(part) or part
        tokens = part.split()
        if len(tokens) > 1 and all(len(t) > 1 and is_person(t) for t in tokens):
            out.extend(tokens)
        elif (flat := squeeze(part)) and _POST_ONLY.fullmatch(flat) and not is_person(flat):
            out.append(flat)
            posts.add(flat)
        elif flat and not is_none_mark(part):
            out.extend(run_together_persons(part))
    named = any(names_someone(n) for n in out if n not in posts)
    return [n for n in out if n not in posts] if named else out


def names_someone(text: str) -> bool:
    """A person named, not a post alone (副县长, 全体区长)."""
    return is_person(text) and not _LEADER_TITLES.search(text) and not _SURNAME_POST.match(text)


#: A post with no one named (县委常委, 县公安局局长, 党组成员): the post of the name listed after it.
_POST_ONLY = re.compile(
    r"[\u4e00-\u9fff]{0,12}(?:常委|委员|成员|局长|部长|书记|主任|主席|调研员|巡视员|[省市区县州镇乡]长)"
)
_OFFICE_POST_NAME = re.compile(
    r"^([\u4e00-\u9fff]{2,12}?(?:局长|部长|主任|书记|常委))[\s\u3000]*([\u4e00-\u9fff]{2,3})$"
)


def _name_after_office_post(text: str) -> str | None:
    """The person after an office's post (县公安局局长 李刚, 宣传部长张三), or None."""
    m = _OFFICE_POST_NAME.match(text.strip())
    return m.group(2) if m and is_person(m.group(2)) and not is_person(m.group(1)) else None


#: A leader's post after the name (吴继德副市长负责): the person oversees the task.
_POST = rf"(?:常务)?副?{_HEAD_OF}|副?(?:{_TITLES})"
_LEADER_CLAUSE = re.compile(
    rf"^(?:由|请)?((?:[\u4e00-\u9fff]{{2,4}}?(?:{_POST})(?:同志)?[、和]?)+)(?:负责|牵头|分管|牵头负责|负总责|抓总|领衔)$"
)
_POST_TAIL = re.compile(rf"(?:{_POST})(?:同志)?$")
#: Words that open a post (常务副市长, 全体区长), never a name before it.
_POST_WORDS = frozenset(
    ["常务", "全体", "执行", "第一", "主要", "分管", "有关", "相关", "各位", "全市", "全县", "全区"]
)
_POST_GLUED = re.compile(rf"^(\S{{2,4}}?)(?:{_POST})(?:同志)?$")


def leader_clause(segment: str) -> list[str] | None:
    """The persons a clause names as leaders by their post (由吴继德副市长负责 -> 吴继德), or None.

    A post alone (分管副省长负责) names no person: an empty list.

    >>> leader_clause("由吴继德副市长负责"), leader_clause("分管副省长、协管副秘书长负责"), leader_clause("市建委牵头")
    (['吴继德'], [], None)
    >>> leader_clause("区委常委、副区长王明负责")  # the post first
    ['王明']
    """
    m = _LEADER_CLAUSE.match(squeeze(segment))
    if not m:
        return _posts_first(segment)
    names = [_POST_TAIL.sub("", part) for part in re.split(r"[、和]", m.group(1)) if part]
    if not all(_POST_TAIL.search(part) for part in re.split(r"[、和]", m.group(1)) if part):
        return None
    return [n for n in names if is_person(n)]


_VERB_CLAUSE = re.compile(r"^(?:由|请)?(.{3,30}?)(?:同志)?(?:负责|牵头|分管|牵头负责|负总责|抓总|领衔)$")


def _posts_first(segment: str) -> list[str] | None:
    """The persons of a clause that prints each post before the name (区委常委、副区长王明负责), or None."""
    m = _VERB_CLAUSE.match(squeeze(segment))
    if not m:
        return None
    parts = [p for p in re.split(r"[、和]", m.group(1)) if p]
    names = [name_after_post(p) for p in parts]
    if not any(names) or not all(n or _POST_ONLY.fullmatch(p) for p, n in zip(parts, names, strict=True)):
        return None
    return [n for n in names if n]
