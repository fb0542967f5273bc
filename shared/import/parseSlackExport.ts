import { z } from "zod";
import { ImportError, ProblemList, tooManyRows } from "./importError";
import { IMPORT_LIMITS } from "./importLimits";
import { jsonArrayElementLines, lineAtOffset } from "./jsonArrayElementLines";
import { cleanText, fitSource, textProblem } from "./rowChecks";
import { slackTextToPlain } from "./slackTextToPlain";
import type { ParseContext, TimelineRow } from "./timelineRow";

/**
 * Subtypes that are channel membership noise, not events of the incident: someone joining or
 * leaving the channel (or a private channel, "group"). Every other message is kept, including
 * bot posts (alerts) and topic changes, whose text says what happened.
 */
export const SKIPPED_SLACK_SUBTYPES: ReadonlySet<string> = new Set([
  "channel_join",
  "channel_leave",
  "group_join",
  "group_leave",
]);

const name = z.string().optional().catch(undefined);

// Only the fields the import reads; exports carry many more, and they pass untouched. Names are
// lenient (`catch`) because a missing or odd profile must not refuse an otherwise good message.
const slackMessageSchema = z.looseObject({
  subtype: z.string().optional(),
  ts: z
    .string({ error: 'must be a string like "1793628192.000200"' })
    .regex(/^\d{1,12}(\.\d{1,9})?$/, 'must be epoch seconds like "1793628192.000200"'),
  user: name,
  username: name,
  user_profile: z
    .looseObject({ real_name: name, display_name: name, name })
    .optional()
    .catch(undefined),
  bot_profile: z.looseObject({ name }).optional().catch(undefined),
  text: z.string({ error: "must be a string" }).optional(),
  attachments: z
    .array(z.looseObject({ fallback: name, text: name, title: name }))
    .optional()
    .catch(undefined),
});
type SlackMessage = z.infer<typeof slackMessageSchema>;

const EXPORT_HINT =
  "a Slack export is a JSON array of messages, like one channel's day file (incident/2026-11-02.json)";

function nonEmpty(...names: Array<string | undefined>): string | undefined {
  return names.map((n) => n?.trim()).find((n) => n);
}

function profileName(message: SlackMessage): string | undefined {
  return nonEmpty(message.user_profile?.real_name, message.user_profile?.display_name);
}

// "ts" is epoch seconds with a microsecond fraction; read the digits to avoid float rounding.
function tsToMs(ts: string): number {
  const [seconds = "0", fraction = ""] = ts.split(".");
  return Number(seconds) * 1000 + Number(fraction.padEnd(3, "0").slice(0, 3));
}

// Alert bots often post an empty text with the content in legacy attachments.
function messageText(message: SlackMessage): string {
  if (message.text?.trim()) return message.text;
  return (message.attachments ?? [])
    .map((attachment) => nonEmpty(attachment.fallback, attachment.text, attachment.title) ?? "")
    .filter((text) => text !== "")
    .join("\n");
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const line = position ? lineAtOffset(content, Number(position[1])) : null;
    throw new ImportError([{ line, reason: `not valid JSON (${detail}); ${EXPORT_HINT}` }]);
  }
}

/**
 * Parses a Slack channel export. Each message becomes a row at its `ts`, with its text made
 * readable and the source "<context.source>: <author>". Join/leave messages (see
 * SKIPPED_SLACK_SUBTYPES) and messages without text (a bare file upload) are left out.
 */
export function parseSlackExport(content: string, context: ParseContext): TimelineRow[] {
  const json = parseJson(content);
  if (!Array.isArray(json)) throw new ImportError([{ line: 1, reason: EXPORT_HINT }]);
  const lines = jsonArrayElementLines(content);
  const problems = new ProblemList();

  const messages: Array<{ line: number; message: SlackMessage }> = [];
  json.forEach((item: unknown, index) => {
    const line = lines[index] ?? 1;
    const parsed = slackMessageSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `"${issue.path.join(".")}" ` : "";
      const reason = typeof item === "object" && item !== null ? issue?.message : "not an object";
      problems.add(line, `message ${index + 1}: ${where}${reason ?? "is not a message"}`);
    } else if (!SKIPPED_SLACK_SUBTYPES.has(parsed.data.subtype ?? "")) {
      messages.push({ line, message: parsed.data });
    }
  });
  problems.throwIfAny();

  // Mentions name people by id; their messages in the same export carry the readable name.
  const userNames = new Map<string, string>();
  for (const { message } of messages) {
    const known = profileName(message);
    if (message.user && known && !userNames.has(message.user)) userNames.set(message.user, known);
  }

  const rows: TimelineRow[] = [];
  for (const { line, message } of messages) {
    const text = cleanText(slackTextToPlain(messageText(message), userNames));
    if (text === "") continue;
    if (rows.length >= IMPORT_LIMITS.rows) tooManyRows();
    const badText = textProblem(text);
    if (badText) {
      problems.add(line, badText);
      continue;
    }
    const author =
      profileName(message) ??
      (message.user ? userNames.get(message.user) : undefined) ??
      nonEmpty(
        message.user_profile?.name,
        message.username,
        message.bot_profile?.name,
        message.user,
      ) ??
      "unknown";
    rows.push({
      line,
      at: tsToMs(message.ts),
      text,
      source: fitSource(`${context.source}: ${author}`),
    });
  }
  problems.throwIfAny();
  return rows;
}
