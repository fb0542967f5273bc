/**
 * WebSocket close codes the sync server uses, and why. In shared/ because the client reads
 * them too: a final close says why a board's connection ended (sessionEndForClose).
 */
export const CLOSE = {
  /** Server shutting down; clients reconnect to another node or after restart. */
  goingAway: 1001,
  /** A frame that is not valid y-websocket protocol. */
  protocolError: 1002,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 1003,
  /** Too many messages per second from one connection. */
  policyViolation: 1008,
  /** Frame above MAX_FRAME_BYTES (sent by ws itself). */
  messageTooBig: 1009,
  /** Storage failed; the update was not stored, so the client must resend after reconnecting. */
  internalError: 1011,
  // 4400-4499 mirror HTTP 4xx; the stock y-websocket provider treats them as final and stops
  // reconnecting, which is right when retrying with the same token cannot succeed.
  /** The session expired while connected: join again with the link's key. */
  sessionExpired: 4401,
  /** The document reached MAX_DOC_BYTES or MAX_DOC_STRUCTS; resending would fail again. */
  documentTooLarge: 4413,
  /** One update holds more than MAX_UPDATE_STRUCTS parts; resending it would fail again. */
  updateTooLarge: 4413,
  /**
   * The room is full (MAX_CONNECTIONS_PER_ROOM) or the address holds too many connections
   * (MAX_CONNECTIONS_PER_ADDRESS). Sent right after the upgrade, before any document byte, so
   * the stock provider stops instead of retrying every few seconds and the client can say why.
   */
  tooManyConnections: 4429,
} as const;
