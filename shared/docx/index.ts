// DOCX exports (docs/documents.md): build → pack → bytes.
//   const bytes = await packDocx(buildMinutes(view));  save(minutesFileName(view), bytes)
export { buildMinutes } from './minutes';
export {
  buildAttendanceSheet,
  DEFAULT_BLANK_GUEST_ROWS,
  SIGNATURE_ROW_HEIGHT,
} from './attendanceSheet';
export { buildInvitation } from './invitation';
export { packDocx, DOCX_MIME } from './pack';
export {
  attendanceSheetFileName,
  asciiSafe,
  docxFileName,
  formatDate,
  formatTime,
  formatTimeRange,
  formatVote,
  invitationFileName,
  minutesFileName,
  type DocKind,
} from './format';
export { cs, en, fill, labelsFor, LABELS, type Labels } from './labels';
export type * from './model';
