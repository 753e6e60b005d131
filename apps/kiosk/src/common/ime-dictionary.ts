import { pinyin } from 'pinyin-pro';
import { imeEntries } from './ime-words';
import { buildDictionary, type ImeEntry } from './pinyin-ime';

// The supervision box's dictionary: the hall's words and common characters with their pinyin
// from pinyin-pro (a word's reading in context; every reading of a single character).

const opts = { toneType: 'none', type: 'array', v: true } as const;

export function readings(text: string): string[][] {
  if ([...text].length > 1) return [pinyin(text, opts)];
  return pinyin(text, { ...opts, multiple: true }).map((s) => [s]);
}

let built: ImeEntry[] | null = null;

/** Built once, on first use. */
export function imeDictionary(): ImeEntry[] {
  built ??= buildDictionary(imeEntries(), readings);
  return built;
}
