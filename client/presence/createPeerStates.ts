import { type Accessor, createSignal, onCleanup } from "solid-js";
import type { Awareness } from "y-protocols/awareness";
import { type Peer, PresenceStateSchema } from "./presenceState";

/**
 * Everyone's validated presence on a room, this browser included, as a Solid signal. Listens to
 * "change" rather than "update": the provider renews each state every 15 s, and renewals that
 * change nothing must not re-render the board. Must run inside a Solid owner.
 */
export function createPeerStates(awareness: Awareness): Accessor<Peer[]> {
  // Awareness replaces a client's state object whenever it changes and keeps it otherwise, so
  // parses are cached by object: a pointer moving twenty times a second re-validates only the
  // state that moved, not the whole room's.
  const parsed = new WeakMap<object, Omit<Peer, "clientId"> | null>();
  const validate = (raw: unknown) => {
    if (typeof raw !== "object" || raw === null) return null;
    let result = parsed.get(raw);
    if (result === undefined) {
      const attempt = PresenceStateSchema.safeParse(raw);
      result = attempt.success ? attempt.data : null;
      parsed.set(raw, result);
    }
    return result;
  };
  const read = (): Peer[] => {
    const peers: Peer[] = [];
    for (const [clientId, raw] of awareness.getStates()) {
      const state = validate(raw);
      if (state) peers.push({ ...state, clientId });
    }
    return peers;
  };

  const [peers, setPeers] = createSignal<Peer[]>(read());
  const onChange = () => setPeers(read());
  awareness.on("change", onChange);
  onCleanup(() => awareness.off("change", onChange));
  return peers;
}
