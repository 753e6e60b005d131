import { existsSync } from 'node:fs';
import type { WebApp } from './static-files';

export interface LandingInfo {
  hallName: string;
  apps: WebApp[];
  demo: {
    staff: { staffNo: string; name: string; roles: string[]; pin: string }[];
    devices: { name: string; token: string }[];
    /** Screens opened as pre-paired demo devices. */
    links: { href: string; label: string }[];
  } | null;
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** `/`: every screen the hall serves, the API, and (demo hall only) sign-in details. */
export function landingPage(info: LandingInfo): string {
  const screens = info.apps
    .flatMap((app) =>
      app.routes.map((route) => {
        const built = existsSync(app.dir);
        const title = app.screens?.[route] ?? app.title;
        return `<li><a href="${route}">${route}</a> — ${esc(title)}${built ? '' : ' <em>(not built: run npm run build:web)</em>'}</li>`;
      }),
    )
    .join('');
  const demo = info.demo
    ? `<h2>Demo hall</h2>
<p>Open a screen as one of the demo hall's devices:</p>
<ul>${info.demo.links.map((l) => `<li><a href="${esc(l.href)}">${esc(l.href)}</a> — ${esc(l.label)}</li>`).join('')}</ul>
<p>Staff sign-in (staff number / PIN):</p>
<table><tr><th>Staff no.</th><th>Name</th><th>Roles</th><th>PIN</th></tr>
${info.demo.staff.map((s) => `<tr><td>${esc(s.staffNo)}</td><td>${esc(s.name)}</td><td>${esc(s.roles.join(', '))}</td><td>${esc(s.pin)}</td></tr>`).join('')}
</table>
<p>Pre-paired demo devices (device tokens, for <code>Authorization: Bearer …</code>):</p>
<ul>${info.demo.devices.map((d) => `<li>${esc(d.name)}: <code>${esc(d.token)}</code></li>`).join('')}</ul>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>OneStop — ${esc(info.hallName)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem}</style>
</head><body><h1>OneStop — ${esc(info.hallName)}</h1>
<h2>Screens</h2><ul>${screens || '<li>No screens are configured.</li>'}</ul>
<h2>API</h2><ul><li><a href="/api/v1/openapi.json">/api/v1/openapi.json</a> — OpenAPI document of every operation</li>
<li><a href="/api/v1/health">/api/v1/health</a> — liveness</li><li>socket.io at <code>/socket.io/</code> — the same operations as events with acks</li></ul>
${demo}</body></html>`;
}
