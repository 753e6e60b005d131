// A small pinyin input method for the kiosk's on-screen keyboard: a dictionary of words with
// their syllables, and the candidates for what has been typed. Typing is letters and an
// optional syllable separator (a space or '); a syllable may be cut short ("df" finds 电费),
// and a word may be chosen for the first part of the typing ("dianfeiyiwen": 电费, then 疑问).

export interface ImeEntry {
  text: string;
  /** Toneless syllables, ü written v: 电费 → ['dian', 'fei']. */
  syllables: readonly string[];
}

export interface Candidate {
  text: string;
  /** How many characters of the typing it stands for (separators included). */
  consumed: number;
}

/** The dictionary from words and a pinyin function (pinyin-pro in the app). */
export function buildDictionary(
  words: readonly string[],
  readings: (word: string) => string[][],
): ImeEntry[] {
  const out: ImeEntry[] = [];
  for (const text of words)
    for (const syllables of readings(text))
      if (syllables.length === [...text].length && syllables.every((s) => /^[a-z]+$/.test(s)))
        out.push({ text, syllables });
  return out;
}

const isSeparator = (c: string | undefined) => c === ' ' || c === "'";

interface Match {
  consumed: number;
  /** The typing ran out inside the word (a word offered while it is still being typed). */
  partial: boolean;
  /** Syllables given only in part. */
  shortened: number;
}

const better = (a: Match, b: Match | null) =>
  !b ||
  (a.partial !== b.partial
    ? !a.partial
    : a.consumed !== b.consumed
      ? a.consumed > b.consumed
      : a.shortened < b.shortened);

/** The best way the entry's syllables spell the start of the typing, if they do. */
function match(syllables: readonly string[], typed: string): Match | null {
  let best: Match | null = null;
  const walk = (i: number, pos: number, shortened: number, lastShort: boolean) => {
    while (isSeparator(typed[pos])) pos++;
    if (i === syllables.length) {
      // Typing left over after a shortened syllable: the cut was in the middle of a syllable.
      if (lastShort && pos < typed.length) return;
      const m = { consumed: pos, partial: false, shortened };
      if (better(m, best)) best = m;
      return;
    }
    if (pos >= typed.length) {
      if (i === 0) return;
      const m = { consumed: pos, partial: true, shortened };
      if (better(m, best)) best = m;
      return;
    }
    const syllable = syllables[i]!;
    for (let k = Math.min(syllable.length, typed.length - pos); k >= 1; k--) {
      if (typed.slice(pos, pos + k) !== syllable.slice(0, k)) continue;
      const short = k < syllable.length;
      walk(i + 1, pos + k, shortened + (short ? 1 : 0), short);
    }
  };
  walk(0, 0, 0, false);
  return best;
}

/**
 * The candidates for the typing, best first: words that spell the most of it in full, then
 * words still being typed; among equals, the dictionary's order. At most `limit`.
 */
export function candidates(
  dictionary: readonly ImeEntry[],
  typed: string,
  limit = 40,
): Candidate[] {
  const input = typed.toLowerCase();
  if (!/[a-z]/.test(input)) return [];
  const found: { entry: ImeEntry; m: Match; order: number }[] = [];
  dictionary.forEach((entry, order) => {
    const m = match(entry.syllables, input);
    if (m) found.push({ entry, m, order });
  });
  found.sort(
    (a, b) =>
      Number(a.m.partial) - Number(b.m.partial) ||
      b.m.consumed - a.m.consumed ||
      a.m.shortened - b.m.shortened ||
      a.order - b.order,
  );
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const { entry, m } of found) {
    if (seen.has(entry.text)) continue;
    seen.add(entry.text);
    out.push({ text: entry.text, consumed: m.partial ? input.length : m.consumed });
    if (out.length === limit) break;
  }
  return out;
}
