#!/usr/bin/env python3
"""Check gold annotation files against the corpus SCHEMA.md format and conventions.

usage: check-gold.py DIR [DIR ...] [--strict] [--quiet]

For every DIR/<id>.json (and its DIR/<id>.txt when present) this checks:

errors (exit status 1)
  - the file parses as JSON and has the keys id, source, retrieval, date, entities, triples,
    events, causal with the right shapes; the id equals the file stem
  - dates are YYYY-MM-DD (real calendar dates) or null; killed/injured are integers >= 0 or null
  - entity, event, triple and causal types come from the closed sets of SCHEMA.md
  - entity names are unique; no name or alias belongs to two entities
  - every entity name and alias appears verbatim (case-insensitive) in the .txt
  - every event agent, target and place is an entity *name* (not an alias)
  - every triple's subject is an entity name; its object is an entity name, or an event id
    for claimed_responsibility
  - event ids are unique and every causal link names two existing event ids

warnings (errors with --strict): the conventions of SCHEMA.md
  - an event place that is not of type place; a trigger that does not occur in the text
  - killed / injured / kidnapped / arrested with a non-person object
  - spokesperson_of / member_of / leader_of with a non-person subject
  - located_in with a non-place object
  - a missing attacked triple for an (agent, non-person target) pair of an attack, bombing or
    operation event
  - a claim event without a claimed_responsibility triple from one of its agents, a claim
    with a target or a place
  - a causal self-link
  - two entities whose names or aliases normalise to the same key in shared/tools/score.py

Python standard library only.
"""
import datetime
import json
import pathlib
import re
import sys

ENTITY_TYPES = {"person", "group", "unit", "organization", "place", "facility"}
PREDICATES = {"attacked", "killed", "injured", "kidnapped", "arrested", "claimed_responsibility",
              "spokesperson_of", "member_of", "part_of", "leader_of", "located_in", "allied_with",
              "opposed", "accused", "threatened"}
EVENT_TYPES = {"attack", "bombing", "clash", "operation", "killing", "arrest", "abduction", "claim",
               "statement", "protest"}
CAUSAL = {"responded_to", "caused", "followed"}
TOP_KEYS = ["id", "source", "retrieval", "date", "entities", "triples", "events", "causal"]
EVENT_KEYS = ["id", "type", "trigger", "agent", "target", "place", "date", "killed", "injured"]
PERSON_OBJECT = {"killed", "injured", "kidnapped", "arrested"}
PERSON_SUBJECT = {"spokesperson_of", "member_of", "leader_of"}
ATTACK_LIKE = {"attack", "bombing", "operation"}


def fold(s):
    """Case-insensitive comparison form; typographic apostrophes count as straight ones."""
    return s.replace("\u2019", "'").replace("\u2018", "'").casefold()


def score_norm(s):
    """The name normalisation of shared/tools/score.py: lower case, no possessive 's, ASCII word
    tokens without the stop words. Two entities with the same normal form cannot be told apart."""
    s = (s or "").lower().replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    stop = {"the", "a", "an", "of", "'s", "s", "so", "called", "so-called"}
    return " ".join(t for t in re.findall(r"[a-z0-9]+", s) if t not in stop)


def valid_date(d):
    if d is None:
        return True
    if not isinstance(d, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
        return False
    try:
        datetime.date.fromisoformat(d)
        return True
    except ValueError:
        return False


def check_file(path):
    """Returns (errors, warnings, counts) for one gold file."""
    errors, warnings = [], []
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [f"does not parse: {exc}"], [], None
    if not isinstance(gold, dict):
        return ["top level is not a JSON object"], [], None

    for k in TOP_KEYS:
        if k not in gold:
            errors.append(f"missing key {k!r}")
    for k in ("entities", "triples", "events", "causal"):
        if not isinstance(gold.get(k, []), list):
            errors.append(f"{k!r} is not a list")
            gold[k] = []
    if gold.get("id") != path.stem:
        errors.append(f"id {gold.get('id')!r} differs from the file stem {path.stem!r}")
    if not valid_date(gold.get("date")):
        errors.append(f"article date {gold.get('date')!r} is not YYYY-MM-DD or null")

    txt_path = path.with_suffix(".txt")
    text = fold(txt_path.read_text(encoding="utf-8")) if txt_path.exists() else None
    if text is None:
        warnings.append(f"no {txt_path.name}: names, aliases and triggers not checked against the text")

    # entities
    types, owner, norm_owner = {}, {}, {}
    for i, e in enumerate(gold.get("entities", [])):
        where = f"entity #{i}"
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
            errors.append(f"{where}: needs a non-empty string 'name'")
            continue
        name = e["name"]
        where = f"entity {name!r}"
        if e.get("type") not in ENTITY_TYPES:
            errors.append(f"{where}: type {e.get('type')!r} not in {sorted(ENTITY_TYPES)}")
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            errors.append(f"{where}: aliases must be a list of strings")
            aliases = []
        if name in types:
            errors.append(f"{where}: duplicate entity name")
        types[name] = e.get("type")
        for form in [name] + aliases:
            nkey = score_norm(form)
            if nkey in norm_owner and norm_owner[nkey] != name:
                warnings.append(f"{where}: {form!r} normalises like a form of {norm_owner[nkey]!r} "
                                f"(scorer key {nkey!r})")
            norm_owner.setdefault(nkey, name)
            key = fold(form)
            if key in owner and owner[key] != name:
                errors.append(f"{where}: surface form {form!r} also belongs to {owner[key]!r}")
            owner.setdefault(key, name)
            if text is not None and key not in text:
                errors.append(f"{where}: {form!r} does not appear in {txt_path.name}")

    # events
    event_ids, events = set(), []
    for i, ev in enumerate(gold.get("events", [])):
        if not isinstance(ev, dict):
            errors.append(f"event #{i}: not an object")
            continue
        eid = ev.get("id")
        where = f"event {eid!r}" if eid else f"event #{i}"
        for k in EVENT_KEYS:
            if k not in ev:
                errors.append(f"{where}: missing field {k!r}")
        if not isinstance(eid, str) or not eid:
            errors.append(f"{where}: needs a string id")
        elif eid in event_ids:
            errors.append(f"{where}: duplicate event id")
        else:
            event_ids.add(eid)
        if ev.get("type") not in EVENT_TYPES:
            errors.append(f"{where}: type {ev.get('type')!r} not in {sorted(EVENT_TYPES)}")
        for role in ("agent", "target"):
            args = ev.get(role, [])
            if not isinstance(args, list):
                errors.append(f"{where}: {role} must be a list")
                continue
            for a in args:
                if a not in types:
                    errors.append(f"{where}: {role} {a!r} is not an entity name")
        place = ev.get("place")
        if place is not None:
            if place not in types:
                errors.append(f"{where}: place {place!r} is not an entity name")
            elif types[place] != "place":
                warnings.append(f"{where}: place {place!r} has type {types[place]!r}, not place")
        if not valid_date(ev.get("date")):
            errors.append(f"{where}: date {ev.get('date')!r} is not YYYY-MM-DD or null")
        for k in ("killed", "injured"):
            v = ev.get(k)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
                errors.append(f"{where}: {k} {v!r} is not a non-negative integer or null")
        trig = ev.get("trigger")
        if not isinstance(trig, str) or not trig.strip():
            errors.append(f"{where}: needs a non-empty trigger")
        elif text is not None and fold(trig) not in text:
            warnings.append(f"{where}: trigger {trig!r} does not occur in the text")
        events.append(ev)

    # triples
    triple_set = set()
    for i, t in enumerate(gold.get("triples", [])):
        if not (isinstance(t, list) and len(t) == 3 and all(isinstance(x, str) for x in t)):
            errors.append(f"triple #{i}: must be [subject, predicate, object] strings: {t!r}")
            continue
        s, p, o = t
        where = f"triple {t!r}"
        if (s, p, o) in triple_set:
            warnings.append(f"{where}: duplicate")
        triple_set.add((s, p, o))
        if p not in PREDICATES:
            errors.append(f"{where}: predicate {p!r} not in the closed set")
        if s not in types:
            errors.append(f"{where}: subject {s!r} is not an entity name")
        if p == "claimed_responsibility" and o in event_ids:
            pass
        elif o not in types:
            errors.append(f"{where}: object {o!r} is not an entity name"
                          + (" or event id" if p == "claimed_responsibility" else ""))
        if p in PERSON_OBJECT and o in types and types[o] != "person":
            warnings.append(f"{where}: {p} takes a named person as object, {o!r} is {types[o]!r}")
        if p in PERSON_SUBJECT and s in types and types[s] != "person":
            warnings.append(f"{where}: {p} takes a person as subject, {s!r} is {types[s]!r}")
        if p == "located_in" and o in types and types[o] != "place":
            warnings.append(f"{where}: located_in object {o!r} is {types[o]!r}, not place")

    # conventions linking events and triples
    for ev in events:
        eid = ev.get("id")
        agents = [a for a in ev.get("agent") or [] if a in types]
        targets = [x for x in ev.get("target") or [] if x in types]
        if ev.get("type") in ATTACK_LIKE:
            for a in agents:
                for x in targets:
                    if types[x] != "person" and (a, "attacked", x) not in triple_set:
                        warnings.append(f"event {eid!r}: no triple [{a!r}, 'attacked', {x!r}]")
        if ev.get("type") == "claim":
            if ev.get("target"):
                warnings.append(f"event {eid!r}: a claim has target [] by convention")
            if ev.get("place") is not None:
                warnings.append(f"event {eid!r}: a claim has place null by convention")
            claimed = {o for s, p, o in triple_set if p == "claimed_responsibility" and s in agents}
            if not claimed & event_ids:
                warnings.append(f"event {eid!r}: no claimed_responsibility triple from its agents")

    # causal links
    for i, c in enumerate(gold.get("causal", [])):
        if not (isinstance(c, list) and len(c) == 3 and all(isinstance(x, str) for x in c)):
            errors.append(f"causal #{i}: must be [event id, predicate, event id]: {c!r}")
            continue
        a, r, b = c
        if r not in CAUSAL:
            errors.append(f"causal {c!r}: predicate {r!r} not in {sorted(CAUSAL)}")
        for x in (a, b):
            if x not in event_ids:
                errors.append(f"causal {c!r}: {x!r} is not an event id")
        if a == b:
            warnings.append(f"causal {c!r}: self-link")

    counts = {
        "entities": len(gold.get("entities", [])), "triples": len(gold.get("triples", [])),
        "events": len(gold.get("events", [])), "causal": len(gold.get("causal", [])),
        "entity_types": {}, "predicates": {}, "event_types": {}, "causal_types": {},
    }
    for e in gold.get("entities", []):
        if isinstance(e, dict):
            counts["entity_types"][e.get("type")] = counts["entity_types"].get(e.get("type"), 0) + 1
    for t in gold.get("triples", []):
        if isinstance(t, list) and len(t) == 3:
            counts["predicates"][t[1]] = counts["predicates"].get(t[1], 0) + 1
    for ev in events:
        counts["event_types"][ev.get("type")] = counts["event_types"].get(ev.get("type"), 0) + 1
    for c in gold.get("causal", []):
        if isinstance(c, list) and len(c) == 3:
            counts["causal_types"][c[1]] = counts["causal_types"].get(c[1], 0) + 1
    return errors, warnings, counts


def fmt(d):
    return ", ".join(f"{k} {v}" for k, v in sorted(d.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    strict, quiet = "--strict" in sys.argv, "--quiet" in sys.argv
    if not args:
        print(__doc__)
        return 2
    n_err = n_warn = n_files = 0
    for d in map(pathlib.Path, args):
        files = sorted(d.glob("*.json")) if d.is_dir() else [d]
        if not files:
            print(f"{d}: no .json files")
            n_err += 1
            continue
        total = {"entities": 0, "triples": 0, "events": 0, "causal": 0,
                 "entity_types": {}, "predicates": {}, "event_types": {}, "causal_types": {}}
        for f in files:
            n_files += 1
            errors, warnings, counts = check_file(f)
            n_err += len(errors)
            n_warn += len(warnings)
            for m in errors:
                print(f"{f}: ERROR: {m}")
            for m in warnings:
                print(f"{f}: {'ERROR' if strict else 'warning'}: {m}")
            if counts:
                for k in ("entities", "triples", "events", "causal"):
                    total[k] += counts[k]
                for k in ("entity_types", "predicates", "event_types", "causal_types"):
                    for kk, v in counts[k].items():
                        total[k][kk] = total[k].get(kk, 0) + v
                if not quiet:
                    status = "ok" if not errors and not (strict and warnings) else "FAILED"
                    print(f"{f.name}: {status} ({counts['entities']} entities, {counts['triples']} triples, "
                          f"{counts['events']} events, {counts['causal']} causal"
                          + (f", {len(warnings)} warnings" if warnings else "") + ")")
        if not quiet:
            print(f"{d}: {len(files)} files, {total['entities']} entities, {total['triples']} triples, "
                  f"{total['events']} events, {total['causal']} causal")
            print(f"  entities by type: {fmt(total['entity_types'])}")
            print(f"  triples by predicate: {fmt(total['predicates'])}")
            print(f"  events by type: {fmt(total['event_types'])}")
            print(f"  causal by predicate: {fmt(total['causal_types'])}")
    failed = n_err + (n_warn if strict else 0)
    print(f"checked {n_files} files: {n_err} errors, {n_warn} warnings" + (" (strict)" if strict else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
