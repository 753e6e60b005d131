// Types of scripts/build.mjs for the TypeScript that imports it (tests, benches).
import type { BuildOptions } from 'esbuild';
import type { NodeTarget, TargetName } from './build-targets.mjs';

export function nodeBuildOptions(
  target: NodeTarget,
  outdir: string,
  options?: { bundleDeps?: boolean; root?: string },
): BuildOptions & { metafile: true };
export function buildTarget(
  name: TargetName,
  options?: { onlyIfStale?: boolean; root?: string },
): Promise<boolean>;
