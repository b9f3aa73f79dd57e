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

from rapidfuzz import fuzz, process

from ..model import Article, ArticleAnalysis, Entity, LocalEntity
from .names import (
    country_before,
    country_key,
    fold,
    generation,
    initials,
    is_acronym,
    middle_units,
    middles_compatible,
    org_family,
    role_parts,
    role_refers,
    strip_person_name,
)

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


def _full_name_block(words: list[str], gen: str) -> tuple[str, str]:
    """The block of a person's full name: "Donald Trump Jr." is not "Donald Trump", so the
    generation is part of the key."""
    return ("PERSON", fold(" ".join(words)) + "|" + gen)


def _name_words(e: LocalEntity) -> list[str]:
    return strip_person_name(e.name) if e.type == "PERSON" else e.name.split()


def resolve_corpus(
    articles: list[Article], analyses: dict[str, ArticleAnalysis]
) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Merge article-local entities into corpus entities.

    Returns the entities and a map (article id, local key) -> entity id.
    """
    order = [a.id for a in articles if a.id in analyses]
    order += sorted(set(analyses) - set(order))
    local: dict[Ref, LocalEntity] = {}
    family_blocks: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    uf = _UnionFind()
    for aid in order:
        for e in analyses[aid].entities:
            ref = (aid, e.key)
            local[ref] = e
            uf.add(ref)

    # Foreign ministries go by many names ("Foreign Office", "Ministry of Foreign Affairs", "MOFA")
    # and every country has one: they are merged by their country, never by name alone.
    countries = _family_countries(articles, analyses, local)
    for ref, country in countries.items():
        e = local[ref]
        blocks_key = ("FAMILY", f"{org_family_of(e)}|{country}") if country else None
        if blocks_key is not None:
            family_blocks[blocks_key].append(ref)

    # ---- pass 1: names, aliases, acronyms (blocking by key)
    blocks: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    persons_by_last: dict[str, list[Ref]] = defaultdict(list)
    acronym_refs: list[tuple[Ref, str]] = []
    initials_index: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    acr_keys: dict[tuple[str, str], str] = {}  # block key of an acronym -> the acronym
    for ref, e in local.items():
        g = _group(e.type)
        if e.type == "PERSON":
            ws = _name_words(e)
            if len(ws) >= 2:
                blocks[_full_name_block(ws, generation(e.name))].append(ref)
                persons_by_last[fold(ws[-1])].append(ref)
            for h in e.handles:
                blocks[("HANDLE", h.lower())].append(ref)
            continue
        names = [e.name, *e.aliases]
        # a foreign ministry of a known country meets others by name only within that country
        suffix = f"|{countries[ref]}" if countries.get(ref) else ""
        for n in names:
            key = fold(n).removeprefix("the ")
            if key:
                blocks[(g, key + suffix)].append(ref)
            if is_acronym(n) and not suffix:
                acronym_refs.append((ref, n.replace(".", "").upper()))
                acr_keys[(g, key)] = n.replace(".", "").upper()
        if len(e.name.split()) >= 2 and not is_acronym(e.name) and not suffix:
            initials_index[(g, initials(e.name))].append(ref)
            initials_index[(g, initials(e.name, keep_stop=True))].append(ref)
        for h in e.handles:
            blocks[("HANDLE", h.lower())].append(ref)
    # "Republicans" are the "Republican" group: a plural joins its singular when both occur.
    for (g, key), refs in list(blocks.items()):
        if g == "NORP" and key.endswith("s") and (g, key[:-1]) in blocks:
            refs.extend(blocks[(g, key[:-1])])
    # NER reads some people's full names as organisations ("Carly Fiorina" ORG in most articles):
    # a two- or three-word name that is a person's full name elsewhere in the corpus is that person.
    for ref, e in local.items():
        ws = e.name.split()
        if e.type in ("ORG", "GPE", "NORP", "FAC") and 2 <= len(ws) <= 3 and all(w[:1].isupper() and w.isalpha() for w in ws):
            person = blocks.get(_full_name_block(ws, ""))
            if person:
                person.append(ref)
    senses = _acronym_senses(local, blocks, acr_keys, initials_index)
    for refs in [*blocks.values(), *family_blocks.values()]:
        for r in refs[1:]:
            uf.union(refs[0], r)
    for ref, acr in acronym_refs:
        key = (_group(local[ref].type), acr)
        if len(acr) >= 3 and senses.get(key) is not None:
            # only names of the acronym's sense: "US Navy" has the initials of "UN", not its sense
            for r in initials_index.get(key, []):
                if _sense(local[r].name) == senses[key]:
                    uf.union(ref, r)

    _merge_person_names(local, uf, persons_by_last)

    # ---- pass 3: one-word person names, only with evidence
    multi_by_word: dict[str, set[Ref]] = defaultdict(set)
    members: dict[Ref, list[Ref]] = defaultdict(list)
    article_ctx: dict[str, set[Ref]] = defaultdict(set)
    for ref, e in local.items():
        root = uf.find(ref)
        members[root].append(ref)
        ws = _name_words(e)
        if e.type != "PERSON" or len(ws) >= 2:
            article_ctx[ref[0]].add(root)
        if e.type == "PERSON" and len(ws) >= 2:
            multi_by_word[fold(ws[-1])].add(root)
            multi_by_word[fold(ws[0])].add(root)
    ev = _Evidence(local, members, article_ctx)
    singles = [r for r, e in local.items() if e.type == "PERSON" and len(_name_words(e)) == 1]
    for ref in singles:
        cands = multi_by_word.get(fold(_name_words(local[ref])[0]), set())
        if len(cands) == 1:
            root = next(iter(cands))
            if ev.supports(ref, root):
                uf.union(ref, root)
        elif len(cands) > 1:
            # Several people of that name ("Obama": Barack and Michelle): only a role or handle
            # that fits exactly one of them decides ("President Obama"); else keep apart.
            fits = [c for c in sorted(cands) if ev.role_or_handle(ref, c)]
            if len(fits) == 1:
                uf.union(ref, fits[0])
            elif fits:
                # Both fit when a role bled to a relative in one article ("the president and the
                # first lady, Michelle Obama"): the person who holds the role in far more
                # articles is the one meant.
                scored = sorted(((ev.role_support(ref, c), c) for c in fits), reverse=True)
                if scored[0][0] >= 2 and scored[0][0] >= DOMINANCE * scored[1][0]:
                    uf.union(ref, scored[0][1])
            else:
                # No role to go by: a bare surname is how news refers to the best-known bearer
                # of the name, so the person in far more articles is meant, if the article
                # also shares its company.
                scored = sorted(((len({r[0] for r in members[c]}), c) for c in cands), reverse=True)
                if scored[0][0] >= DOMINANCE * scored[1][0] and ev.supports(ref, scored[0][1]):
                    uf.union(ref, scored[0][1])
    # the same one-word name in several articles ("Khamenei") joins on a shared role or handle
    single_blocks: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    for ref in singles:
        if uf.find(ref) != ref or len(members[ref]) > 1:
            continue
        e = local[ref]
        word = fold(_name_words(e)[0])
        for r in e.roles:
            p = role_parts(r)
            if p:
                single_blocks[(word, p[0] + "|" + " ".join(sorted(p[1])))].append(ref)
        for h in e.handles:
            single_blocks[(word, h.lower())].append(ref)
    for refs in single_blocks.values():
        for r in refs[1:]:
            uf.union(refs[0], r)

    return _build(order, local, uf)


# An acronym used bare in this many times as many articles as spell out its one expansion is
# taken to mean something else there ("ISIS" defined once as a research institute).
BARE_ACRONYM_RATIO = 20


def _sense(name: str) -> frozenset[str]:
    """The content words of an expansion, so that spelling and plural variants are one sense."""
    return frozenset(w.rstrip("s") for w in fold(name).split() if len(w) > 3)


def _acronym_senses(local: dict[Ref, LocalEntity], blocks: dict[tuple[str, str], list[Ref]],
                    acr_keys: dict[tuple[str, str], str],
                    initials_index: dict[tuple[str, str], list[Ref]]) -> dict[tuple[str, str], frozenset | None]:
    """What each (group, acronym) stands for in this corpus: the sense of its expansion, or None
    when names must not be joined through it.

    The expansion is the one articles link to the acronym ("Inter-Services Public Relations
    (ISPR)") in far more articles than any other; without any, the one name whose initials it
    is. None when the corpus spells it out in different ways about as often ("DNC": the
    Democratic National Committee and Convention), or uses it bare far more often than it spells
    it out. A block then keeps only the bare uses, which still meet each other, and the names of
    the acronym's sense; other names meet others by their own names.
    """
    senses: dict[tuple[str, str], frozenset | None] = {}
    for bkey, acr in acr_keys.items():
        g = bkey[0]
        refs = blocks[bkey]
        bare = [r for r in refs if is_acronym(local[r].name)]
        spelled = [r for r in refs if not is_acronym(local[r].name) and _sense(local[r].name)]
        spelled = spelled or initials_index.get((g, acr), [])
        if not spelled:
            continue
        arts: dict[frozenset, set[str]] = defaultdict(set)
        for r in spelled:
            arts[_sense(local[r].name)].add(r[0])
        for r in initials_index.get((g, acr), []):
            if _sense(local[r].name) in arts:
                arts[_sense(local[r].name)].add(r[0])
        ranked = sorted(arts.items(), key=lambda kv: (-len(kv[1]), sorted(kv[0])))
        top, top_arts = ranked[0]
        second = len(ranked[1][1]) if len(ranked) > 1 else 0
        if len(top_arts) < DOMINANCE * second or len({r[0] for r in bare}) >= BARE_ACRONYM_RATIO * len(top_arts):
            senses[(g, acr)] = None
            blocks[bkey] = bare
        else:
            senses[(g, acr)] = top
            blocks[bkey] = bare + [r for r in refs if not is_acronym(local[r].name) and _sense(local[r].name) == top]
    return senses


def org_family_of(e: LocalEntity) -> str | None:
    """The name family of an ORG entity by its name or any alias ("foreign-ministry"), else None."""
    if e.type != "ORG":
        return None
    for n in (e.name, *e.aliases):
        fam = org_family(n)
        if fam == "foreign-ministry":
            return fam
    return None


def _family_countries(articles: list[Article], analyses: dict[str, ArticleAnalysis],
                      local: dict[Ref, LocalEntity]) -> dict[Ref, str | None]:
    """Country of each foreign-ministry entity, or None when unknown.

    First the country written before its mentions ("Pakistan's Ministry of Foreign Affairs",
    "the Iranian foreign ministry"). A ministry without one ("the Foreign Office said") takes
    the country of the ministries that do have one elsewhere in the corpus, but only when its
    article names exactly one of those countries, at least twice. The article's most mentioned
    place is not used: news about foreign affairs names other countries more than its own.
    """
    texts = {a.id: a.text for a in articles}
    out: dict[Ref, str | None] = {}
    fam_refs = [r for r, e in local.items() if org_family_of(e)]
    if not fam_refs:
        return out
    by_article: dict[str, list[Ref]] = defaultdict(list)
    for r in fam_refs:
        by_article[r[0]].append(r)
    named_in: dict[str, Counter[str]] = {}
    for aid, refs in by_article.items():
        an = analyses[aid]
        text = texts.get(aid) or ""
        places = sorted((m.start, m.end, m.text) for m in an.mentions if m.label in ("GPE", "NORP"))
        named_in[aid] = Counter(country_key(p[2]) for p in places)
        for r in refs:
            written = {c for m in an.mentions if m.entity == r[1] and text
                       for c in [country_before(text, m.start, places)] if c}
            out[r] = next(iter(written)) if len(written) == 1 else None
    known = {c for c in out.values() if c}
    for r, c in list(out.items()):
        if c is None:
            here = sorted(k for k in known if named_in[r[0]][k] >= 2)
            if len(here) == 1:
                out[r] = here[0]
    return out


def _merge_person_names(local: dict[Ref, LocalEntity], uf: _UnionFind,
                        persons_by_last: dict[str, list[Ref]]) -> None:
    """Union compatible full names: surnames alike (exact or rapidfuzz >= 88), then first
    names equal, alike (>= 88), or an initial that fits exactly one first name."""
    lasts = sorted(persons_by_last)
    last_uf: dict[str, str] = {k: k for k in lasts}

    def lfind(k: str) -> str:
        while last_uf[k] != k:
            last_uf[k] = last_uf[last_uf[k]]
            k = last_uf[k]
        return k

    by_prefix: dict[str, list[str]] = defaultdict(list)
    for k in lasts:
        if len(k) >= 5:
            by_prefix[k[:2]].append(k)
    for ks in by_prefix.values():
        if len(ks) < 2:
            continue
        scores = process.cdist(ks, ks, scorer=fuzz.ratio, score_cutoff=88, workers=1)
        for i, j in zip(*scores.nonzero(), strict=True):
            if i < j:
                a, b = lfind(ks[i]), lfind(ks[j])
                if a != b:
                    last_uf[max(a, b)] = min(a, b)
    groups: dict[str, list[Ref]] = defaultdict(list)
    for k in lasts:
        groups[lfind(k)].extend(persons_by_last[k])
    for refs in groups.values():
        _merge_compound_surnames(local, uf, refs)
        # One person per first name and generation, unless middle names tell several apart.
        by_first: dict[tuple[str, str], list[Ref]] = defaultdict(list)
        for r in sorted(refs):
            e = local[r]
            by_first[(fold(_name_words(e)[0]), generation(e.name))].append(r)
        reps = {k: _merge_middles(local, uf, rs) for k, rs in by_first.items()}
        # Spelling variants and initials of the first name join only unambiguous people.
        single = {k: r for k, r in reps.items() if r is not None}
        if len(single) < 2:
            continue
        for gen in sorted({k[1] for k in single}):
            firsts = sorted(f for f, g in single if g == gen)
            full = [f for f in firsts if len(f) > 1]
            if len(full) >= 2:
                scores = process.cdist(full, full, scorer=fuzz.ratio, score_cutoff=88, workers=1)
                for i, j in zip(*scores.nonzero(), strict=True):
                    if i < j:
                        uf.union(single[(full[i], gen)], single[(full[j], gen)])
            for f in firsts:
                if len(f) == 1:
                    fits = [x for x in full if x[0] == f]
                    if len(fits) == 1:
                        uf.union(single[(f, gen)], single[(fits[0], gen)])


def _merge_compound_surnames(local: dict[Ref, LocalEntity], uf: _UnionFind, refs: list[Ref]) -> None:
    """"Wasserman Schultz" is "Debbie Wasserman Schultz", "de Blasio" "Bill de Blasio": a
    two-word name that ends exactly one longer name of the corpus is a compound surname said
    without its first name."""
    tails: dict[str, set[Ref]] = defaultdict(set)
    words = {r: [fold(w) for w in _name_words(local[r])] for r in refs}
    for r, ws in words.items():
        if len(ws) >= 3 and not generation(local[r].name):
            tails[" ".join(ws[-2:])].add(r)
    for r, ws in words.items():
        if len(ws) == 2 and not generation(local[r].name):
            longer = {uf.find(x) for x in tails.get(" ".join(ws), ())}
            if len(longer) == 1:
                uf.union(r, next(iter(longer)))


def _merge_middles(local: dict[Ref, LocalEntity], uf: _UnionFind, refs: list[Ref]) -> Ref | None:
    """Union the ``refs`` (one first name, surname and generation) that are one person.

    Names whose middle names agree ("George W. Bush", "George Walker Bush") are one person;
    conflicting middles ("George W. Bush", "George H.W. Bush", "George P. Bush") are not. A
    name without a middle ("George Bush") joins the only middle identity there is; with
    several it could be any of them and stays apart. Returns a representative of the
    person, or None when the bare name is ambiguous.
    """
    sigs: dict[tuple, list[Ref]] = defaultdict(list)
    for r in refs:
        sigs[middle_units(_name_words(local[r]))].append(r)
    # Complete link over the distinct middles (few, however many mentions): a middle joins an
    # identity only when it fits every middle already in it, so "W." cannot bridge two others.
    identities: list[list[tuple]] = []
    for sig in sorted(s for s in sigs if s):
        for ident in identities:
            if all(middles_compatible(sig, other) for other in ident):
                ident.append(sig)
                break
        else:
            identities.append([sig])
    groups = [[r for sig in ident for r in sigs[sig]] for ident in identities]
    bare = sigs.get((), [])
    if len(groups) <= 1 and bare:
        groups = [bare + (groups[0] if groups else [])]
    elif bare:
        groups.append(bare)
    for g in groups:
        for r in g[1:]:
            uf.union(g[0], r)
    return groups[0][0] if len(groups) == 1 else None


# A one-word name that fits several people goes to the one holding its role (or, without a
# role, named) in at least this many times as many articles as the next.
DOMINANCE = 3


class _Evidence:
    """Evidence that a one-word name is a given multiword person: a shared role or handle,
    or two other entities that its article shares with that person's articles."""

    def __init__(self, local, members, article_ctx) -> None:
        self.local, self.members, self.article_ctx = local, members, article_ctx
        self._roles: dict[Ref, list] = {}
        self._handles: dict[Ref, set[str]] = {}
        self._cooc: dict[Ref, set[Ref]] = {}

    def _root_roles(self, root: Ref) -> list:
        if root not in self._roles:
            parts = {p for r in self.members[root] for p in map(role_parts, self.local[r].roles) if p}
            self._roles[root] = sorted(parts, key=lambda p: (p[0], sorted(p[1])))
            self._handles[root] = {h.lower() for r in self.members[root] for h in self.local[r].handles}
        return self._roles[root]

    def role_or_handle(self, ref: Ref, root: Ref) -> bool:
        """The one-word name's article gives it a handle or a role that the person has."""
        e = self.local[ref]
        held = self._root_roles(root)
        if {h.lower() for h in e.handles} & self._handles[root]:
            return True
        return any(role_refers(p, q) or role_refers(q, p)
                   for p in filter(None, map(role_parts, e.roles)) for q in held)

    def role_support(self, ref: Ref, root: Ref) -> int:
        """In how many articles the person holds a role that the one-word name's article gives it."""
        mine = [p for p in map(role_parts, self.local[ref].roles) if p]
        arts = set()
        for r in self.members[root]:
            for q in filter(None, map(role_parts, self.local[r].roles)):
                if any(role_refers(p, q) or role_refers(q, p) for p in mine):
                    arts.add(r[0])
                    break
        return len(arts)

    def supports(self, ref: Ref, root: Ref) -> bool:
        if self.role_or_handle(ref, root):
            return True
        if root not in self._cooc:
            arts = {r[0] for r in self.members[root]}
            cooc: set[Ref] = set()
            for a in arts:
                cooc |= self.article_ctx.get(a, set())
            cooc.discard(root)
            self._cooc[root] = cooc
        return len(self.article_ctx.get(ref[0], set()) & self._cooc[root]) >= 2


def _canonical(group: list[LocalEntity]) -> str:
    counts = Counter(e.name for e in group)
    persons = [e for e in group if e.type == "PERSON"]
    if persons:
        # The full name most articles use ("Barack Obama", not the "B. Hussein Obama" of one
        # article); among equally used ones the fullest ("Qamar Javed Bajwa").
        def key(n: str) -> tuple:
            k = len(strip_person_name(n))
            return (k >= 2, counts[n], k, len(n), n)

        return max(counts, key=key)
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
                # "[Chris] Christie": an editor's brackets inside a quote are no part of the name
                a = " ".join(a.replace("[", " ").replace("]", " ").split())
                k = fold(a)
                if k and k != fold(name):
                    alias_counts[k] += 1
                    if k not in first_form or (a[:1].isupper() and not first_form[k][:1].isupper()):
                        first_form[k] = a  # "Foreign Office" written out beats "foreign office"
        # A role is an alias only if enough of the person's articles give it: in a big entity a
        # role seen once ("former ukrainian president" for Bill Clinton) is a binding slip.
        least = 1 if len(refs) < 5 else max(2, len(refs) // 100)
        aliases = [first_form[k] for k, n in sorted(alias_counts.items(), key=lambda kv: (-kv[1], kv[0]))
                   if n >= least or not first_form[k][:1].islower()]
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
