import { describe, expect, it } from 'vitest';
import { createWorkstationStore } from './workstation-store';

// The workstation's own state: one dialog at a time, the side tab, the lookup's focus bump.

describe('createWorkstationStore', () => {
  it('starts with no dialog on the customer tab, and each store is its own', () => {
    const a = createWorkstationStore();
    const b = createWorkstationStore();
    expect(a.getState()).toEqual({ dialog: null, tab: 'customer', lookupFocus: 0 });
    a.setState({ dialog: { kind: 'park', ticketId: 't1' }, tab: 'mine' });
    expect(b.getState().dialog).toBeNull();
    expect(b.getState().tab).toBe('customer');
  });

  it('holds one dialog: opening another replaces it', () => {
    const store = createWorkstationStore();
    store.setState({ dialog: { kind: 'finish', ticketId: 't1' } });
    store.setState({ dialog: { kind: 'pause' } });
    expect(store.getState().dialog).toEqual({ kind: 'pause' });
  });
});
