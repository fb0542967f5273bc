import { z } from "zod";

/** A point in time as ISO 8601 with an explicit offset: incident times must not float. */
const isoWithOffset = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    "must be ISO 8601 with an offset, e.g. 2026-11-02T14:05:00+01:00",
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), "is not a real date and time");

const timezone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as Europe/Berlin");

export const CreateBoardBody = z.strictObject({
  title: z.string().trim().min(1, "must not be empty").max(200),
  incidentStart: isoWithOffset.optional(),
  incidentEnd: isoWithOffset.optional(),
  timezone: timezone.default("UTC"),
});

export const CreateSessionBody = z.strictObject({
  key: z.string().min(1).max(200),
  name: z.string().trim().min(1, "must not be empty").max(60),
  resumeToken: z.string().max(2000).optional(),
});

/** `title: must not be empty; timezone: must be an IANA time zone …` */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
