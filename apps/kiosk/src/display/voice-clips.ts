// The recorded voice's wording (docs/recorded-voice.md): a call said as a list of recorded
// clips, from the hall's wording. Pure, so the composition is tested. Either every word of the
// call has its clip, or the call is not made of clips at all (the display says it with speech
// synthesis): never half recorded, half synthesized.

/** One clip of the set: its name (the file's, `hao-chuang-kou`) and what it says (号窗口). */
export interface ClipEntry {
  name: string;
  text: string;
}

export type CallClips =
  | { ok: true; clips: string[] }
  /** What has no clip: a word of the wording, a ticket's character, a counter number. */
  | { ok: false; missing: string[] };

const DIGIT_TEXT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const TEN_TEXT = '十';

/** Punctuation and spaces in the wording are not said (a clip's own silence is the pause). */
const UNSAID = /[\s,.!?;:、,。!?;:·'"“”‘’()()【】《》\-—–…]/u;

/** text → clip name, the longest texts first (号窗口 before 号). */
function phrasebook(clips: readonly ClipEntry[]): [string, string][] {
  const byText = new Map<string, string>();
  for (const c of clips) if (!byText.has(c.text)) byText.set(c.text, c.name);
  return [...byText].sort((a, b) => [...b[0]].length - [...a[0]].length);
}

/** The wording between placeholders, said with the longest clips that fit, left to right. */
function wordsOf(text: string, book: [string, string][], missing: string[]): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const first = [...rest][0]!;
    if (UNSAID.test(first)) {
      rest = rest.slice(first.length);
      continue;
    }
    const hit = book.find(([t]) => rest.startsWith(t));
    if (hit) {
      out.push(hit[1]);
      rest = rest.slice(hit[0].length);
    } else {
      missing.push(first);
      rest = rest.slice(first.length);
    }
  }
  return out;
}

/** A clip that says `text`, or the name noted as missing. */
function clipFor(text: string, book: Map<string, string>, missing: string[], what: string) {
  const name = book.get(text);
  if (name === undefined) missing.push(what);
  return name ?? '';
}

/** `A023` → A 零 二 三: the letter as a letter, each digit on its own (as speech.ts reads it). */
function ticketClips(number: string, book: Map<string, string>, missing: string[]): string[] {
  return [...number].map((c) =>
    /\d/.test(c)
      ? clipFor(DIGIT_TEXT[Number(c)]!, book, missing, c)
      : clipFor(c.toUpperCase(), book, missing, c),
  );
}

/** Counter numbers as a number, from 一…九 and 十: 3 → 三, 12 → 十 二, 20 → 二 十, 45 → 四 十 五. */
export function counterTexts(n: number): string[] | null {
  if (!Number.isInteger(n) || n < 0 || n > 99) return null;
  if (n < 10) return [DIGIT_TEXT[n]!];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return [
    ...(tens === 1 ? [] : [DIGIT_TEXT[tens]!]),
    TEN_TEXT,
    ...(ones === 0 ? [] : [DIGIT_TEXT[ones]!]),
  ];
}

function counterClips(n: number, book: Map<string, string>, missing: string[]): string[] {
  const texts = counterTexts(n);
  if (!texts) {
    missing.push(`counter ${n}`);
    return [];
  }
  return texts.map((t) => clipFor(t, book, missing, t));
}

/**
 * The hall's wording (`请{number}号到{counter}号窗口办理`) for ticket `number` at counter
 * `counter`, as the clips of `clips` to play one after another; or what has no clip.
 */
export function callClips(
  template: string,
  number: string,
  counter: number,
  clips: readonly ClipEntry[],
): CallClips {
  const book = phrasebook(clips);
  const exact = new Map(book);
  const missing: string[] = [];
  const out: string[] = [];
  for (const part of template.split(/(\{number\}|\{counter\})/)) {
    if (part === '{number}') out.push(...ticketClips(number, exact, missing));
    else if (part === '{counter}') out.push(...counterClips(counter, exact, missing));
    else out.push(...wordsOf(part, book, missing));
  }
  return missing.length > 0
    ? { ok: false, missing: [...new Set(missing)] }
    : { ok: true, clips: out };
}

/**
 * Every clip a hall's calls may need, to load before the first call: the wording's words, the
 * digits and 十, and the letters of its services' prefixes. Clips it has no entry for are left
 * out (a call that needs one falls back to speech).
 */
export function clipsNeeded(
  template: string,
  prefixes: readonly string[],
  clips: readonly ClipEntry[],
): string[] {
  const book = phrasebook(clips);
  const exact = new Map(book);
  const names = new Set<string>();
  const missing: string[] = [];
  for (const part of template.split(/\{number\}|\{counter\}/))
    wordsOf(part, book, missing).forEach((n) => names.add(n));
  for (const text of [...DIGIT_TEXT, TEN_TEXT, ...prefixes.join('').toUpperCase()]) {
    const name = exact.get(text);
    if (name !== undefined) names.add(name);
  }
  return [...names];
}
