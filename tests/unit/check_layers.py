#!/usr/bin/env python3
"""The layering of core/ as the build declares it, checked against the includes.

Every core/<layer>/CMakeLists.txt declares its layer with atalaya_layer(name ... DEPENDS ...
[PRIVATE ...]). A file in core/<layer>/ may include "core/<other>/..." only when <other> is
<layer> or one of the layers it declares, directly or through them; the declared layers must
form no cycle. core/CMakeLists.txt adds the layers bottom to top (each after the layers it
declares), and docs/ARCHITECTURE.md draws the same order (its picture of rows) and the same
edges (its table), so an include that the order, as the build and the docs list it, calls
upward fails here even though DEPENDS allows it. core/ includes nothing from ui/, app/, tests/ or bench/ and no QtWidgets
header; ui/ includes no QtSql header. The shared-library link check (ATALAYA_LAYER_LINK_CHECK)
catches calls against the direction; this catches includes, which a header-only use would
otherwise slip past.

Usage: check_layers.py --root SOURCE_DIR --qt-widgets DIR[|DIR...] --qt-sql DIR[|DIR...] [--graph]
       check_layers.py --self-test
The tree check runs the self-test first: a check that cannot fail proves nothing.
"""

import argparse
import os
import re
import sys
import tempfile

ADD_SUBDIRECTORY = re.compile(r'^\s*add_subdirectory\s*\(\s*([A-Za-z0-9_]+)\s*\)', re.MULTILINE)
DOC_TABLE_ROW = re.compile(r'^\|\s*`([a-z]+)`\s*\|([^|]*)\|', re.MULTILINE)
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
LAYER_CALL = re.compile(r'\batalaya_layer\s*\(', re.MULTILINE)
KEYWORDS = {'SOURCES', 'DEPENDS', 'PRIVATE'}
SOURCE_SUFFIXES = ('.h', '.hpp', '.cpp', '.cc')


def strip_cmake_comments(text):
    return '\n'.join(line.split('#', 1)[0] for line in text.splitlines())


def layer_declarations(core_dir):
    """{layer: set of layers it declares}, read from the atalaya_layer() calls."""
    declared = {}
    problems = []
    for folder in sorted(os.listdir(core_dir)):
        cmake = os.path.join(core_dir, folder, 'CMakeLists.txt')
        if not os.path.isfile(cmake):
            continue
        with open(cmake, encoding='utf-8') as f:
            text = strip_cmake_comments(f.read())
        calls = list(LAYER_CALL.finditer(text))
        if len(calls) != 1:
            problems.append(f'core/{folder}/CMakeLists.txt: expected one atalaya_layer() call, found {len(calls)}')
            continue
        end = text.index(')', calls[0].end())
        tokens = text[calls[0].end():end].split()
        if not tokens or tokens[0] != folder:
            problems.append(f'core/{folder}/CMakeLists.txt: the layer must be named after its folder ({folder})')
            continue
        deps = set()
        section = None
        for token in tokens[1:]:
            if token in KEYWORDS:
                section = token
            elif section in ('DEPENDS', 'PRIVATE') and token.startswith('atalaya_'):
                deps.add(token[len('atalaya_'):])
        declared[folder] = deps
    for layer, deps in declared.items():
        for dep in sorted(deps - declared.keys()):
            problems.append(f'core/{layer}/CMakeLists.txt: declares atalaya_{dep}, which is no layer')
    return declared, problems


def listed_order(core_dir, declared):
    """{layer: its position in core/CMakeLists.txt}, and what is wrong with the list."""
    problems = []
    with open(os.path.join(core_dir, 'CMakeLists.txt'), encoding='utf-8') as f:
        listed = ADD_SUBDIRECTORY.findall(strip_cmake_comments(f.read()))
    position = {}
    for index, layer in enumerate(listed):
        if layer in position:
            problems.append(f'core/CMakeLists.txt: adds {layer} twice')
        position.setdefault(layer, index)
    for layer in sorted(declared.keys() - position.keys()):
        problems.append(f'core/CMakeLists.txt: does not add the layer {layer}')
    for layer in sorted(declared):
        for dep in sorted(declared[layer]):
            if layer in position and dep in position and position[dep] > position[layer]:
                problems.append(f'core/CMakeLists.txt: adds {layer} before {dep}, which it declares '
                                f'(add the layers bottom to top)')
    return position, problems


def documented_layers(root, declared):
    """What is wrong with docs/ARCHITECTURE.md's picture (rows of layers, top to bottom, each
    using only rows below it) and table (each layer's DEPENDS) against the declarations."""
    path = os.path.join(root, 'docs', 'ARCHITECTURE.md')
    if not os.path.isfile(path):
        return ['docs/ARCHITECTURE.md: missing (it draws the layers)']
    with open(path, encoding='utf-8') as f:
        text = f.read()
    problems = []
    row_of = {}
    blocks = re.findall(r'^```\n(.*?)^```', text, re.MULTILINE | re.DOTALL)
    picture = [b for b in blocks if b.strip() and all(
        set(line.replace('·', ' ').split()) <= declared.keys() for line in b.splitlines() if line.strip())]
    if len(picture) != 1:
        problems.append('docs/ARCHITECTURE.md: expected one picture of the layers (rows of layer names)')
    else:
        rows = [line.replace('·', ' ').split() for line in picture[0].splitlines() if line.strip()]
        for height, row in enumerate(reversed(rows)):
            for layer in row:
                if layer in row_of:
                    problems.append(f'docs/ARCHITECTURE.md: the picture draws {layer} twice')
                row_of.setdefault(layer, height)
        for layer in sorted(declared.keys() - row_of.keys()):
            problems.append(f'docs/ARCHITECTURE.md: the picture lacks the layer {layer}')
        for layer in sorted(declared.keys() & row_of.keys()):
            for dep in sorted(declared[layer] & row_of.keys()):
                if row_of[dep] >= row_of[layer]:
                    problems.append(f'docs/ARCHITECTURE.md: the picture draws {dep} level with or above '
                                    f'{layer}, which declares it')
    documented = {}
    for layer, cell in DOC_TABLE_ROW.findall(text):
        if layer in declared:
            names = re.sub(r'\([^)]*\)', ' ', cell).replace(',', ' ').split()
            documented[layer] = {n for n in names if n in declared}
    for layer in sorted(declared):
        if layer not in documented:
            problems.append(f'docs/ARCHITECTURE.md: the table has no row for the layer {layer}')
        elif documented[layer] != declared[layer]:
            problems.append(f'docs/ARCHITECTURE.md: the table says {layer} DEPENDS on '
                            f'{" ".join(sorted(documented[layer])) or "no layer"}, its CMakeLists.txt '
                            f'{" ".join(sorted(declared[layer])) or "no layer"}')
    return problems


def closures(declared):
    """{layer: every layer below it}; a layer below itself is a cycle."""
    below = {}

    def visit(layer, path):
        if layer in below:
            return below[layer]
        if layer in path:
            return set()
        reach = set()
        for dep in declared.get(layer, ()):
            reach.add(dep)
            reach |= visit(dep, path | {layer})
        below[layer] = reach
        return reach

    for layer in declared:
        visit(layer, frozenset())
    return below


def source_files(top):
    for folder, _, files in os.walk(top):
        for name in sorted(files):
            if name.endswith(SOURCE_SUFFIXES):
                yield os.path.join(folder, name)


def includes(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    for m in INCLUDE.finditer(text):
        line = text.count('\n', 0, m.start()) + 1
        yield line, m.group(1) == '<', m.group(2)


def module_headers(dirs, module):
    """The header names a Qt module installs (QWidget, QSqlQuery, ...), from its own directory
    among the target's include directories (which also list those of its dependencies)."""
    names = set()
    for d in dirs:
        if os.path.basename(os.path.normpath(d)) == module and os.path.isdir(d):
            names.update(n for n in os.listdir(d) if not n.startswith('.'))
    return names


def check(root, widgets_dirs, sql_dirs):
    core_dir = os.path.join(root, 'core')
    declared, problems = layer_declarations(core_dir)
    below = closures(declared)
    for layer in sorted(declared):
        if layer in below[layer]:
            problems.append(f'core/{layer}: the declared layers form a cycle through {layer}')
    position, order_problems = listed_order(core_dir, declared)
    problems += order_problems
    problems += documented_layers(root, declared)

    widgets = module_headers(widgets_dirs, 'QtWidgets')
    sql = module_headers(sql_dirs, 'QtSql')
    if not widgets or not sql:
        problems.append('no QtWidgets or QtSql headers found in the directories given')

    def rel(path):
        return os.path.relpath(path, root)

    for path in source_files(core_dir):
        layer = os.path.relpath(path, core_dir).split(os.sep)[0]
        if layer not in declared:
            problems.append(f'{rel(path)}: core/{layer} declares no layer (atalaya_layer in its CMakeLists.txt)')
            continue
        for line, system, name in includes(path):
            where = f'{rel(path)}:{line}'
            if system:
                if name.startswith('QtWidgets/') or name in widgets:
                    problems.append(f'{where}: includes <{name}>, a QtWidgets header (core/ has no Widgets)')
                continue
            parts = name.split('/')
            if parts[0] in ('ui', 'app', 'tests', 'bench'):
                problems.append(f'{where}: includes "{name}" (core/ includes only core/)')
            elif parts[0] != 'core' or len(parts) < 3:
                problems.append(f'{where}: includes "{name}"; write core includes from the source root')
            elif parts[1] != layer and parts[1] not in below[layer]:
                allowed = ', '.join(sorted(below[layer])) or 'none'
                problems.append(f'{where}: includes "{name}", but {layer} does not depend on {parts[1]} '
                                f'(its layers: {allowed})')
            elif parts[1] != layer and position.get(parts[1], -1) > position.get(layer, -1):
                problems.append(f'{where}: includes "{name}", a layer core/CMakeLists.txt adds above {layer}')

    for path in source_files(os.path.join(root, 'ui')):
        for line, system, name in includes(path):
            if system and (name.startswith('QtSql') or name in sql):
                problems.append(f'{rel(path)}:{line}: includes <{name}>, a QtSql header (ui/ has no SQL)')
    return declared, below, problems


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


DOC_PICTURE = 'The picture:\n\n```\n{}\n```\n\n'
DOC_TABLE = ('| layer | DEPENDS | what |\n|---|---|---|\n| `low` | Qt Core (private) | the bottom |\n'
             '| `high` | low | the top |\n')


def self_test():
    """The check fails on each kind of violation and passes the same tree without it."""
    cases = {
        'back edge': ('core/low/Low.cpp', '#include "core/high/High.h"\n'),
        'cycle': ('core/low/CMakeLists.txt', 'atalaya_layer(low SOURCES Low.cpp DEPENDS atalaya_high)\n'),
        'undeclared layer': ('core/high/CMakeLists.txt', 'atalaya_layer(high SOURCES High.cpp DEPENDS atalaya_nil)\n'),
        'widgets in core': ('core/low/Low.cpp', '#include <QWidget>\n'),
        'sql in ui': ('ui/page/Page.cpp', '#include <QSqlQuery>\n'),
        'ui from core': ('core/high/High.cpp', '#include "ui/page/Page.h"\n'),
        'bare include': ('core/high/High.cpp', '#include "High.h"\n'),
        'listed against the order': ('core/CMakeLists.txt', 'add_subdirectory(high)\nadd_subdirectory(low)\n'),
        'layer not listed': ('core/CMakeLists.txt', 'add_subdirectory(low)\n'),
        'picture against the order': ('docs/ARCHITECTURE.md', DOC_PICTURE.format('low\nhigh') + DOC_TABLE),
        'picture lacks a layer': ('docs/ARCHITECTURE.md', DOC_PICTURE.format('low') + DOC_TABLE),
        'table against the edges': ('docs/ARCHITECTURE.md',
                                    DOC_PICTURE.format('high\nlow') + DOC_TABLE.replace('| low |', '| - |')),
    }
    base = {
        'core/CMakeLists.txt': '# bottom to top\nadd_subdirectory(low)\nadd_subdirectory(high)\n',
        'docs/ARCHITECTURE.md': DOC_PICTURE.format('high\nlow') + DOC_TABLE,
        'core/low/CMakeLists.txt': 'atalaya_layer(low SOURCES Low.cpp DEPENDS Qt6::Core)\n',
        'core/low/Low.cpp': '#include "core/low/Low.h"\n#include <QString>\n',
        'core/high/CMakeLists.txt': '# the layer above\natalaya_layer(high\n  SOURCES High.cpp\n  DEPENDS atalaya_low)\n',
        'core/high/High.cpp': '#include "core/low/Low.h"\n#include "core/high/High.h"\n',
        'ui/page/Page.cpp': '#include "core/high/High.h"\n#include <QWidget>\n',
        'qt/QtWidgets/QWidget': '',
        'qt/QtSql/QSqlQuery': '',
    }
    failures = []
    for label, change in [('clean tree', None)] + list(cases.items()):
        with tempfile.TemporaryDirectory() as root:
            files = dict(base)
            if change:
                files[change[0]] = change[1]
            for path, text in files.items():
                write(os.path.join(root, path), text)
            _, _, problems = check(root, [os.path.join(root, 'qt/QtWidgets')], [os.path.join(root, 'qt/QtSql')])
            if (change is None) != (not problems):
                failures.append(f'{label}: ' + ('; '.join(problems) if problems else 'not caught'))
    for f in failures:
        print(f'self-test: {f}')
    return not failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--root')
    parser.add_argument('--qt-widgets', default='')
    parser.add_argument('--qt-sql', default='')
    parser.add_argument('--self-test', action='store_true')
    parser.add_argument('--graph', action='store_true', help='print each layer and what it includes')
    args = parser.parse_args()
    if args.self_test:
        ok = self_test()
        print('self-test: every violation caught' if ok else 'self-test FAILED')
        return 0 if ok else 1
    if not args.root:
        parser.error('--root is required')
    if not self_test():
        print('self-test FAILED: the check would miss a violation')
        return 1
    split = lambda s: [d for d in s.split('|') if d]
    declared, below, problems = check(args.root, split(args.qt_widgets), split(args.qt_sql))
    if args.graph:
        core_dir = os.path.join(args.root, 'core')
        for layer in sorted(declared):
            used = set()
            for path in source_files(os.path.join(core_dir, layer)):
                used.update(name.split('/')[1] for _, system, name in includes(path)
                            if not system and name.startswith('core/') and name.count('/') >= 2)
            used.discard(layer)
            print(f'{layer:<11} declares {" ".join(sorted(declared[layer])) or "-":<40} '
                  f'includes {" ".join(sorted(used)) or "-"}')
    for p in problems:
        print(p)
    print(f'{len(declared)} layers, {len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
