// The codebase's own measures (issue 17 item 5), read from the TypeScript syntax tree:
// type assertions (`x as T`, `<T>x`; `as const` is not one) in source outside tests, the
// `as unknown as` among them, and source files over 400 lines (tests included).
//
//   node scripts/code-measures.mjs            the totals and the worst files
//   node scripts/code-measures.mjs --list     every cast with its file and line
//   node scripts/code-measures.mjs apps/kiosk only files under a folder

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const MAX_LINES = 400;
export const MAX_CASTS = 60;

const root = fileURLToPath(new URL('..', import.meta.url));

/** Test code: test files, end-to-end folders and test support. */
export function isTestFile(path) {
  return (
    /\.test\.tsx?$/.test(path) ||
    /(^|\/)(e2e|test-support)\//.test(path) ||
    /(^|\/)test-fixtures\.ts$/.test(path)
  );
}

/** The type assertions in one source text: `as const` left out. */
export function castsIn(path, text) {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const visit = (node) => {
    const isAs = ts.isAsExpression(node);
    if (isAs || ts.isTypeAssertionExpression(node)) {
      const type = node.type.getText(file);
      if (type !== 'const') {
        const doubled =
          isAs &&
          ts.isAsExpression(node.expression) &&
          node.expression.type.getText(file) === 'unknown';
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push({ path, line: line + 1, type, doubled });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Every tracked TypeScript file, with its text. */
export function sourceFiles(under = '') {
  const out = execFileSync(
    'git',
    [
      'ls-files',
      '--cached',
      '--others',
      '--exclude-standard',
      '--',
      `${under}*.ts`,
      `${under}*.tsx`,
      `${under}**/*.ts`,
      `${under}**/*.tsx`,
    ],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const paths = [...new Set(out.split('\n').filter((p) => p && !p.endsWith('.d.ts')))];
  return paths.flatMap((path) => {
    try {
      return [{ path, text: readFileSync(`${root}/${path}`, 'utf8') }];
    } catch {
      return []; // deleted in the working tree
    }
  });
}

export function measure(under = '') {
  const files = sourceFiles(under);
  const casts = files.filter((f) => !isTestFile(f.path)).flatMap((f) => castsIn(f.path, f.text));
  const long = files
    .map((f) => ({
      path: f.path,
      lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0),
    }))
    .filter((f) => f.lines > MAX_LINES)
    .sort((a, b) => b.lines - a.lines);
  return { casts, doubled: casts.filter((c) => c.doubled), long };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const list = args.includes('--list');
  const under = args.find((a) => !a.startsWith('--')) ?? '';
  const { casts, doubled, long } = measure(under ? `${under.replace(/\/$/, '')}/` : '');
  if (list)
    for (const c of casts)
      console.log(`${c.path}:${c.line}  as ${c.type}${c.doubled ? '  (as unknown as)' : ''}`);
  const perFile = new Map();
  for (const c of casts) perFile.set(c.path, (perFile.get(c.path) ?? 0) + 1);
  console.log(
    `casts outside tests: ${casts.length} (goal ≤ ${MAX_CASTS}); as unknown as: ${doubled.length} (goal 0)`,
  );
  for (const [p, n] of [...perFile].sort((a, b) => b[1] - a[1]).slice(0, list ? 0 : 15))
    console.log(`  ${n}\t${p}`);
  console.log(`files over ${MAX_LINES} lines: ${long.length} (goal 0)`);
  for (const f of long) console.log(`  ${f.lines}\t${f.path}`);
}
