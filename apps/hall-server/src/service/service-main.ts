import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { argValue } from '../sync/cli-args';
import { windowsServiceOptions, WINDOWS_SERVICE_NAME } from './windows-service';

// `npm run service:install [-- --data-dir D:\hall]` / `npm run service:uninstall`: the hall
// server as a Windows service (node-windows). Run from an Administrator prompt, after
// `npm run build`. Elsewhere it refuses and points at the systemd unit.

const usage = 'usage: npm run service:install [-- --data-dir <dir>] | npm run service:uninstall';
const argv = process.argv.slice(2);
const action = argv[0];
if (action !== 'install' && action !== 'uninstall') {
  console.error(usage);
  process.exit(2);
}
if (process.platform !== 'win32') {
  console.error(
    [
      `npm run service:${action} installs a Windows service and does nothing on ${process.platform}.`,
      'On Linux the hall server runs under systemd: deploy/onestop-hall.service, installed as',
      'docs/deploy.md ("Linux: systemd") says.',
    ].join('\n'),
  );
  process.exit(1);
}

const options = windowsServiceOptions({
  repoRoot: fileURLToPath(new URL('../../../../', import.meta.url)),
  execPath: process.execPath,
  programData: process.env.ProgramData ?? 'C:\\ProgramData',
  dataDir: argValue(argv, '--data-dir'),
});
if (action === 'install' && !existsSync(options.script)) {
  console.error(`${options.script} is missing: run npm run build first.`);
  process.exit(1);
}
// Loaded only here: node-windows throws when loaded on any other platform.
const { Service } = (await import('node-windows')).default;
const service = new Service(options);
service.on('error', (err: unknown) => {
  console.error(`${WINDOWS_SERVICE_NAME}: ${String(err)}`);
  process.exitCode = 1;
});
if (action === 'install') {
  service.on('install', () => {
    console.log(`Installed the service "${WINDOWS_SERVICE_NAME}"; starting it.`);
    service.start();
  });
  service.on('alreadyinstalled', () => {
    console.log(
      `"${WINDOWS_SERVICE_NAME}" is already installed (uninstall it first to change it).`,
    );
  });
  service.on('start', () => {
    const dataDir = options.env.find((e) => e.name === 'DATA_DIR')!.value;
    console.log(`Started. Data in ${dataDir}, logs in ${options.logpath}.`);
  });
  service.install();
} else {
  service.on('uninstall', () => console.log(`Removed the service "${WINDOWS_SERVICE_NAME}".`));
  service.on('alreadyuninstalled', () =>
    console.log(`"${WINDOWS_SERVICE_NAME}" is not installed.`),
  );
  service.uninstall();
}
