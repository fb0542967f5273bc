import { Show } from "solid-js";
import { initials } from "./initials";
import type { PersonHere } from "./peopleHere";

/** How the avatar reads out: "Priya (you), facilitator, ready". */
export function describePerson(person: PersonHere): string {
  const parts = [person.isMe ? `${person.name} (you)` : person.name];
  if (person.facilitator) parts.push("facilitator");
  else if (person.role === "observer") parts.push("observer");
  if (person.ready) parts.push("ready");
  return parts.join(", ");
}

/**
 * A person's initials in a circle of their colour. Role and readiness are marked with a symbol
 * as well as said in words (never colour alone); the name shows as a tooltip and is read out.
 */
export function Avatar(props: { person: PersonHere }) {
  return (
    <li class="presence-person" title={describePerson(props.person)}>
      <span
        class="avatar"
        classList={{ "is-me": props.person.isMe, "is-observer": props.person.role === "observer" }}
        style={{ "--avatar-color": props.person.color }}
        aria-hidden="true"
      >
        {initials(props.person.name)}
        <Show when={props.person.facilitator}>
          <span class="avatar-badge avatar-badge-facilitator">★</span>
        </Show>
        <Show when={props.person.ready}>
          <span class="avatar-badge avatar-badge-ready">✓</span>
        </Show>
      </span>
      <span class="visually-hidden">{describePerson(props.person)}</span>
    </li>
  );
}
