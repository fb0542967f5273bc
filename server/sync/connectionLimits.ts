/**
 * Counts open sync connections per room and per client address, so one board or one host
 * cannot hold an unbounded number of sockets (each costs a buffer, a heartbeat and a share
 * of every relayed update). Checked when a connection opens; the newcomer is the one refused.
 */
export function createConnectionLimits(limits: { perRoom: number; perAddress: number }) {
  const rooms = new Map<string, number>();
  const addresses = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, by: number) => {
    const n = (map.get(key) ?? 0) + by;
    if (n <= 0) map.delete(key);
    else map.set(key, n);
  };
  return {
    /** Takes a slot for a new connection, or says which limit is full. */
    admit(room: string, address: string): "ok" | "room full" | "too many from this address" {
      if ((rooms.get(room) ?? 0) >= limits.perRoom) return "room full";
      if ((addresses.get(address) ?? 0) >= limits.perAddress) return "too many from this address";
      bump(rooms, room, 1);
      bump(addresses, address, 1);
      return "ok";
    },
    /** Gives back the slot of an admitted connection that closed. */
    release(room: string, address: string): void {
      bump(rooms, room, -1);
      bump(addresses, address, -1);
    },
  };
}

export type ConnectionLimitsCounter = ReturnType<typeof createConnectionLimits>;
