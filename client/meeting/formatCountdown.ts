const SECOND = 1_000;

function clockText(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/**
 * Remaining phase time as a clock face: "12:34", "1:02:03", and in overtime "+2:13 over".
 * Time left rounds up (it reads 0:01 until the second is really gone, as kitchen timers do);
 * overtime rounds down, so the display never jumps from "0:00" straight to "+0:01".
 */
export function formatCountdown(remainingMs: number): string {
  if (remainingMs >= 0) return clockText(Math.ceil(remainingMs / SECOND));
  return `+${clockText(Math.floor(-remainingMs / SECOND))} over`;
}

/** A duration for people: "5 min", "1 h 30 min", "45 s". */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.round(ms / SECOND)} s`;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}
