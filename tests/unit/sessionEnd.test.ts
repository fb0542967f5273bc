import { describe, expect, it } from "vitest";
import { CLOSE } from "../../shared/session/closeCodes";
import { LINK_REPLACED, sessionEndForClose } from "../../shared/session/revocation";

describe("sessionEndForClose", () => {
  it("tells each final close of the sync server apart", () => {
    expect(sessionEndForClose(CLOSE.sessionExpired, "session expired")).toBe("expired");
    expect(sessionEndForClose(CLOSE.sessionExpired, LINK_REPLACED)).toBe("link-replaced");
    expect(sessionEndForClose(CLOSE.tooManyConnections, "room is full")).toBe("room-full");
    expect(sessionEndForClose(CLOSE.tooManyConnections, "too many from this address")).toBe(
      "room-full",
    );
    expect(sessionEndForClose(CLOSE.updateTooLarge, "update has too many structs")).toBe(
      "change-refused",
    );
    expect(sessionEndForClose(CLOSE.documentTooLarge, "document size limit reached")).toBe(
      "change-refused",
    );
  });
});
