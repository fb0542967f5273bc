// Timeline import: pure parsers from CSV, Slack exports and log lines to validated rows, and the
// one command that turns rows into timeline cards. No I/O; the server and the UI both use it.

export { type WallTime, zonedTimeToUtc } from "../time/zonedTimeToUtc";
export { applyTimelineRows, type ImportResult } from "./applyTimelineRows";
export { detectFormat } from "./detectFormat";
export { importCardId } from "./importCardId";
export { ImportError, type ImportProblem } from "./importError";
export { IMPORT_LIMITS } from "./importLimits";
export { parseCsvTimeline } from "./parseCsvTimeline";
export { parseLogLines } from "./parseLogLines";
export { parseSlackExport, SKIPPED_SLACK_SUBTYPES } from "./parseSlackExport";
export { parseTimeline, type TimelineImportInput } from "./parseTimeline";
export { parseTimestamp } from "./parseTimestamp";
export { readCsvRecords } from "./readCsvRecords";
export { sha256 } from "./sha256";
export { slackTextToPlain } from "./slackTextToPlain";
export { IMPORT_FORMATS, type ImportFormat, type TimelineRow } from "./timelineRow";
