import type { JoinSecret } from './ipc/sync';
import { normalizeRecoveryKey } from './recoveryKey';
import { m } from './i18n';

/**
 * What was typed in the secret fields (components/vault/SecretFields.svelte) as what is sent:
 * the passphrase, or the recovery key tidied; or the problem to show under the field.
 */
export function checkedSecret<F extends string>(
  field: F,
  secret: string,
  useRecoveryKey: boolean,
): { ok: true; value: JoinSecret } | { ok: false; field: F; error: string } {
  if (useRecoveryKey) {
    const key = normalizeRecoveryKey(secret);
    if (key === '') return { ok: false, field, error: m.vault_recover_with_key_please_type_key() };
    return { ok: true, value: { recoveryKey: key } };
  }
  if (secret === '') return { ok: false, field, error: m.vault_unlock_please_type_passphrase() };
  return { ok: true, value: { passphrase: secret } };
}
