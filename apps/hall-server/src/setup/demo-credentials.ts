import { demoDevices, demoStaff } from '../app/demo-hall';
import { tokenHash, verifyPin } from '../app/secrets';
import type { Store } from '../store/store';

// A hall started without the demo (DEMO=0) must hold none of the demo hall's well-known
// credentials: its 14 pre-paired device tokens and its staff whose PIN is their staff number.

export interface DemoCredentials {
  /** Ids of devices still paired with a well-known demo token. */
  devices: string[];
  /** Staff numbers whose PIN is still the demo PIN. */
  staff: string[];
}

/** Ids of the devices still paired with a well-known demo token (cheap: hashes, no scrypt). */
export function demoDeviceIds(store: Store): string[] {
  return demoDevices
    .map((d) => store.devices.byTokenHash(tokenHash(d.token)))
    .filter((d) => d !== undefined && d.revokedAt === null)
    .map((d) => d!.id);
}

export async function findDemoCredentials(store: Store): Promise<DemoCredentials> {
  const devices = demoDeviceIds(store);
  // scrypt runs on libuv's thread pool: the ten checks take a few hundred ms together.
  const checks = await Promise.all(
    demoStaff.map(async (s) => {
      const cred = store.staff.credentials(s.staffNo);
      return cred !== undefined && (await verifyPin(s.pin, cred.pinHash)) ? s.staffNo : null;
    }),
  );
  return { devices, staff: checks.filter((no) => no !== null) };
}

export class DemoCredentialsError extends Error {
  constructor(
    readonly found: DemoCredentials,
    dataDir: string,
  ) {
    super(
      [
        `This hall holds demo credentials: ${found.devices.length} demo device tokens and ` +
          `${found.staff.length} staff whose PIN is the demo PIN (${found.staff.join(', ')}).`,
        'A real hall (DEMO=0) does not start with them. Remove them (this revokes the demo',
        'devices, disables the demo staff still on their demo PIN and sets a new admin PIN):',
        `  npm run setup -- --remove-demo --data-dir ${dataDir}`,
        'or set up a new hall in an empty directory: npm run setup -- --data-dir <new dir>.',
        'DEMO=1 starts it as the demo hall again.',
      ].join('\n'),
    );
    this.name = 'DemoCredentialsError';
  }
}

/** Called at start-up of a hall without the demo: throws when a demo credential is left. */
export async function refuseDemoCredentials(store: Store, dataDir: string): Promise<void> {
  const found = await findDemoCredentials(store);
  if (found.devices.length > 0 || found.staff.length > 0)
    throw new DemoCredentialsError(found, dataDir);
}
