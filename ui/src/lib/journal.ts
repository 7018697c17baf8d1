// Words and small rules for the Journal area: tags, entry kinds, and timeline filters.
import type { EntryKind, TimelineFilter, TimelineItem } from './bindings';
import { m } from './i18n';

/** Every kind, in the order the filter shows them. */
export const KINDS: readonly EntryKind[] = ['journal', 'mood', 'craving', 'check_in', 'slip', 'milestone'];

/** One entry of a kind ("Mood"), and the filter's plural ("Moods"). */
export const KIND_WORDS: Record<EntryKind, { one: string; many: string }> = {
  journal: {
    get one() {
      return m.journal_journal_entry();
    },
    get many() {
      return m.kind_journal_many();
    },
  },
  mood: {
    get one() {
      return m.kind_mood_one();
    },
    get many() {
      return m.kind_mood_many();
    },
  },
  craving: {
    get one() {
      return m.kind_craving_one();
    },
    get many() {
      return m.kind_craving_many();
    },
  },
  check_in: {
    get one() {
      return m.kind_check_in_one();
    },
    get many() {
      return m.kind_check_in_many();
    },
  },
  slip: {
    get one() {
      return m.kind_slip_one();
    },
    get many() {
      return m.kind_slip_many();
    },
  },
  milestone: {
    get one() {
      return m.kind_milestone_one();
    },
    get many() {
      return m.kind_milestone_many();
    },
  },
};

/** Only these can be deleted (and restored) from the timeline. */
export function canDelete(kind: EntryKind): boolean {
  return kind === 'mood' || kind === 'craving' || kind === 'journal';
}

/** Only these can be edited from the timeline's detail (journal entries open in the editor). */
export function canEdit(kind: EntryKind): kind is 'mood' | 'craving' {
  return kind === 'mood' || kind === 'craving';
}

/**
 * "calm, #Family ,calm,, walk" → ["calm", "family", "walk"]: as the backend stores them
 * (lower case, no leading #), without blanks or repeats.
 */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/^#+/, '').trim().replace(/\s+/g, ' ').toLowerCase();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** 1 awful … 5 great, as the mood check-in words them. */
export const MOOD_WORDS: Record<number, string> = {
  get 1() {
    return m.mood_awful();
  },
  get 2() {
    return m.mood_bad();
  },
  get 3() {
    return m.mood_okay();
  },
  get 4() {
    return m.mood_good();
  },
  get 5() {
    return m.mood_great();
  },
};

export function moodWord(value: number): string {
  return MOOD_WORDS[Math.min(5, Math.max(1, Math.round(value)))] ?? '';
}

/** The short score a timeline row shows: "Mood 4 of 5 (good)", "Strength 7 of 10". */
export function scoreText(item: Pick<TimelineItem, 'mood' | 'strength'>): string {
  const parts: string[] = [];
  if (item.mood !== null) parts.push(m.timeline_score_mood({ mood: item.mood, word: moodWord(item.mood) }));
  if (item.strength !== null) parts.push(m.timeline_score_strength({ strength: item.strength }));
  return parts.join(', ');
}

/** The filter form as it is typed: strings for the selects and dates. */
export interface FilterForm {
  kinds: EntryKind[];
  tag: string;
  trigger: string;
  from: string;
  to: string;
}

export function emptyFilterForm(): FilterForm {
  return { kinds: [], tag: '', trigger: '', from: '', to: '' };
}

export function isFilterEmpty(form: FilterForm): boolean {
  return form.kinds.length === 0 && !form.tag && !form.trigger && !form.from && !form.to;
}

/** The backend's filter: kinds in a stable order, blanks as null. */
export function toTimelineFilter(form: FilterForm): TimelineFilter {
  const trigger = Number(form.trigger);
  return {
    kinds: KINDS.filter((k) => form.kinds.includes(k)),
    tag: form.tag || null,
    triggerId: form.trigger !== '' && Number.isInteger(trigger) ? trigger : null,
    from: form.from || null,
    to: form.to || null,
  };
}

/** Turns one kind on or off. */
export function toggleKind(kinds: readonly EntryKind[], kind: EntryKind): EntryKind[] {
  return kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
}
