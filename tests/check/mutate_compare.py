#!/usr/bin/env python3
"""mutate_compare.py — differential testing of `gol check` against Go.

Takes well-formed .gol programs, applies small random source mutations
(delete or swap tokens, change an operator, a literal's kind, a type name, an
identifier, drop a return value, add an unused variable, ...), and asks both
`gol check` and the installed Go compiler about each mutant. It reports:

  crash     gol exited with something other than 0/1, died on a signal, or a
            sanitizer printed a report (the most important findings);
  hang      gol ran longer than --timeout seconds;
  accept    one of them accepts the mutant and the other rejects it;
  position  both reject it, but gol's first error is not at Go's first
            error line:column;
  protocol  gol's output does not match its exit status (errors printed with
            exit 0, or exit 1 with nothing printed);
  column    both reject with an error of the same text on the same line, at
            another column: usually Go 1.19's older position convention
            (operator or '[' rather than the operand's start), not a gol bug;
  go119     a known difference between Go 1.19 and current Go (which gol
            follows), listed in GO119_FIRST and GO119_SAME_LINE below.

Disagreeing mutants are saved, with both tools' output, in --out (a fresh
folder under /tmp by default) so they can be inspected or reduced.

Go is run as `go tool compile -p main -complete` on a copy named .go: it is
the same front end `go build` runs, without the go command's overhead (a
mutant costs ~30 ms). A program that compiles but has no `func main` gets
Go's link error (position 0:0) by a textual check, since the compiler alone
does not report it. Known differences between Go 1.19 and current Go (range
over int, min/max/clear, the go1.22 tag) are classified as `go119` rather
than as gol bugs; see tests/check/README.md.

Usage:
  tests/check/mutate_compare.py [--seed N] [--count N] [--seconds S]
      [--gol PATH] [--jobs N] [--out DIR] [--timeout S] [--max-mutations K]
      [--show N] [FILE.gol ...]

With no files it mutates tests/check/valid/*.gol and examples/*.gol,
skipping files whose first line is `// go1.22`.

Alternatives rejected: `go vet` (seconds per file), `go build -o ...`
(200 ms per file for the go command's bookkeeping, plus a link for valid
programs); an AST-level mutator (would need a Go parser in Python; token
mutations reach both the parser and the checker, which is the point).
"""

import argparse
import concurrent.futures
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# ---------------------------------------------------------------------------
# Tokens

TOKEN_RE = re.compile(
    r"""
    (?P<ws>[ \t\r]+)
  | (?P<nl>\n)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<raw>`[^`]*`)
  | (?P<string>"(?:\\.|[^"\\\n])*")
  | (?P<rune>'(?:\\.|[^'\\\n])*')
  | (?P<number>0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+
       |(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?i?)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op><<=|>>=|&\^=|\.\.\.|&&|\|\||<-|\+\+|--|==|!=|<=|>=|:=|\+=|-=|\*=|/=|%=
       |&=|\|=|\^=|<<|>>|&\^|[-+*/%&|^<>=!(){}\[\],;.:~])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

KEYWORDS = {
    "break", "case", "chan", "const", "continue", "default", "defer", "else",
    "fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
    "map", "package", "range", "return", "select", "struct", "switch", "type",
    "var",
}

BASIC_TYPES = [
    "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
    "uint32", "uint64", "uintptr", "float32", "float64", "string", "bool",
    "byte", "rune", "error", "any",
]

BINARY_OPS = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^",
              "&&", "||", "==", "!=", "<", "<=", ">", ">="]
ASSIGN_OPS = ["=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
              "<<=", ">>=", "&^="]
MISC_OPS = ["++", "--", "!", "<-", "...", ".", ",", ";", ":", "(", ")", "[",
            "]", "{", "}"]
OP_GROUPS = [
    ["+", "-", "*", "/", "%"],
    ["&", "|", "^", "&^", "<<", ">>"],
    ["&&", "||"],
    ["==", "!=", "<", "<=", ">", ">="],
    ASSIGN_OPS,
    ["++", "--"],
]

LITERAL_REPLACEMENTS = [
    "1", "0", "-1", '"1"', '""', "1.5", "'a'", "true", "false", "nil", "300",
    "1e100", "1 << 70", "0x7fffffffffffffff", "1i", "`raw`", "'\\n'", "-0.5",
    "256", "1 / 0", "len(\"ab\")", "iota",
]

INSERTIONS = [
    "break", "continue", "return", "defer", "go", "fallthrough", ":=", "=",
    "}", "{", ";", ",", "...", "_", "nil", "*", "&", "<-", "(", ")", "[]",
    "goto L", "L:", "var", "const", "func", "iota", "x", "new", "make",
    "len", "append", "panic", "recover", "copy", "delete", "close",
    "interface{}", "struct{}", "map[string]int", "chan int", ".",
]


class Tok:
    __slots__ = ("kind", "text", "start", "end", "line")

    def __init__(self, kind, text, start, end, line):
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.line = line


def tokenize(src):
    toks = []
    line = 1
    for m in TOKEN_RE.finditer(src):
        kind = m.lastgroup
        text = m.group()
        if kind == "ident" and text in KEYWORDS:
            kind = "keyword"
        toks.append(Tok(kind, text, m.start(), m.end(), line))
        line += text.count("\n")
    return toks


def significant(toks):
    return [t for t in toks if t.kind not in ("ws", "nl", "comment")]


def splice(src, start, end, text):
    return src[:start] + text + src[end:]


# ---------------------------------------------------------------------------
# Mutations: each takes (rng, src, toks) and returns (new_src, description)
# or None when it does not apply to this program.

def m_delete_token(rng, src, toks):
    sig = significant(toks)
    t = rng.choice(sig)
    return splice(src, t.start, t.end, ""), f"delete {t.text!r} at line {t.line}"


def m_swap_tokens(rng, src, toks):
    sig = significant(toks)
    if len(sig) < 2:
        return None
    i = rng.randrange(len(sig) - 1)
    j = min(len(sig) - 1, i + rng.choice([1, 1, 1, 2, 3]))
    a, b = sig[i], sig[j]
    if a.text == b.text:
        return None
    new = src[:a.start] + b.text + src[a.end:b.start] + a.text + src[b.end:]
    return new, f"swap {a.text!r} (line {a.line}) with {b.text!r} (line {b.line})"


def lines_of(src):
    return src.split("\n")


def m_dup_line(rng, src, toks):
    lines = lines_of(src)
    i = rng.randrange(len(lines))
    if not lines[i].strip():
        return None
    lines.insert(i, lines[i])
    return "\n".join(lines), f"duplicate line {i + 1}"


def m_del_line(rng, src, toks):
    lines = lines_of(src)
    i = rng.randrange(len(lines))
    if not lines[i].strip():
        return None
    del lines[i]
    return "\n".join(lines), f"delete line {i + 1}"


def m_move_line(rng, src, toks):
    lines = lines_of(src)
    i = rng.randrange(len(lines))
    if not lines[i].strip():
        return None
    j = max(0, min(len(lines) - 1, i + rng.randint(-4, 4)))
    line = lines.pop(i)
    lines.insert(j, line)
    return "\n".join(lines), f"move line {i + 1} to {j + 1}"


def m_change_op(rng, src, toks):
    ops = [t for t in significant(toks) if t.kind == "op"]
    if not ops:
        return None
    t = rng.choice(ops)
    group = next((g for g in OP_GROUPS if t.text in g), None)
    if group and rng.random() < 0.7:
        choices = [o for o in group if o != t.text]
    else:
        choices = [o for o in BINARY_OPS + ASSIGN_OPS + MISC_OPS if o != t.text]
    new = rng.choice(choices)
    return splice(src, t.start, t.end, new), f"op {t.text!r} -> {new!r} at line {t.line}"


def m_change_literal(rng, src, toks):
    lits = [t for t in significant(toks)
            if t.kind in ("number", "string", "rune", "raw")
            or (t.kind == "ident" and t.text in ("true", "false", "nil", "iota"))]
    if not lits:
        return None
    t = rng.choice(lits)
    if t.kind == "number":
        prefer = ['"1"', "1.5", "'a'", "300", "1e100", "-1", "1 << 70", "0"]
    elif t.kind in ("string", "raw"):
        prefer = ["1", "'x'", "nil", "1.5", "`s`", '""']
    elif t.kind == "rune":
        prefer = ['"a"', "1", "1.5", "'\\400'"]
    else:
        prefer = ["1", '"x"', "nil", "true", "0.0"]
    pool = prefer if rng.random() < 0.7 else LITERAL_REPLACEMENTS
    new = rng.choice([p for p in pool if p != t.text] or pool)
    return splice(src, t.start, t.end, new), f"literal {t.text!r} -> {new!r} at line {t.line}"


def idents(toks):
    """Identifiers split into plain names and selector names (after a dot)."""
    sig = significant(toks)
    plain, selectors = [], []
    for k, t in enumerate(sig):
        if t.kind != "ident":
            continue
        if k > 0 and sig[k - 1].text == ".":
            selectors.append(t)
        elif k > 0 and sig[k - 1].text == "package":
            continue
        else:
            plain.append(t)
    return plain, selectors


def m_rename_ident(rng, src, toks):
    plain, selectors = idents(toks)
    pool = selectors if selectors and rng.random() < 0.3 else plain
    if not pool:
        return None
    t = rng.choice(pool)
    # Prefer names that appear near the token: more likely in scope.
    near = [u.text for u in pool if abs(u.line - t.line) < 15 and u.text != t.text]
    names = near or [u.text for u in pool if u.text != t.text]
    if not names:
        return None
    new = rng.choice(names)
    return splice(src, t.start, t.end, new), f"rename {t.text!r} -> {new!r} at line {t.line}"


def m_change_type(rng, src, toks):
    declared = set(re.findall(r"\btype\s+([A-Za-z_]\w*)", src))
    names = set(BASIC_TYPES) | declared
    cands = [t for t in significant(toks) if t.kind == "ident" and t.text in names]
    if not cands:
        return None
    t = rng.choice(cands)
    pool = sorted(names - {t.text})
    extra = ["[]" + t.text, "*" + t.text, "map[string]" + t.text, "[2]" + t.text,
             "chan " + t.text, "func() " + t.text, "interface{}", "struct{}"]
    new = rng.choice(pool + extra[: rng.randint(0, len(extra))])
    return splice(src, t.start, t.end, new), f"type {t.text!r} -> {new!r} at line {t.line}"


def split_top_commas(text):
    """Splits an expression list at commas outside brackets."""
    parts, depth, cur = [], 0, ""
    for tok in TOKEN_RE.finditer(text):
        s = tok.group()
        if s in "([{":
            depth += 1
        elif s in ")]}":
            depth -= 1
        if s == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += s
    parts.append(cur)
    return parts


def m_return_values(rng, src, toks):
    lines = lines_of(src)
    rets = [i for i, l in enumerate(lines) if re.match(r"\s*return\b", l)]
    if not rets:
        return None
    i = rng.choice(rets)
    m = re.match(r"(\s*return)(.*)$", lines[i])
    head, rest = m.group(1), m.group(2)
    comment = ""
    if "//" in rest:
        rest, comment = rest.split("//", 1)
        comment = " //" + comment
    parts = [p.strip() for p in split_top_commas(rest.strip())] if rest.strip() else []
    r = rng.random()
    if parts and r < 0.5:
        del parts[rng.randrange(len(parts))]
        what = "drop a return value"
    elif parts and r < 0.65:
        parts = []
        what = "drop all return values"
    elif len(parts) > 1 and r < 0.8:
        a, b = rng.sample(range(len(parts)), 2)
        parts[a], parts[b] = parts[b], parts[a]
        what = "swap return values"
    else:
        parts.append(rng.choice(["nil", "0", '""', "1", "err", "false"]))
        what = "add a return value"
    lines[i] = head + (" " + ", ".join(parts) if parts else "") + comment
    return "\n".join(lines), f"{what} at line {i + 1}"


def func_body_lines(lines):
    """Lines that open a block inside a function (a rough guess)."""
    out = []
    in_func = False
    for i, l in enumerate(lines):
        if l.startswith("func "):
            in_func = True
        elif l.startswith("}"):
            in_func = False
        if in_func and l.rstrip().endswith("{") and not l.rstrip().endswith("struct {") \
                and not l.rstrip().endswith("interface {") and "= " not in l[-4:]:
            out.append(i)
    return out


def m_add_statement(rng, src, toks):
    lines = lines_of(src)
    opens = func_body_lines(lines)
    if not opens:
        return None
    i = rng.choice(opens)
    indent = re.match(r"\s*", lines[i]).group() + "\t"
    plain, _ = idents(toks)
    near = [t.text for t in plain if abs(t.line - (i + 1)) < 10] or ["x"]
    v = rng.choice(near)
    stmt = rng.choice([
        "var unused%d int" % rng.randint(0, 9),
        "unused%d := 0" % rng.randint(0, 9),
        "unused, unused2 := 1, 2",
        f"{v} := {v}",
        f"_ = {v}",
        f"{v} = {v}",
        f"{v}()",
        f"{v}",
        f"var {v} int",
        f"var _ = &{v}",
        f"_ = *{v}",
        f"_ = {v}[0]",
        f"_ = {v}.x",
        f"{v}++",
        f"defer {v}",
        f"go {v}()",
        f"for range {v} {{}}",
        f"_ = len({v})",
        f"if {v} {{}}",
        f"switch {v} {{ case 1: }}",
        f"_ = {v}.({v})",
        "return",
        "return nil",
        "break",
        "continue",
        "L: for {}",
        "goto L",
        "const c = 1 << 100",
        "type T2 struct{}",
        "import \"fmt\"",
    ])
    lines.insert(i + 1, indent + stmt)
    return "\n".join(lines), f"insert {stmt!r} after line {i + 1}"


def m_star_amp(rng, src, toks):
    sig = significant(toks)
    r = rng.random()
    if r < 0.4:
        cands = [t for t in sig if t.text in ("*", "&")]
        if not cands:
            return None
        t = rng.choice(cands)
        return splice(src, t.start, t.end, ""), f"remove {t.text!r} at line {t.line}"
    cands = [t for t in sig if t.kind == "ident"]
    if not cands:
        return None
    t = rng.choice(cands)
    op = rng.choice(["*", "&", "-", "!", "^", "<-", "[]", "..."])
    return splice(src, t.start, t.start, op), f"insert {op!r} before {t.text!r} at line {t.line}"


def m_call(rng, src, toks):
    sig = significant(toks)
    if rng.random() < 0.5:
        cands = [k for k in range(len(sig) - 2)
                 if sig[k].kind == "ident" and sig[k + 1].text == "(" and sig[k + 2].text == ")"]
        if not cands:
            return None
        k = rng.choice(cands)
        return (splice(src, sig[k + 1].start, sig[k + 2].end, ""),
                f"remove call parentheses after {sig[k].text!r} at line {sig[k].line}")
    cands = [t for t in sig if t.kind == "ident"]
    t = rng.choice(cands)
    args = rng.choice(["()", "()", "(1)", "(nil)", '("")', "(x, y)"])
    return splice(src, t.end, t.end, args), f"call {t.text!r}{args} at line {t.line}"


def m_call_args(rng, src, toks):
    """Drops, duplicates or adds an argument of a call."""
    sig = significant(toks)
    cands = [k for k in range(1, len(sig) - 1)
             if sig[k].text == "(" and sig[k - 1].kind == "ident" and sig[k + 1].text != ")"]
    if not cands:
        return None
    k = rng.choice(cands)
    depth, j = 0, k
    while j < len(sig):
        if sig[j].text in "([{":
            depth += 1
        elif sig[j].text in ")]}":
            depth -= 1
            if depth == 0:
                break
        j += 1
    if j >= len(sig):
        return None
    inner = src[sig[k].end:sig[j].start]
    parts = split_top_commas(inner)
    r = rng.random()
    if r < 0.4 and parts:
        del parts[rng.randrange(len(parts))]
        what = "drop an argument"
    elif r < 0.6:
        parts.append(rng.choice(parts))
        what = "duplicate an argument"
    elif r < 0.8 and len(parts) > 1:
        a, b = rng.sample(range(len(parts)), 2)
        parts[a], parts[b] = parts[b], parts[a]
        what = "swap arguments"
    else:
        parts.append(rng.choice([" 1", " nil", ' "s"', " x...", " 1.5"]))
        what = "add an argument"
    new_inner = ",".join(parts)
    return (splice(src, sig[k].end, sig[j].start, new_inner),
            f"{what} of {sig[k - 1].text!r} at line {sig[k].line}")


def m_insert_token(rng, src, toks):
    sig = significant(toks)
    t = rng.choice(sig)
    new = rng.choice(INSERTIONS)
    pos = t.start if rng.random() < 0.5 else t.end
    return splice(src, pos, pos, " " + new + " "), f"insert {new!r} near {t.text!r} at line {t.line}"


KEYWORD_SWAPS = {
    "var": ["const", "type", ""], "const": ["var"], "for": ["if", "switch", "go"],
    "if": ["for", "switch"], "break": ["continue", "fallthrough", "return"],
    "continue": ["break", "goto"], "range": [""], "func": ["go", "defer", ""],
    "return": ["break", "panic", "defer"], "defer": ["go", ""], "go": ["defer", ""],
    "case": ["default"], "default": ["case 1"], "struct": ["interface"],
    "interface": ["struct"], "chan": ["map"], "map": ["chan"], "else": ["", "if"],
    "switch": ["select", "for"], "select": ["switch"], "type": ["var"],
}


def m_change_keyword(rng, src, toks):
    cands = [t for t in significant(toks) if t.kind == "keyword" and t.text in KEYWORD_SWAPS]
    if not cands:
        return None
    t = rng.choice(cands)
    new = rng.choice(KEYWORD_SWAPS[t.text])
    return splice(src, t.start, t.end, new), f"keyword {t.text!r} -> {new!r} at line {t.line}"


def m_decl_swap(rng, src, toks):
    """Turns `:=` into `=` (undeclared) or `=` into `:=` (redeclaration, unused)."""
    sig = significant(toks)
    cands = [t for t in sig if t.text in (":=", "=")]
    if not cands:
        return None
    t = rng.choice(cands)
    new = "=" if t.text == ":=" else ":="
    return splice(src, t.start, t.end, new), f"{t.text!r} -> {new!r} at line {t.line}"


def m_dup_decl(rng, src, toks):
    """Duplicates a whole top-level declaration (redeclaration errors)."""
    lines = lines_of(src)
    starts = [i for i, l in enumerate(lines) if re.match(r"(func|type|var|const) ", l)]
    if not starts:
        return None
    i = rng.choice(starts)
    j = i
    if lines[i].rstrip().endswith(("{", "(")):
        while j + 1 < len(lines) and not re.match(r"[})]", lines[j]):
            j += 1
    block = lines[i:j + 1]
    lines[j + 1:j + 1] = [""] + block
    return "\n".join(lines), f"duplicate declaration at line {i + 1}"


def m_receiver(rng, src, toks):
    """Flips a method receiver between T and *T, or drops the receiver."""
    ms = list(re.finditer(r"(?m)^func \((\w+ )?(\*?)(\w+)\)", src))
    if not ms:
        return None
    m = rng.choice(ms)
    r = rng.random()
    if r < 0.6:
        new = m.group(0).replace("(" + (m.group(1) or "") + m.group(2),
                                 "(" + (m.group(1) or "") + ("" if m.group(2) else "*"), 1)
        what = "flip receiver"
    elif r < 0.8:
        new = "func "
        what = "drop receiver"
    else:
        new = "func (" + (m.group(1) or "") + rng.choice(["**", "[]", "int", "*int"]) + ")"
        what = "bad receiver"
        new = new if "int" in new else new[:-1] + m.group(3) + ")"
    line = src.count("\n", 0, m.start()) + 1
    return splice(src, m.start(), m.end(), new), f"{what} at line {line}"


def m_wrap_expr(rng, src, toks):
    """Wraps an identifier in a conversion, assertion, index, call, etc."""
    sig = significant(toks)
    cands = [k for k in range(1, len(sig) - 1)
             if sig[k].kind == "ident" and sig[k - 1].text != "."
             and sig[k + 1].text in (")", ",", "]", "}", ";", "+", "-", "==", "!=", "<", ">")]
    if not cands:
        return None
    t = sig[rng.choice(cands)]
    form = rng.choice(["int(%s)", "string(%s)", "float64(%s)", "[]byte(%s)", "%s.(int)",
                       "%s.(error)", "len(%s)", "cap(%s)", "%s[0]", "%s[1:]", "%s.x", "%s()",
                       "<-%s", "-%s", "!%s", "^%s", "(%s)", "%s == nil", "new(%s)",
                       "append(%s)", "[]int{%s}", "map[int]int{0: %s}", "func() { _ = %s }",
                       "interface{}(%s)", "uint8(%s)", "rune(%s)", "any(%s)"])
    new = form % t.text
    return splice(src, t.start, t.end, new), f"wrap {t.text!r} as {new!r} at line {t.line}"


def m_delete_return(rng, src, toks):
    """Deletes a return statement (missing return) or a whole if/for line."""
    lines = lines_of(src)
    cands = [i for i, l in enumerate(lines) if re.match(r"\s*(return|break|continue|panic\()", l)]
    if not cands:
        return None
    i = rng.choice(cands)
    del lines[i]
    return "\n".join(lines), f"delete statement at line {i + 1}"


MUTATIONS = [
    (m_delete_token, 8),
    (m_swap_tokens, 5),
    (m_dup_line, 4),
    (m_del_line, 6),
    (m_move_line, 3),
    (m_change_op, 8),
    (m_change_literal, 8),
    (m_rename_ident, 12),
    (m_change_type, 8),
    (m_return_values, 5),
    (m_add_statement, 8),
    (m_star_amp, 6),
    (m_call, 5),
    (m_call_args, 6),
    (m_insert_token, 4),
    (m_change_keyword, 4),
    (m_decl_swap, 5),
    (m_dup_decl, 2),
    (m_receiver, 2),
    (m_wrap_expr, 8),
    (m_delete_return, 3),
]


def mutate(rng, src, max_mutations):
    n = 1 if rng.random() < 0.75 else rng.randint(2, max(2, max_mutations))
    descs = []
    funcs = [f for f, _ in MUTATIONS]
    weights = [w for _, w in MUTATIONS]
    tries = 0
    while len(descs) < n and tries < 50:
        tries += 1
        f = rng.choices(funcs, weights)[0]
        toks = tokenize(src)
        if not significant(toks):
            break
        res = f(rng, src, toks)
        if res is None or res[0] == src:
            continue
        src = res[0]
        descs.append(f.__name__[2:] + ": " + res[1])
    return src, descs


# ---------------------------------------------------------------------------
# Running the two front ends

POS_RE = re.compile(r"^(?:\./)?[^:\s]+\.(?:go|gol):(\d+):(\d+): (.*)$")
SANITIZER_RE = re.compile(r"AddressSanitizer|UndefinedBehaviorSanitizer|runtime error:|LeakSanitizer")
MAIN_RE = re.compile(r"(?m)^func\s+main\s*\(")


def parse_errors(text):
    """Error lines as (line, col, message); a line without a position is 0:0."""
    errs = []
    for raw in text.splitlines():
        if not raw or raw.startswith("\t") or raw.startswith("#"):
            continue
        m = POS_RE.match(raw)
        if m:
            errs.append((int(m.group(1)), int(m.group(2)), m.group(3)))
        elif raw.startswith("vet: "):
            m = POS_RE.match(raw[5:])
            if m:
                errs.append((int(m.group(1)), int(m.group(2)), m.group(3)))
        else:
            errs.append((0, 0, raw))
    return errs


def run_gol(gol, path, timeout):
    start = time.monotonic()
    try:
        p = subprocess.run([gol, "check", os.path.basename(path)], cwd=os.path.dirname(path),
                           capture_output=True, timeout=timeout, start_new_session=True,
                           env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0:abort_on_error=0",
                                    UBSAN_OPTIONS="print_stacktrace=1"))
    except subprocess.TimeoutExpired as e:
        return {"hang": True, "rc": None, "out": (e.stdout or b"").decode(errors="replace"),
                "err": (e.stderr or b"").decode(errors="replace"),
                "time": time.monotonic() - start}
    return {"hang": False, "rc": p.returncode, "out": p.stdout.decode(errors="replace"),
            "err": p.stderr.decode(errors="replace"), "time": time.monotonic() - start}


def go_env(cache):
    return dict(os.environ, GO111MODULE="off", GOFLAGS="", GOTOOLCHAIN="local",
                GOTELEMETRY="off", GOCACHE=cache)


def run_go(path, src, env, timeout):
    obj = path[:-3] + ".o"
    try:
        p = subprocess.run(["go", "tool", "compile", "-p", "main", "-complete", "-o", obj,
                            os.path.basename(path)],
                           cwd=os.path.dirname(path), capture_output=True, timeout=timeout,
                           env=env)
    except subprocess.TimeoutExpired:
        return {"rc": None, "errors": [(0, 0, "go timed out")], "text": "go timed out"}
    finally:
        if os.path.exists(obj):
            os.unlink(obj)
    text = p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace")
    errors = parse_errors(text)
    if p.returncode == 0 and not MAIN_RE.search(src):
        errors = [(0, 0, "function main is undeclared in the main package")]
        text = errors[0][2] + "\n"
    # Go's compiler prints "too many errors" as a last positionless line.
    errors = [e for e in errors if e[2] != "too many errors"]
    rejected = p.returncode != 0 or bool(errors)
    return {"rc": p.returncode, "errors": errors, "text": text, "rejected": rejected}


# Known differences between Go 1.19 and current Go (which gol follows), as
# (regexp on Go 1.19's first error, what it means). They are classified as
# `go119`, not as gol bugs. Each was checked against golang/go's current
# sources; see tests/check/README.md.
GO119_FIRST = [
    # Range over int and min/max/clear arrived in Go 1.21-1.22.
    # (Go 1.19 names the operand's type; a named type that is not a float,
    # complex, string or bool name is taken for an integer type: a guess.)
    (re.compile(r"cannot range over .*\((untyped (int|rune) constant|"
                r"constant .* of type (?!float|complex|string|bool)\w+|"
                r"(variable|value|comma, ok expression) of type (?!float|complex|string|bool)\w+)\)$"),
     "range over int"),
    (re.compile(r"undefined: (min|max|clear)$"), "min/max/clear builtins"),
    # Go 1.19's compiler crashes on some valid shifts by untyped runes.
    (re.compile(r"internal compiler error"), "Go 1.19 internal compiler error"),
    # The parser reported this in Go 1.19; current Go reports it in the type
    # checker, which does not run when there are syntax errors.
    (re.compile(r"expression in (defer|go) must be function call"), "defer/go check moved to types2"),
]

# Same line, other column: current Go reports these at another token.
GO119_SAME_LINE = [
    (re.compile(r"invalid receiver type|cannot define new methods on non-local type|"
                r"receiver"), "receiver errors moved (Go 1.24)"),
    (re.compile(r"import path must be a string"), "import path error at the literal"),
]


def known_go119(go_errors, gol_errors, same_line):
    first = go_errors[0][2] if go_errors else ""
    for r, why in GO119_FIRST:
        if r.search(first):
            return why
    if same_line:
        for r, why in GO119_SAME_LINE:
            if r.search(first):
                return why
    return None


WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")
NOISE = {"invalid", "operation", "type", "value", "variable", "of", "as", "in", "the", "a",
         "declared", "and", "but", "not", "used", "untyped", "constant", "struct", "interface"}


def similar(m1, m2):
    """Whether two messages say the same thing in Go 1.19's and current Go's words."""
    w1 = set(WORD_RE.findall(m1)) - NOISE
    w2 = set(WORD_RE.findall(m2)) - NOISE
    if not w1 or not w2:
        return m1 == m2
    return len(w1 & w2) / len(w1 | w2) >= 0.5


def classify(src, gol_res, go_res):
    """Returns (category, detail)."""
    if gol_res["hang"]:
        return "hang", "gol check did not finish"
    rc = gol_res["rc"]
    if SANITIZER_RE.search(gol_res["err"]):
        return "crash", "sanitizer report"
    if rc not in (0, 1):
        how = f"signal {-rc} ({signal.Signals(-rc).name})" if rc < 0 else f"exit status {rc}"
        return "crash", how
    gol_errors = parse_errors(gol_res["err"])
    if rc == 0 and (gol_errors or gol_res["out"].strip()):
        return "protocol", "exit 0 with output"
    if rc == 1 and not gol_errors:
        return "protocol", "exit 1 without errors"
    go_errors = go_res["errors"]
    if rc == 0 and not go_res["rejected"]:
        return "agree", "both accept"
    if rc == 0:
        why = known_go119(go_errors, gol_errors, False)
        if why:
            return "go119", why
        return "accept", "gol accepts, Go rejects"
    if not go_res["rejected"]:
        return "accept", "gol rejects, Go accepts"
    gl, gc, gm = gol_errors[0]
    ol, oc, om = go_errors[0]
    if (gl, gc) == (ol, oc):
        return "agree", "same first error position"
    why = known_go119(go_errors, gol_errors, gl == ol)
    if why:
        return "go119", why
    go_positions = {(e[0], e[1]) for e in go_errors}
    if gl == ol and similar(gm, om):
        # Go 1.19 put many operand errors at the operator or '[' where
        # current Go uses the operand's start: usually not a gol bug.
        return "column", "same line and message, other column"
    if gl == ol:
        return "position", "same line, other column"
    if (gl, gc) in go_positions:
        return "position", "gol's first error is a later Go error"
    if (ol, oc) in {(e[0], e[1]) for e in gol_errors}:
        return "position", "gol reports an extra error first"
    return "position", "different first error"


# ---------------------------------------------------------------------------
# Driver

def default_inputs():
    files = []
    for folder in (os.path.join(ROOT, "tests", "check", "valid"), os.path.join(ROOT, "examples")):
        if os.path.isdir(folder):
            files += sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".gol"))
    return files


def skip_file(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.readline().startswith("// go1.22")


def report_text(item):
    src_name, descs, gol_res, go_res, cat, detail = item
    lines = [f"source: {src_name}", f"category: {cat} ({detail})", "mutations:"]
    lines += ["  " + d for d in descs]
    lines.append(f"gol (exit {gol_res['rc']}{', hang' if gol_res['hang'] else ''}):")
    lines += ["  " + l for l in (gol_res["out"] + gol_res["err"]).splitlines()[:30]]
    lines.append(f"go (exit {go_res['rc']}):")
    lines += ["  " + l for l in go_res["text"].splitlines()[:30]]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help=".gol programs to mutate")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=500, help="number of mutants (default 500)")
    ap.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no limit)")
    ap.add_argument("--gol", default=os.path.join(ROOT, "build", "release", "cli", "gol"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10, help="seconds before gol counts as hung")
    ap.add_argument("--max-mutations", type=int, default=3,
                    help="a quarter of the mutants get 2..K mutations (default 3)")
    ap.add_argument("--out", default=None, help="folder for disagreeing mutants")
    ap.add_argument("--show", type=int, default=40, help="disagreements to print (default 40)")
    args = ap.parse_args()

    args.gol = os.path.abspath(args.gol)
    files = args.files or [f for f in default_inputs() if not skip_file(f)]
    if not files:
        sys.exit("mutate_compare: no input files")
    if not os.access(args.gol, os.X_OK):
        sys.exit(f"mutate_compare: {args.gol} is not executable (use --gol)")
    if shutil.which("go") is None:
        sys.exit("mutate_compare: go is not on PATH")
    sources = {}
    for f in files:
        with open(f, encoding="utf-8") as fh:
            sources[f] = fh.read()

    out = args.out or tempfile.mkdtemp(prefix="gol-mutants-")
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="gol-mutate-work-")
    env = go_env(os.path.join(tempfile.gettempdir(), "gol-corpus-go", "cache"))
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds if args.seconds > 0 else None

    def jobs():
        seen = set()
        n = 0
        attempts = 0
        while n < args.count and attempts < args.count * 20:
            attempts += 1
            name = rng.choice(files)
            mutant, descs = mutate(rng, sources[name], args.max_mutations)
            if not descs:
                continue
            h = hashlib.sha1(mutant.encode()).hexdigest()
            if h in seen:
                continue
            seen.add(h)
            n += 1
            yield n, name, mutant, descs

    def work_one(job):
        n, name, mutant, descs = job
        d = os.path.join(work, f"w{n % (args.jobs * 4)}_{n}")
        os.makedirs(d)
        try:
            gol_path = os.path.join(d, "m.gol")
            go_path = os.path.join(d, "m.go")
            with open(gol_path, "w", encoding="utf-8") as f:
                f.write(mutant)
            with open(go_path, "w", encoding="utf-8") as f:
                f.write(mutant)
            gol_res = run_gol(args.gol, gol_path, args.timeout)
            go_res = run_go(go_path, mutant, env, 60)
        finally:
            shutil.rmtree(d, ignore_errors=True)
        cat, detail = classify(mutant, gol_res, go_res)
        return n, name, mutant, descs, gol_res, go_res, cat, detail

    counts = {}
    per_mutation = {}
    saved = []
    done = 0
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        pending = set()
        it = jobs()
        exhausted = False
        while True:
            while not exhausted and len(pending) < args.jobs * 2:
                if deadline and time.monotonic() > deadline:
                    exhausted = True
                    break
                job = next(it, None)
                if job is None:
                    exhausted = True
                    break
                pending.add(pool.submit(work_one, job))
            if not pending:
                break
            finished, pending = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for fut in finished:
                n, name, mutant, descs, gol_res, go_res, cat, detail = fut.result()
                done += 1
                key = (cat, detail)
                counts[key] = counts.get(key, 0) + 1
                for d in descs:
                    op = d.split(":", 1)[0]
                    stat = per_mutation.setdefault(op, [0, 0])
                    stat[0] += 1
                    if cat not in ("agree", "go119", "column"):
                        stat[1] += 1
                interesting = cat not in ("agree", "go119")
                if interesting:
                    base = os.path.join(out, f"{cat}_{n:05d}")
                    with open(base + ".gol", "w", encoding="utf-8") as f:
                        f.write(mutant)
                    item = (os.path.relpath(name, ROOT), descs, gol_res, go_res, cat, detail)
                    with open(base + ".txt", "w", encoding="utf-8") as f:
                        f.write(report_text(item))
                    saved.append((base, item))
    shutil.rmtree(work, ignore_errors=True)

    elapsed = time.monotonic() - start
    print(f"mutants: {done} from {len(files)} files, seed {args.seed}, {elapsed:.0f} s")
    order = ["crash", "hang", "protocol", "accept", "position", "column", "go119", "agree"]
    for cat in order:
        for (c, detail), k in sorted(counts.items()):
            if c == cat:
                print(f"  {c:9} {k:6}  {100.0 * k / max(done, 1):5.1f}%  {detail}")
    print("disagreements by mutation (mutants, disagreeing):")
    for op, (k, bad) in sorted(per_mutation.items(), key=lambda kv: -kv[1][1]):
        print(f"  {op:16} {k:6} {bad:6}")
    rank = {c: i for i, c in enumerate(order)}
    saved.sort(key=lambda s: rank[s[1][4]])
    print(f"saved {len(saved)} disagreeing mutants in {out}")
    for base, item in saved[: args.show]:
        print("\n== " + base + ".gol")
        print(report_text(item), end="")
    bad = sum(k for (c, _), k in counts.items() if c in ("crash", "hang"))
    return 2 if bad else (1 if saved else 0)


if __name__ == "__main__":
    sys.exit(main())
