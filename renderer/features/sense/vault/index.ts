// The vault feature's public entry: Markdown vault import and export, and the buttons that run them.
export { VaultButtons } from './vault-buttons';
export { importVault, maxInlineImageBytes, type ImportVaultOptions } from './vault-import';
export { exportVault, vaultZipName, type ExportVaultOptions } from './vault-export';
export { readVaultFiles, readVaultZip, maxVaultFileBytes, type VaultFile, type VaultRead } from './vault-files';
export { describeImport, skipReasonWords, type ImportReport, type VaultSkip, type VaultSkipReason, type VaultProblem } from './vault-report';
