import type { Alert, RemedyGrant, RemedyKind, Snapshot } from '@onestop/shared';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { enAll, zhAll } from '../../i18n/resources';
import { alertSubject } from './alert-groups';

// A remedy waiting for the duty leader: the console's alert line says which remedy and how
// much, the limit it went past, and, once the approval sweep has reminded (half the timeout),
// when the grant lapses unless decided.

const words = i18next.createInstance();
void words.init({
  lng: 'zh',
  resources: { zh: { translation: zhAll }, en: { translation: enAll } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

const T = Date.UTC(2026, 10, 24, 2, 0); // 10:00 in Shanghai
const kind = { id: 'rk-1', nameZh: '减免违约金', nameEn: 'Waive late fee', unit: 'yuan' };
const grant = (over: Partial<RemedyGrant>) =>
  ({
    id: 'rg-1',
    remedyKindId: 'rk-1',
    amount: 65_000,
    state: 'pending',
    exceeded: null,
    approvalDueAt: T + 30 * 60_000,
    remindedAt: null,
    ...over,
  }) as RemedyGrant;
const hallWith = (g: RemedyGrant) =>
  ({
    config: { timeZone: 'Asia/Shanghai' } as Snapshot['config'],
    tickets: [],
    counters: [],
    staff: [],
    services: [],
    remedyGrants: [g],
    remedyKinds: [kind as RemedyKind],
  }) as Partial<Snapshot> as Snapshot;
const alert = { kind: 'grant_awaiting_approval', subjectId: 'rg-1', staffId: null } as Alert;

describe('a remedy awaiting approval on the console', () => {
  it.each([
    ['not yet reminded', grant({}), 'zh', '减免违约金 650.00 元'],
    [
      'reminded: when it lapses',
      grant({ remindedAt: T + 15 * 60_000 }),
      'zh',
      '已提醒,10:30 前未审批即失效',
    ],
    [
      'reminded, in English',
      grant({ remindedAt: T + 15 * 60_000 }),
      'en',
      'reminded; lapses at 10:30 unless decided',
    ],
    ['decided since: no reminder', grant({ remindedAt: T, state: 'approved' }), 'zh', null],
  ] as const)('%s', (_what, g, lang, said) => {
    const line = alertSubject(hallWith(g), alert, lang, words.getFixedT(lang));
    if (said === null) expect(line).not.toContain('已提醒');
    else expect(line).toContain(said);
  });
});
