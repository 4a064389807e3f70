export * from './meetings/attendance';
export * from './people/bodies';
export { todayIso } from './clock';
export * from './errors';
export * from './hooks';
export * from './meetings/meetings';
export * from './meetings/meetingDocuments';
export * from './people/organizations';
export * from './people/people';
export * from './queries';
export { AppDb, db } from './schema';
export * from './settings';
export * from './meetings/agenda';
export * from './meetings/minutes';
export * from './meetings/resolutions';
export * from './room/room';
export * from './room/roomHooks';
export * from './meetings/tasks';
export * from './plan/planHooks';
export * from './plan/planQueries';
export * from './plan/planRepo';
export {
  AUDITED_TABLES,
  flushDrafts,
  mergeAuditForRestore,
  verifyAuditChain,
  type AuditEntry,
  type ChainReport,
} from './safety/audit';
export { lockedMeeting } from './guard';
export * from './safety/seal';
export * from './safety/auditLog';
export * from './safety/backup';
export * from './people/gdpr';
export * from './startup';
export * from './safety/backupCsv';
export * from './project';
export * from './safety/backupHooks';
export * from './polls/polls';
export * from './overview';
