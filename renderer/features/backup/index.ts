/** Backup and restore (issue 8): the dialog, and the desktop app's daily backup. */
export { BackupDialog } from './backup-dialog';
export { useAutomaticBackups } from './automatic-backups';
