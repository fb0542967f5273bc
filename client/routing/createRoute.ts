import { type Accessor, createSignal, onCleanup } from "solid-js";
import { parseRoute, type Route } from "./parseRoute";

/**
 * The current route, following back/forward and fragment edits (pasting another board link
 * into the address bar changes only the hash). Must run inside a Solid owner.
 */
export function createRoute(): Accessor<Route> {
  const read = () => parseRoute(location.pathname, location.hash);
  const [route, setRoute] = createSignal(read());
  const update = () => setRoute(read());
  window.addEventListener("hashchange", update);
  window.addEventListener("popstate", update);
  onCleanup(() => {
    window.removeEventListener("hashchange", update);
    window.removeEventListener("popstate", update);
  });
  return route;
}
