import { m } from './i18n';

/** The areas of the app, in sidebar order. Test ids are `nav-<id>` and `view-<id>`. */
export type AreaId = 'today' | 'sobriety' | 'mood' | 'journal' | 'insights' | 'library' | 'sos' | 'settings';

export interface Area {
  id: AreaId;
  label: string;
}

/** Each label is read when shown, so it is in the language spoken then. */
export const AREAS: readonly Area[] = [
  {
    id: 'today',
    get label() {
      return m.area_today();
    },
  },
  {
    id: 'sobriety',
    get label() {
      return m.area_sobriety();
    },
  },
  {
    id: 'mood',
    get label() {
      return m.area_mood();
    },
  },
  {
    id: 'journal',
    get label() {
      return m.area_journal();
    },
  },
  {
    id: 'insights',
    get label() {
      return m.area_insights();
    },
  },
  {
    id: 'library',
    get label() {
      return m.area_library();
    },
  },
  {
    id: 'sos',
    get label() {
      return m.area_sos();
    },
  },
  {
    id: 'settings',
    get label() {
      return m.area_settings();
    },
  },
];

/** The time-of-day greeting for an hour 0-23. */
export function greetingFor(hour: number): string {
  if (hour >= 5 && hour < 12) return m.area_good_morning();
  if (hour >= 12 && hour < 18) return m.area_good_afternoon();
  return m.area_good_evening();
}
