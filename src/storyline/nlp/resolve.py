"""Entities merged across articles.

Article-local entities are merged in three passes, each by blocking keys (never all pairs):

1. Names: persons with the same or a compatible full name ("Qamar Bajwa" ~ "Qamar Javed
   Bajwa", "Mark T. Esper" ~ "Mark Esper", small spelling variants scored with rapidfuzz);
   organisations and places sharing a name or an alias, an acronym defined in some article
   ("FO" of "the Foreign Office"), or an acronym of 3+ letters equal to another's initials.
2. Handles: two entities with the same social handle are one.
3. Short names: a one-word person ("Trump", "Qureshi") joins the single multiword person whose
   name it is part of, but only with evidence beyond the name: a compatible role in both
   articles, or at least two other entities shared between the articles. "Khan" alone, or
   with two candidate Khans, stays apart.

Roles are never merge keys: "the army chief" of one article is the army chief of another only
through the named person each article itself bound the role to.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from ..model import Article, ArticleAnalysis, Entity, LocalEntity
from .names import fold, initials, is_acronym, role_parts, role_refers, strip_person_name

log = logging.getLogger(__name__)

Ref = tuple[str, str]  # (article id, local key)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Ref, Ref] = {}

    def add(self, x: Ref) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: Ref) -> Ref:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Ref, b: Ref) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller ref is the root so results do not depend on merge order
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def _group(typ: str) -> str:
    return {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}.get(typ, typ)


def _name_words(e: LocalEntity) -> list[str]:
    return strip_person_name(e.name) if e.type == "PERSON" else e.name.split()


def _first_names_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= 88


def _persons_compatible(a: list[str], b: list[str]) -> bool:
    """Full names that can be one person: last names alike, first names alike or an initial."""
    fa, fb = [fold(w) for w in a], [fold(w) for w in b]
    if len(fa) < 2 or len(fb) < 2:
        return False
    last_ok = fa[-1] == fb[-1] or (min(len(fa[-1]), len(fb[-1])) >= 5 and fuzz.ratio(fa[-1], fb[-1]) >= 88)
    return last_ok and _first_names_agree(fa[0], fb[0])


def resolve_corpus(
    articles: list[Article], analyses: dict[str, ArticleAnalysis]
) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Merge article-local entities into corpus entities.

    Returns the entities and a map (article id, local key) -> entity id.
    """
    order = [a.id for a in articles if a.id in analyses]
    order += sorted(set(analyses) - set(order))
    local: dict[Ref, LocalEntity] = {}
    uf = _UnionFind()
    for aid in order:
        for e in analyses[aid].entities:
            ref = (aid, e.key)
            local[ref] = e
            uf.add(ref)

    # ---- pass 1: names, aliases, acronyms (blocking by key)
    blocks: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    persons_by_last: dict[str, list[Ref]] = defaultdict(list)
    acronym_refs: list[tuple[Ref, str]] = []
    initials_index: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    for ref, e in local.items():
        g = _group(e.type)
        if e.type == "PERSON":
            ws = _name_words(e)
            if len(ws) >= 2:
                blocks[(g, fold(" ".join(ws)))].append(ref)
                persons_by_last[fold(ws[-1])].append(ref)
            for h in e.handles:
                blocks[("HANDLE", h.lower())].append(ref)
            continue
        names = [e.name, *e.aliases]
        for n in names:
            key = fold(n).removeprefix("the ")
            if key:
                blocks[(g, key)].append(ref)
            if is_acronym(n):
                acronym_refs.append((ref, n.replace(".", "").upper()))
        if len(e.name.split()) >= 2 and not is_acronym(e.name):
            initials_index[(g, initials(e.name))].append(ref)
            initials_index[(g, initials(e.name, keep_stop=True))].append(ref)
        for h in e.handles:
            blocks[("HANDLE", h.lower())].append(ref)
    for refs in blocks.values():
        for r in refs[1:]:
            uf.union(refs[0], r)
    for ref, acr in acronym_refs:
        if len(acr) >= 3:
            for r in initials_index.get((_group(local[ref].type), acr), []):
                uf.union(ref, r)

    # compatible full names within a surname block ("Qamar Bajwa" ~ "Qamar Javed Bajwa")
    for refs in persons_by_last.values():
        reps: dict[str, Ref] = {}
        for r in refs:
            reps.setdefault(fold(" ".join(_name_words(local[r]))), r)
        rep_list = sorted(reps.items())
        for i, (ka, ra) in enumerate(rep_list):
            wa = _name_words(local[ra])
            for kb, rb in rep_list[i + 1:]:
                if _persons_compatible(wa, _name_words(local[rb])):
                    uf.union(ra, rb)
    # spelling variants of the surname ("Soleimani" / "Suleimani") are rarer; compare block keys
    lasts = sorted(k for k in persons_by_last if len(k) >= 5)
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for k in lasts:
        by_prefix[k[:2]].append(k)
    for ks in by_prefix.values():
        for i, a in enumerate(ks):
            for b in ks[i + 1:]:
                if fuzz.ratio(a, b) >= 88:
                    for ra in persons_by_last[a]:
                        for rb in persons_by_last[b]:
                            if _persons_compatible(_name_words(local[ra]), _name_words(local[rb])):
                                uf.union(ra, rb)

    # ---- pass 3: one-word person names, only with evidence
    article_roots: dict[str, set[Ref]] = defaultdict(set)
    for ref in local:
        e = local[ref]
        if e.type != "PERSON" or len(_name_words(e)) >= 2:
            article_roots[ref[0]].add(uf.find(ref))
    multi_by_word: dict[str, set[Ref]] = defaultdict(set)
    for ref, e in local.items():
        ws = _name_words(e)
        if e.type == "PERSON" and len(ws) >= 2:
            root = uf.find(ref)
            multi_by_word[fold(ws[-1])].add(root)
            multi_by_word[fold(ws[0])].add(root)
    members: dict[Ref, list[Ref]] = defaultdict(list)
    for ref in local:
        members[uf.find(ref)].append(ref)
    singles = [r for r, e in local.items() if e.type == "PERSON" and len(_name_words(e)) == 1]
    for ref in singles:
        word = fold(_name_words(local[ref])[0])
        cands = multi_by_word.get(word, set())
        if len(cands) != 1:
            continue  # unknown or ambiguous ("Khan" with two Khans): keep apart
        root = next(iter(cands))
        if _evidence(ref, members[root], local, article_roots, uf):
            uf.union(ref, root)
    # one-word names alike in several articles ("Khamenei"), again only with evidence
    single_blocks: dict[str, list[Ref]] = defaultdict(list)
    for ref in singles:
        if uf.find(ref) == ref or len(members.get(uf.find(ref), [])) <= 1:
            single_blocks[fold(_name_words(local[ref])[0])].append(ref)
    for refs in single_blocks.values():
        for i, a in enumerate(refs):
            for b in refs[i + 1:]:
                if uf.find(a) != uf.find(b) and _evidence(a, [b], local, article_roots, uf):
                    uf.union(a, b)

    return _build(order, local, uf)


def _evidence(ref: Ref, others: list[Ref], local, article_roots, uf) -> bool:
    """A shared role or handle, or two other entities shared by the articles."""
    e = local[ref]
    my_roles = [p for p in (role_parts(r) for r in e.roles) if p]
    handles = {h.lower() for h in e.handles}
    ctx = article_roots.get(ref[0], set())
    ctx = {uf.find(r) for r in ctx}
    for o in others:
        oe = local[o]
        if handles & {h.lower() for h in oe.handles}:
            return True
        for r in oe.roles:
            p = role_parts(r)
            if p and any(role_refers(m, p) or role_refers(p, m) for m in my_roles):
                return True
        if o[0] != ref[0]:
            octx = {uf.find(r) for r in article_roots.get(o[0], set())}
            if len(ctx & octx) >= 2:
                return True
    return False


def _canonical(group: list[LocalEntity]) -> str:
    counts = Counter(e.name for e in group)
    persons = [e for e in group if e.type == "PERSON"]
    if persons:
        return max(
            counts,
            key=lambda n: (len(strip_person_name(n)), counts[n], len(n), n),
        )
    full = [n for n in counts if not is_acronym(n)] or list(counts)
    return max(full, key=lambda n: (len(n.split()) >= 2, counts[n], len(n), n))


def _build(order: list[str], local: dict[Ref, LocalEntity], uf: _UnionFind):
    groups: dict[Ref, list[Ref]] = defaultdict(list)
    for ref in local:
        groups[uf.find(ref)].append(ref)
    rank = {aid: i for i, aid in enumerate(order)}
    entities: list[Entity] = []
    entity_map: dict[Ref, str] = {}
    used: set[str] = set()
    for root in sorted(groups, key=lambda r: (rank[r[0]], int(r[1][1:]) if r[1][1:].isdigit() else 0, r)):
        refs = groups[root]
        ents = [local[r] for r in refs]
        types = Counter(e.type for e in ents)
        typ = "PERSON" if "PERSON" in types else types.most_common(1)[0][0]
        name = _canonical(ents)
        alias_counts: Counter[str] = Counter()
        first_form: dict[str, str] = {}
        for e in ents:
            for a in [e.name, *e.aliases, *e.handles]:
                k = fold(a)
                if k and k != fold(name):
                    alias_counts[k] += 1
                    first_form.setdefault(k, a)
        aliases = [first_form[k] for k, _ in sorted(alias_counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        arts = sorted({r[0] for r in refs}, key=lambda a: rank[a])
        digest = hashlib.sha1(f"{typ}|{fold(name)}".encode()).hexdigest()[:12]
        eid = f"ent-{digest}"
        if eid in used:
            # two entities with one name (two different "Khan"s): their first article tells them apart
            digest = hashlib.sha1(f"{typ}|{fold(name)}|{min(arts)}|{min(refs)}".encode()).hexdigest()[:12]
            eid = f"ent-{digest}"
        used.add(eid)
        entities.append(Entity(id=eid, name=name, type=typ, aliases=aliases, articles=arts))
        for r in refs:
            entity_map[r] = eid
    return entities, entity_map
