// Types of scripts/build-targets.mjs for the TypeScript that imports it (tests, benches).

export interface NodeTarget {
  kind: 'node';
  dir: string;
  /** Output name in dist/ → entry file relative to `dir`. */
  entries: Record<string, string>;
  /** Folder relative to `dir` → folder in dist/. */
  copy?: Record<string, string>;
  /** The file in dist/ whose mtime is when the build began. */
  stamp: string;
  sources: string[];
}

export interface WebTarget {
  kind: 'web';
  dir: string;
  stamp: string;
  sources: string[];
}

export type BuildTarget = NodeTarget | WebTarget;
export type TargetName = 'hall-server' | 'central' | 'kiosk' | 'counter';

export const repoRoot: string;
export const STAMP: string;
/** Each target with its kind: the servers are node bundles, the screens web builds. */
export const targets: {
  'hall-server': NodeTarget;
  central: NodeTarget;
  kiosk: WebTarget;
  counter: WebTarget;
};
export function newestSource(path: string): { file: string; mtimeMs: number };
export function staleReason(
  target: Pick<BuildTarget, 'dir' | 'stamp' | 'sources'>,
  root?: string,
): string | null;
