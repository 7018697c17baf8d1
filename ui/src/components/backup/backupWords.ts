// How a backup is named on screen: its file's name, and when it was made, in the interface's
// language.
import { intlLocale } from '../../lib/i18n';

/** The file's own name, without its folders. */
export const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** A backup's time, long date and short time ("5 December 2026 at 09:30"). */
export const when = (iso: string): string =>
  new Date(iso).toLocaleString(intlLocale(), { dateStyle: 'long', timeStyle: 'short' });
