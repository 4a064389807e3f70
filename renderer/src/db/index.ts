export * from './attendance';
export * from './bodies';
export { todayIso } from './clock';
export * from './errors';
export * from './hooks';
export * from './meetings';
export * from './meetingDocuments';
export * from './organizations';
export * from './people';
export * from './queries';
export { AppDb, db } from './schema';
export * from './settings';
export * from './sample';
export * from './agenda';
export * from './minutes';
export * from './resolutions';
export * from './room';
export * from './roomHooks';
export * from './tasks';
export * from './planHooks';
export * from './planQueries';
export * from './planRepo';
export {
  AUDITED_TABLES,
  flushDrafts,
  mergeAuditForRestore,
  verifyAuditChain,
  type AuditEntry,
  type ChainReport,
} from './audit';
export { lockedMeeting } from './guard';
export * from './seal';
export * from './auditLog';
export * from './backup';
export * from './gdpr';
export * from './startup';
export * from './backupCsv';
export * from './project';
export * from './backupHooks';
export * from './polls';
export * from './overview';
