import type { Records } from '@onestop/shared';
import { startOfBusinessDay } from '../../domain/business-day';
import { accept } from '../../domain/result';
import { handler, type Actor } from '../context';
import { padAudience, projectRecords, projectSnapshot, type Audience } from '../projection';
import { workChangesSince, workSnapshot } from './work-records';

export function audienceOf(actor: Actor): Audience {
  if (actor.staff) return 'staff';
  const device = actor.device;
  return device?.kind === 'pad' && device.counterId ? padAudience(device.counterId) : 'public';
}

export const queryHandlers = {
  'hall:snapshot': handler<'hall:snapshot'>({
    run(tx) {
      const { store, hall } = tx;
      const snapshot = {
        seq: hall.seq,
        businessDay: hall.businessDay,
        config: hall.config,
        services: store.services.all(),
        counters: store.counters.all(),
        staff: store.staff.all(),
        tickets: store.tickets.visible(hall.businessDay),
        devices: store.devices.all(),
        sessions: store.devices.openSessions(),
        appointments: store.appointments.ofDay(hall.businessDay),
        opinions: store.opinions.current(
          startOfBusinessDay(hall.businessDay, hall.config.timeZone),
        ),
        ...workSnapshot(store, startOfBusinessDay(hall.businessDay, hall.config.timeZone)),
      };
      return accept(projectSnapshot(snapshot, audienceOf(tx.actor)));
    },
  }),

  'hall:changes-since': handler<'hall:changes-since'>({
    run(tx, { since }) {
      const { store, hall } = tx;
      const records: Records = {
        tickets: store.tickets.changedSince(since),
        counters: store.counters.changedSince(since),
        services: store.services.changedSince(since),
        staff: store.staff.changedSince(since),
        devices: store.devices.changedSince(since),
        sessions: store.devices.sessionsChangedSince(since),
        appointments: store.appointments.changedSince(since),
        opinions: store.opinions.changedSince(since),
        ...workChangesSince(store, since),
        syncStatus: store.sync.statusChangedSince(since),
        ...(hall.configChangeSeq > since ? { config: hall.config } : {}),
      };
      return accept({ seq: hall.seq, records: projectRecords(records, audienceOf(tx.actor)) });
    },
  }),
};
