// The caller's language: zh (the hall's own, and the default) or en. HTTP reads it from
// `Accept-Language`, a socket from its auth's `lang`. Whatever a caller sends, the answer is
// one of the two: a header too long, garbled or naming neither language means zh.

export const langs = ['zh', 'en'] as const;
export type Lang = (typeof langs)[number];
export const DEFAULT_LANG: Lang = 'zh';

/** Only the start of a header is read: a megabyte of garbage costs no more than a line. */
const MAX_HEADER_CHARS = 256;
const MAX_ENTRIES = 16;
const TAG = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** `zh`, `zh-CN`, `zh-Hant-TW` → zh; `en-GB` → en; anything else → null. */
export function langOfTag(tag: unknown): Lang | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split('-')[0];
  return primary === 'zh' || primary === 'en' ? primary : null;
}

/** A socket auth's `lang` (or any single tag): its language, zh when it names neither. */
export function langOf(value: unknown): Lang {
  return langOfTag(typeof value === 'string' ? value.slice(0, 35) : null) ?? DEFAULT_LANG;
}

/**
 * `Accept-Language` (RFC 9110 §12.5.4): the language of highest weight among zh and en, the
 * first listed on a tie; `*` stands for the default. An entry with a malformed tag or weight
 * is skipped, q=0 is "not this one"; nothing acceptable left → zh.
 */
export function negotiateLang(header: unknown): Lang {
  if (typeof header !== 'string' || header.length === 0) return DEFAULT_LANG;
  let best: { lang: Lang; q: number } | null = null;
  const entries = header.slice(0, MAX_HEADER_CHARS).split(',').slice(0, MAX_ENTRIES);
  for (const entry of entries) {
    const [rawTag = '', ...params] = entry.split(';').map((p) => p.trim().toLowerCase());
    if (!TAG.test(rawTag)) continue;
    let q = 1;
    if (params.length > 0) {
      const weight = params.length === 1 ? QUALITY.exec(params[0] ?? '') : null;
      if (!weight) continue;
      q = Number(weight[1]);
    }
    const lang = rawTag === '*' ? DEFAULT_LANG : langOfTag(rawTag);
    if (!lang || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}
