#!/usr/bin/env python3
# Copyright 2026 the Lakesmith authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""Adds the Apache License 2.0 header to every tracked source file that lacks one (idempotent).

Usage: .ci/license-headers.py [--check]   (--check: list files without a header, exit 1 if any)
Data and fixtures (DMS sample CSVs, requirement pins, Markdown, the Maven wrapper) are left alone; they are the
files apache-rat-plugin excludes in the parent pom.
"""
import re
import subprocess
import sys

LINES = [
    "Copyright 2026 the Lakesmith authors.",
    "",
    'Licensed under the Apache License, Version 2.0 (the "License");',
    "you may not use this file except in compliance with the License.",
    "You may obtain a copy of the License at",
    "",
    "    https://www.apache.org/licenses/LICENSE-2.0",
    "",
    "Unless required by applicable law or agreed to in writing, software",
    'distributed under the License is distributed on an "AS IS" BASIS,',
    "WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.",
    "See the License for the specific language governing permissions and",
    "limitations under the License.",
]
MARK = "Licensed under the Apache License, Version 2.0"
SKIP = re.compile(r"(\.md$|\.csv$|\.txt$|(^|/)LICENSE$|(^|/)NOTICE$|(^|/)mvnw(\.cmd)?$|(^|/)\.mvn/|(^|/)\.gitignore$"
                  r"|/sample-dms/)")


def block(prefix, first=None, last=None):
    body = [(prefix + " " + l).rstrip() for l in LINES]
    return "\n".join(([first] if first else []) + body + ([last] if last else [])) + "\n"


def header_for(path):
    if path.endswith((".java", ".groovy")):
        return block(" *", "/*", " */")
    if path.endswith(".xml"):
        return "<!--\n" + "\n".join(("  " + l).rstrip() for l in LINES) + "\n-->\n"
    if path.endswith((".properties", ".py", ".config")) or path.startswith(".ci/") or path == "examples/bin/lakesmith":
        return block("#")
    return None


def add(path, text):
    h = header_for(path)
    if h is None:
        return None
    if path.endswith(".xml"):
        m = re.match(r"<\?xml[^>]*\?>\n", text)
        return text[:m.end()] + h + text[m.end():] if m else h + text
    if text.startswith("#!"):
        nl = text.index("\n") + 1
        return text[:nl] + h + text[nl:]
    return h + ("\n" if path.endswith((".java", ".groovy")) else "") + text


def main():
    check = "--check" in sys.argv[1:]
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split("\n")
    missing = []
    for f in filter(None, files):
        if SKIP.search(f) or header_for(f) is None:
            continue
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        if MARK in text[:2000]:
            continue
        missing.append(f)
        if not check:
            with open(f, "w", encoding="utf-8") as fh:
                fh.write(add(f, text))
    for f in missing:
        print(("no license header: " if check else "added license header: ") + f)
    return 1 if check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
