import {
  commands,
  type Audience,
  type CommandName,
  type DeviceKind,
  type Role,
} from '@onestop/shared';
import { reject, accept, type Result } from './result';

// The role-by-command matrix lives in the shared contract; this applies it to one actor.

export interface ActorRoles {
  /** null for a connection that presented no device token. */
  deviceKind: DeviceKind | null;
  /** Roles of the device (customer devices) or of the staff member signed in on it. */
  roles: readonly Role[];
  signedIn: boolean;
}

export function rolesOf(deviceKind: DeviceKind | null, staffRoles: readonly Role[] | null): Role[] {
  switch (deviceKind) {
    case null:
      return [];
    case 'kiosk':
    case 'display':
    case 'pad':
    case 'integration':
      return [deviceKind];
    case 'desk':
      return staffRoles ? [...staffRoles] : [];
  }
}

export function authorize(name: CommandName, actor: ActorRoles): Result<void> {
  const def = commands[name];
  const roles: Audience = def.roles;
  if (roles === 'public') return accept(undefined);
  if (actor.deviceKind === null) return reject('not_paired');
  const devices: readonly DeviceKind[] | undefined = 'devices' in def ? def.devices : undefined;
  if (devices && !devices.includes(actor.deviceKind)) return reject('wrong_device');
  if (roles === 'paired') return accept(undefined);
  if (actor.roles.some((r) => roles.includes(r))) return accept(undefined);
  return actor.deviceKind === 'desk' && !actor.signedIn
    ? reject('not_signed_in')
    : reject('forbidden');
}
