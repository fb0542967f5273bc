/** WebSocket close codes the sync server uses, and why. */
export const CLOSE = {
  /** Server shutting down; clients reconnect to another node or after restart. */
  goingAway: 1001,
  /** A frame that is not valid y-websocket protocol. */
  protocolError: 1002,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 1003,
  /** Too many messages per second from one connection. */
  policyViolation: 1008,
  /** Frame above MAX_FRAME_BYTES (sent by ws itself), or the document is at its size limit. */
  messageTooBig: 1009,
  /** Storage failed; the update was not stored, so the client must resend after reconnecting. */
  internalError: 1011,
  /** The session expired while connected. */
  sessionExpired: 4001,
} as const;
