/**
 * What a person is told when the list of participants who may steer the meeting changes:
 * about themselves in the second person, about anyone else by name (a participant whose
 * lane is gone, or who never had one, as "A participant") unless `aboutOthers` is false.
 */
export function steeringChange(
  before: readonly string[],
  now: readonly string[],
  me: string,
  nameOf: (participantId: string) => string | undefined,
  aboutOthers = true,
): string | undefined {
  const had = new Set(before);
  const has = new Set(now);
  if (has.has(me) !== had.has(me)) return has.has(me) ? GIVEN_TO_YOU : TAKEN_FROM_YOU;
  if (!aboutOthers) return undefined;
  const name = (id: string) => nameOf(id) ?? "A participant";
  const given = now.filter((id) => !had.has(id)).map(name);
  const taken = before.filter((id) => !has.has(id)).map(name);
  const lines = [
    given.length > 0 ? `${listed(given)} can now steer the meeting too.` : "",
    taken.length > 0
      ? `${listed(taken)} no longer ${taken.length > 1 ? "steer" : "steers"} the meeting.`
      : "",
  ].filter(Boolean);
  return lines.length > 0 ? lines.join(" ") : undefined;
}

export const GIVEN_TO_YOU =
  "A facilitator shared the meeting controls with you: you can start, pause and move the phases.";
export const TAKEN_FROM_YOU = "The meeting controls were handed back to the facilitator.";

/** "Priya", "Priya and Sam", "Priya, Sam and Noor". */
function listed(names: string[]): string {
  if (names.length < 2) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
