import type { ChildProcess } from 'node:child_process';
import { freePort, runNode, untilListening } from '@onestop/hall-server/test-support/hall-process';

// The hall server's bundle as a hall runs it, for the tests that check what `npm start` starts.

/**
 * `node <nodeFlags> apps/hall-server/dist/main.js`, the bundle built first when missing or stale
 * (with the `alsoBuilt` targets, as `npm start` does): the demo hall on a free port, its data in
 * `dataDir`. Resolves once it listens.
 */
export async function startBuiltHall(options: {
  dataDir: string;
  nodeFlags: string[];
  alsoBuilt?: string[];
}): Promise<{ server: ChildProcess; base: string }> {
  const env = { DATA_DIR: options.dataDir, LOG_LEVEL: 'warn' };
  const ensure = runNode(['scripts/ensure-built.mjs', 'hall-server', ...(options.alsoBuilt ?? [])]);
  const built = await ensure.exited;
  if (built !== 0) throw new Error(`ensure-built exited (${built}):\n${ensure.output()}`);
  const port = await freePort();
  const started = runNode([...options.nodeFlags, 'apps/hall-server/dist/main.js'], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO: '1',
  });
  try {
    await untilListening(started, 180_000);
  } catch (error) {
    started.child.kill('SIGKILL');
    throw error;
  }
  return { server: started.child, base: `http://127.0.0.1:${port}` };
}
