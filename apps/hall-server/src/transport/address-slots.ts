/** Open connections per source address, at most `cap` each (the map holds only open ones). */
export function addressSlots(cap: number) {
  const open = new Map<string, number>();
  return {
    hasRoom: (address: string | undefined) => (open.get(address ?? '') ?? 0) < cap,
    take(address: string | undefined): boolean {
      const key = address ?? '';
      const n = open.get(key) ?? 0;
      if (n >= cap) return false;
      open.set(key, n + 1);
      return true;
    },
    give(address: string | undefined): void {
      const key = address ?? '';
      const n = (open.get(key) ?? 1) - 1;
      if (n > 0) open.set(key, n);
      else open.delete(key);
    },
  };
}
