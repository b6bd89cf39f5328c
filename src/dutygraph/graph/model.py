"""The graph model of DESIGN.md: labels, relationship types, identities and unit kinds.

Nodes carry a ``label`` attribute (one of :data:`LABELS`) and the properties of
that label; relationships are the keys of a networkx ``MultiDiGraph`` (one of
:data:`RELATIONSHIPS`) and carry ``type``. LEADS, SUPPORTS and OVERSEES also
carry their provenance, ``line`` in the source, ``basis`` ("printed", "merged"
or "inferred") and ``doc``, and ``position``: the printed order among the task's
units (or leaders) of that role, 1 for the first listed (the 牵头 unit that
answers for the task). A Task's quantitative targets (增长6%左右, 新增就业1.3万人)
are Target nodes under it: (Task)-[:HAS_TARGET]->(Target).

These fixed lists are the allow-list for every label and relationship type that
reaches Cypher: nothing else is ever formatted into a query.
"""

from __future__ import annotations

import re

DOCUMENT, GOAL, AREA, TASK, UNIT, LEADER = "Document", "Goal", "Area", "Task", "Unit", "Leader"
TARGET = "Target"
LABELS = (DOCUMENT, GOAL, AREA, TASK, UNIT, LEADER, TARGET)

HAS_GOAL, HAS_AREA, HAS_TASK = "HAS_GOAL", "HAS_AREA", "HAS_TASK"
LEADS, SUPPORTS, OVERSEES = "LEADS", "SUPPORTS", "OVERSEES"
HAS_TARGET = "HAS_TARGET"
RELATIONSHIPS = (HAS_GOAL, HAS_AREA, HAS_TASK, LEADS, SUPPORTS, OVERSEES, HAS_TARGET)
#: Responsibility relationships and the record field each comes from.
RESPONSIBILITY = {LEADS: "lead", SUPPORTS: "support", OVERSEES: "leaders"}

PRINTED, MERGED, INFERRED = "printed", "merged", "inferred"
BASES = (PRINTED, MERGED, INFERRED)

UNKNOWN_REGION = "?"

#: A leader's post as printed next to the name: 区长, 副区长, 常务副县长 …
_POST = r"(?:常务)?副?(?:省|市|州|盟|县|区|旗|镇|乡)长"

_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("street", re.compile(r"(?:街道|街道办事处|镇|乡)$")),
    ("park", re.compile(r"(?:园|园区|经开区|高新区|开发区|管委会|商务区|创新区)$")),
    ("enterprise", re.compile(r"(?:集团|公司|银行)$")),
    ("committee", re.compile(r"(?:委员会|领导小组|工作组|指挥部|联席会议)$")),
    ("organization", re.compile(r"(?:工会|团区委|团委|残联|妇联|侨联|科协|工商联|红十字会|关工委|文联)$")),
    ("party", re.compile(r"(?:组织部|宣传部|统战部|政法委|纪委|监委|区委|编办|人才办|区委办)$")),
)


def unit_kind(name: str) -> str:
    """Kind of a unit from its name: collective, street, park, enterprise, committee,
    organization, party or department.

    Example:
        >>> unit_kind("各街道"), unit_kind("南大街街道"), unit_kind("高新园(邹区镇)"), unit_kind("新运集团")
        ('collective', 'street', 'park', 'enterprise')
        >>> unit_kind("发改局")
        'department'
    """
    from dutygraph.loaders.names import is_collective, strip_parenthetical  # not at the top: see is_collective_leader

    if is_collective(name):
        return "collective"
    core = strip_parenthetical(name)
    for kind, pattern in _KIND_RULES:
        if pattern.search(core):
            return kind
    return "department"


def is_collective_leader(name: str) -> bool:
    """True for a leader that is a body, not a person (全体区长)."""
    # Imported here: importing the loaders package costs a query that only needs this module's labels 0.1 s.
    from dutygraph.loaders.names import is_collective

    return name.startswith(("全体", "各")) or is_collective(name)


def leader_post(name: str, *texts: str | None) -> str | None:
    """The post printed right before or after a leader's name in ``texts`` (区长, 常务副县长), else None.

    Only a post printed next to the name counts: the graph never guesses one.

    Example:
        >>> leader_post("张三", "一、张三县长牵头重点工作")
        '县长'
        >>> leader_post("李四", "二、常务副县长李四牵头重点工作"), leader_post("王五", "二、常务副县长李四牵头")
        ('常务副县长', None)
    """
    name_re = re.escape(name)
    pattern = re.compile(rf"{name_re}(?:同志)?({_POST})|({_POST}){name_re}")
    for text in texts:
        found = pattern.search(text or "")
        if found:
            return found.group(1) or found.group(2)
    return None


def deadline_month(deadline_date: str | None) -> str | None:
    """The month (``YYYY-MM``) of an ISO deadline date, for "due by" queries.

    Example:
        >>> deadline_month("2024-11-30"), deadline_month(None)
        ('2024-11', None)
    """
    return deadline_date[:7] if deadline_date else None


def region_key(region: str | None) -> str:
    """The region part of an identity ("?" when the document's region is unknown)."""
    return region or UNKNOWN_REGION


def document_id(file: str) -> str:
    """Id of a Document node: its file name, so re-loading a file replaces it."""
    return f"doc:{file}"


def goal_id(doc_id: str, goal_no: str | None, title: str | None) -> str:
    """Id of a Goal: the document and the goal's number as printed (its title when unnumbered)."""
    return f"goal:{doc_id[4:]}:{goal_no if goal_no else title or '-'}"


def area_id(goal: str, title: str) -> str:
    """Id of an Area: its goal and its title."""
    return f"area:{goal[5:]}:{title}"


def task_id(doc_id: str, number: str, goal_no: str | None = None) -> str:
    """Id of a Task: the document and the number as printed (qualified by the goal
    number in documents whose numbering restarts in every section)."""
    return f"task:{doc_id[4:]}:{goal_no}:{number}" if goal_no is not None else f"task:{doc_id[4:]}:{number}"


def unit_id(region: str | None, canonical: str) -> str:
    """Id of a Unit: one per canonical name per region."""
    return f"unit:{region_key(region)}:{canonical}"


def leader_id(region: str | None, name: str) -> str:
    """Id of a Leader: one per name per region."""
    return f"leader:{region_key(region)}:{name}"


def target_id(task: str, position: int) -> str:
    """Id of a Target: its task and its place among the task's targets (1 for the first printed)."""
    return f"target:{task[5:]}:{position}"
