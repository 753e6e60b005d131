// The benchmarks' floor: what the hall's fixed parts cost with none of the hall in them.
// Plain JavaScript run by plain `node` (no tsx and its loader), with the flags the benchmark
// gives the hall, so that time and memory are compared like for like.
//
//   node scripts/bench/floor-server.mjs PORT DIR [deliver]
//
// A bare socket.io server on node's own http, acking each `ping` after one SQLite insert (WAL,
// synchronous=FULL). `deliver`: each acked record also goes to every connected socket, at most
// one message per 20 ms, as the hall's delivery does (transport/socket-views.ts COALESCE_MS).
// It also formats one date in zh in the hall's time zone, as the hall must (business days), so
// that its memory holds ICU's time-zone and zh data as the hall's does.

import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { Server } from 'socket.io';

const COALESCE_MS = 20;

const [port, dir, mode] = process.argv.slice(2);
const deliver = mode === 'deliver';

const db = new Database(join(dir, 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT');
const insert = db.prepare('INSERT INTO t (id, body) VALUES (?, ?)');
new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'full' }).format(
  new Date(),
);

const http = createServer();
const io = new Server(http);
let pending = [];
let seq = 0;
let sentAt = -Infinity;
let timer = null;
const flush = () => {
  timer = null;
  sentAt = performance.now();
  const records = pending;
  pending = [];
  io.emit('hall:changed', { seq: ++seq, events: [], records: { pings: records } });
};
io.on('connection', (socket) => {
  socket.on('ping', (payload, ack) => {
    insert.run(payload.id, JSON.stringify(payload));
    ack({ ok: true, data: { id: payload.id } });
    if (!deliver) return;
    pending.push(payload);
    timer ??= setTimeout(flush, Math.max(0, sentAt + COALESCE_MS - performance.now()));
  });
});
process.on('SIGTERM', () => {
  io.close();
  db.close();
  process.exit(0);
});
http.listen(Number(port), '127.0.0.1', () => console.log('listening on', port));
