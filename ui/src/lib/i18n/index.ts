// The one door to the message catalogues (messages/<language>.json, compiled by paraglide-js):
// components import `m` from here, so the language choice (locale.svelte.ts) is always in place
// before the first message is read.
import './locale.svelte';

export { m } from '../paraglide/messages.js';
export {
  chosenLanguage,
  currentLocale,
  intlLocale,
  localeFor,
  pickLocale,
  systemLanguages,
  useLanguage,
} from './locale.svelte';
export { locales, type Locale } from '../paraglide/runtime.js';
