#!/usr/bin/env python3
"""Synthetic conflict-news annotations for the scale benchmark (issue 4), deterministic for a seed.

Writes annotation JSON (the corpus SCHEMA.md format: entities, events with agent/target/place/date/killed,
triples, causal links, with mention spans and confidences as the extractor writes them) as JSON Lines,
one article per line, into --out/articles-NNNN.jsonl (a file per --per-file articles), plus
--out/meta.json with the counts and the query targets the generator knows (the longest causal story).

A *fact* is one record of one article: an entity, an event, a triple or a causal link. For --facts F the
data has F facts, about F/5 distinct entities and 3F/10 distinct events, in articles of ~50-90 facts (the
number of events per article adapts so that distinct events stay at 30% of the facts):

- entities: persons 40% (two-word names), groups 5%, units 10%, organisations 10%, places 25% (a hierarchy:
  countries > provinces > districts > towns, with located_in triples), facilities 10%;
- degree skew: actors, targets and places are drawn Zipf-like (s = 1.1 for actors), so a few hub actors
  take part in a large share of events; each article has a cast of recurring actors and places; the
  biggest hub groups and units have an acronym alias ("KLA");
- events: ten types with type-specific participants, triggers, casualty figures and dates over 2019-2025;
  about 10% of event records are re-reports by a second outlet (same id, date, place, participants, its own casualty
  figure), so cross-article event resolution is exercised;
- causal stories: chains of 4-9 events (responded_to / caused), each link reported in a later article
  that re-reports the previous event, so chains cross articles.

Names are made so that automatic resolution merges exactly the records the generator means to be one
node: name tokens of distinct entities are at least three edits apart and never share a consonant
skeleton (so no fuzzy, partial-name or acronym merge joins two generated entities), and
(type, place, date +- 1 day) is never reused by two distinct events. The benchmark prints the resolved
counts next to networkx's (equal for seed 42 at 100k and 1M facts).
"""
import argparse
import bisect
import json
import os
import random
import sys
from datetime import date, timedelta

EVENT_TYPES = ["attack", "bombing", "clash", "operation", "killing", "arrest", "abduction", "claim", "statement", "protest"]
EVENT_WEIGHTS = [22, 8, 8, 12, 12, 10, 5, 8, 10, 5]
TRIGGERS = {
    "attack": ["attacked", "stormed", "ambushed", "assault on"],
    "bombing": ["bombing", "blast", "IED explosion", "suicide bombing"],
    "clash": ["clashed", "gunfight", "exchange of fire"],
    "operation": ["intelligence-based operation", "raid", "search operation"],
    "killing": ["killed", "shot dead", "gunned down"],
    "arrest": ["arrested", "detained", "taken into custody"],
    "abduction": ["abducted", "kidnapped"],
    "claim": ["claimed responsibility"],
    "statement": ["said", "condemned", "told reporters"],
    "protest": ["protest", "sit-in", "rally"],
}
VIOLENT = {"attack", "bombing", "clash", "operation", "killing"}

# Suffix words of multi-word names. No two lists of one type differ in exactly one token that starts with
# the same letter (checked below), so the fuzzy rule never joins two of them.
GROUP_SUFFIXES = ["Liberation Army", "Liberation Front", "Tigers", "Brigade", "Movement", "Mujahideen",
                  "Defence Force", "Republican Army", "Salvation Council", "Jihad Group", "Militia", "Lashkar"]
UNIT_SUFFIXES = ["Rangers", "Frontier Corps", "Levies", "Police", "Scouts", "Infantry Division",
                 "Counter Terrorism Department", "Special Service Group", "Border Guards", "Armoured Corps",
                 "Air Wing", "Naval Commandos"]
ORG_SUFFIXES = ["Human Rights Commission", "News Agency", "Times", "Relief Foundation", "Electoral Commission",
                "Development Authority", "Red Crescent", "Institute", "Chamber of Commerce", "Herald",
                "Observer", "Bar Council"]
FACILITY_SUFFIXES = ["Camp", "Checkpost", "Cantonment", "Airbase", "Police Station", "Jail", "Bazaar",
                     "Hospital", "Gas Field", "Railway Station", "Bridge", "Dam"]

ONSETS = ["b", "ch", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "p", "q", "r", "s", "sh", "t", "v", "w", "z", "zh"]
VOWELS = ["a", "e", "i", "o", "u", "aa", "ai", "ei"]
CODAS = ["", "", "", "n", "r", "l", "m", "s", "sh", "k", "d"]
VOWEL_LETTERS = set("aeiouy")


def skeleton(token):
    out, last = [], None
    for i, ch in enumerate(token):
        if i > 0 and ch in VOWEL_LETTERS:
            continue
        if ch == last:
            continue
        out.append(ch)
        last = ch
    return "".join(out)


def deletions(token, depth=2):
    out = {token}
    frontier = {token}
    for _ in range(depth):
        nxt = set()
        for t in frontier:
            for i in range(len(t)):
                nxt.add(t[:i] + t[i + 1:])
        out |= nxt
        frontier = nxt
    return out


def far_tokens(rng, count, syllables):
    """`count` distinct lowercase tokens, pairwise more than two edits apart and with distinct skeletons
    among tokens of the same first letter (the resolver's fuzzy rule compares only those)."""
    accepted, by_variant, skeletons = [], set(), set()
    while len(accepted) < count:
        n = rng.choice(syllables)
        t = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + (rng.choice(CODAS) if k == n - 1 else "") for k in range(n))
        if len(t) < 4 or len(t) > 12:
            continue
        sk = t[0] + skeleton(t)
        if sk in skeletons:
            continue
        vs = {t[0] + v for v in deletions(t)}
        if any(v in by_variant for v in vs):
            continue
        accepted.append(t)
        by_variant |= vs
        skeletons.add(sk)
    return accepted


def distinct_tokens(rng, count, syllables, avoid):
    """`count` distinct tokens not in `avoid` (single-word names: only exact keys matter)."""
    seen, out = set(avoid), []
    while len(out) < count:
        n = rng.choice(syllables)
        t = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + (rng.choice(CODAS) if k == n - 1 else "") for k in range(n))
        if len(t) >= 4 and t not in seen:
            seen.add(t)
            out.append(t)
    return out


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
        prev = cur
    return prev[-1]


def fuzzy_tokens(a, b):
    """Whether the resolver's fuzzy rule (NameNormalizer.fuzzyDifference) would call two tokens the same."""
    if len(a) < 4 or len(b) < 4 or a[0] != b[0]:
        return False
    d = edit_distance(a, b)
    return d <= (2 if max(len(a), len(b)) >= 7 else 1) or (d <= 2 and skeleton(a) == skeleton(b))


def check_suffixes():
    for suffixes in (GROUP_SUFFIXES, UNIT_SUFFIXES, ORG_SUFFIXES, FACILITY_SUFFIXES):
        toks = [s.lower().split() for s in suffixes]
        for i in range(len(toks)):
            for j in range(i + 1, len(toks)):
                a, b = toks[i], toks[j]
                if len(a) == len(b):
                    diff = [k for k in range(len(a)) if a[k] != b[k]]
                    if len(diff) == 1 and fuzzy_tokens(a[diff[0]], b[diff[0]]):
                        sys.exit(f"gen.py: suffixes {suffixes[i]!r} and {suffixes[j]!r} could fuzzy-merge")


def cap(t):
    return t[:1].upper() + t[1:]


class Zipf:
    """Draws indexes 0..n-1 with weight 1/(rank+1)^s (rank order = index order)."""

    def __init__(self, n, s):
        self.cum = []
        acc = 0.0
        for r in range(n):
            acc += 1.0 / (r + 1) ** s
            self.cum.append(acc)
        self.total = acc

    def draw(self, rng):
        return bisect.bisect_left(self.cum, rng.random() * self.total)


class Pool:
    """Entities of one role: a Zipf draw over all of them (index order = popularity), mixed with fresh
    (never used) ones at a rate that adapts to the progress of the run, so that every entity is used
    by about 90% of the run."""

    def __init__(self, ids, s, rng):
        self.ids = ids
        self.zipf = Zipf(len(ids), s)
        # Fresh draws walk the non-hub entities in a random order (hubs are used by the Zipf draw anyway).
        tail = list(range(min(50, len(ids)), len(ids)))
        rng.shuffle(tail)
        self.order = list(range(min(50, len(ids)))) + tail
        self.fresh = 0
        self.slots = 0

    def draw(self, rng, progress):
        self.slots += 1
        remaining_fresh = len(self.ids) - self.fresh
        if remaining_fresh > 0:
            expected = self.slots / max(progress, 0.002)
            remaining_slots = max(1.0, expected * 0.9 - self.slots)
            if rng.random() < remaining_fresh / remaining_slots:
                i = self.order[self.fresh]
                self.fresh += 1
                return self.ids[i]
        return self.ids[self.zipf.draw(rng)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-file", type=int, default=2000, help="articles per JSON Lines file")
    args = ap.parse_args()
    check_suffixes()
    rng = random.Random(args.seed)
    F = args.facts
    n_entities = F // 5
    n_events = F * 3 // 10

    # ---- entities -------------------------------------------------------------------------------
    counts = {"person": n_entities * 40 // 100, "group": n_entities * 5 // 100, "unit": n_entities * 10 // 100,
              "organization": n_entities * 10 // 100, "facility": n_entities * 10 // 100}
    counts["place"] = n_entities - sum(counts.values())
    vocab_size = max(400, int((counts["person"] * 2.2) ** 0.5) + 50, counts["group"] // len(GROUP_SUFFIXES) + 50,
                     counts["unit"] // len(UNIT_SUFFIXES) + 50)
    vocab = far_tokens(rng, vocab_size, [2, 2, 3])
    names, types = [], []  # entity index -> canonical name / type
    aliases = {}

    def add(name, typ):
        names.append(name)
        types.append(typ)
        return len(names) - 1

    # places: countries > provinces > districts > towns; single-word names (never fuzzy), distinct keys
    n_place = counts["place"]
    n_country = max(3, n_place // 1500)
    n_province = max(n_country * 2, n_place // 120)
    n_district = max(n_province * 2, n_place // 12)
    n_town = n_place - n_country - n_province - n_district
    ptoks = distinct_tokens(rng, n_place, [2, 2, 3, 3], set(vocab))
    parent = {}
    places_by_level = [[], [], [], []]
    k = 0
    for level, n in enumerate([n_country, n_province, n_district, n_town]):
        for i in range(n):
            e = add(cap(ptoks[k]) + ("stan" if level == 0 else ""), "place")
            k += 1
            if level > 0:
                up = places_by_level[level - 1]
                # Zipf parent: some provinces/districts hold many towns
                parent[e] = up[min(len(up) - 1, int(len(up) * rng.random() ** 2))]
            places_by_level[level].append(e)

    def combos(n, suffixes, typ):
        out, seen = [], set()
        while len(out) < n:
            t, s = rng.randrange(len(vocab)), rng.randrange(len(suffixes))
            if (t, s) in seen:
                continue
            seen.add((t, s))
            out.append(add(cap(vocab[t]) + " " + suffixes[s], typ))
        return out

    groups = combos(counts["group"], GROUP_SUFFIXES, "group")
    units = combos(counts["unit"], UNIT_SUFFIXES, "unit")
    orgs = combos(counts["organization"], ORG_SUFFIXES, "organization")
    facilities = combos(counts["facility"], FACILITY_SUFFIXES, "facility")
    persons, seen = [], set()
    while len(persons) < counts["person"]:
        a, b = rng.randrange(len(vocab)), rng.randrange(len(vocab))
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        persons.append(add(cap(vocab[a]) + " " + cap(vocab[b]), "person"))
    # Hub groups and units get an acronym alias ("KLA"), unique among them.
    used_acronyms = set()
    for e in groups[:12] + units[:6]:
        acr = "".join(w[0] for w in names[e].split()).upper()
        if 2 <= len(acr) <= 6 and acr not in used_acronyms:
            used_acronyms.add(acr)
            aliases[e] = [acr]
    # Person affiliations (consistent across articles): Zipf over groups, units and organisations.
    affil_pool = groups + units[: len(units) // 4] + orgs[: len(orgs) // 4]
    affil_zipf = Zipf(len(affil_pool), 0.9)
    affiliation = {p: affil_pool[affil_zipf.draw(rng)] for p in persons}
    affil_pred = {p: rng.choices(["member_of", "spokesperson_of", "leader_of"], [85, 8, 7])[0] for p in persons}
    unit_parent = {u: units[min(len(units) - 1, int(40 * rng.random() ** 3))] for u in units[40:]}

    # ---- pools (degree skew) -----------------------------------------------------------------------
    def interleave(a, b):
        out = []
        for x, y in zip(a, b):
            out += [x, y]
        return out
    actor_ids = interleave(groups[:20], units[:20]) + groups[20:] + units[20:]
    actors = Pool(actor_ids, 1.1, rng)
    unit_actors = Pool(units, 1.1, rng)
    victims = Pool(persons, 0.6, rng)
    speakers = Pool(persons[: len(persons) // 10], 0.9, rng)
    facs = Pool(facilities, 0.8, rng)
    org_pool = Pool(orgs, 0.9, rng)
    sites = Pool(places_by_level[3] + places_by_level[2] + places_by_level[1], 0.8, rng)
    state = {"progress": 0.0}

    def draw(pool):
        return pool.draw(rng, state["progress"])

    start_day = date(2019, 1, 1)
    n_days = (date(2025, 12, 31) - start_day).days
    used_slots = set()  # (type, place, day): no two distinct events share type and place within a day

    events = []  # distinct events

    cast = {"actors": [], "places": []}  # the current article's recurring actors and places

    def actor():
        c = cast["actors"]
        return rng.choice(c) if c and rng.random() < 0.8 else draw(actors)

    def new_event(day, typ=None, agent=None, target=None):
        typ = typ or rng.choices(EVENT_TYPES, EVENT_WEIGHTS)[0]
        day = max(0, day)
        tries = 0
        while True:
            tries += 1
            c = cast["places"]
            place = rng.choice(c) if c and tries <= 2 and rng.random() < 0.8 else draw(sites)
            for d in (day, day - 2, day - 4):
                if d >= 0 and all((typ, place, d + k) not in used_slots for k in (-1, 0, 1)):
                    day = d
                    break
            else:
                continue
            break
        used_slots.add((typ, place, day))
        if agent is None:
            if typ == "statement":
                agent = [draw(speakers) if rng.random() < 0.6 else draw(org_pool)]
            elif typ == "protest":
                agent = [draw(org_pool)]
            elif typ == "arrest":
                agent = [draw(unit_actors)]
            else:
                agent = [actor()]
                if typ == "clash" or rng.random() < 0.08:
                    agent.append(actor())
        if target is None:
            if typ in ("killing", "arrest", "abduction"):
                target = [draw(victims)] + ([draw(victims)] if rng.random() < 0.05 else [])
            elif typ in ("attack", "bombing"):
                r = rng.random()
                target = [draw(facs) if r < 0.35 else actor() if r < 0.8 else draw(victims)]
            elif typ == "operation":
                target = [actor()]
            elif typ == "statement":
                target = [actor()] if rng.random() < 0.4 else []
            else:
                target = []
        agent = list(dict.fromkeys(agent))
        target = [t for t in dict.fromkeys(target) if t not in agent]
        d = start_day + timedelta(days=day)
        ev = {"id": f"{names[place].lower()}_{typ}_{d.strftime('%Y%m%d')}", "type": typ,
              "trigger": rng.choice(TRIGGERS[typ]), "agent": agent, "target": target, "place": place,
              "day": day, "n": len(events)}
        if typ in VIOLENT:
            ev["killed"] = int(rng.paretovariate(1.6)) - 1 if rng.random() < 0.8 else None
            ev["injured"] = int(rng.paretovariate(1.4)) - 1 if rng.random() < 0.5 else None
        events.append(ev)
        return ev

    # ---- articles -------------------------------------------------------------------------------
    os.makedirs(args.out, exist_ok=True)
    facts = 0
    tallies = {"entities": 0, "events": 0, "triples": 0, "causal": 0}
    stories = []  # open causal stories: lists of events (the last one is answered next)
    longest = None
    files = []
    out = None
    article_no = 0
    re_reports = 0
    while facts < F:
        if article_no % args.per_file == 0:
            if out:
                out.close()
            path = os.path.join(args.out, f"articles-{article_no // args.per_file:04d}.jsonl")
            files.append(os.path.basename(path))
            out = open(path, "w", encoding="utf-8")
        aid = f"syn-{article_no:06d}"
        state["progress"] = min(1.0, facts / F)
        today = int(state["progress"] * n_days)
        # events: keep distinct events at 30% of the facts written so far (+ this article's share)
        want_new = (n_events * (facts + 50) / F) - len(events)
        n_draws = max(6, min(30, round(want_new / 0.94 + rng.gauss(0, 1.5))))
        art_events, causal = [], []
        cast["actors"] = [draw(actors) for _ in range(rng.randint(2, 4))]
        cast["places"] = [draw(sites) for _ in range(rng.randint(3, 5))]
        for _ in range(n_draws):
            r = rng.random()
            if r < 0.06 and stories:
                # continue a story: re-report its last event and add the response to it
                si = rng.randrange(len(stories))
                story = stories[si]
                prev = story[-1]
                responder = [x for x in prev["target"] if types[x] in ("group", "unit")][:1] or None
                typ = rng.choice(["attack", "bombing", "operation", "clash"])
                nxt = new_event(max(prev["day"] + 1, min(today, prev["day"] + rng.randint(1, 20))), typ,
                                agent=responder, target=prev["agent"][:1])
                if nxt["day"] <= prev["day"]:  # no free day after it: keep it a plain event
                    art_events.append((nxt, False))
                    continue
                art_events.append((prev, True))
                art_events.append((nxt, False))
                if rng.random() < 0.7:
                    causal.append([nxt["id"], "responded_to", prev["id"]])
                else:
                    causal.append([prev["id"], "caused", nxt["id"]])
                story.append(nxt)
                if longest is None or len(story) > len(longest):
                    longest = story
                if len(story) >= 4 + (story[0]["n"] % 6):
                    stories.pop(si)
            elif r < 0.11 and events:
                # another outlet's report of a recent event
                prev = events[max(0, len(events) - 1 - int(rng.expovariate(1 / 300)))]
                art_events.append((prev, True))
            else:
                ev = new_event(today - rng.randint(0, 6))
                art_events.append((ev, False))
                if len(stories) < 400 and ev["type"] in VIOLENT and rng.random() < 0.06:
                    stories.append([ev])
        evs, seen_ev = [], set()
        for ev, rep in art_events:
            if ev["n"] not in seen_ev:
                seen_ev.add(ev["n"])
                evs.append((ev, rep))
        triples = []
        for ev, rep in evs:
            t = ev["type"]
            if t in ("attack", "bombing") and ev["target"] and rng.random() < 0.25:
                triples.append([ev["agent"][0], "attacked", ev["target"][0]])
            if t == "killing" and ev["target"] and rng.random() < 0.2:
                triples.append([ev["agent"][0], "killed", ev["target"][0]])
            if t in ("attack", "bombing", "killing") and types[ev["agent"][0]] == "group" and rng.random() < 0.12:
                triples.append([ev["agent"][0], "claimed_responsibility", ev["id"]])
            if ev["place"] in parent and rng.random() < 0.1:
                up = parent[ev["place"]]
                triples.append([ev["place"], "located_in", up])
                if up in parent and rng.random() < 0.25:
                    triples.append([up, "located_in", parent[up]])
            for x in ev["agent"] + ev["target"]:
                if types[x] == "person" and rng.random() < 0.06:
                    triples.append([x, affil_pred[x], affiliation[x]])
                elif x in unit_parent and rng.random() < 0.05:
                    triples.append([x, "part_of", unit_parent[x]])
        if rng.random() < 0.3:
            a, b = draw(actors), draw(actors)
            if a != b:
                triples.append([a, rng.choice(["opposed", "accused", "threatened", "allied_with"]), b])

        def entities_of():
            ents = {}
            for ev, _ in evs:
                for e in ev["agent"] + ev["target"] + [ev["place"]]:
                    ents.setdefault(e, None)
            for s_, p_, o_ in triples:
                ents.setdefault(s_, None)
                if p_ != "claimed_responsibility":
                    ents.setdefault(o_, None)
            return list(ents)

        ents = entities_of()
        size = len(ents) + len(evs) + len(triples) + len(causal)
        last = facts + size >= F
        if facts + size > F:
            # the last article: cut it down to exactly what is left (triples, then events, then links)
            linked = lambda: {c[0] for c in causal} | {c[2] for c in causal}
            while facts + size > F:
                if triples:
                    triples.pop()
                else:
                    keep = linked()
                    i = next((i for i in range(len(evs) - 1, -1, -1) if evs[i][0]["id"] not in keep), None)
                    if i is not None and len(evs) > 1:
                        evs.pop(i)
                    elif causal:
                        causal.pop()
                    else:
                        evs.pop()
                ents = entities_of()
                size = len(ents) + len(evs) + len(triples) + len(causal)
        # serialise
        art_day = max([today] + [ev["day"] for ev, _ in evs])
        entity_json = []
        for e in ents:
            s = rng.randrange(0, 30)
            st = rng.randrange(0, 4000)
            mentions = [{"article": aid, "sentence": s, "start": st, "end": st + len(names[e])}]
            if rng.random() < 0.4:
                s2 = s + rng.randrange(1, 5)
                mentions.append({"article": aid, "sentence": s2, "start": st + 200, "end": st + 200 + len(names[e])})
            j = {"name": names[e], "type": types[e], "confidence": round(0.7 + 0.3 * rng.random(), 2), "mentions": mentions}
            if e in aliases:
                j["aliases"] = aliases[e]
            entity_json.append(j)
        event_json = []
        for ev, rep in evs:
            s = rng.randrange(0, 30)
            st = rng.randrange(0, 4000)
            j = {"id": ev["id"], "type": ev["type"], "trigger": ev["trigger"],
                 "agent": [names[e] for e in ev["agent"]], "target": [names[e] for e in ev["target"]],
                 "place": names[ev["place"]], "date": (start_day + timedelta(days=ev["day"])).isoformat(),
                 "killed": ev.get("killed"), "injured": ev.get("injured"),
                 "factuality": "asserted" if rng.random() < 0.85 else "reported",
                 "confidence": round(0.6 + 0.4 * rng.random(), 2),
                 "mentions": [{"article": aid, "sentence": s, "start": st, "end": st + len(ev["trigger"])}]}
            if rep:
                re_reports += 1
                if j["killed"] is not None and rng.random() < 0.5:
                    j["killed"] = max(0, j["killed"] + rng.choice([-2, -1, 1, 2, 3]))  # outlets disagree
            event_json.append(j)
        art = {"id": aid, "source": f"outlet-{rng.randrange(40):02d}",
               "date": (start_day + timedelta(days=art_day)).isoformat(),
               "entities": entity_json,
               "triples": [[names[s_], p_, o_ if p_ == "claimed_responsibility" else names[o_]] for s_, p_, o_ in triples],
               "events": event_json, "causal": causal}
        out.write(json.dumps(art, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        facts += size
        tallies["entities"] += len(ents)
        tallies["events"] += len(evs)
        tallies["triples"] += len(triples)
        tallies["causal"] += len(causal)
        article_no += 1
        if last:  # (a cut-down last article may end a fact or two short of F: events come with their place)
            break
    if out:
        out.close()

    # ---- meta -----------------------------------------------------------------------------------
    # distinct counts, read back from the files written
    used_entities, distinct_events, by_type = set(), set(), {}
    for name in files:
        with open(os.path.join(args.out, name), encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                for e in a["entities"]:
                    used_entities.add((e["type"], e["name"]))
                    by_type.setdefault(e["type"], set()).add(e["name"])
                for ev in a["events"]:
                    distinct_events.add(ev["id"])
    start = longest[0]
    meta = {
        "seed": args.seed, "facts": facts, "articles": article_no, "files": files,
        "records": tallies, "distinct_entities": len(used_entities),
        "distinct_entities_by_type": {t: len(v) for t, v in sorted(by_type.items())},
        "generated_entities_by_type": counts, "distinct_events": len(distinct_events),
        "event_re_reports": re_reports,
        "chain_start": start["id"], "chain_length": len(longest), "chain": [e["id"] for e in longest],
        "hub_candidates": [names[e] for e in (groups + units)[:5]],
    }
    with open(os.path.join(args.out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    print(json.dumps({k: v for k, v in meta.items() if k not in ("files", "chain")}))


if __name__ == "__main__":
    main()
