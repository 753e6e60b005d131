import { useStore } from 'zustand';
import type { HallConnection, HallView } from './hall-connection';

/** Subscribes a React component to a slice of the connection's view of the hall. */
export function useHall<T>(connection: HallConnection, selector: (view: HallView) => T): T {
  return useStore(connection.store, selector);
}
