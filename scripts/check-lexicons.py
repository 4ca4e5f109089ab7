#!/usr/bin/env python3
"""Validate the lexicon TSV files against Sources/NewsGraphExtraction/Resources/Lexicons/FORMAT.md.

Usage: scripts/check-lexicons.py [DIR_OR_FILE ...]   (default: the bundled Lexicons folder)

Checks, per record kind (first field): the number of TAB-separated fields, closed values (entity
types, event types, CAMEO codes, ACLED types, causal relations and orders, role predicates, head
positions), empty items, surrounding spaces, lower-case trigger forms; across all files: every entity
name and alias belongs to one record only (case-insensitive), every PARENT names a known entity, a
trigger form appears in one record of a file and, when another file repeats it, with the same event type
(the loader lets the later file win), and no alias is a common English stopword unless the
line(s) right above the record say `# ambiguous-alias: ALIAS - reason` (then it is a warning).
Exit status 1 when there is an error. Stdlib only.
"""
import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, "..", "Sources", "NewsGraphExtraction", "Resources", "Lexicons")

ENTITY_TYPES = {"person", "group", "unit", "organization", "place", "facility"}
EVENT_TYPES = {"attack", "bombing", "clash", "operation", "killing", "arrest", "abduction", "claim", "statement", "protest"}
RELATIONS = {"responded_to", "caused", "followed"}
ORDERS = {"effect-cause", "cause-effect"}
PREDICATES = {"attacked", "killed", "injured", "kidnapped", "arrested", "claimed_responsibility", "spokesperson_of",
              "member_of", "part_of", "leader_of", "located_in", "allied_with", "opposed", "accused", "threatened"}
POSITIONS = {"suffix", "prefix"}
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
# (min, max) number of fields including the kind, for the kinds this checker knows; FORMAT.md is read too,
# so a kind documented there later is checked for its field count without changing this script.
ARITY = {"entity": (4, 5), "head": (3, 4), "trigger": (5, 5), "cue": (4, 4), "hedge": (3, 3), "negation": (2, 2),
         "role": (3, 3), "descriptor": (3, 3), "demonym": (3, 3), "stop": (2, 2), "number": (3, 3),
         "generic": (3, 3)}


def arity_from_format(path):
    """Parse the `| `kind` | FIELDS | meaning |` table of FORMAT.md; FIELDS ending in `?` are optional."""
    out = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                m = re.match(r"^\|\s*`([a-z_]+)`\s*\|([^|]*)\|", line)
                if not m:
                    continue
                fields = [x.strip() for x in m.group(2).split(",") if x.strip()]
                required = sum(1 for x in fields if not x.endswith("?"))
                out[m.group(1)] = (1 + required, 1 + len(fields))
    except OSError:
        pass
    return out


STOPWORDS = set("""
a about above after again against ago all also am an and any are aren't as at be because been before being below
between both but by can cannot could did do does doing done down during each else even ever every few for from
further get got had has have having he her here hers herself him himself his how i if in into is it its itself
just least less let like made make many may me might more most much must my myself near neither never new no nor
not now of off often on once one only or other ought our ours ourselves out over own per same shall she should
since so some such than that the their theirs them themselves then there these they this those though through to
too under until up upon us very was we well were what when where which while who whom whose why will with within
without would yet you your yours yourself yourselves
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday week month year day night
january february march april june july august september october november december
north south east west northern southern eastern western central centre center capital coast lakes islands upper
lower plateau city town village district province state region area camp border road river valley
mr mrs ms dr
""".split())

AMBIG_RE = re.compile(r"^#\s*ambiguous-alias:\s*(.+?)\s+(?:-|—|–)\s+\S")


def main(argv):
    targets = argv[1:] or [DEFAULT_DIR]
    files = []
    for t in targets:
        files += sorted(glob.glob(os.path.join(t, "*.tsv"))) if os.path.isdir(t) else [t]
    if not files:
        print("check-lexicons: no .tsv files found", file=sys.stderr)
        return 1
    errors, warnings = [], []
    documented = arity_from_format(os.path.join(DEFAULT_DIR, "FORMAT.md"))
    arity = dict(ARITY)
    for k, v in documented.items():
        if k in arity and arity[k] != v:
            warnings.append(f"FORMAT.md: {k} has {v[0]}-{v[1]} fields there, {arity[k][0]}-{arity[k][1]} here; using FORMAT.md")
        arity[k] = v
    names = {}          # lower form -> (file, line, record name)
    entities = []       # (file, line, name, type, parent)
    trig_forms = {}
    shared = collections.Counter()  # trigger forms repeated across files with the same event type
    counts = collections.Counter()

    def err(f, n, msg):
        errors.append(f"{os.path.basename(f)}:{n}: {msg}")

    for f in files:
        with open(f, encoding="utf-8") as fh:
            raw = fh.read()
        if "\r" in raw:
            err(f, 0, "CR line endings")
        flagged = set()
        for n, line in enumerate(raw.split("\n"), 1):
            if line.startswith("#"):
                m = AMBIG_RE.match(line)
                if m:
                    flagged.add(m.group(1).strip().lower())
                elif line.lstrip("#").strip().lower().startswith("ambiguous-alias"):
                    err(f, n, "malformed ambiguous-alias comment (want '# ambiguous-alias: ALIAS - reason')")
                continue
            if not line.strip():
                flagged = set()
                continue
            fields = line.split("\t")
            kind = fields[0]
            if kind not in arity or (documented and kind not in documented):
                err(f, n, f"record kind {kind!r} is not documented in FORMAT.md")
                flagged = set()
                continue
            lo, hi = arity[kind]
            if not lo <= len(fields) <= hi:
                err(f, n, f"{kind}: {len(fields)} fields, want {lo}" + (f"-{hi}" if hi != lo else ""))
                flagged = set()
                continue
            for i, x in enumerate(fields):
                if x != x.strip():
                    err(f, n, f"field {i + 1} has surrounding spaces: {x!r}")
            counts[(os.path.basename(f), kind)] += 1

            if kind == "entity":
                name, typ = fields[1], fields[2]
                aliases = fields[3].split("|") if fields[3] else []
                parent = fields[4] if len(fields) == 5 else ""
                counts[(os.path.basename(f), "entity:" + typ)] += 1
                if not name:
                    err(f, n, "empty NAME")
                if typ not in ENTITY_TYPES:
                    err(f, n, f"TYPE {typ!r} not in {sorted(ENTITY_TYPES)}")
                seen = set()
                for a in [name] + aliases:
                    if not a or a != a.strip():
                        err(f, n, f"empty or padded name/alias in {name!r}: {a!r}")
                        continue
                    k = a.lower()
                    if k in seen:
                        err(f, n, f"{a!r} repeated within the record {name!r}")
                        continue
                    seen.add(k)
                    if k in names:
                        of, on, oname = names[k]
                        err(f, n, f"{a!r} (of {name!r}) already names {oname!r} at {os.path.basename(of)}:{on}")
                    else:
                        names[k] = (f, n, name)
                    if k in STOPWORDS or len(k) < 2:
                        if k in flagged:
                            warnings.append(f"{os.path.basename(f)}:{n}: flagged ambiguous alias {a!r} of {name!r}")
                        else:
                            err(f, n, f"{a!r} of {name!r} is a common English word; flag it with '# ambiguous-alias:' or drop it")
                if parent.lower() == name.lower() and parent:
                    err(f, n, f"{name!r} is its own parent")
                entities.append((f, n, name, typ, parent))
            elif kind == "head":
                if fields[2] not in ENTITY_TYPES:
                    err(f, n, f"head TYPE {fields[2]!r} not allowed")
                if len(fields) == 4 and fields[3] not in POSITIONS:
                    err(f, n, f"POSITION {fields[3]!r} not in {sorted(POSITIONS)}")
            elif kind == "trigger":
                forms = fields[1].split("|")
                for x in forms:
                    if not x or x != x.strip():
                        err(f, n, f"empty or padded trigger form in {fields[1]!r}")
                    elif x != x.lower():
                        err(f, n, f"trigger form {x!r} is not lower case")
                    elif x in trig_forms and trig_forms[x][0] == f:
                        err(f, n, f"trigger form {x!r} already in line {trig_forms[x][1]} of this file")
                    elif x in trig_forms and trig_forms[x][2] != fields[2]:
                        of, on, ot = trig_forms[x]
                        err(f, n, f"trigger form {x!r} is {fields[2]} here but {ot} in {os.path.basename(of)}:{on}")
                    elif x in trig_forms:
                        shared[(os.path.basename(trig_forms[x][0]), os.path.basename(f))] += 1
                    else:
                        trig_forms[x] = (f, n, fields[2])
                if fields[2] not in EVENT_TYPES:
                    err(f, n, f"EVENT_TYPE {fields[2]!r} not in {sorted(EVENT_TYPES)}")
                else:
                    counts[(os.path.basename(f), "trigger:" + fields[2])] += 1
                cam = fields[3]
                if not re.fullmatch(r"\d{2,4}", cam) or not 1 <= int(cam[:2]) <= 20:
                    err(f, n, f"CAMEO {cam!r} is not a root (01-20) or code")
                acled = fields[4]
                typ, _, sub = acled.partition("/") if not acled.startswith("Explosions/Remote violence") else \
                    ("Explosions/Remote violence", "/", acled[len("Explosions/Remote violence/"):])
                if typ not in ACLED or (sub and sub not in ACLED[typ]):
                    err(f, n, f"ACLED {acled!r} is not 'Event type/Sub-event type' from the ACLED taxonomy")
            elif kind == "cue":
                if fields[2] not in RELATIONS:
                    err(f, n, f"RELATION {fields[2]!r} not in {sorted(RELATIONS)}")
                if fields[3] not in ORDERS:
                    err(f, n, f"ORDER {fields[3]!r} not in {sorted(ORDERS)}")
            elif kind == "hedge":
                try:
                    w = float(fields[2])
                    if not 0 < w <= 1:
                        raise ValueError
                except ValueError:
                    err(f, n, f"WEIGHT {fields[2]!r} is not a number in (0, 1]")
            elif kind == "role":
                if fields[2] not in PREDICATES:
                    err(f, n, f"PREDICATE {fields[2]!r} not in the closed predicate set")
            elif kind in ("descriptor", "generic"):
                if fields[2] not in ENTITY_TYPES:
                    err(f, n, f"{kind} TYPE {fields[2]!r} not allowed")
            elif kind == "number":
                if not re.fullmatch(r"\d+", fields[2]):
                    err(f, n, f"VALUE {fields[2]!r} is not a whole number")
            for i, x in enumerate(fields[1:], 2):
                if not x and not (kind == "entity" and i in (4, 5)):
                    err(f, n, f"field {i} is empty")
            flagged = set()

    # parents
    types = {}
    for f, n, name, typ, parent in entities:
        types[name.lower()] = typ
    for f, n, name, typ, parent in entities:
        if not parent:
            continue
        k = parent.lower()
        if k not in names:
            err(f, n, f"PARENT {parent!r} of {name!r} is not a known entity")
            continue
        ptype = types.get(names[k][2].lower())
        if typ == "place" and ptype != "place":
            err(f, n, f"place {name!r} has a non-place parent {parent!r} ({ptype})")
        if typ in ("group", "unit", "organization") and ptype == "place":
            err(f, n, f"{typ} {name!r} has a place as parent {parent!r}")

    for (a, b), c in sorted(shared.items()):
        warnings.append(f"{c} trigger forms of {a} are repeated in {b} with the same event type "
                        f"(the loader reads files in name order; the later file's CAMEO/ACLED win)")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print("counts:")
    for (fn, k), c in sorted(counts.items()):
        print(f"  {fn:24} {k:24} {c}")
    print(f"{len(files)} files, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
