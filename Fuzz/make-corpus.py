#!/usr/bin/env python3
"""Regenerates the seed corpora in Fuzz/Corpus/{record,markdown}/.

Copies every .md under Tests/BulletinEngineTests/Fixtures and Content, and every fuzz regression
(Fixtures/fuzz-regressions/*.bin), into both corpora (flattened names) and adds hand-made hostile seeds. Run from anywhere: python3 Fuzz/make-corpus.py
Each seed stays at or under 64 KiB (the -max_len the README uses).
"""
import os
import shutil

FUZZ = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(FUZZ)
RECORD = os.path.join(FUZZ, "Corpus", "record")
MARKDOWN = os.path.join(FUZZ, "Corpus", "markdown")
MAX = 65536


def write(folder, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) <= MAX, (name, len(data))
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def fm(yaml, body="Body text.\n"):
    return "---\n" + yaml + "\n---\n" + body


def copy_fixtures():
    for base in ("Tests/BulletinEngineTests/Fixtures", "Content"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, base)):
            for name in sorted(files):
                # Markdown files, and the fuzz regressions (fuzz-regressions/*.bin) as seeds too.
                if not name.endswith((".md", ".bin")):
                    continue
                src = os.path.join(dirpath, name)
                rel = os.path.relpath(src, ROOT)
                flat = "seed-" + rel.replace(os.sep, "_")
                if os.path.getsize(src) > 32768:  # keeps the committed corpus near 1 MB
                    continue
                for folder in (RECORD, MARKDOWN):
                    shutil.copyfile(src, os.path.join(folder, flat))


def billion_laughs(as_key):
    lines = ["title: laughs", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghi"
    for prev, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("? *i\n: value" if as_key else "tags: *i")
    return fm("\n".join(lines))


def record_seeds():
    meeting = ("title: Roof repair, round 2\ndate: 2024-05-18\nformat: council\nstatus: held\n"
               "outcome: agreed\ntime: \"19:30\"\nend_time: \"21:00\"\ntags: [roof, repair]\n"
               "participants:\n  - {role: owners' committee, count: 5}\n"
               "follow_up:\n  - {action: Replace the door closer, owner: property company, due: 2024-06-01, done: false}\n"
               "vote: {for: 120, against: 3, abstain: 5}\n"
               "raised: 2024-01-01\ncategory: safety\nadopted: 2024-01-01\nkind: convention\n")
    s = {
        "billion-laughs.md": billion_laughs(False),
        "billion-laughs-key.md": billion_laughs(True),
        "alias-after-quoted-continuation.md": fm("title: Roof\n  \"repair\n" + billion_laughs(True)[len("---\ntitle: laughs\n"):-len("\n---\nBody text.\n")].replace('"lol"', "lol")),
        "alias-key-small.md": fm("title: x\na: &k [1, 2]\n? *k\n: v\n? *k\n: w"),
        "alias-undefined.md": fm("title: *nothing"),
        "anchor-on-key.md": fm("&t title: x\n*t : y"),
        "deep-flow-seq.md": fm("title: x\ntags: " + "[" * 6000 + "]" * 6000),
        "deep-flow-map.md": fm("title: x\nvote: " + "{a: " * 3000 + "x" + "}" * 3000),
        "deep-block-seq.md": fm("title: x\ntags:\n" + "- " * 5000 + "x"),
        "deep-block-map.md": fm("title: x\n" + "".join(" " * i + "a:\n" for i in range(150)) + " " * 150 + "b"),
        "deep-key.md": fm("title: x\n? " + "[" * 3000 + "]" * 3000 + "\n: v"),
        "tabs.md": "---\ntitle:\tx\n\tdate: 2024-01-01\nvote:\n\tfor: 1\n---\n\tbody\n",
        "unclosed.md": "---\ntitle: never closed\ndate: 2024-01-01\n",
        "unclosed-only-marker.md": "---",
        "list-front-matter.md": fm("- title\n- x"),
        "scalar-front-matter.md": fm("just a sentence"),
        "empty-front-matter.md": "---\n---\n",
        "dots-close.md": "---\ntitle: x\n...\nbody\n",
        "empty.md": "",
        "whitespace.md": " \n\t\n\u3000\n",
        "bom.md": b"\xef\xbb\xbf" + fm(meeting).encode(),
        "bom-only.md": b"\xef\xbb\xbf",
        "utf16le.md": b"\xff\xfe-\x00-\x00-\x00\n\x00",
        "utf16be.md": b"\xfe\xff\x00-\x00-\x00-\x00\n",
        "crlf.md": fm(meeting).replace("\n", "\r\n"),
        "lone-cr.md": fm(meeting).replace("\n", "\r"),
        "mixed-eol.md": "---\r\ntitle: x\rdate: 2024-01-01\n\r\n---\r\r\nbody",
        "nul.md": fm("title: a\x00b"),
        "invalid-utf8.md": b"---\ntitle: caf\xe9\n---\n\xff\xfe\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xe2\x82",
        "truncated-utf8.md": b"---\ntitle: \xe4\xb8",
        "long-title.md": fm("title: " + "x" * (MAX - 32)),
        "long-key.md": fm("k" * 16000 + ": v"),
        "long-body-line.md": fm("title: x", "y" * 16000),
        "rtl-zero-width.md": fm("ti\u200btle: \u202eevil\u202c\ntitle\u200d: x\n\ufefftags: [\u200f, \u2066a\u2069]\ndate: \u0662\u0660\u0662\u0664-01-01"),
        "duplicate-keys.md": fm("title: a\ndate: 2024-01-01\ntitle: b\n\"title\": c"),
        "complex-keys.md": fm("title: x\n? [a, b]\n: c\n? {d: e}\n: f\n? |\n  block\n: g"),
        "tags-and-directives.md": fm("title: !!binary aGk=\ndate: !<tag:yaml.org,2002:timestamp> 2024-01-01\ntags: !!map {a: b}\ndraft: !custom yes"),
        "numbers.md": fm("title: x\nattendance: 99999999999999999999999\nround: -1\nparticipants: 1_000\nvolunteers: 0x10\n"
                         "vote: {for: 9223372036854775807, against: 9223372036854775808, abstain: .inf}"),
        "dates.md": fm("title: x\ndate: 2024-02-30\nraised: 0000-00-00\nresolved: 9999-99-99\nadopted: 2024-1-1\n"
                       "effective: +2024-01-01\ntime: \"25:61\"\nend_time: \"-1:00\"\nend_date: 2024-01-01T10:00:00Z"),
        "kitchen-sink.md": fm(meeting),
        "wrong-shapes.md": fm("title: [a]\ntags: {a: b}\ndraft: [true]\nparticipants: x\nfollow_up: [1, [2], {action: [x]}]\n"
                              "vote: [1]\nformat: {a: b}\nstatus: resolved\noutcome:\n"),
        "block-scalars.md": fm("title: |\n  line one\n  line two\nsummary: >-\n  folded\n  text\ntags: [\"a\\x00b\", 'q''q']"),
        "null-words.md": fm("title: ~\ndate: null\ntags: NULL\noutcome: Null\nformat: ''"),
        "nested-marker.md": "---\ntitle: x\nsummary: |\n  ---\n  inside\n---\n---\n---\n",
        "many-keys.md": fm("\n".join(f"k{i}: v" for i in range(1000))),
        "many-docs-like.md": "---\n" + "...\n---\n" * 2000,
        "yaml-flow-junk.md": fm("title: {[}]\n" + "? " * 1000 + ": " * 1000),
        "labels.md": fm("title: x\nformat: COUNCIL\nstatus: HELD\noutcome: Agreed\ncategory: 安全"),
    }
    for name, data in s.items():
        write(RECORD, name, data)


def markdown_seeds():
    s = {
        "deep-blockquote.md": ">" * 30000 + " x\n",
        "deep-blockquote-lines.md": "".join(">" * i + " x\n" for i in range(1, 100)),
        "deep-list-one-line.md": "- " * 10000 + "x\n",
        "deep-ordered-list.md": "1. " * 5000 + "x\n",
        "deep-list-indented.md": "".join(" " * (2 * i) + "- x\n" for i in range(100)),
        "mixed-containers.md": "> - > 1. " * 2000 + "x\n",
        "brackets.md": "[" * 8000 + "x" + "]" * 8000,
        "image-brackets.md": "![[]()" * 3000,
        "emphasis.md": "*a**" * 3000 + "_b__" * 2000,
        "emphasis-nested.md": "*" * 8000 + "x" + "*" * 8000,
        "backticks.md": "".join("`" * i + "x" for i in range(1, 150)),
        "angles.md": "<" * 8000 + "a" + ">" * 8000,
        "link-dest-parens.md": "[a](" + "(" * 8000 + ")" * 8000 + ")",
        "link-dest-angle.md": "[a](<" * 3000,
        "refs.md": "".join(f"[r{i}]: /u{i}\n" for i in range(500)) + "".join(f"[r{i}]" for i in range(500)),
        "ref-blowup.md": "[a]: " + "x" * 5000 + "\n" + "[a]" * 5000,
        "entities.md": "&#99999999; &#0; &#xD800; &amp; &bogus; &#x110000; &" + "#" * 1000,
        "unsafe-links.md": ("[a](javascript:alert(1)) [b]( JaVaScRiPt:x) [c](vbscript:x) [d](data:text/html,x) "
                            "[e](file:///etc/passwd) [f](java\tscript:x) [g](java%00script:x) <javascript:x> "
                            "[![img](javascript:i)](javascript:o) ![[l](javascript:x)](y) [**b** *e* `c`](javascript:z)\n"),
        "headings.md": "###### six\n\n# one\n\n## two\n\nsetext\n===\n\nsetext2\n---\n\n####### seven\n\n#\n",
        "headings-only-h6.md": "###### six\n\n###### also six\n",
        "raw-html.md": "<script>alert(1)</script>\n\n<!-- unclosed\n\n<?php x\n\n<![CDATA[ y\n\n<div onload=x>\n\n<a href=\"javascript:x\">x</a>\n",
        "html-comment-open.md": "<!--" * 4000,
        "code-fences.md": "```" + "`" * 1000 + "\n" + "~~~\n" * 1000,
        "tabs.md": "\t-\tx\n\t\t>\t\ty\n\t    code\n",
        "nul.md": "a\x00b\n\x00\n# \x00",
        "invalid-utf8.bin": b"\xff\xfe\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80# h\xe2\x82\n[a](\xff)",
        "crlf.md": "# h\r\n\r\n> q\r\n- l\r\n",
        "lone-cr.md": "# h\r\r> q\r- l\r",
        "bom.md": "\ufeff# heading\n\ntext",
        "rtl-zero-width.md": "# \u202eevil\u202c\n\n[\u200blink](\u200bjavascript:x) \u2066x\u2069 \u200d\u200f\n",
        "long-line.md": "x" * (MAX - 1),
        "long-line-words.md": "word " * 3000,
        "hard-breaks.md": "a  \n" * 3000,
        "empty.md": "",
        "first-paragraph.md": "> quote first\n\n`code` and *em* text  \nbreak\nsoft\n\npara two\n",
    }
    for name, data in s.items():
        write(MARKDOWN, name, data)


def main():
    for folder in (RECORD, MARKDOWN):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    copy_fixtures()
    record_seeds()
    markdown_seeds()
    # Every Markdown seed is also a record body, and every record seed is Markdown.
    for name in os.listdir(MARKDOWN):
        if not name.startswith("seed-") and os.path.getsize(os.path.join(MARKDOWN, name)) <= 4096:
            with open(os.path.join(MARKDOWN, name), "rb") as f:
                data = f.read()
            write(RECORD, "body-" + name, ("---\ntitle: x\n---\n").encode() + data[: MAX - 20])
    for name in os.listdir(RECORD):
        if not name.startswith(("seed-", "body-")) and os.path.getsize(os.path.join(RECORD, name)) <= 4096:
            shutil.copyfile(os.path.join(RECORD, name), os.path.join(MARKDOWN, "fm-" + name))


if __name__ == "__main__":
    main()
