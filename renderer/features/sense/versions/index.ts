/** The version-history dialog: the one public entry of this folder. */
export { VersionHistoryDialog, type VersionHistoryDialogProps } from './version-history-dialog';
