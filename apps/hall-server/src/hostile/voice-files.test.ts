import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../test-support/hall-harness';
import { builtInVoiceDir } from '../transport/voice-files';

// The recorded voice's clips under /voice/ (docs/recorded-voice.md): the built-in set, a clip
// in the hall's DATA_DIR/voice/zh-CN/ winning over the built-in one, each with its content
// type; and nothing else: no way out of the voice folders, no odd name, no other language, no
// link placed in the hall's folder, no writing.

let t: TestHall;
beforeAll(async () => {
  t = await startTestHall();
  const own = join(t.dataDir, 'voice', 'zh-CN');
  mkdirSync(own, { recursive: true });
  // The hall's own 请 (an Ogg file), and a word of its own in its manifest.
  writeFileSync(join(own, 'qing.ogg'), 'OggS-the-halls-own-qing');
  writeFileSync(join(own, 'ni-hao.wav'), 'RIFF-the-halls-own-word');
  writeFileSync(
    join(own, 'manifest.json'),
    JSON.stringify({ clips: [{ name: 'ni-hao', text: '你好' }] }),
  );
  // A secret beside the voice folder, and a link to it placed inside it.
  writeFileSync(join(t.dataDir, 'secret.wav'), 'SECRET');
  symlinkSync(join(t.dataDir, 'secret.wav'), join(own, 'leak.wav'));
  symlinkSync(join(t.dataDir, 'hall.sqlite'), join(own, 'db.wav'));
});
afterAll(() => t?.close());

/** Sent raw: fetch would normalise the dots away. */
function get(
  path: string,
  method = 'GET',
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ port: t.server.port, host: '127.0.0.1', method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('latin1'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the recorded voice under /voice/', () => {
  it('serves a built-in clip as audio/wav, byte for byte', async () => {
    const res = await get('/voice/zh-CN/hao-chuang-kou');
    expect([res.status, res.type]).toEqual([200, 'audio/wav']);
    const file = readFileSync(join(builtInVoiceDir(), 'zh-CN', 'hao-chuang-kou.wav'));
    expect(res.body).toBe(file.toString('latin1'));
  });

  it("serves the hall's own clip over the built-in one, whatever its kind", async () => {
    const res = await get('/voice/zh-CN/qing');
    expect([res.status, res.type, res.body]).toEqual([200, 'audio/ogg', 'OggS-the-halls-own-qing']);
  });

  it("lists the built-in clips and the hall's own words in the manifest", async () => {
    const res = await get('/voice/zh-CN/manifest.json');
    expect([res.status, res.type]).toEqual([200, 'application/json; charset=utf-8']);
    const { clips } = JSON.parse(Buffer.from(res.body, 'latin1').toString('utf8')) as {
      clips: { name: string; text: string }[];
    };
    expect(clips).toContainEqual({ name: 'qing', text: '请' });
    expect(clips).toContainEqual({ name: 'ni-hao', text: '你好' });
    expect(clips).toContainEqual({ name: 'A', text: 'A' });
  });

  it.each([
    '/voice/zh-CN/..%2f..%2fhall.sqlite',
    '/voice/zh-CN/%2e%2e%2fsecret',
    '/voice/zh-CN/../../secret.wav',
    '/voice/..%2fsecret.wav/x',
    '/voice/%2e%2e/secret',
    '/voice/zh-CN/secret',
    '/voice/zh-CN/leak',
    '/voice/zh-CN/db',
    '/voice/zh-CN/qing.ogg',
    '/voice/zh-CN/hao-chuang-kou.wav',
    '/voice/zh-CN/.hidden',
    '/voice/zh-CN/-qing',
    '/voice/zh-CN/qing%00',
    '/voice/zh-CN/%E8%AF%B7',
    `/voice/zh-CN/${'a'.repeat(200)}`,
    '/voice/en-US/qing',
    '/voice/zh-cn/qing',
    '/voice/zh-CN',
    '/voice/zh-CN/qing/x',
    '/voice/zh-CN/%',
  ])('%s is refused, never a file outside the clips nor a 500', async (path) => {
    const res = await get(path);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('SECRET');
    expect(res.body).not.toContain('SQLite');
  });

  it('takes no writing', async () => {
    for (const method of ['PUT', 'POST', 'DELETE']) {
      expect([404, 405]).toContain((await get('/voice/zh-CN/qing', method)).status);
    }
    expect((await get('/voice/zh-CN/qing')).body).toBe('OggS-the-halls-own-qing');
  });
});
