// How long the hall server takes from being started to its first answer, and what it holds
// idle, compiled against run through tsx, with a floor measured in the same run: a bare
// `node -e` HTTP server started the same way. Prints Markdown for docs/benchmarks.md.
//
//   npm run bench:start                      # 7 rounds
//   npm run bench:start -- --rounds 15
//   npm run bench:start -- --bundle-deps     # also a bundle with node_modules packages inside
//
// Each round starts every variant once, in turn, on the same demo hall (created by a first
// start before the rounds: what is timed is a restart, the everyday case). Time: from spawn()
// to the first HTTP answer (GET /api/v1/health; GET / for the floor), polled every 5 ms. CPU:
// user + system time the process had used by then (less swayed by a busy machine than the
// wall clock). RSS: /proc/<pid>/status VmRSS once the server has been idle for 3 s.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { targets } from '../build-targets.mjs';
import { nodeBuildOptions } from '../build.mjs';
import { freePort, repoRoot, rssMiB } from './kit';

interface Variant {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** The path answered once the server is up. */
  probe: string;
  /** Whether the spawned process is the server itself (its CPU and RSS are the server's). */
  isServer: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const arg = (name: string) => process.argv.indexOf(`--${name}`);
const rounds = arg('rounds') > 0 ? Number(process.argv[arg('rounds') + 1]) : 7;
const bundleDeps = arg('bundle-deps') > 0;
const IDLE_MS = 3000;

const FLOOR_SERVER =
  "require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT, '127.0.0.1')";
const hallServer = targets['hall-server'];
const emptyList = (): number[] => [];
// Beside dist/, not in it: `npm start` swaps dist/ whole when it rebuilds.
const altDir = join(repoRoot, hallServer.dir, 'dist-bench');
const health = '/api/v1/health';

const floor: Variant = {
  name: 'floor: `node -e` bare HTTP server',
  command: ['node', '-e', FLOOR_SERVER],
  probe: '/',
  isServer: true,
};
const compiled: Variant = {
  name: 'compiled: `node --enable-source-maps dist/main.js`',
  command: ['node', '--enable-source-maps', 'apps/hall-server/dist/main.js'],
  probe: health,
  isServer: true,
};
const npmStart: Variant = {
  name: '`npm start` (checks the build, then runs the bundle)',
  command: ['npm', 'start', '--silent'],
  probe: health,
  isServer: false,
};
const variants: Variant[] = [
  floor,
  npmStart,
  compiled,
  {
    ...compiled,
    name: 'compiled, compile cache off (`NODE_DISABLE_COMPILE_CACHE=1`)',
    env: { NODE_DISABLE_COMPILE_CACHE: '1' },
  },
  {
    name: 'tsx: `node --import tsx src/main.ts` (before)',
    command: ['node', '--import', 'tsx', 'apps/hall-server/src/main.ts'],
    probe: health,
    isServer: true,
  },
  ...(bundleDeps
    ? [
        {
          ...compiled,
          name: 'compiled with the node_modules packages bundled too',
          command: ['node', '--enable-source-maps', join(altDir, 'main.js')],
        },
      ]
    : []),
];

async function firstAnswer(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch {
      await sleep(5);
    }
  }
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim()) || 100;

/** User and system CPU time the process has used so far (/proc/<pid>/stat). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Starts `variant`, times its first answer, reads its idle RSS, stops it (its whole group). */
async function startOnce(variant: Variant, dataDir: string) {
  const port = await freePort();
  const [command, ...args] = variant.command;
  const began = performance.now();
  const child = spawn(command!, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...variant.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group: npm's child server stops with it
  });
  await firstAnswer(`http://127.0.0.1:${port}${variant.probe}`, child);
  const ms = performance.now() - began;
  const cpu = variant.isServer ? cpuMs(child.pid!) : NaN;
  await sleep(IDLE_MS);
  const rss = variant.isServer ? rssMiB(child.pid!) : NaN;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  return { ms, cpu, rss };
}

function ensureBuilt(): void {
  const run = spawnSync('node', ['scripts/ensure-built.mjs', 'hall-server', 'kiosk', 'counter'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('the build failed');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  ensureBuilt();
  if (bundleDeps) {
    rmSync(altDir, { recursive: true, force: true });
    await build(nodeBuildOptions(hallServer, altDir, { bundleDeps: true }));
    for (const [from, to] of Object.entries(hallServer.copy ?? {}))
      cpSync(join(repoRoot, hallServer.dir, from), join(altDir, to), { recursive: true });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'onestop-bench-start-'));
  const runs = new Map(
    variants.map((v) => [v, { ms: emptyList(), cpu: emptyList(), rss: emptyList() }]),
  );
  try {
    await startOnce(compiled, dataDir); // seeds the demo hall and fills the compile cache
    for (let round = 0; round < rounds; round++) {
      for (const variant of variants) {
        // Another hand may have changed a source since: `npm start` would then build first,
        // which is not what is measured here.
        if (variant === npmStart) ensureBuilt();
        const run = await startOnce(variant, dataDir);
        const into = runs.get(variant)!;
        into.ms.push(run.ms);
        into.cpu.push(run.cpu);
        into.rss.push(run.rss);
      }
      process.stderr.write(`round ${round + 1}/${rounds}\n`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (bundleDeps) rmSync(altDir, { recursive: true, force: true });
  }

  const floorMs = median(runs.get(floor)!.ms);
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  const out = [
    `Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, ${gib} GiB, load average ${loadavg()[0]!.toFixed(1)} at the end; ${rounds} rounds, each variant once per round.`,
    '',
    '| started as | first answer, median ms | min ms | max ms | median / floor | CPU ms until then | RSS idle MiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...variants.map((v) => {
      const { ms, cpu, rss } = runs.get(v)!;
      const shown = (xs: number[]) => (v.isServer ? median(xs).toFixed(0) : '—');
      return `| ${v.name} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${(median(ms) / floorMs).toFixed(1)}× | ${shown(cpu)} | ${shown(rss)} |`;
    }),
    '',
  ];
  const started = median(runs.get(npmStart)!.ms);
  out.push(
    `Target \`npm start\` on a built tree answers within 1 s: ${started <= 1000 ? 'met' : 'NOT met'} (median ${started.toFixed(0)} ms).`,
  );
  console.log(out.join('\n'));
}

await main();
