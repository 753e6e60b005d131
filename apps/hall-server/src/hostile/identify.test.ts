import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from '../app/seed';
import { IDENTIFY_LIMIT } from '../app/handlers/identify-handlers';
import { billBarcode, idCheckChar, IDENTITY_TOKEN_TTL_MS } from '../domain/identify';
import { SYNC_TABLES } from '../sync/table-specs';
import {
  clerkAtCounter,
  connectClient,
  daytimeClock,
  hallServerOn,
  http,
  ok,
  send,
  sendRaw,
  tempDir,
  type HallClient,
} from '../test-support/hall-harness';
import type { HallServer } from '../server';

// Customer identification under attack (docs/customer-identification.md "Threats"): a kiosk
// script enumerating accounts or ID numbers meets the per-device limit; forged, spent, expired
// and other devices' identity tokens are refused and change nothing; malformed codes are
// refused without being repeated; and a resident ID number is never written anywhere — not in
// the hall's log, its audit rows, kept command results, sync tables, nor any answer.

const ID17 = '31011519850615123';
const ID_NUMBER = ID17 + idCheckChar(ID17);
const ACCOUNT = '3100000201';

const lines: string[] = [];
const answers: unknown[] = [];
const dataDir = tempDir();
const base = daytimeClock();
let skewMs = 0;
let server: HallServer;
let kiosk: HallClient;
let guide: HallClient;

async function identify(socket: HallClient, source: string, value: string) {
  const ack = await sendRaw(socket, 'customer:identify', {
    commandId: crypto.randomUUID(),
    source,
    value,
  });
  answers.push(ack);
  return ack;
}

beforeAll(async () => {
  // Everything the hall logs, down to trace: the ID number must not be in any of it.
  const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
  server = await hallServerOn(dataDir, {
    seed: demoSeed(base()),
    clock: () => base() + skewMs,
    logger,
  });
  kiosk = await connectClient(server.url, { deviceToken: 'demo-kiosk-1' });
  guide = (
    await clerkAtCounter(server.url, { deviceToken: 'demo-guide', staffNo: '7001', pin: '7001' })
  ).socket;
  const admin = (
    await clerkAtCounter(server.url, { deviceToken: 'demo-console', staffNo: '9000', pin: '9000' })
  ).socket;
  ok(
    await send(admin, 'admin:save-customer', {
      accountNo: ACCOUNT,
      name: '孙某',
      phone: null,
      vip: false,
    }),
  );
  answers.push(
    await send(admin, 'admin:register-id-card', { accountNo: ACCOUNT, idNumber: ID_NUMBER }),
  );
  admin.disconnect();
});

afterAll(async () => {
  kiosk?.disconnect();
  guide?.disconnect();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('identity tokens', () => {
  it('a forged token is refused and issues nothing', async () => {
    const before = server.hall.store.hall.state().seq;
    for (const identityToken of ['A'.repeat(43), 'forged-token-0000000000000000']) {
      const ack = await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing', identityToken });
      expect(ack).toMatchObject({ ok: false, code: 'identity_expired' });
    }
    expect(server.hall.store.hall.state().seq).toBe(before);
    const malformed = await sendRaw(kiosk, 'ticket:issue', {
      commandId: crypto.randomUUID(),
      serviceId: 'svc-billing',
      identityToken: "x' OR 1=1 --",
    });
    expect(malformed).toMatchObject({ ok: false, code: 'invalid_payload' });
  });

  it('a token is spent once, on its own device, within its minutes', async () => {
    const scan = async () => {
      const ack = await identify(kiosk, 'barcode', billBarcode(ACCOUNT, '2026-10'));
      if (!ack.ok) throw new Error(ack.code);
      return (ack.data as { identityToken: string }).identityToken;
    };
    // Another device's: the guide desk cannot spend what the kiosk was given.
    const kiosks = await scan();
    expect(
      await send(guide, 'ticket:issue', { serviceId: 'svc-billing', identityToken: kiosks }),
    ).toMatchObject({ ok: false, code: 'identity_expired' });
    // Spent once: a second ticket with it is refused.
    ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing', identityToken: kiosks }));
    expect(
      await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing', identityToken: kiosks }),
    ).toMatchObject({ ok: false, code: 'identity_expired' });
    // Expired: past its minutes, refused.
    const late = await scan();
    skewMs += IDENTITY_TOKEN_TTL_MS;
    expect(
      await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing', identityToken: late }),
    ).toMatchObject({ ok: false, code: 'identity_expired' });
  });

  it('a refused ticket leaves the token unspent (the ticket and the token share one transaction)', async () => {
    const ack = await identify(kiosk, 'barcode', ACCOUNT);
    const { identityToken } = ack.ok
      ? (ack.data as { identityToken: string })
      : { identityToken: '' };
    const refused = await send(kiosk, 'ticket:issue', { serviceId: 'svc-none', identityToken });
    expect(refused).toMatchObject({ ok: false, code: 'not_found' });
    ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing', identityToken }));
  });
});

describe('malformed codes and ID numbers', () => {
  it.each([
    ['barcode', ''],
    ['barcode', 'B3100000201202613' + '0'],
    ['barcode', '<script>alert(1)</script>'],
    ['barcode', 'A'.repeat(512)],
    ['qr', 'javascript:alert(document.cookie)'],
    ['qr', 'https://evil.example/?account=../../etc/passwd'],
    ['qr', 'https://evil.example/?account=1%27%20OR%201=1'],
    ['barcode', ID_NUMBER], // an ID card's number scanned as a barcode: refused, not looked up
  ])('%s %j is refused as unreadable (or malformed) and gives no token', async (source, value) => {
    const ack = await identify(guide, source, value);
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(['scan_unreadable', 'invalid_payload']).toContain(ack.code);
      if (value.length > 0) expect(ack.message).not.toContain(value);
    }
  });

  it.each([
    ['id_card', '12345'],
    ['id_card', ID17 + 'Y'],
    ['id_card', ID17 + ((Number(idCheckChar(ID17)) + 1) % 10 || 'X')],
    ['nfc', '3100000201'],
    ['id_card', 'A'.repeat(513)],
  ])('%s %j is refused', async (source, value) => {
    const ack = await identify(guide, source, value);
    expect(ack).toMatchObject({ ok: false });
    if (!ack.ok) expect(['id_number_invalid', 'invalid_payload']).toContain(ack.code);
  });
});

describe('enumeration', () => {
  it('a kiosk fed account numbers or ID numbers by a script meets the per-device limit', async () => {
    const guesses = Array.from({ length: IDENTIFY_LIMIT.limit + 5 }, (_, i) => {
      const first17 = `3101151985061${String(5000 + i).padStart(4, '0')}`;
      return first17 + idCheckChar(first17);
    });
    const codes: string[] = [];
    for (const guess of guesses) {
      const ack = await identify(kiosk, 'id_card', guess);
      codes.push(ack.ok ? 'ok' : ack.code);
    }
    expect(codes).toContain('rate_limited');
    const firstRefused = codes.indexOf('rate_limited');
    expect(firstRefused).toBeLessThanOrEqual(IDENTIFY_LIMIT.limit);
    expect(codes.slice(firstRefused).every((c) => c === 'rate_limited')).toBe(true);
    // The limit is the device's: the registered card itself is refused too until the window ends.
    expect(await identify(kiosk, 'id_card', ID_NUMBER)).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
    // Another device is not held back by the kiosk's guessing.
    expect((await identify(guide, 'id_card', ID_NUMBER)).ok).toBe(true);
  });
});

describe('the ID number is never written', () => {
  it('identified over HTTP too (the request log)', async () => {
    const res = await http(server.url, 'POST', '/api/v1/customer/identify', {
      deviceToken: 'demo-guide',
      body: { commandId: crypto.randomUUID(), source: 'id_card', value: ID_NUMBER },
    });
    answers.push(res.body);
    // The guide desk's session is on its socket; over HTTP without one it is refused — and
    // the ID number still appears nowhere.
    expect([200, 401, 403, 429]).toContain(res.status);
  });

  it('not in the log, the answers, the database (audit, command results, customers) nor the sync', async () => {
    expect(lines.length).toBeGreaterThan(0);
    const forms = [ID_NUMBER, ID_NUMBER.toLowerCase(), ID17];
    for (const form of forms) {
      expect(lines.join('\n')).not.toContain(form);
      expect(JSON.stringify(answers)).not.toContain(form);
    }
    const db = server.hall.store.db;
    const audit = db.prepare('SELECT payload FROM audit_log').all() as { payload: string }[];
    expect(audit.some((r) => r.payload.includes('"source"'))).toBe(true);
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of readdirSync(dataDir).filter((f) => f.startsWith('hall.sqlite'))) {
      const bytes = readFileSync(join(dataDir, file));
      for (const form of forms) expect(bytes.includes(Buffer.from(form)), file).toBe(false);
    }
    // Neither the customer list (with the card's HMAC) nor the tokens go up to the center.
    expect(SYNC_TABLES.map((t) => t.table)).not.toContain('customers');
    expect(SYNC_TABLES.map((t) => t.table)).not.toContain('identity_tokens');
  });
});
