import { describe, expect, it } from 'vitest';
import { loadHallConfig } from './load-config';

// The notification gateway's settings (docs/notifications.md, "Gateways"): the webhook needs a
// URL and a shared secret from the environment or a file, never from the configuration file's
// keys; http:// only to this machine unless allowed; the secret is never repeated in a problem.

const SECRET = 'a-shared-secret-of-32-characters';

function load(env: Record<string, string>, files: Record<string, string> = {}) {
  return loadHallConfig({
    argv: [],
    env,
    cwd: '/srv/hall',
    readFile(path) {
      const text = files[path];
      if (text !== undefined) return text;
      throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    },
  });
}

const webhook = (url: string, more: Record<string, string> = {}) => ({
  NOTIFY_GATEWAY: 'webhook',
  NOTIFY_WEBHOOK_URL: url,
  ...more,
});

describe('the notification gateway settings', () => {
  it('the log gateway by default, nothing else needed', () => {
    const r = load({});
    expect(r.ok && r.config.notify.gateway).toBe('log');
  });

  it.each([
    ['https to anywhere', 'https://sms.example.cn/hook', {}],
    ['http to this machine', 'http://127.0.0.1:9000/hook', {}],
    ['http to localhost', 'http://localhost:9000/hook', {}],
    ['http elsewhere, explicitly allowed', 'http://10.0.0.8/hook', { NOTIFY_ALLOW_HTTP: '1' }],
  ])('accepted: %s', (_, url, more) => {
    const r = load(webhook(url, { ONESTOP_WEBHOOK_SECRET: SECRET, ...more }));
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.config.notify).toMatchObject({
        gateway: 'webhook',
        webhookUrl: url,
        webhookSecret: SECRET,
      });
  });

  it.each([
    [
      'http to another machine',
      webhook('http://10.0.0.8/hook', { ONESTOP_WEBHOOK_SECRET: SECRET }),
      /http:\/\/ to another machine/,
    ],
    ['no URL', { NOTIFY_GATEWAY: 'webhook', ONESTOP_WEBHOOK_SECRET: SECRET }, /notify\.webhookUrl/],
    ['no secret', webhook('https://sms.example.cn/hook'), /needs its shared secret/],
    [
      'a short secret',
      webhook('https://sms.example.cn/hook', { ONESTOP_WEBHOOK_SECRET: 'short-s3cret' }),
      /at least 16/,
    ],
    ['an unknown gateway', { NOTIFY_GATEWAY: 'carrier-pigeon' }, /NOTIFY_GATEWAY/],
    [
      'not a URL',
      webhook('sms.example.cn', { ONESTOP_WEBHOOK_SECRET: SECRET }),
      /NOTIFY_WEBHOOK_URL/,
    ],
  ])('refused: %s', (_, env, problem) => {
    const r = load(env);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.join('\n')).toMatch(problem);
      expect(r.problems.join('\n')).not.toContain('short-s3cret');
      expect(r.problems.join('\n')).not.toContain(SECRET);
    }
  });

  it('the secret from a file when the environment has none', () => {
    const r = load(
      webhook('https://sms.example.cn/hook', {
        NOTIFY_WEBHOOK_SECRET_FILE: '/etc/onestop/webhook.key',
      }),
      { '/etc/onestop/webhook.key': `${SECRET}\n` },
    );
    expect(r.ok && r.config.notify.webhookSecret).toBe(SECRET);
  });

  it('the secret is no key of the configuration file', () => {
    const r = load(
      {},
      {
        '/srv/hall/data/onestop.json': JSON.stringify({ notify: { webhookSecret: SECRET } }),
      },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/unknown key "notify\.webhookSecret"/);
  });
});
