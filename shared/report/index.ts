// Public API of the post-mortem report: one model built from the board and meeting documents,
// three renderings of it. Pure: the server, the CLI and the client all call the same functions.

export { type BuildReportOptions, buildReport } from "./buildReport";
export { isHelpedText } from "./helped";
export { renderHtml } from "./renderHtml";
export { renderJson } from "./renderJson";
export { renderMarkdown } from "./renderMarkdown";
export {
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
  reportFileName,
  reportMediaType,
} from "./reportFormat";
export { reportSchema } from "./reportSchema";
export type {
  Block,
  FindingSource,
  Inline,
  InlineMark,
  Instant,
  LanguageFinding,
  LanguageReview,
  MeetingPhaseRun,
  Participant,
  Perspective,
  Report,
  ReportCard,
  ReportImprovement,
  ReportMeeting,
  TimelineGroup,
} from "./reportTypes";
