import type { JoinSecret } from './ipc/sync';
import type { FormFlow } from './formFlow.svelte';
import { errorCodeOf } from './ipc/IpcError';
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

/**
 * After a failed try with the secret fields: a wrong passphrase or recovery key is cleared
 * (`clear`) and its message moves under the field, which takes the focus; any other failure
 * stays the form's alert.
 */
export async function wrongSecretToField<F extends string>(
  flow: FormFlow<F>,
  field: F,
  reason: unknown,
  clear: () => void,
): Promise<void> {
  const code = errorCodeOf(reason);
  if (code === 'wrong_passphrase' || code === 'wrong_recovery_key') {
    clear();
    await flow.reject({ field, error: flow.error });
  }
}
