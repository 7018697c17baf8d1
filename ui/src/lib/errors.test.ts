import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, messageForCode, messageForError } from './errors';
// Refusals and backup problems are worded by files of their own, which the shell and the
// restore screen load (see errorsBeforeShell.test.ts).
import './refusals';
import './backupProblems';
import { ERROR_CODES, IpcError } from './ipc/IpcError';
import type { Refusal } from './bindings';
import { useLanguage } from './i18n';

describe('friendly error messages', () => {
  afterEach(() => useLanguage('en'));

  it.each(ERROR_CODES)('%s has its own friendly, non-technical message', (code) => {
    const text = messageForCode(code);
    expect(text).toBe(ERROR_MESSAGES[code]);
    expect(text.length).toBeGreaterThan(20);
    expect(text).not.toMatch(/_|\bcode\b|error/i);
    expect(text).toMatch(/[.!]$/);
  });

  it('gives every code a different message', () => {
    const texts = ERROR_CODES.map((code) => messageForCode(code));
    expect(new Set(texts).size).toBe(ERROR_CODES.length);
  });

  it('covers exactly the codes the backend can send', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('never uses stigmatising words', () => {
    for (const code of ERROR_CODES) {
      expect(messageForCode(code).toLowerCase()).not.toMatch(/\b(addict|clean|dirty|failure|failed)\b/);
    }
  });

  it('uses the exact wording for the unlock errors', () => {
    expect(messageForCode('wrong_passphrase', 'unlock')).toBe("That passphrase didn't open this journal.");
    expect(messageForCode('corrupt', 'unlock')).toBe(
      "Daybreak couldn't open this journal file. It may be damaged. Your file has not been changed.",
    );
    expect(messageForCode('newer_version', 'unlock')).toBe(
      'This journal was made by a newer version of Daybreak. Please update Daybreak to open it.',
    );
    expect(messageForCode('wrong_recovery_key', 'recover')).toBe(
      "That recovery key didn't open this journal. Check each group.",
    );
  });

  it('words a wrong passphrase differently when changing it', () => {
    expect(messageForCode('wrong_passphrase', 'change')).toBe("That isn't your current passphrase.");
    expect(messageForCode('corrupt', 'change')).toBe(ERROR_MESSAGES.corrupt);
  });

  it('never shows the English message of invalid_input: without its facts it gets the general sentence', () => {
    const error = new IpcError('invalid_input', 'Your passphrase needs at least 8 characters.');
    expect(messageForError(error, 'create')).toBe(ERROR_MESSAGES.invalid_input);
    expect(messageForError(new IpcError('invalid_input', '  '))).toBe(ERROR_MESSAGES.invalid_input);
  });

  it('says how long to wait after too many wrong tries, from the seconds the core sends', () => {
    const error = new IpcError('rate_limited', 'English for logs', { kind: 'wait', seconds: 20 });
    expect(messageForError(error, 'unlock')).toBe(
      "That's several tries in a row. Please wait 20 seconds, then try again.",
    );
    expect(messageForError(new IpcError('rate_limited', 'x', { kind: 'wait', seconds: 1 }))).toMatch(
      /wait 1 second,/,
    );
    useLanguage('es');
    expect(messageForError(error, 'unlock')).toBe(
      'Llevas varios intentos seguidos. Espera 20 segundos y vuelve a intentarlo.',
    );
  });

  it('never shows the backend message for other codes', () => {
    const error = new IpcError('internal', 'database error: no such table: moods');
    expect(messageForError(error)).toBe(ERROR_MESSAGES.internal);
    expect(messageForError(new IpcError('corrupt', 'page 7'))).toBe(ERROR_MESSAGES.corrupt);
    expect(messageForError(new IpcError('io', "Could not write /x: it isn't there."))).toBe(
      ERROR_MESSAGES.io,
    );
  });

  it('says which file could not be used and why, and what is wrong with a backup, in both languages', () => {
    const io = new IpcError('io', 'English for logs', {
      kind: 'file',
      action: 'write_backup',
      path: '/media/usb/b.dbk',
      reason: 'not_allowed',
    });
    expect(messageForError(io, 'backup')).toBe(
      "Daybreak couldn't write the backup to /media/usb/b.dbk. Daybreak isn't allowed to use it. Nothing in your journal was changed; check the place and try again.",
    );
    const damaged = new IpcError('backup_damaged', 'x', { kind: 'backup', problem: 'other_journal' });
    expect(messageForError(damaged, 'backup')).toMatch(/^This backup does not belong to this journal\./);
    const stopped = new IpcError('cancelled', 'x', { kind: 'cancelled', task: 'backup' });
    expect(messageForError(stopped)).toBe('The backup was stopped before the end. Nothing was written.');
    useLanguage('es');
    expect(messageForError(io, 'backup')).toBe(
      'Daybreak no ha podido guardar la copia de seguridad en /media/usb/b.dbk. Daybreak no tiene permiso para usarlo. No ha cambiado nada en tu diario; revisa ese lugar y vuelve a intentarlo.',
    );
    expect(messageForError(damaged, 'backup')).toMatch(/^Esta copia de seguridad no es de este diario\./);
    expect(messageForError(stopped)).toBe(
      'La copia de seguridad se detuvo antes de terminar. No se ha escrito nada.',
    );
  });

  it('words what the core refused, and passphrase rules with their limits, in Spanish too', () => {
    const big = new IpcError('invalid_input', 'x', {
      kind: 'refused',
      refusal: { kind: 'file_too_big', maxMb: 5 },
    });
    const taken = new IpcError('invalid_input', 'x', { kind: 'refused', refusal: { kind: 'name_taken' } });
    const afterSlip = new IpcError('invalid_input', 'x', {
      kind: 'refused',
      refusal: { kind: 'start_after_slip' },
    });
    const short = new IpcError('invalid_input', 'x', {
      kind: 'passphrase',
      problem: 'too_short',
      min: 8,
      max: 1024,
    });
    const gone = new IpcError('not_found', 'That clock no longer exists.', { kind: 'gone' });
    expect([big, taken, afterSlip, short, gone].map((e) => messageForError(e))).toEqual([
      'This file is too big to import (the limit is 5 MB).',
      'There is already a trigger with that name.',
      "The start can't be after a slip on this clock. Edit or remove that slip first.",
      'Use at least 8 characters for your passphrase.',
      "That's no longer there. It may have just been removed.",
    ]);
    useLanguage('es');
    expect([big, taken, afterSlip, short, gone].map((e) => messageForError(e))).toEqual([
      'Este archivo es demasiado grande para importarlo (el límite es de 5 MB).',
      'Ya hay un detonante con ese nombre.',
      'El inicio no puede ser posterior a un desliz de este contador. Cambia o quita primero ese desliz.',
      'Usa al menos 8 caracteres en tu frase de acceso.',
      'Eso ya no está. Puede que se acabe de borrar.',
    ]);
  });

  it('words a Daylio row that cannot be read, with its row and problem, in Spanish too', () => {
    const row = new IpcError('invalid_input', 'x', {
      kind: 'refused',
      refusal: { kind: 'daylio_row', row: 9, problem: { kind: 'mood' } },
    });
    const many = new IpcError('invalid_input', 'x', {
      kind: 'refused',
      refusal: { kind: 'daylio_too_many', max: 200000 },
    });
    expect(messageForError(row)).toMatch(
      /^Row 9 of this Daylio export has a mood Daybreak doesn't recognise\./,
    );
    expect(messageForError(row)).toMatch(/Nothing was imported\.$/);
    expect(messageForError(many)).toContain('more than 200,000 entries');
    useLanguage('es');
    expect(messageForError(row)).toMatch(/^La fila 9 de esta exportación de Daylio tiene un estado de ánimo/);
    expect(messageForError(row)).toMatch(/No se ha importado nada\.$/);
  });

  it('words a record of an export that breaks a rule: its kind, its place and the rule, never its text', () => {
    const refused = (refusal: Refusal) => new IpcError('invalid_input', 'x', { kind: 'refused', refusal });
    const long = refused({
      kind: 'export_record',
      what: 'mood',
      position: 1200,
      problem: { kind: 'too_long', what: 'note', max: 4000 },
    });
    const bad = refused({
      kind: 'export_record',
      what: 'journal_entry',
      position: 3,
      problem: { kind: 'bad_entry' },
    });
    expect(messageForError(long)).toBe(
      "Entry 1,200 among the moods in this export can't be added: Please keep the note under 4,000 characters. Nothing was imported.",
    );
    expect(messageForError(bad)).toBe(
      "Entry 3 among the journal entries in this export doesn't look right, so nothing was imported.",
    );
    useLanguage('es');
    expect(messageForError(long)).toMatch(
      /^En esta exportación, la entrada 1200 de «estados de ánimo» no se puede añadir: /,
    );
    expect(messageForError(long)).toMatch(/No se ha importado nada\.$/);
  });

  it('words the rules the core judges in the language spoken now, with their numbers', () => {
    const refused = (refusal: Refusal) => new IpcError('invalid_input', 'x', { kind: 'refused', refusal });
    const errors = [
      refused({ kind: 'in_future', what: 'slip' }),
      refused({ kind: 'too_long', what: 'note', max: 10000 }),
      refused({ kind: 'name_missing', what: 'trigger' }),
      refused({ kind: 'out_of_range', what: 'mood', min: 1, max: 5 }),
      refused({ kind: 'plan_list_too_long', what: 'warning_signs', items: 30, chars: 300 }),
      refused({ kind: 'slip_without_use' }),
      refused({ kind: 'bad_request' }),
    ];
    expect(errors.map((e) => messageForError(e))).toEqual([
      "A slip can't be in the future.",
      'Please keep the note under 10,000 characters.',
      'Please give the trigger a name.',
      'Mood goes from 1 (awful) to 5 (great).',
      'Please keep “My warning signs” to 30 items of up to 300 characters each.',
      'A slip is only recorded when the outcome was “I used”.',
      ERROR_MESSAGES.invalid_input,
    ]);
    useLanguage('es');
    expect(errors.map((e) => messageForError(e))).toEqual([
      'Un desliz no puede estar en el futuro.',
      'Procura que la nota tenga menos de 10.000 caracteres.',
      'Ponle un nombre al detonante.',
      'El ánimo va de 1 (fatal) a 5 (genial).',
      'Deja «Mis señales de alerta» en 30 elementos como máximo, de hasta 300 caracteres cada uno.',
      'Solo se anota un desliz cuando el resultado fue «Consumí».',
      'Hay algo en este formulario que no está del todo bien. Revísalo y vuelve a intentarlo.',
    ]);
  });

  it('words a wrong secret for a backup as about the backup, not the journal', () => {
    const wrong = new IpcError('wrong_passphrase', "That passphrase didn't open this journal.");
    expect(messageForError(wrong, 'backup')).toMatch(/didn't open this backup/);
    expect(messageForError(wrong, 'unlock')).toBe(ERROR_MESSAGES.wrong_passphrase);
  });

  it('treats anything that is not an IpcError as internal', () => {
    expect(messageForError(new TypeError('boom'))).toBe(ERROR_MESSAGES.internal);
    expect(messageForError(undefined)).toBe(ERROR_MESSAGES.internal);
  });
});
