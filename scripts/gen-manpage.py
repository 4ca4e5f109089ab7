#!/usr/bin/env python3
"""Writes newsgraph(1), a man page, from the help of the binary itself.

Usage:
  newsgraph --experimental-dump-help | python3 scripts/gen-manpage.py > newsgraph.1
  python3 scripts/gen-manpage.py --binary .build/release/newsgraph -o newsgraph.1

The input is swift-argument-parser's `--experimental-dump-help` JSON (ToolInfo v0): the same abstracts,
discussions, options and defaults as `--help`, so the page never drifts from the program. `make install`
runs this and installs the page as PREFIX/share/man/man1/newsgraph.1. Only the standard library is used.
"""
import argparse
import json
import subprocess
import sys
import datetime

ENVIRONMENT = [
    ("NEWSGRAPH_DB", "The store used when --db is not given (default ./newsgraph.sqlite)."),
    ("NEWSGRAPH_RESOURCES", "A folder holding Lexicons/ and Model/, looked at before the installed data "
                            "(PREFIX/share/newsgraph) and newsgraph-resources/ beside the binary."),
    ("COLUMNS", "The width --help wraps its text to."),
]


def esc(text):
    """Text for a roff line: backslashes escaped, a leading . or ' neutralised."""
    text = (text or "").replace("\\", "\\e")
    out = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        out.append(line)
    return "\n".join(out)


def paragraphs(text):
    """A discussion as roff: blank lines become .PP, indented lines (examples) are kept as written."""
    out = []
    block = []
    for line in (text or "").split("\n"):
        if not line.strip():
            if block:
                out.append(block)
                block = []
            continue
        block.append(line)
    if block:
        out.append(block)
    lines = []
    for b in out:
        if all(l.startswith("  ") for l in b) or any(l.startswith("  ") for l in b[1:]):
            lines += [".PP", ".nf"] + [esc(l) for l in b] + [".fi"]
        else:
            lines += [".PP", esc(" ".join(l.strip() for l in b))]
    return lines


def option_label(arg):
    names = []
    for n in arg.get("names", []):
        dash = "\\-\\-" if n["kind"] == "long" else "\\-"
        names.append("\\fB" + dash + esc(n["name"]).replace("-", "\\-") + "\\fR")
    label = ", ".join(names)
    if arg["kind"] == "option":
        label += " \\fI" + esc(arg.get("valueName", "value")) + "\\fR"
    if arg["kind"] == "positional":
        label = "\\fI" + esc(arg.get("valueName", "arg")) + "\\fR" + (" ..." if arg.get("isRepeating") else "")
    return label


def arguments(args):
    lines = []
    for a in args:
        if not a.get("shouldDisplay", True):
            continue
        lines += [".TP", option_label(a)]
        text = a.get("abstract", "")
        if a.get("allValues") and not all(v in text for v in a["allValues"]):
            text += " Values: " + ", ".join(a["allValues"]) + "."
        if a.get("defaultValue") not in (None, "", "false"):
            text += " Default: " + a["defaultValue"] + "."
        lines.append(esc(text.strip()) or ".")
        if a.get("discussion"):
            lines.append(esc(a["discussion"]))
    return lines


def synopsis(name, cmd):
    parts = ["\\fB" + esc(name) + "\\fR"]
    for a in cmd.get("arguments", []):
        if not a.get("shouldDisplay", True) or any(n.get("name") in ("help", "version") for n in a.get("names", [])):
            continue
        label = option_label(a)
        parts.append(label if not a.get("isOptional") else "[" + label + "]")
    return " ".join(parts)


def page(tool, date):
    cmd = tool["command"]
    name = cmd["commandName"]
    lines = [
        '.TH "%s" "1" "%s" "%s" "User Commands"' % (name.upper(), date, name),
        ".SH NAME",
        "%s \\- %s" % (esc(name), esc(cmd.get("abstract", ""))),
        ".SH SYNOPSIS",
        "\\fB%s\\fR \\fIsubcommand\\fR [\\fIoptions\\fR]" % esc(name),
        ".br",
        "\\fB%s\\fR \\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR | \\fB\\-\\-generate\\-completion\\-script\\fR \\fIbash|zsh|fish\\fR" % esc(name),
        ".SH DESCRIPTION",
    ]
    lines += paragraphs(cmd.get("discussion", ""))
    lines += [".SH OPTIONS"] + arguments(cmd.get("arguments", []))
    lines.append(".SH COMMANDS")
    for sub in cmd.get("subcommands", []):
        if not sub.get("shouldDisplay", True) or sub["commandName"] == "help":
            continue
        full = name + " " + sub["commandName"]
        lines += [".SS " + esc(full), esc(sub.get("abstract", "")), ".PP", synopsis(full, sub)]
        lines += paragraphs(sub.get("discussion", ""))
        args = arguments(sub.get("arguments", []))
        if args:
            lines += [".PP", "Options:", ".RS"] + args + [".RE"]
    lines += [".SH ENVIRONMENT"]
    for var, text in ENVIRONMENT:
        lines += [".TP", "\\fB" + var + "\\fR", esc(text)]
    lines += [
        ".SH FILES",
        ".TP", "\\fIPREFIX/share/newsgraph/Lexicons\\fR, \\fIPREFIX/share/newsgraph/Model\\fR",
        "The lexicons and the parser model an installed binary reads (make install PREFIX=...).",
        ".TP", "\\fI./newsgraph.sqlite\\fR, \\fI./newsgraph.sqlite.graphcache\\fR",
        "The default store and its graph cache.",
        ".SH EXIT STATUS",
        "0 on success, 1 when an error was reported (one line on standard error, starting newsgraph:), "
        "64 for a usage error.",
        ".SH SEE ALSO",
        "The README and docs/ of the newsgraph repository: docs/query-language.md, docs/interchange.md, "
        "docs/figures.md, docs/store-and-resolution.md.",
    ]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", help="run this newsgraph binary for its help (default: read JSON on standard input)")
    ap.add_argument("-o", "--output", help="write here (default: standard output)")
    ap.add_argument("--date", help="the date in the page footer (default: SOURCE_DATE_EPOCH, else today)")
    opts = ap.parse_args()
    if opts.binary:
        text = subprocess.run([opts.binary, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout
    else:
        text = sys.stdin.read()
    tool = json.loads(text)
    date = opts.date
    if not date:
        import os
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        day = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now(datetime.timezone.utc)
        date = day.strftime("%Y-%m-%d")
    out = page(tool, date)
    if opts.output:
        with open(opts.output, "w", encoding="utf-8") as f:
            f.write(out)
    else:
        sys.stdout.write(out)


if __name__ == "__main__":
    main()
