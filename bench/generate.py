"""Synthetic decompositions, from one district to a province, seeded so they repeat.

Each region (district) has its own offices (发改局, 财政局 …), streets, parks,
enterprises and collective units, and a handful of leaders; each document is one
region's plan for one year, with goals, tasks, one or two lead units (popular
offices lead more: a Zipf-like draw), up to four supporting units and one
leader. Sizes are given as totals, e.g. the province of the benchmarks: 300
documents, 50,000 tasks, 5,000 units, 1,000 leaders. About half the documents
print a 完成时限 for every task (12月底前, 三季度, 长期坚持 …), and about a
third of the tasks print a quantitative target (地区生产总值增长6%左右,
完成固定资产投资30亿元以上), so the deadline and target queries have data. These
are drawn from a random stream of their own: the units, leaders and goals are
the same as without them.

``generate_records`` returns loader records (no file involved);
``write_documents`` renders them as document files in the seed layouts, so the
whole pipeline can be measured from text.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from dutygraph.loaders.dates import deadline_date
from dutygraph.loaders.records import DocumentMeta, LoadResult, TaskRecord
from dutygraph.loaders.targets import find_targets

DEPARTMENTS = [
    "发改局",
    "财政局",
    "商务局",
    "工信局",
    "科技局",
    "教育局",
    "民政局",
    "人社局",
    "住建局",
    "城管局",
    "交通运输局",
    "水务局",
    "农业农村局",
    "文体旅局",
    "卫健局",
    "应急管理局",
    "市场监管局",
    "统计局",
    "审计局",
    "司法局",
    "信访局",
    "生态环境局",
    "自然资源和规划分局",
    "公安分局",
    "税务局",
    "医保分局",
    "退役军人事务局",
    "行政审批局",
    "金融局",
    "投促局",
    "国资办",
    "政府办",
    "营商办",
    "人才办",
    "编办",
    "组织部",
    "宣传部",
    "政法委",
    "统战部",
    "残联",
    "总工会",
    "团区委",
    "妇联",
    "科协",
    "红十字会",
    "关工委",
    "消防救援大队",
    "交警大队",
    "房产局",
    "数据局",
    "档案馆",
    "机关事务管理局",
    "粮食和物资储备局",
    "民宗局",
    "外办",
    "侨办",
    "台办",
    "气象局",
    "档案局",
    "保密办",
]
STREET_SYLLABLES = [
    "东",
    "西",
    "南",
    "北",
    "中",
    "新",
    "河",
    "湖",
    "桥",
    "塘",
    "山",
    "港",
    "华",
    "阳",
    "兴",
    "安",
    "和",
    "宁",
    "丰",
    "庆",
    "荷",
    "花",
    "池",
    "五",
    "星",
    "永",
    "红",
    "龙",
    "凤",
    "金",
    "银",
    "青",
    "云",
]
COLLECTIVES = ("各街道", "区相关部门", "各镇", "区各部门")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰建国志红"
REGION_HEADS = [
    "云",
    "龙",
    "凤",
    "金",
    "银",
    "青",
    "白",
    "石",
    "泉",
    "梅",
    "竹",
    "松",
    "柳",
    "枫",
    "桂",
    "兰",
    "江",
    "海",
    "湖",
    "河",
    "山",
    "岭",
    "峰",
    "川",
    "原",
    "林",
    "园",
    "城",
    "阳",
    "安",
]


#: 完成时限 as documents print them; 长期坚持 names no date.
DEADLINES = ("12月底前", "6月底前", "9月底前", "年底前", "三季度", "年内完成", "6月30日前", "长期坚持")
#: Quantitative targets, each filled with a number: (text with {}, lowest, highest, decimals).
TARGETS = (
    ("地区生产总值增长{}%左右", 4, 8, 1),
    ("完成固定资产投资{}亿元以上", 10, 120, 0),
    ("城镇新增就业{}万人", 0.5, 3, 1),
    ("新建口袋公园{}个", 2, 20, 0),
    ("单位GDP能耗下降{}%", 1, 5, 1),
    ("研发经费投入突破{}亿元", 5, 60, 0),
)


def _target(rng: random.Random) -> str:
    text, low, high, decimals = rng.choice(TARGETS)
    value = round(rng.uniform(low, high), decimals)
    return text.format(f"{value:g}" if decimals else int(value))


@dataclass(frozen=True, slots=True)
class Size:
    """Totals of a synthetic corpus."""

    documents: int
    tasks: int
    units: int
    leaders: int

    @property
    def regions(self) -> int:
        """Districts: each has about five plan years."""
        return max(1, self.documents // 5) if self.documents >= 5 else 1


SIZES = {
    "district": Size(1, 100, 60, 8),
    "city": Size(30, 5_000, 600, 100),
    "province": Size(300, 50_000, 5_000, 1_000),
}


def _region_names(n: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n:
        name = rng.choice(REGION_HEADS) + rng.choice(REGION_HEADS) + "区"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _units_for(n: int, rng: random.Random) -> list[str]:
    units = list(DEPARTMENTS[: max(1, min(len(DEPARTMENTS), n - len(COLLECTIVES) - n // 4))])
    streets: set[str] = set()
    while len(units) + len(streets) < n - len(COLLECTIVES):
        streets.add(
            rng.choice(STREET_SYLLABLES) + rng.choice(STREET_SYLLABLES) + rng.choice(("街道", "镇", "园", "集团"))
        )
    return units + sorted(streets) + list(COLLECTIVES[: max(0, n - len(units) - len(streets))])


def _leaders_for(n: int, rng: random.Random) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add(rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN))
    return sorted(out)


def generate_records(size: Size, seed: int = 0) -> list[LoadResult]:
    """A corpus of ``size``, as loader records.

    Args:
        size: totals of documents, tasks, units and leaders.
        seed: the random seed; the same seed gives the same corpus.

    Returns:
        One :class:`LoadResult` per document.
    """
    rng = random.Random(seed)
    regions = _region_names(size.regions, rng)
    per_region_units = max(8, size.units // len(regions))
    per_region_leaders = max(2, size.leaders // len(regions))
    tasks_per_doc = max(1, size.tasks // size.documents)
    results: list[LoadResult] = []
    for d in range(size.documents):
        region = regions[d % len(regions)]
        year = 2020 + d // len(regions)
        r_rng = random.Random(f"{seed}:{region}")
        units = _units_for(per_region_units, r_rng)
        offices = [u for u in units if u not in COLLECTIVES]
        leaders = _leaders_for(per_region_leaders, r_rng)
        popularity = [1.0 / (i + 1) for i in range(len(offices))]
        tasks: list[TaskRecord] = []
        goals = rng.randint(5, 8)
        # Deadlines and targets from a stream of their own, so the rest is as before they were added.
        extra = random.Random(f"{seed}:extras:{d}")
        dated = extra.random() < 0.5
        for t in range(tasks_per_doc):
            goal_no = t * goals // tasks_per_doc + 1
            lead = sorted(set(rng.choices(offices, weights=popularity, k=rng.choice((1, 1, 1, 2)))))
            pool = [u for u in units if u not in lead]
            support = sorted(rng.sample(pool, k=min(len(pool), rng.choice((0, 1, 2, 2, 3, 4)))))
            target = f"，{_target(extra)}" if extra.random() < 0.35 else ""
            deadline = extra.choice(DEADLINES) if dated else None
            text = f"{region}{year}年第{t + 1}项任务{target}。"
            tasks.append(
                TaskRecord(
                    goal=f"目标{goal_no}",
                    area=None,
                    task=f"({t + 1})",
                    text=text,
                    lead=lead,
                    support=support,
                    leaders=[rng.choice(leaders)],
                    line=t + 1,
                    goal_no=str(goal_no),
                    deadline=deadline,
                    deadline_date=deadline_date(deadline, year),
                    targets=[x.as_dict() for x in find_targets(text)],
                )
            )
        file = f"{region}_{year}.txt"
        meta = DocumentMeta(
            file=file,
            path=file,
            title=f"{year}年{region}政府工作报告主要目标任务责任分解表",
            region=region,
            year=year,
            layout="synthetic",
        )
        results.append(LoadResult(meta, tasks))
    return results


def render(result: LoadResult, layout: str) -> str:
    """One document's text in a seed layout: ``numbered-list``, ``delimited-table`` or ``flat-table``.

    A document whose tasks have deadlines prints them as a 完成时限 column (the
    tables) or a 完成时限： label in each task's bracket (the numbered list).
    """
    doc = result.document
    lines = [doc.title or "", f"{doc.region}人民政府", f"{doc.year}年2月1日"]
    goal = None
    dated = any(t.deadline for t in result.tasks)
    if layout == "numbered-list":
        for i, t in enumerate(result.tasks, start=1):
            if t.goal != goal:
                goal = t.goal
                lines.append(f"{'一二三四五六七八九十'[int(t.goal_no or 1) - 1]}、{t.goal}")
            support = f"；配合单位：{'、'.join(t.support)}" if t.support else ""
            due = f"；完成时限：{t.deadline}" if t.deadline else ""
            lines.append(
                f"{i}.{t.text}（责任领导：{'、'.join(t.leaders)}；牵头单位：{'、'.join(t.lead)}{support}{due}）"
            )
        return "\n".join(lines) + "\n"
    if layout == "delimited-table":
        lines.append(
            "\t序号\n\t目标名称\n\t工作标准\n\t分管领导\n\t牵头单位\n\t配合单位\n" + ("\t完成时限\n" if dated else "")
        )
        for t in result.tasks:
            first = t.goal != goal
            goal = t.goal
            cells = [
                t.goal_no if first else "",
                t.goal if first else "",
                f"（{t.task.strip('()')}）{t.text}",
                "、".join(t.leaders),
                "\n".join(t.lead),
                "\n".join(t.support) or "—",
            ] + ([t.deadline or ""] if dated else [])
            lines.append("\n".join("\t" + c for c in cells) + "\n")
        return "\n".join(lines) + "\n"
    if layout == "flat-table":
        lines += ["附件", doc.title or "", "序号", "目标名称", "工作标准", "分管领导", "牵头单位", "配合单位"]
        lines += ["完成时限"] if dated else []
        for t in result.tasks:
            if t.goal != goal:
                goal = t.goal
                lines += [t.goal_no or "", t.goal or ""]
            lines += [f"{t.task}{t.text}", *t.leaders, "、".join(t.lead), "、".join(t.support) or "—"]
            lines += [t.deadline or ""] if dated else []
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown layout {layout}")


LAYOUTS = ("numbered-list", "delimited-table", "flat-table")


def write_documents(results: list[LoadResult], directory: Path) -> list[Path]:
    """Write every document, cycling through the seed layouts; returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, r in enumerate(results):
        path = directory / r.document.file
        path.write_text(render(r, LAYOUTS[i % len(LAYOUTS)]), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    """``python -m bench.generate SIZE DIR``: write a synthetic corpus of document files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=sorted(SIZES))
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_documents(generate_records(SIZES[args.size], args.seed), args.directory)
    print(f"wrote {len(paths)} documents to {args.directory}")


if __name__ == "__main__":
    main()
