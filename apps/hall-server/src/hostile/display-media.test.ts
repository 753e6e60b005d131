import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { MAX_MEDIA_ITEMS } from '@onestop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectClient,
  nextChange,
  ok,
  send,
  startTestHall,
  type HallClient,
  type TestHall,
} from '../test-support/hall-harness';

// Hostile input at the hall's media folder (`/media/`, issue 19 item 3): a way out of the
// folder by `..` (plain, encoded, backslashed), a link to the database, hidden and odd names,
// a folder of thousands of files; and at the display layout command: devices that are not
// displays, staff who are not the admin. And the one page that may be framed.

let t: TestHall;
let base: string;
let media: string;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  t = await startTestHall();
  base = t.server.url;
  media = join(t.dataDir, 'media');
  mkdirSync(join(media, 'sub'), { recursive: true });
  for (const name of ['a.jpg', 'b.png', 'c.webp', 'a b(1).png', '海报.jpg', 'sub/inner.png'])
    writeFileSync(join(media, name), PNG);
  writeFileSync(join(media, 'd.mp4'), Buffer.alloc(4096, 1));
  writeFileSync(join(media, 'e.webm'), Buffer.alloc(1024, 2));
  // Names the hall neither lists nor serves.
  for (const name of [
    '.hidden.png',
    'evil"<script>.png',
    'semi;colon.png',
    'new\nline.png',
    'percent%2F.png',
    'notes.txt',
    'page.html',
    'image.svg',
  ])
    writeFileSync(join(media, name), PNG);
  symlinkSync(join(t.dataDir, 'hall.sqlite'), join(media, 'link.png'));
  symlinkSync(t.dataDir, join(media, 'up.png'));
});
afterAll(() => t.close());

/** One request written by hand, so that nothing normalises its path on the way. */
function rawGet(
  path: string,
  headers = '',
): Promise<{ status: number; head: string; body: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sock = netConnect(Number(port), '127.0.0.1');
    let got = '';
    sock.on('data', (d: Buffer) => (got += d.toString('latin1')));
    sock.on('end', () => {
      const [head = '', ...rest] = got.split('\r\n\r\n');
      resolve({
        status: Number(head.split(' ')[1]),
        head: head.toLowerCase(),
        body: rest.join(''),
      });
    });
    sock.on('error', reject);
    sock.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${headers}\r\n`,
    );
  });
}

async function signedIn(deviceToken: string, staffNo: string): Promise<HallClient> {
  const socket = await connectClient(base, { deviceToken });
  const { sessionToken } = ok(await send(socket, 'staff:sign-in', { staffNo, pin: staffNo }));
  socket.disconnect();
  return connectClient(base, { deviceToken, sessionToken });
}

describe('the media folder under /media/', () => {
  it.each([
    '/media/../hall.sqlite',
    '/media/..%2Fhall.sqlite',
    '/media/..%2fhall.sqlite',
    '/media/%2e%2e%2fhall.sqlite',
    '/media/%2E%2E/hall.sqlite',
    '/media/..%5Chall.sqlite',
    '/media/%252e%252e%252fhall.sqlite',
    '/media//etc/passwd',
    '/media/%2Fetc%2Fpasswd',
    '/media/link.png',
    '/media/up.png/hall.sqlite',
    '/media/sub/inner.png',
    '/media/sub%2Finner.png',
    '/media/.hidden.png',
    '/media/a.jpg%00.txt',
    '/media/a.jpg%00',
    '/media/notes.txt',
    '/media/page.html',
    '/media/image.svg',
    '/media/semi;colon.png',
    '/media/',
    '/media',
  ])('%s is not served', async (path) => {
    const res = await rawGet(path);
    expect(res.status === 404 || res.status === 400).toBe(true);
    expect(res.body).not.toContain('SQLite format');
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('a.jpg');
  });

  it.each([
    ['a.jpg', 'image/jpeg'],
    ['b.png', 'image/png'],
    ['c.webp', 'image/webp'],
    ['d.mp4', 'video/mp4'],
    ['e.webm', 'video/webm'],
    ['a b(1).png', 'image/png'],
    ['海报.jpg', 'image/jpeg'],
  ])('serves %s as %s, never sniffed', async (name, type) => {
    const res = await fetch(`${base}/media/${encodeURIComponent(name)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await res.arrayBuffer();
  });

  it('answers a range of a video (a display seeks and resumes)', async () => {
    const res = await rawGet('/media/d.mp4', 'Range: bytes=0-99\r\n');
    expect(res.status).toBe(206);
    expect(res.head).toContain('content-range: bytes 0-99/4096');
  });

  it('refuses to write: only GET and HEAD', async () => {
    const res = await fetch(`${base}/media/a.jpg`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(404);
  });

  it('lists only plain files of a known type with a plain name, in name order', async () => {
    const display = await connectClient(base, { deviceToken: 'demo-display-1' });
    const listing = ok(await send(display, 'display:media', {}));
    display.disconnect();
    expect(listing.items.map((i) => [i.name, i.kind])).toEqual([
      ['a b(1).png', 'image'],
      ['a.jpg', 'image'],
      ['b.png', 'image'],
      ['c.webp', 'image'],
      ['d.mp4', 'video'],
      ['e.webm', 'video'],
      ['海报.jpg', 'image'],
    ]);
    expect(listing.leftOff).toBe(0);
  });

  it('lists a folder of thousands of files up to its bound and counts the rest', async () => {
    for (let i = 0; i < 5000; i++)
      writeFileSync(join(media, `bulk-${String(i).padStart(4, '0')}.png`), '');
    try {
      const display = await connectClient(base, { deviceToken: 'demo-display-1' });
      const listing = ok(await send(display, 'display:media', {}));
      display.disconnect();
      expect(listing.items).toHaveLength(MAX_MEDIA_ITEMS);
      expect(listing.leftOff).toBe(5007 - MAX_MEDIA_ITEMS);
      expect(listing.items.slice(2, 5).map((i) => i.name)).toEqual([
        'b.png',
        'bulk-0000.png',
        'bulk-0001.png',
      ]);
    } finally {
      for (let i = 0; i < 5000; i++)
        rmSync(join(media, `bulk-${String(i).padStart(4, '0')}.png`), { force: true });
    }
  });

  it('lists nothing, and serves nothing, when the hall has no media folder', async () => {
    const bare = await startTestHall();
    try {
      const display = await connectClient(bare.server.url, { deviceToken: 'demo-display-1' });
      expect(ok(await send(display, 'display:media', {}))).toEqual({ items: [], leftOff: 0 });
      display.disconnect();
      expect((await fetch(`${bare.server.url}/media/a.jpg`)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('is not listed to a device that is not paired', async () => {
    const stranger = await connectClient(base, {}).catch(() => null);
    if (stranger) {
      const ack = await send(stranger, 'display:media', {});
      expect(ack.ok).toBe(false);
      stranger.disconnect();
    }
  });
});

describe('admin:set-display-layout', () => {
  it('is refused to a duty leader, and for a device that is not a display, and changes nothing', async () => {
    const admin = await signedIn('demo-console', '9000');
    const leader = await signedIn('demo-console', '8001');
    const before = t.server.hall.store.displayLayouts.all();
    const set = { layout: 'calls', orientation: 'portrait' } as const;
    const byLeader = await send(leader, 'admin:set-display-layout', {
      deviceId: 'dev-display-1',
      ...set,
    });
    expect(byLeader.ok ? 'accepted' : byLeader.code).toBe('forbidden');
    const kiosk = await send(admin, 'admin:set-display-layout', {
      deviceId: 'dev-kiosk-1',
      ...set,
    });
    expect(kiosk.ok ? 'accepted' : kiosk.code).toBe('wrong_device');
    const none = await send(admin, 'admin:set-display-layout', { deviceId: 'no-such', ...set });
    expect(none.ok ? 'accepted' : none.code).toBe('not_found');
    const bad = await send(admin, 'admin:set-display-layout', {
      deviceId: 'dev-display-1',
      layout: 'everything' as 'calls',
      orientation: 'portrait',
    });
    expect(bad.ok ? 'accepted' : bad.code).toBe('invalid_payload');
    expect(t.server.hall.store.displayLayouts.all()).toEqual(before);
    admin.disconnect();
    leader.disconnect();
  });

  it("reaches the display at once, and the display's own settings say so", async () => {
    const display = await connectClient(base, { deviceToken: 'demo-display-1' });
    const admin = await signedIn('demo-console', '9000');
    const before = ok(await send(display, 'display:settings', {}));
    expect(before).toEqual({
      deviceId: 'dev-display-1',
      layout: 'calls_waiting',
      orientation: 'landscape',
    });
    const seen = nextChange(display, (c) => (c.records.displayLayouts ?? []).length > 0);
    ok(
      await send(admin, 'admin:set-display-layout', {
        deviceId: 'dev-display-1',
        layout: 'calls_notices_media',
        orientation: 'portrait',
      }),
    );
    const change = await seen;
    expect(change.records.displayLayouts?.[0]).toMatchObject({
      id: 'dev-display-1',
      layout: 'calls_notices_media',
      orientation: 'portrait',
    });
    expect(ok(await send(display, 'display:settings', {}))).toMatchObject({
      layout: 'calls_notices_media',
      orientation: 'portrait',
    });
    const snapshot = ok(await send(display, 'hall:snapshot', {}));
    expect(snapshot.displayLayouts.map((l) => l.id)).toEqual(['dev-display-1']);
    // Only a display asks for its own settings.
    const kiosk = await connectClient(base, { deviceToken: 'demo-kiosk-1' });
    const asked = await send(kiosk, 'display:settings', {});
    expect(asked.ok ? 'accepted' : asked.code).toBe('forbidden');
    kiosk.disconnect();
    display.disconnect();
    admin.disconnect();
  });
});

describe('framing', () => {
  it('lets only the hall itself frame the display preview, and nothing else', async () => {
    const preview = await rawGet('/display?preview=1&layout=calls&orientation=portrait');
    const display = await rawGet('/display');
    const console = await rawGet('/console?preview=1');
    const framing = (head: string) => [
      /frame-ancestors ([^;\r\n]*)/.exec(head)?.[1],
      /x-frame-options: (\S+)/.exec(head)?.[1],
    ];
    expect(framing(preview.head)).toEqual(["'self'", 'sameorigin']);
    expect(framing(display.head)).toEqual(["'none'", 'deny']);
    expect(framing(console.head)).toEqual(["'none'", 'deny']);
  });
});
