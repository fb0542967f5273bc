import type { Context } from "hono";
import type { z } from "zod";
import { describeZodError } from "./schemas";

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a JSON body against a schema; a bad body becomes a 400 naming the field. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!c.req.header("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new HttpError(415, "body must be application/json");
  }
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new HttpError(400, "body is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
  return parsed.data;
}

/** The bearer token of a request, if it carries one. */
export function readBearer(c: Context): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
}

/** The bearer token of a request, or a 401. */
export function bearerToken(c: Context): string {
  const token = readBearer(c);
  if (!token) throw new HttpError(401, "Authorization: Bearer <token> required");
  return token;
}
