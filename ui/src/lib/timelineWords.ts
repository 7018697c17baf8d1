// A timeline entry in words: its title and the short line under it, in the language the
// interface speaks. The core sends the kind and its facts (a mood's score and emotions, a
// craving's strength and outcome, a slip's clock, a milestone's length, what the person wrote);
// every sentence around them is the catalogue's.
import type { CravingOutcome, TimelineItem } from './bindings';
import { labelText } from './builtinNames';
import { milestoneText } from './durations';
import { m } from './i18n';
import { KIND_WORDS, moodWord } from './journal';

const OUTCOME_WORDS: Record<CravingOutcome, () => string> = {
  passed: () => m.moodscale_the_urge_passed(),
  used: () => m.moodscale_i_used(),
  struggling: () => m.moodscale_still_struggling(),
};

/** The line's title: "Mood: good", "Craving 7/10", a journal entry's own title... */
export function timelineTitle(item: TimelineItem): string {
  switch (item.kind) {
    case 'mood':
      return item.mood === null ? KIND_WORDS.mood.one : m.timeline_mood_title({ mood: moodWord(item.mood) });
    case 'craving':
      return item.strength === null
        ? KIND_WORDS.craving.one
        : m.timeline_craving_title({ strength: item.strength });
    case 'journal':
      return item.title ?? m.timeline_untitled_entry();
    case 'slip':
      return item.clock === null ? KIND_WORDS.slip.one : m.timeline_slip_title({ clock: item.clock });
    case 'check_in':
      return KIND_WORDS.check_in.one;
    case 'milestone':
      return item.milestone === null
        ? KIND_WORDS.milestone.one
        : m.timeline_milestone_title({ length: milestoneText(item.milestone), clock: item.clock ?? '' });
  }
}

/** How the evening went, when the check-in has its evening half. */
function review(item: TimelineItem): string {
  if (item.sober === null || item.difficulty === null) return '';
  return item.sober
    ? m.timeline_check_in_sober({ difficulty: item.difficulty })
    : m.timeline_check_in_not_sober({ difficulty: item.difficulty });
}

/** The short line under the title: emotions, an outcome, an intention, the first words of a note. */
export function timelineDetail(item: TimelineItem): string {
  const parts: string[] = [];
  switch (item.kind) {
    case 'mood':
      // Built-in emotions in the interface's language, a person's own as written.
      parts.push(item.emotions.map(labelText).join(', '));
      break;
    case 'craving':
      if (item.outcome !== null) parts.push(OUTCOME_WORDS[item.outcome]());
      break;
    case 'check_in':
      parts.push(item.intention ?? '', review(item));
      break;
    case 'milestone':
      parts.push(m.timeline_milestone_reached());
      break;
    default:
      break;
  }
  parts.push(item.excerpt);
  return parts.filter((part) => part !== '').join(' · ');
}
