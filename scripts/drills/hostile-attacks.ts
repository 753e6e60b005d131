// The hostile drill's attacks, one a function: each sends what docs/security.md's threat
// model says an attacker would, and returns the row that says what the hall did with it.

import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { databaseBytes } from '@onestop/hall-server/test-support/hall-harness';
import {
  connect,
  describe,
  http,
  rssMiB,
  send,
  tally,
  type Context,
  type DrillRow,
  type HttpAnswer,
  type Reply,
} from './hostile-kit';

const DESKS = 3;

/** A staff number's lockout: how many of a burst of wrong PINs reach the PIN check. */
export async function pinBurst(ctx: Context, staffNo: string, count: number): Promise<DrillRow> {
  const desks = await Promise.all(
    Array.from({ length: DESKS }, (_, i) =>
      connect(ctx.url, { deviceToken: `demo-desk-${i + 1}` }),
    ),
  );
  const replies = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      send(desks[i % desks.length]!, 'staff:sign-in', {
        staffNo,
        pin: String(100000 + i).slice(-6),
      }),
    ),
  );
  for (const d of desks) d.disconnect();
  const counts = tally(replies);
  const checked = counts.get('bad_credentials') ?? 0;
  return {
    attack: `PIN guessing, staff no. ${staffNo}`,
    sent: `${count} wrong PINs at once from 3 desks`,
    outcome: `${checked} checked; ${describe(counts)}`,
    // The lock is per (staff number, desk): one desk's guesses cannot lock the staff member out
    // of every other desk (docs/security.md, Access). Each desk gets 5 checks per window.
    limit: `≤ 5 checked per desk per lockout window (≤ ${5 * DESKS} from ${DESKS} desks)`,
    ok: checked <= 5 * DESKS && (counts.get('ok') ?? 0) === 0,
  };
}

export async function pairingBurst(ctx: Context, count: number): Promise<DrillRow> {
  // From ten addresses (127.0.1.1-10), past any one address's budget to the hall's own.
  const sockets = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      connect(ctx.url, {}, { localAddress: `127.0.1.${i + 1}` }),
    ),
  );
  const replies = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      send(sockets[i % sockets.length]!, 'device:pair', {
        pairingCode: String(i * 3331)
          .padStart(6, '0')
          .slice(-6),
      }),
    ),
  );
  for (const s of sockets) s.disconnect();
  const counts = tally(replies);
  const checked = counts.get('pairing_code_invalid') ?? 0;
  return {
    attack: 'pairing-code guessing',
    sent: `${count} guesses at once from 10 addresses`,
    outcome: `${checked} checked; ${describe(counts)}`,
    limit: '≤ 30 checked per burst',
    ok: checked <= 30 && (counts.get('ok') ?? 0) === 0,
  };
}

/**
 * One kiosk asks for snapshots as fast as it can for `seconds`, never waiting for an answer;
 * the server's memory must stay bounded and another device must still be answered.
 */
export async function snapshotFlood(ctx: Context, seconds: number): Promise<DrillRow> {
  const before = rssMiB(ctx.pid);
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const display = await connect(ctx.url, { deviceToken: 'demo-display-1' });
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(ctx.pid))), 100);
  const flood: Promise<Reply>[] = [];
  const until = Date.now() + seconds * 1000;
  const others: Reply[] = [];
  let nextOther = Date.now();
  while (Date.now() < until) {
    for (let i = 0; i < 50; i++) flood.push(send(kiosk, 'hall:snapshot', {}, 120_000));
    if (Date.now() >= nextOther) {
      nextOther = Date.now() + 1000;
      void send(display, 'hall:queues', {}, 5_000).then((r) => others.push(r));
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const replies = await Promise.all(flood);
  clearInterval(sampler);
  kiosk.disconnect();
  display.disconnect();
  const counts = tally(replies);
  const served = others.filter((r) => r.ok).length;
  const growth = peak - before;
  return {
    attack: 'snapshot flood from a kiosk token',
    sent: `${flood.length} hall:snapshot in ${seconds} s, never waiting`,
    outcome: `${describe(counts)}; RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB; display answered ${served} of ${others.length}`,
    limit: 'RSS growth < 150 MiB, the display answered',
    ok: growth < 150 && served === others.length && (counts.get('no_answer') ?? 0) === 0,
  };
}

export async function ticketBurst(ctx: Context, count: number): Promise<DrillRow> {
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const display = await connect(ctx.url, { deviceToken: 'demo-display-1' });
  const burst = Array.from({ length: count }, () =>
    send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }),
  );
  const other = await send(display, 'hall:snapshot', {}, 10_000);
  const replies = await Promise.all(burst);
  kiosk.disconnect();
  display.disconnect();
  const counts = tally(replies);
  const issued = counts.get('ok') ?? 0;
  return {
    attack: 'ticket burst from one kiosk',
    sent: `${count} ticket:issue at once`,
    outcome: `${issued} issued; ${describe(counts)}; another device ${other.ok ? 'served' : 'refused'}`,
    limit: '≤ 30 issued, others served',
    ok: issued <= 30 && other.ok && (counts.get('no_answer') ?? 0) === 0,
  };
}

export async function anonymousRefusals(ctx: Context, count: number): Promise<DrillRow> {
  const before = databaseBytes(ctx.dataDir);
  let statuses = new Map<number, number>();
  for (let i = 0; i < count; i += 50) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) =>
        http(ctx.url, '/api/v1/ticket/issue', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer stolen-${i + j}`,
          },
          // Spread over 50 addresses, so that most reach the hall rather than the address limit.
          localAddress: `127.0.2.${((i + j) % 50) + 1}`,
          body: JSON.stringify({ commandId: randomUUID(), serviceId: 'svc-billing' }),
        }),
      ),
    );
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  }
  // Let the checkpointer run so the WAL's frames are counted once.
  await new Promise((r) => setTimeout(r, 2500));
  const growth = (databaseBytes(ctx.dataDir) - before) / 1024 / 1024;
  statuses = new Map([...statuses].sort());
  return {
    attack: 'anonymous refused requests',
    sent: `${count} POSTs with unknown tokens from 50 addresses`,
    outcome: `${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}; database +${growth.toFixed(2)} MiB`,
    limit: 'database grows < 1 MiB, no 5xx',
    ok: growth < 1 && ![...statuses.keys()].some((s) => s >= 500),
  };
}

export async function hostilePaths(ctx: Context): Promise<DrillRow> {
  const paths = [
    '/kiosk/%E0%A4%A',
    '/api/v1/%',
    '/assets/%c0%ae%c0%ae/x',
    '/assets/..%2f..%2fpackage.json',
    '/%00',
    '/api/v1/ticket/status?ticketId=%ff&token=%',
    '/console/%2e%2e/%2e%2e/etc/passwd',
  ];
  const answers = await Promise.all(paths.map((p) => http(ctx.url, p)));
  const bad = answers.filter((a) => a.status >= 500 || a.body.includes('"name"'));
  return {
    attack: 'malformed and traversal paths',
    sent: `${paths.length} paths`,
    outcome: answers.map((a) => a.status).join(' '),
    limit: 'no 5xx, nothing served from outside the apps',
    ok: bad.length === 0,
  };
}

/** A too-large body must be answered in full, and the client's next request must work. */
export async function tooLargeBody(ctx: Context): Promise<DrillRow> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string) =>
    http(ctx.url, '/api/v1/ticket/issue', {
      agent,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-1' },
      body,
    }).catch((err: Error): HttpAnswer => ({ status: 0, body: err.message, headers: {} }));
  const big = await post(JSON.stringify({ commandId: randomUUID(), pad: 'x'.repeat(4_000_000) }));
  const next = await post(JSON.stringify({ commandId: randomUUID(), serviceId: 'svc-invoice' }));
  agent.destroy();
  return {
    attack: 'too-large body on a keep-alive connection',
    sent: '4 MB JSON, then a normal request',
    outcome: `${big.status} ${big.body.slice(0, 40)}…; next ${next.status || next.body}`,
    limit: '413 answered in full, next answered',
    ok: big.status === 413 && big.body.includes('payload_too_large') && next.status === 200,
  };
}

export async function foreignOrigin(ctx: Context): Promise<DrillRow> {
  const evil = 'http://evil.example';
  const socketRefused = await connect(
    ctx.url,
    { deviceToken: 'demo-kiosk-1' },
    { origin: evil },
  ).then(
    (s) => {
      s.disconnect();
      return false;
    },
    () => true,
  );
  const post = await http(ctx.url, '/api/v1/ticket/issue', {
    method: 'POST',
    headers: {
      origin: evil,
      'content-type': 'application/json',
      authorization: 'Bearer demo-kiosk-1',
    },
    body: JSON.stringify({ commandId: randomUUID(), serviceId: 'svc-billing' }),
  });
  const page = await http(ctx.url, '/kiosk');
  const csp = String(page.headers['content-security-policy'] ?? '');
  const framing = csp.includes("frame-ancestors 'none'") || page.headers['x-frame-options'];
  return {
    attack: 'a page on another origin',
    sent: 'socket.io handshake and POST with Origin: evil.example',
    outcome: `socket ${socketRefused ? 'refused' : 'ACCEPTED'}, POST ${post.status}, CSP ${csp ? 'sent' : 'MISSING'}, framing ${framing ? 'forbidden' : 'ALLOWED'}`,
    limit: 'refused; CSP and no framing on pages',
    ok: socketRefused && post.status === 403 && csp.length > 0 && Boolean(framing),
  };
}

/** A second device that reuses another's command id learns nothing of the first's result. */
export async function commandIdReuse(ctx: Context): Promise<{ row: DrillRow; leaks: number }> {
  const guide = await connect(ctx.url, { deviceToken: 'demo-guide' });
  const signIn = await send(guide, 'staff:sign-in', { staffNo: '7001', pin: '7001' });
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const commandId = randomUUID();
  const phone = '13812345678';
  const first = await send(
    guide,
    'ticket:issue',
    { commandId, serviceId: 'svc-account', customer: { phone } },
    10_000,
  );
  const second = await send(kiosk, 'ticket:issue', { commandId, serviceId: 'svc-account' }, 10_000);
  const conflict = await send(
    guide,
    'ticket:issue',
    { commandId, serviceId: 'svc-billing' },
    10_000,
  );
  guide.disconnect();
  kiosk.disconnect();
  const secondText = JSON.stringify(second);
  const firstToken = first.ok ? String(first.data.statusToken) : 'none';
  const leaks = (secondText.includes(phone) ? 1 : 0) + (secondText.includes(firstToken) ? 1 : 0);
  const ok =
    signIn.ok && first.ok && leaks === 0 && !conflict.ok && conflict.code === 'command_id_conflict';
  return {
    leaks,
    row: {
      attack: "another device's command id",
      sent: 'the guide issues with a phone; a kiosk reuses its command id; the guide reuses it for another service',
      outcome: `kiosk ${second.ok ? 'got its own ticket' : `refused (${second.code})`}, ${leaks} leaked fields; other payload → ${conflict.ok ? 'ok' : conflict.code}`,
      limit: '0 leaked, command_id_conflict',
      ok,
    },
  };
}

/** What a kiosk's snapshot holds of staff and customers. */
export async function kioskAudience(ctx: Context): Promise<{ row: DrillRow; leaks: number }> {
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const snap = await send(kiosk, 'hall:snapshot', {});
  kiosk.disconnect();
  const text = JSON.stringify(snap);
  const found = (
    [
      ['staff numbers', /"staffNo":"\d+"/],
      ['roles', /"roles":\[[^\]]/],
      ['phone numbers', /(?<!\d)1[3-9]\d{9}(?!\d)/],
      ['reasons', /"(stateReason|reason|note)":"[^"]+"/],
    ] satisfies [string, RegExp][]
  ).filter(([, re]) => re.test(text));
  return {
    leaks: found.length,
    row: {
      attack: "a kiosk token's snapshot",
      sent: 'hall:snapshot as demo-kiosk-1 after the day so far',
      outcome: found.length
        ? `holds ${found.map(([n]) => n).join(', ')}`
        : 'no staff numbers, roles, phones or reasons',
      limit: 'nothing a kiosk does not show',
      ok: snap.ok && found.length === 0,
    },
  };
}

export async function controlCharacters(ctx: Context): Promise<DrillRow> {
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const texts = ['投诉\u0000内容完整', '正常\u202Etxt.exe意见内容'];
  const replies = await Promise.all(
    texts.map((text) => send(kiosk, 'opinion:submit', { category: 'complaint', text })),
  );
  kiosk.disconnect();
  const stored = replies.filter((r) => r.ok).length;
  return {
    attack: 'NUL and right-to-left override in an opinion',
    sent: `${texts.length} opinions from the kiosk`,
    outcome: describe(tally(replies)),
    limit: 'refused, nothing stored',
    ok: stored === 0,
  };
}

/** Asked from another loopback address: the drill's own has used up its budget by now. */
export async function healthAfter(ctx: Context): Promise<DrillRow> {
  const answer = await http(ctx.url, '/api/v1/health', { localAddress: '127.0.0.2' });
  return {
    attack: 'health after the drill',
    sent: 'GET /api/v1/health',
    outcome: `${answer.status} ${answer.body.slice(0, 80)}`,
    limit: '200, database ok',
    ok: answer.status === 200,
  };
}
