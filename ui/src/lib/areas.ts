/** The areas of the app, in sidebar order. Test ids are `nav-<id>` and `view-<id>`. */
export type AreaId = 'today' | 'sobriety' | 'mood' | 'journal' | 'insights' | 'library' | 'sos' | 'settings';

export interface Area {
  id: AreaId;
  label: string;
}

export const AREAS: readonly Area[] = [
  { id: 'today', label: 'Today' },
  { id: 'sobriety', label: 'Sobriety' },
  { id: 'mood', label: 'Mood & triggers' },
  { id: 'journal', label: 'Journal' },
  { id: 'insights', label: 'Insights' },
  { id: 'library', label: 'Library' },
  { id: 'sos', label: 'SOS' },
  { id: 'settings', label: 'Settings' },
];

/** The time-of-day greeting for an hour 0-23. */
export function greetingFor(hour: number): string {
  if (hour >= 5 && hour < 12) return 'Good morning';
  if (hour >= 12 && hour < 18) return 'Good afternoon';
  return 'Good evening';
}
