import type { AppError, ErrorCode, ErrorDetail } from './generated';

/** Every error code the backend can send. Kept in step with `ErrorCode` by the check below. */
export const ERROR_CODES = [
  'wrong_passphrase',
  'wrong_recovery_key',
  'locked',
  'locked_while_opening',
  'not_found',
  'already_exists',
  'invalid_input',
  'corrupt',
  'newer_version',
  'io',
  'internal',
  'rate_limited',
  'disk_full',
  'backup_damaged',
  'cancelled',
] as const satisfies readonly ErrorCode[];

// Compile-time guarantee that ERROR_CODES lists every ErrorCode.
type MissingCodes = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
const allCodesListed: [MissingCodes] extends [never] ? true : false = true;
void allCodesListed;

/**
 * A failed backend command. Views branch on `code`, and word it from `code` and `detail`
 * (lib/errors.ts); `message` is the backend's English, for logs.
 */
export class IpcError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorDetail | null;

  constructor(code: ErrorCode, message: string, detail: ErrorDetail | null = null) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
    this.detail = detail;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isErrorCode(v.code) && typeof v.message === 'string';
}

/** Turns whatever a rejected invoke produced into an IpcError. Unknown shapes become `internal`. */
export function toIpcError(reason: unknown): IpcError {
  if (reason instanceof IpcError) return reason;
  if (isAppError(reason)) return new IpcError(reason.code, reason.message, reason.detail ?? null);
  if (typeof reason === 'string') return new IpcError('internal', reason);
  if (reason instanceof Error) return new IpcError('internal', reason.message);
  return new IpcError('internal', 'Unknown error from the backend.');
}

/** The error code of anything caught from an IPC call. */
export function errorCodeOf(reason: unknown): ErrorCode {
  return toIpcError(reason).code;
}
