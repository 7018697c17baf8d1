// The sentences for what is wrong with a backup: not a backup, cut short, its key file or
// journal damaged, another journal's. Only restoring (the first screens' "Restore from a
// backup", Settings) and the journal's own backups read a backup, so this file comes with
// RestoreBackup.svelte and the shell (Shell.svelte), not with the first screen's file (issue
// 12); it hands its words to errors.ts on loading.
import type { BackupProblem } from './bindings';
import { provideWords } from './errors';
import { m } from './i18n';

const BACKUP_PROBLEMS: Record<BackupProblem, () => string> = {
  not_a_backup: () => m.errors_backup_not_a_backup(),
  incomplete: () => m.errors_backup_incomplete(),
  key_file: () => m.errors_backup_key_file(),
  journal: () => m.errors_backup_journal(),
  other_journal: () => m.errors_backup_other_journal(),
};

/** The sentence for what is wrong with a backup, in the language spoken now. */
export function backupProblemText(problem: BackupProblem): string {
  return BACKUP_PROBLEMS[problem]();
}

provideWords({ backup: backupProblemText });
