// Slack stores message text in its "mrkdwn" markup: mentions, channels and links as <…> tokens,
// and a literal &, < and > escaped as entities. See https://api.slack.com/reference/surfaces/formatting

const SPECIAL_MENTIONS: Record<string, string> = {
  here: "@here",
  channel: "@channel",
  everyone: "@everyone",
};

function convertToken(inner: string, userNames: ReadonlyMap<string, string>): string {
  const bar = inner.indexOf("|");
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : inner.slice(bar + 1);
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return `@${userNames.get(id) ?? label ?? id}`;
  }
  if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
  if (target.startsWith("!")) {
    const [command = ""] = target.slice(1).split("^");
    // <!subteam^S123|@oncall>, <!date^1793628192^{time}|14:03>: the label is the readable form.
    return label ?? SPECIAL_MENTIONS[command] ?? `@${command}`;
  }
  if (target.startsWith("mailto:")) return label ?? target.slice("mailto:".length);
  // A link keeps its address next to its label: the report reader may need where it pointed.
  return label && label !== target ? `${label} (${target})` : target;
}

/**
 * Turns Slack message markup into readable plain text: `<@U123>` becomes "@Ana Lima" (names from
 * `userNames`, else the token's label, else the id), `<#C1|incident>` "#incident",
 * `<https://x|label>` "label (https://x)", `<!here>` "@here", and `&amp;` `&lt;` `&gt;` the
 * characters. Emphasis (`*bold*`) and emoji codes (`:fire:`) stay as typed.
 */
export function slackTextToPlain(text: string, userNames: ReadonlyMap<string, string>): string {
  // Tokens first, entities second: an entity-escaped "&lt;" must not open a token.
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => convertToken(inner, userNames))
    .replace(/&(amp|lt|gt);/g, (_, name: string) =>
      name === "amp" ? "&" : name === "lt" ? "<" : ">",
    );
}
