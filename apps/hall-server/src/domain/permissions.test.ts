import {
  commandNames,
  commands,
  type CommandName,
  type DeviceKind,
  type Role,
} from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { authorize, rolesOf } from './permissions';

type Actor = { label: string; deviceKind: DeviceKind | null; staffRoles: Role[] | null };
const actors: Actor[] = [
  { label: 'unpaired', deviceKind: null, staffRoles: null },
  { label: 'kiosk', deviceKind: 'kiosk', staffRoles: null },
  { label: 'display', deviceKind: 'display', staffRoles: null },
  { label: 'pad', deviceKind: 'pad', staffRoles: null },
  { label: 'integration', deviceKind: 'integration', staffRoles: null },
  { label: 'desk, nobody signed in', deviceKind: 'desk', staffRoles: null },
  { label: 'guide', deviceKind: 'desk', staffRoles: ['guide'] },
  { label: 'clerk', deviceKind: 'desk', staffRoles: ['clerk'] },
  { label: 'backoffice', deviceKind: 'desk', staffRoles: ['backoffice'] },
  { label: 'duty leader', deviceKind: 'desk', staffRoles: ['duty_leader'] },
  { label: 'admin', deviceKind: 'desk', staffRoles: ['admin'] },
];

// The expected matrix, written out by hand so that a change to the contract shows up here.
const allowed: Record<CommandName, string[]> = {
  'device:pair': actors.map((a) => a.label),
  'device:issue-pairing-code': ['duty leader', 'admin'],
  'device:revoke': ['admin'],
  'staff:sign-in': [
    'desk, nobody signed in',
    'guide',
    'clerk',
    'backoffice',
    'duty leader',
    'admin',
  ],
  'staff:sign-out': ['guide', 'clerk', 'backoffice', 'duty leader', 'admin'],
  'counter:sign-in': ['clerk'],
  'counter:sign-out': ['clerk'],
  'counter:open': ['clerk'],
  'counter:pause': ['clerk'],
  'counter:close': ['clerk'],
  'ticket:issue': ['kiosk', 'guide', 'duty leader'],
  'ticket:walk-in': ['clerk'],
  'ticket:call-next': ['clerk'],
  'ticket:call': ['clerk'],
  'ticket:recall': ['clerk'],
  'ticket:no-show': ['clerk'],
  'ticket:start': ['clerk'],
  'ticket:finish': ['clerk'],
  'ticket:park': ['clerk'],
  'ticket:resume': ['clerk'],
  'ticket:transfer': ['clerk'],
  'ticket:return': ['clerk'],
  'ticket:cancel': ['guide', 'duty leader'],
  'ticket:reinstate': ['guide', 'duty leader'],
  'ticket:reassign-owner': ['duty leader'],
  'hall:snapshot': actors.filter((a) => a.deviceKind !== null).map((a) => a.label),
  'hall:changes-since': actors.filter((a) => a.deviceKind !== null).map((a) => a.label),
  'customer:lookup': ['kiosk', 'guide', 'clerk', 'duty leader'],
  'customer:identify': ['kiosk', 'guide', 'clerk', 'duty leader'],
  'admin:register-id-card': ['admin'],
  'admin:id-cards': ['admin'],
  'appointment:create': ['integration', 'guide', 'duty leader'],
  'appointment:cancel': ['integration', 'guide', 'duty leader'],
  'appointment:check-in': ['kiosk', 'guide'],
  'opinion:submit': ['kiosk', 'guide', 'duty leader'],
  'hall:set-notice': ['duty leader'],
  'hall:queues': actors.filter((a) => a.deviceKind !== null).map((a) => a.label),
  'ticket:find': ['guide', 'clerk', 'duty leader'],
  'ticket:status': actors.map((a) => a.label),
  'report:get': ['duty leader', 'admin'],
  'override:ticket-priority': ['duty leader'],
  'override:ticket-counter': ['duty leader'],
  'override:counter-state': ['duty leader'],
  'override:counter-services': ['duty leader'],
  'override:sign-out': ['duty leader'],
  'opinion:assign': ['duty leader'],
  'opinion:resolve': ['clerk', 'duty leader'],
  'console:shift-log': ['duty leader', 'admin'],
  'hall:presence': ['duty leader', 'admin'],
  'console:call-order': ['duty leader', 'admin'],
  'admin:customers': ['admin'],
  'admin:save-service': ['admin'],
  'admin:save-case-type': ['admin'],
  'admin:save-counter': ['admin'],
  'admin:save-staff': ['admin'],
  'admin:reset-pin': ['admin'],
  'admin:rename-device': ['admin'],
  'admin:save-customer': ['admin'],
  'admin:configure': ['admin'],
  'evaluation:submit': ['pad'],
  'alert:acknowledge': ['clerk', 'duty leader'],
  'alert:acknowledge-many': ['duty leader'],
  'case:open': ['clerk', 'duty leader'],
  'case:advance': ['clerk', 'duty leader'],
  'case:close': ['clerk', 'duty leader'],
  'task:create': ['clerk', 'duty leader'],
  'promise:reset': ['clerk', 'duty leader'],
  'case:receipt': ['clerk', 'duty leader'],
  'task:accept': ['backoffice', 'duty leader'],
  'task:complete': ['backoffice', 'duty leader'],
  'task:cancel': ['clerk', 'duty leader'],
  'follow-up:create': ['duty leader'],
  'follow-up:assign': ['duty leader'],
  'follow-up:close': ['clerk', 'duty leader'],
  'customer:reveal-contact': ['clerk', 'backoffice', 'duty leader'],
  'handover:create': ['guide', 'clerk', 'backoffice', 'duty leader', 'admin'],
  'handover:acknowledge': ['guide', 'clerk', 'backoffice', 'duty leader', 'admin'],
  'handover:cancel': ['guide', 'clerk', 'backoffice', 'duty leader', 'admin'],
  'handover:list': ['guide', 'clerk', 'backoffice', 'duty leader', 'admin'],
  'admin:save-remedy-kind': ['admin'],
  'remedy:grant': ['guide', 'clerk', 'backoffice', 'duty leader'],
  'remedy:decide': ['duty leader'],
  'remedy:cancel': ['guide', 'clerk', 'backoffice', 'duty leader'],
  'remedy:list': ['guide', 'clerk', 'backoffice', 'duty leader', 'admin'],
  'knowledge:my-quizzes': ['guide', 'clerk', 'backoffice', 'duty leader'],
  'knowledge:start-attempt': ['guide', 'clerk', 'backoffice', 'duty leader'],
  'knowledge:submit-attempt': ['guide', 'clerk', 'backoffice', 'duty leader'],
  'admin:list-questions': ['admin'],
  'admin:save-question': ['admin'],
  'admin:import-questions': ['admin'],
  'admin:export-questions': ['admin'],
  'admin:list-quizzes': ['admin'],
  'admin:save-quiz': ['admin'],
  'admin:assign-quiz': ['admin'],
  'console:retraining-list': ['duty leader', 'admin'],
  'console:retraining-override': ['duty leader'],
  'admin:save-spot-checklist': ['admin'],
  'spot-check:checklists': ['duty leader', 'admin'],
  'spot-check:candidates': ['duty leader'],
  'spot-check:save': ['duty leader'],
  'spot-check:list': ['clerk', 'backoffice', 'duty leader', 'admin'],
  'report:clerk-trend': ['duty leader', 'admin'],
  'customer:context': ['clerk', 'backoffice', 'duty leader'],
  'notification:consent': ['guide', 'clerk', 'duty leader'],
  'notification:list': ['guide', 'clerk', 'backoffice', 'duty leader', 'admin'],
  'notification:retry': ['clerk', 'backoffice', 'duty leader'],
  'customer:my-vips': ['clerk'],
  'ticket:path': ['guide', 'clerk', 'backoffice', 'duty leader'],
  'sync:status': ['duty leader', 'admin'],
  'sync:run-now': ['duty leader', 'admin'],
  'admin:set-display-layout': ['admin'],
  'display:settings': ['display'],
  'display:media': actors.filter((a) => a.deviceKind !== null).map((a) => a.label),
  'device:heartbeat': actors.filter((a) => a.deviceKind !== null).map((a) => a.label),
  'device:health': ['guide', 'duty leader', 'admin'],
  'device:history': ['guide', 'duty leader', 'admin'],
  'device:report-fault': ['guide', 'clerk', 'backoffice', 'duty leader', 'admin'],
  'device:mark-fixed': ['duty leader', 'admin'],
  'device:opening-check': ['guide', 'duty leader'],
  'device:opening-checks': ['guide', 'duty leader', 'admin'],
};

const table = commandNames.flatMap((name) =>
  actors.map((actor) => ({
    name,
    actor: actor.label,
    ok: allowed[name].includes(actor.label),
    a: actor,
  })),
);

describe('role-by-command matrix', () => {
  it('covers every command in the contract', () => {
    expect(Object.keys(allowed).sort()).toEqual(Object.keys(commands).sort());
  });

  it.each(table)('$name by $actor → allowed: $ok', ({ name, ok, a }) => {
    const roles = rolesOf(a.deviceKind, a.staffRoles);
    const result = authorize(name, {
      deviceKind: a.deviceKind,
      roles,
      signedIn: a.staffRoles !== null,
    });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      const expected =
        a.deviceKind === null
          ? 'not_paired'
          : a.deviceKind === 'desk' && a.staffRoles === null
            ? 'not_signed_in'
            : ['forbidden', 'wrong_device'];
      if (Array.isArray(expected)) expect(expected).toContain(result.code);
      else expect(result.code).toBe(expected);
    }
  });
});
