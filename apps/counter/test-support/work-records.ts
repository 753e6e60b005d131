import type { SupportTask } from '@onestop/shared';

// Records and a storage for the work and service posts' pure tests (tickets and counters are in
// fixtures.ts).

export function supportTask(id: string, over: Partial<SupportTask> = {}): SupportTask {
  return {
    id,
    ownerStaffId: 'stf-clerk-1',
    caseId: null,
    ticketId: null,
    text: `task ${id}`,
    state: 'open',
    assigneeStaffId: null,
    dueAt: 0,
    promisedAt: 0,
    promiseChanges: [],
    createdAt: 0,
    acceptedAt: null,
    closedAt: null,
    result: null,
    updatedAt: 0,
    changeSeq: 1,
    ...over,
  };
}

/** A Storage in memory, for what a screen keeps in localStorage. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}
