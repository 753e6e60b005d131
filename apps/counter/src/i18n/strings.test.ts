import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlertKind,
  CaseOutcome,
  CaseState,
  CounterState,
  errorCodes,
  EvaluationReason,
  EvaluationScore,
  HandoverItemKind,
  HandoverState,
  OpinionCategory,
  OpinionState,
  PauseReason,
  TaskState,
  TicketOutcome,
  TicketPriority,
  TicketState,
} from '@onestop/shared';
import { overrideActionKeys } from '../posts/work/workstation/override-notices';
import { workActions } from '../posts/work/workstation/shortcuts';
import { describe, expect, it } from 'vitest';
import { enAll as en, zhAll as zh } from './resources';

// Every string on screen is translated: each literal key the code uses exists in both
// languages, each error code has its zh and en message, and no string is left empty.

const srcDir = new URL('..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function lookup(strings: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], strings);
}

function leaves(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`),
  );
}

describe('translations', () => {
  const used = new Set(
    sourceFiles(srcDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z_.]+)'/g)].map((m) => m[1]!),
    ),
  );

  it('finds the keys the screens use', () => {
    expect(used.size).toBeGreaterThan(100);
  });

  it.each([...used].sort())('%s is in zh and en', (key) => {
    expect(typeof lookup(zh, key)).toBe('string');
    expect(typeof lookup(en, key)).toBe('string');
  });

  it.each([
    ['ticketState', TicketState.options],
    ['priority', TicketPriority.options],
    ['outcome', TicketOutcome.options],
    ['pause', PauseReason.options],
    ['counter', CounterState.options],
    ['score', EvaluationScore.options],
    ['reason', EvaluationReason.options],
    ['caseState', CaseState.options],
    ['caseOutcome', CaseOutcome.options],
    ['taskState', TaskState.options],
    ['handoverItem', HandoverItemKind.options],
    ['handoverState', HandoverState.options],
    ['opinionCategory', OpinionCategory.options],
    ['opinionState', OpinionState.options],
    ['alertKind', AlertKind.options],
    ['followUpSource', ['dissatisfied', 'duty_leader']],
    ['action', workActions],
    ['overrideNotice.action', [...overrideActionKeys, 'other']],
    [
      'path',
      [
        'issued',
        'called',
        'recalled',
        'started',
        'parked',
        'resumed',
        'transferred',
        'returned',
        'finished',
        'noShow',
        'cancelled',
        'reinstated',
        'moved',
      ],
    ],
    ['link', ['connecting', 'syncing', 'offline', 'refused']],
    ['due', ['overdue', 'due_today']],
  ] as [string, readonly string[]][])('names every value of %s', (group, values) => {
    for (const v of values)
      expect(typeof lookup(zh, `${group}.${v}`), `${group}.${v}`).toBe('string');
  });

  it('has a zh and an en message for every error code', () => {
    for (const code of errorCodes) {
      expect(zh.errors[code]).toMatch(/\S/);
      expect(en.errors[code]).toMatch(/\S/);
    }
  });

  it('has the same keys in zh and en', () => {
    expect(leaves(en).sort()).toEqual(leaves(zh).sort());
  });

  it('leaves no string empty and keeps the same placeholders in both languages', () => {
    for (const key of leaves(zh)) {
      const z = lookup(zh, key) as string;
      const e = lookup(en, key) as string;
      expect(z, key).toMatch(/\S/);
      expect(e, key).toMatch(/\S/);
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(e), key).toEqual(vars(z));
    }
  });
});
