// The backup IPC module as tests see it after `vi.mock('…/lib/ipc/backup')`.
import { vi } from 'vitest';

export const backupNow = vi.fn();
export const cancelBackup = vi.fn();
export const pickBackup = vi.fn();
export const automaticBackups = vi.fn();
export const inspectBackup = vi.fn();
export const restoreBackup = vi.fn();
export const deleteOlderBackups = vi.fn();
