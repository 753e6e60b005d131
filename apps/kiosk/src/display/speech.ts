import { DEFAULT_ANNOUNCE_EN, DEFAULT_ANNOUNCE_ZH, type HallConfig } from '@onestop/shared';

// What the hall display says when a ticket is called. Pure, so the wording is tested.

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** `A023` → `A零二三`: the letter, then each digit on its own, as halls announce numbers. */
export function readTicketZh(number: string): string {
  return [...number].map((c) => (/\d/.test(c) ? ZH_DIGITS[Number(c)] : c)).join('');
}

/** `A023` → `A 0 2 3`. */
export function readTicketEn(number: string): string {
  return [...number].join(' ');
}

/** Counter numbers are read as a number: 3 → 三, 12 → 十二, 20 → 二十. */
export function counterZh(n: number): string {
  if (n < 10) return ZH_DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : ZH_DIGITS[n % 10]}`;
  if (n < 100) return `${ZH_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : ZH_DIGITS[n % 10]}`;
  return String(n);
}

export interface CallWording {
  zh: string;
  en: string;
}

/** The hall's wording, `{number}` and `{counter}` as placeholders. */
export type CallTemplates = Pick<HallConfig, 'announceZh' | 'announceEn'>;

const defaultTemplates: CallTemplates = {
  announceZh: DEFAULT_ANNOUNCE_ZH,
  announceEn: DEFAULT_ANNOUNCE_EN,
};

const fill = (template: string, number: string, counter: string) =>
  template.replaceAll('{number}', number).replaceAll('{counter}', counter);

/**
 * "请 A023 号 到 3 号窗口办理", read out as 请A零二三号到三号窗口办理: the hall's wording with the
 * ticket read digit by digit and the counter as a number.
 */
export function callWording(
  number: string,
  counterNumber: number,
  templates: CallTemplates = defaultTemplates,
): CallWording {
  return {
    zh: fill(templates.announceZh, readTicketZh(number), counterZh(counterNumber)),
    en: fill(templates.announceEn, readTicketEn(number), String(counterNumber)),
  };
}
