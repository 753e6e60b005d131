import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, startTestHall, type TestHall } from '../test-support/hall-harness';
import { demoStaffOn } from '../test-support/suite-hall';

// Refusals without a valid device are counted, not audited: the count must be visible to the
// operator (health). A report export reads as much as a report query, so it counts like one.

describe('anonymous refusals in /api/v1/health', () => {
  let t: TestHall;
  beforeAll(async () => {
    t = await startTestHall();
  });
  afterAll(() => t.close());

  it('carries the total and the counts by command and code', async () => {
    for (let i = 0; i < 7; i++)
      await http(t.server.url, 'POST', '/api/v1/ticket/issue', {
        deviceToken: 'not-a-device',
        body: { serviceId: 'svc-invoice' },
      });
    const res = await http(t.server.url, 'GET', '/api/v1/health');
    expect(res.status).toBe(200);
    const counts = (res.body.data as Record<string, unknown>).refusedAnonymous as {
      total: number;
      byCommand: { command: string; code: string; count: number }[];
    };
    expect(counts.total).toBeGreaterThanOrEqual(7);
    const issue = counts.byCommand.find((e) => e.command === 'ticket:issue');
    expect(issue?.count).toBe(7);
    expect(issue?.code).toBeTruthy();
    // No customer's address on an open endpoint.
    expect(JSON.stringify(counts)).not.toContain('127.0.0.1');
  });
});

describe('report export', () => {
  let t: TestHall;
  beforeAll(async () => {
    t = await startTestHall({
      server: { limits: { perDevice: { query: { points: 5, seconds: 60 } } } },
    });
  });
  afterAll(() => t.close());

  it('counts against the per-device query limit', async () => {
    const leader = await demoStaffOn(t.server.url, 'demo-console', '8001');
    const today = new Date().toISOString().slice(0, 10);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(
        `${t.server.url}/api/v1/report/export?from=${today}&to=${today}&format=csv`,
        {
          headers: { authorization: 'Bearer demo-console', 'x-staff-session': leader.sessionToken },
        },
      );
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    console.info(`12 exports, query limit 5: ${statuses.join(' ')}`);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
    leader.socket.close();
  });
});
