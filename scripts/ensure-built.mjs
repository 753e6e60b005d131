// `node scripts/ensure-built.mjs <target>…` (run by `npm start` and `npm run central`): builds
// the named targets only when a build is missing or older than its sources, so a start never
// compiles anything on a built tree. The check stats the source trees and loads no bundler.
// `--check`: build nothing, print what is stale and exit 1 if anything is.
import { staleReason, targets } from './build-targets.mjs';

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const names = args.filter((arg) => !arg.startsWith('--'));
const unknown = names.filter((name) => !(name in targets));
if (names.length === 0 || unknown.length > 0) {
  console.error(
    `usage: node scripts/ensure-built.mjs [--check] <target>…; targets: ${Object.keys(targets).join(', ')}`,
  );
  process.exit(2);
}

const stale = names
  .map((name) => ({ name, reason: staleReason(targets[name]) }))
  .filter((s) => s.reason !== null);
for (const { name, reason } of stale) {
  console.error(`onestop: ${name} is stale: ${reason}${checkOnly ? '' : '; building it'}`);
}
if (checkOnly) process.exit(stale.length > 0 ? 1 : 0);
if (stale.length > 0) {
  const { buildTarget } = await import('./build.mjs');
  for (const { name } of stale) {
    try {
      await buildTarget(name, { onlyIfStale: true });
    } catch (err) {
      // A service user may not write the checkout (/opt is read-only to it): say who must build.
      if (err?.code !== 'EACCES' && err?.code !== 'EPERM' && err?.code !== 'EROFS') throw err;
      console.error(
        `onestop: cannot build ${name} here (${err.message}); run npm run build as the owner of the checkout`,
      );
      process.exit(1);
    }
  }
}
