// Types of scripts/code-measures.mjs for the TypeScript that imports it (its test).

export const MAX_LINES: number;
export const MAX_CASTS: number;

export interface Cast {
  path: string;
  line: number;
  /** The asserted type's text: `string`, `Ticket`, `unknown` (the inner half of `as unknown as`). */
  type: string;
  /** The outer half of an `as unknown as`. */
  doubled: boolean;
}

export function isTestFile(path: string): boolean;
export function castsIn(path: string, text: string): Cast[];
export function sourceFiles(under?: string): { path: string; text: string }[];
export function measure(under?: string): {
  casts: Cast[];
  doubled: Cast[];
  long: { path: string; lines: number }[];
};
