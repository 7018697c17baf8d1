// Facts about this build of Daybreak that the About screen shows.
import { collator } from './i18n';

/**
 * The app's version, read from src-tauri/tauri.conf.json when the UI is built (vite.config.ts
 * defines it). The UI is compiled into the same binary, so this is the running app's version,
 * and no backend permission is needed to show it.
 */
export const APP_VERSION: string = __APP_VERSION__;

export interface SourceGroup {
  organisation: string;
  sources: { title: string; url: string }[];
}

/**
 * The articles' sources, each once (by address), grouped by organisation; organisations and
 * titles in alphabetical order.
 */
export function groupSources(sources: { organisation: string; title: string; url: string }[]): SourceGroup[] {
  const byUrl = new Map<string, { organisation: string; title: string; url: string }>();
  for (const source of sources) if (!byUrl.has(source.url)) byUrl.set(source.url, source);
  const groups = new Map<string, SourceGroup>();
  for (const { organisation, title, url } of byUrl.values()) {
    const group = groups.get(organisation) ?? { organisation, sources: [] };
    group.sources.push({ title, url });
    groups.set(organisation, group);
  }
  const byName = collator(undefined, 'en').compare;
  return [...groups.values()]
    .sort((a, b) => byName(a.organisation, b.organisation))
    .map((g) => ({ ...g, sources: g.sources.sort((a, b) => byName(a.title, b.title)) }));
}
