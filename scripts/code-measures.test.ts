import { describe, expect, it } from 'vitest';
import { MAX_CASTS, MAX_LINES, castsIn, isTestFile, measure } from './code-measures.mjs';

// Issue 17 item 5's measures hold on the whole tree: a cast added or a file grown past the
// limit fails here, with the file and line named.

describe('what counts as a cast', () => {
  it.each([
    ['const a = b as string;', ['string']],
    ['const a = <number>b;', ['number']],
    ['const a = [1, 2] as const;', []],
    ['const a = b as unknown as Ticket;', ['Ticket', 'unknown']],
    ['const a = b satisfies Ticket;', []],
    ['// x as string in a comment', []],
    ["const a = 'b as string';", []],
  ])('%s', (source, types) => {
    expect(castsIn('x.ts', source).map((c) => c.type)).toEqual(types);
  });

  it('marks `as unknown as` as one doubled cast', () => {
    expect(castsIn('x.ts', 'const a = b as unknown as T;').filter((c) => c.doubled)).toHaveLength(
      1,
    );
  });

  it('reads JSX files', () => {
    expect(castsIn('x.tsx', 'const a = <div>{b as string}</div>;')).toHaveLength(1);
  });
});

describe('what counts as a test', () => {
  it.each([
    ['apps/hall-server/src/server.test.ts', true],
    ['apps/counter/src/posts/duty/e2e/console-leader.test.ts', true],
    ['apps/kiosk/src/e2e/helpers.ts', true],
    ['apps/kiosk/test-support/scene.ts', true],
    ['apps/hall-server/src/test-support/suite-hall.ts', true],
    ['apps/hall-server/src/domain/tickets.ts', false],
    ['scripts/bench/bench-hall.ts', false],
  ])('%s: %s', (path, test) => {
    expect(isTestFile(path)).toBe(test);
  });
});

describe('the tree', () => {
  const { casts, doubled, long } = measure();
  const where = (list: { path: string; line?: number }[]) =>
    list.map((c) => `${c.path}${c.line ? `:${c.line}` : ''}`);

  it(`has at most ${MAX_CASTS} casts outside tests`, () => {
    expect(casts.length, where(casts).join('\n')).toBeLessThanOrEqual(MAX_CASTS);
  });

  it('has no `as unknown as`', () => {
    expect(where(doubled)).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    expect(long.map((f) => `${f.path}: ${f.lines}`)).toEqual([]);
  });
});
