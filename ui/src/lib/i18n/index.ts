// The one door to the message catalogues (messages/<language>.json, compiled by paraglide-js):
// components import `m` from here, so the language choice (locale.svelte.ts) is always in place
// before the first message is read.
import './locale.svelte';

export { m } from '../paraglide/messages.js';

/**
 * A list whose items are messages, read in the language spoken when each item is read
 * (`list[0]`, `map`, `for ... of`), so a module-level list never keeps the first language.
 */
export function localizedList(messages: readonly (() => string)[]): readonly string[] {
  const list: string[] = [];
  messages.forEach((message, i) => Object.defineProperty(list, i, { get: message, enumerable: true }));
  return list;
}
export {
  chosenLanguage,
  currentLocale,
  intlLocale,
  localeFor,
  pickLocale,
  systemLanguages,
  systemLocale,
  useLanguage,
} from './locale.svelte';
export { locales, type Locale } from '../paraglide/runtime.js';
export {
  MONTH_DAY,
  collator,
  dateTimeFormat,
  listFormat,
  numberFormat,
  prepareDatePatterns,
  regionNames,
} from './formatters';
