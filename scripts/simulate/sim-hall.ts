// The day simulator's link to the hall: a virtual clock the hall server reads, an agenda of
// actions run in time order on it, and the simulated devices (kiosk, desks, pads) that send
// commands over socket.io and count what the hall refused.

import type { Ack, CommandName, CommandOutput, CommandPayload } from '@onestop/shared';
import { connectDevice, sendCommand, type Device } from '../hall-socket';

export type { Device };

/** Simulated time in epoch milliseconds: the hall server's clock reads `now`. */
export interface VirtualClock {
  now: number;
}

/** Actions in time order; running one moves the clock to its time (never backwards). */
export class Agenda {
  private items: { at: number; order: number; run: () => Promise<void> }[] = [];
  private order = 0;
  constructor(private readonly clock: VirtualClock) {}
  at(at: number, run: () => Promise<void>): void {
    this.items.push({ at, order: this.order++, run });
  }
  async runAll(): Promise<void> {
    while (this.items.length > 0) {
      this.items.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.items.shift()!;
      this.clock.now = Math.max(this.clock.now, Math.round(next.at));
      await next.run();
    }
  }
}

/** The simulation's devices on one hall: what they sent, what was refused, who is signed in. */
export function simulatedDevices(url: string) {
  let commandsSent = 0;
  const refusals = new Map<string, number>();
  /** Session tokens kept across a day, as a desk keeps its staff signed in. */
  const sessions = new Map<string, string>();

  const connect = (deviceToken: string, sessionToken?: string): Promise<Device> =>
    connectDevice(url, sessionToken ? { deviceToken, sessionToken } : { deviceToken });

  /** Sends a command; a refusal is counted by its code (the hall's rules at work). */
  async function send<K extends CommandName>(
    device: Device,
    name: K,
    payload: CommandPayload<K>,
  ): Promise<Ack<CommandOutput<K>>> {
    commandsSent++;
    const ack = await sendCommand(device, name, payload);
    if (!ack.ok) refusals.set(ack.code, (refusals.get(ack.code) ?? 0) + 1);
    return ack;
  }

  return {
    connect,
    send,
    /** Sends a command whose refusal is not counted (a pad's rating may come too late). */
    async sendUncounted<K extends CommandName>(
      device: Device,
      name: K,
      payload: CommandPayload<K>,
    ) {
      commandsSent++;
      return sendCommand(device, name, payload);
    },
    async signedInDesk(deviceToken: string, staffNo: string): Promise<Device> {
      const kept = sessions.get(deviceToken);
      if (kept) return connect(deviceToken, kept);
      const desk = await connect(deviceToken);
      const signedIn = await send(desk, 'staff:sign-in', { staffNo, pin: staffNo });
      desk.disconnect();
      if (!signedIn.ok) throw new Error(`staff ${staffNo} cannot sign in: ${signedIn.code}`);
      sessions.set(deviceToken, signedIn.data.sessionToken);
      return connect(deviceToken, signedIn.data.sessionToken);
    },
    /** Staff sign in each morning: a session lasts a shift, not days. */
    newDay: () => sessions.clear(),
    get commandsSent() {
      return commandsSent;
    },
    refusals: () => Object.fromEntries(refusals),
  };
}

export type SimulatedDevices = ReturnType<typeof simulatedDevices>;
