import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallServer } from '../server';
import { connectClient, hallServerOn, ok, send, tempDir } from '../test-support/hall-harness';

// `npm run setup` as a hall's IT staff runs it from a script: a child process, the PIN on stdin.

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const main = fileURLToPath(new URL('./setup-main.ts', import.meta.url));
const dirs: string[] = [];
const servers: HallServer[] = [];

function setup(dataDir: string, stdin: string, extra: string[] = []) {
  const args = [
    ...['--data-dir', dataDir, '--hall-id', 'hall-minhang', '--name-zh', '闵行供电营业厅'],
    ...['--name-en', 'Minhang Service Hall', '--time-zone', 'Asia/Shanghai'],
    ...['--admin-staff-no', '5002', '--admin-name', '周管理', '--pin-stdin', ...extra],
  ];
  const env = { ...process.env };
  for (const name of ['DATA_DIR', 'HALL_ID', 'HALL_NAME_ZH', 'HALL_NAME_EN', 'ADMIN_STAFF_NO'])
    delete env[name];
  return spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: repoRoot,
    input: stdin,
    encoding: 'utf8',
    env,
  });
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm run setup as a child process', () => {
  it('sets up a hall from flags and a PIN on stdin; the printed code pairs the console', async () => {
    const dataDir = tempDir('onestop-setup-cli-');
    dirs.push(dataDir);
    const run = setup(dataDir, '604285\n604285\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const code = /Console pairing code:\s+(\d{6})/.exec(run.stdout)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(run.stdout).not.toContain('604285');

    const server = await hallServerOn(dataDir, {
      demo: false,
    });
    servers.push(server);
    const anonymous = await connectClient(server.url);
    const paired = ok(await send(anonymous, 'device:pair', { pairingCode: code! }));
    anonymous.close();
    const desk = await connectClient(server.url, { deviceToken: paired.deviceToken });
    ok(await send(desk, 'staff:sign-in', { staffNo: '5002', pin: '604285' }));
    desk.close();

    const again = setup(dataDir, '604285\n604285\n');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds a hall/);
  });

  it.each([
    ['two PINs that differ', '604285\n604286\n', /do not match/],
    ['a weak PIN', '1234\n1234\n', /PIN is refused/],
    ['no PIN', '', /no PIN/],
  ])('refuses %s and leaves no hall', (_why, stdin, message) => {
    const dataDir = tempDir('onestop-setup-cli-');
    dirs.push(dataDir);
    const run = setup(dataDir, stdin);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).not.toMatch(/pairing code/);
  });
});
