import { z } from 'zod';

// Free text typed on a device (names, notes, reasons, opinions, search strings) is shown to
// other people, printed and exported: control characters (NUL, escape, DEL, C1) and bidi
// controls (which make "abc\u202Eexe.pdf" read as "abcfdp.exe") have no place in it. A
// multi-line field keeps its newlines, nothing else; tabs and carriage returns go too.
// Invisible separators go as well: U+2028/U+2029 end a line in JavaScript and in some CSV
// readers, and a zero-width space, word joiner or byte-order mark inside a name makes
// "王\u200B小明" look like, yet differ from, "王小明". The zero-width joiner stays (emoji).

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE = /[\u200B\u2028\u2029\u2060\uFEFF]/;

/** C0 (newline allowed in a multi-line field), DEL and C1. */
function hasControl(text: string, multiline: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c <= 0x1f && !(multiline && c === 0x0a)) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** Why a text is refused, or null. */
export function textProblem(text: string, multiline = false): string | null {
  if (hasControl(text, multiline))
    return multiline
      ? 'control characters are not allowed (newlines are)'
      : 'control characters (newlines, tabs, NUL…) are not allowed';
  if (BIDI.test(text))
    return 'text direction controls (U+202A–U+202E, U+2066–U+2069…) are not allowed';
  if (INVISIBLE.test(text))
    return 'invisible separators (U+2028, U+2029, zero-width space, word joiner, BOM) are not allowed';
  return null;
}

/** A free-text field: trimmed, `min`–`max` characters, no control or bidi characters. */
export const Text = ({
  min = 0,
  max,
  multiline = false,
}: {
  min?: number;
  max: number;
  multiline?: boolean;
}) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .superRefine((text, ctx) => {
      const problem = textProblem(text, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
