import { z } from 'zod';

// Free text typed on a device (names, notes, reasons, opinions, search strings) is shown to
// other people, printed and exported: control characters (NUL, escape, DEL, C1) and bidi
// controls (which make "abc\u202Eexe.pdf" read as "abcfdp.exe") have no place in it. A
// multi-line field keeps its newlines, nothing else; tabs and carriage returns go too.

const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F]/;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Why a text is refused, or null. */
export function textProblem(text: string, multiline = false): string | null {
  if ((multiline ? CONTROL : CONTROL_OR_NEWLINE).test(text))
    return multiline
      ? 'control characters are not allowed (newlines are)'
      : 'control characters (newlines, tabs, NUL…) are not allowed';
  if (BIDI.test(text))
    return 'text direction controls (U+202A–U+202E, U+2066–U+2069…) are not allowed';
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
