#!/usr/bin/env python3
"""Counts code, comment and blank lines of Java files at a git revision.

A line is blank when it holds only whitespace, a comment line when everything on it that is not
whitespace lies inside // or /* */ comments, and a code line otherwise (code with a trailing
comment is code). String, char and text-block literals are tracked, so "https://..." is code.

usage: javalines.py REV PATH... (PATH relative to the repository root; REV 'WORKTREE' for files on disk)
"""
import subprocess, sys

def read(rev, path):
    if rev == "WORKTREE":
        with open(path, encoding="utf-8") as f:
            return f.read()
    return subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, check=True, text=True).stdout

def count(text):
    code = comment = blank = 0
    in_block = False      # inside /* */
    in_text_block = False # inside """ """
    for line in text.split("\n"):
        has_code = has_comment = False
        i, n = 0, len(line)
        while i < n:
            c = line[i]
            if in_block:
                has_comment = True
                if line.startswith("*/", i):
                    in_block = False
                    i += 2
                else:
                    i += 1
            elif in_text_block:
                has_code = True
                if line.startswith('"""', i):
                    in_text_block = False
                    i += 3
                elif c == "\\":
                    i += 2
                else:
                    i += 1
            elif c.isspace():
                i += 1
            elif line.startswith("//", i):
                has_comment = True
                break
            elif line.startswith("/*", i):
                has_comment = True
                in_block = True
                i += 2
            elif line.startswith('"""', i):
                has_code = True
                in_text_block = True
                i += 3
            elif c in "\"'":
                has_code = True
                i += 1
                while i < n and line[i] != c:
                    i += 2 if line[i] == "\\" else 1
                i += 1
            else:
                has_code = True
                i += 1
        if has_code:
            code += 1
        elif has_comment:
            comment += 1
        else:
            blank += 1
    if text.endswith("\n"):
        blank -= 1  # the empty string after the final newline is not a line
    return code, comment, blank

def main():
    rev, paths = sys.argv[1], sys.argv[2:]
    total = [0, 0, 0]
    for p in paths:
        c = count(read(rev, p))
        total = [a + b for a, b in zip(total, c)]
        print(f"{c[0]:6d} {c[1]:6d} {c[2]:6d} {sum(c):6d}  {p}")
    print(f"{total[0]:6d} {total[1]:6d} {total[2]:6d} {sum(total):6d}  total (code comment blank all) at {rev}")

main()
