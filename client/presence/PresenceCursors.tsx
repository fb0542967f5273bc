/**
 * Other people's cursors on the board, drawn inside the lanes' scrolling area in board
 * coordinates (incident time across, lane rows down). (Placeholder.)
 */
export function PresenceCursors() {
  return null;
}
