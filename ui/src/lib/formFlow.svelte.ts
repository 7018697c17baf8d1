import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { messageForError, type ErrorContext } from './errors';

const FOCUSABLE = 'input, select, textarea, button, [tabindex]';
const FIRST_CHOICE = '[tabindex="0"], input, select, textarea, button';

/** What a form's own check found: the message, and the one field it is about (if any). */
export type Problem<F extends string> = { error: string; field?: F };

/** A form's check before sending: the value to send, or what to fix. */
export type Check<V, F extends string> = { ok: true; value: V } | ({ ok: false } & Problem<F>);

export type FormFlowOptions = {
  /** The form's `$props.id()`: the ids of its fields' error texts start with it. */
  idPrefix: string;
  /** Where the form is, for the wording of a failure (see `messageForError`). */
  context?: ErrorContext;
  /** A wording of the form's own for some failures; null (or undefined) for the usual one. */
  messageFor?: (reason: unknown) => string | null | undefined;
};

/**
 * A form's submit: its own check, then one request at a time, with a busy flag and a plain
 * message when something fails.
 *
 * - A problem with one field shows under that field, which gets `aria-invalid` and an
 *   `aria-describedby` pointing at the message (spread `flow.field(name)` on it), and takes the
 *   focus. A problem with the whole form (the disk is full, the journal is locked) is `error`,
 *   shown as the form's alert.
 * - A second submit while one is under way does nothing.
 *
 * Attach it to the form (`{@attach flow.attach}`) so it can find the field to focus.
 */
export type InvalidAttributes = {
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
};

/**
 * The attributes tying a field to the message that says what is wrong with it (`errorId`, when
 * something is), keeping any help text it already points at (`describedBy`). For fields outside
 * a FormFlow, e.g. a list's add or rename field whose error shows in the list's one alert.
 */
export function invalidAttributes(errorId: string | undefined, describedBy?: string): InvalidAttributes {
  const ids = [describedBy, errorId].filter(Boolean).join(' ');
  return { 'aria-invalid': errorId ? 'true' : undefined, 'aria-describedby': ids || undefined };
}

export class FormFlow<F extends string = string> {
  /** True while the request is under way. */
  busy = $state(false);
  /** A problem with the whole form, in plain words; '' when there is none. */
  error = $state('');
  /** A problem with one field, or null. */
  invalid: { field: F; message: string } | null = $state.raw(null);

  #options: FormFlowOptions;
  #form: HTMLFormElement | null = null;

  constructor(options: FormFlowOptions) {
    this.#options = options;
  }

  attach: Attachment<HTMLFormElement> = (node) => {
    this.#form = node;
    return () => {
      if (this.#form === node) this.#form = null;
    };
  };

  /** The id of a field's error text. */
  errorId(field: F): string {
    return `${this.#options.idPrefix}-${field}-error`;
  }

  /** The message for this field, or '' when it is fine. */
  fieldError(field: F): string {
    return this.invalid?.field === field ? this.invalid.message : '';
  }

  /**
   * The attributes tying a field to its error: spread on the input (`{...flow.field('name')}`).
   * `describedBy` keeps the ids of any help text the field already points at.
   */
  field(field: F, describedBy?: string): InvalidAttributes {
    return invalidAttributes(this.invalid?.field === field ? this.errorId(field) : undefined, describedBy);
  }

  /** Clears both kinds of error (e.g. when the person starts again). */
  clear(): void {
    this.error = '';
    this.invalid = null;
  }

  /**
   * Shows a problem found before sending: under its field, which takes the focus, or as the
   * form's alert when it is about no one field.
   */
  async reject(problem: Problem<F>): Promise<void> {
    if (problem.field === undefined) {
      this.invalid = null;
      this.error = problem.error;
      return;
    }
    this.error = '';
    this.invalid = { field: problem.field, message: problem.error };
    await tick();
    const invalid = this.#form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A group (e.g. the mood faces) is marked as a whole: focus the choice it offers first.
    const target = invalid?.matches(FOCUSABLE) ? invalid : invalid?.querySelector<HTMLElement>(FIRST_CHOICE);
    target?.focus();
  }

  /** Shows a failure of the request as the form's alert. */
  fail(reason: unknown): void {
    this.invalid = null;
    this.error = this.#options.messageFor?.(reason) ?? messageForError(reason, this.#options.context);
  }

  /**
   * One submit: runs `check`; if it passes, sends the value (the form is busy meanwhile) and
   * hands the answer to `done`, or the failure (already shown) to `failed`, e.g. to clear a
   * wrong passphrase. Resolves to true when it was sent and answered.
   */
  async submit<V, R>(
    check: () => Check<V, F>,
    send: (value: V) => Promise<R>,
    done?: (answer: R) => unknown,
    failed?: (reason: unknown) => unknown,
  ): Promise<boolean> {
    if (this.busy) return false;
    const checked = check();
    if (!checked.ok) {
      await this.reject(checked);
      return false;
    }
    this.clear();
    this.busy = true;
    let answer: R;
    try {
      answer = await send(checked.value);
    } catch (reason) {
      this.busy = false;
      this.fail(reason);
      await failed?.(reason);
      return false;
    }
    this.busy = false;
    await done?.(answer);
    return true;
  }
}

/** A check with nothing to check: always sends `value`. */
export function accept<V>(value: V): { ok: true; value: V } {
  return { ok: true, value };
}
