// The built-in emotions, triggers and coping actions in the person's language. The journal keeps
// them under their English names (seeded by src-tauri/core/src/store/migrations/0003_moods.sql);
// the screens show them through the catalogue. A person's own words, and a built-in they renamed,
// are shown as written. builtinNames.test.ts fails when a seeded name has no message here.
import { m } from './i18n';

/** Built-in emotions, by the name stored in the journal. */
export const BUILTIN_EMOTIONS: Readonly<Record<string, () => string>> = {
  anxious: () => m.builtin_emotion_anxious(),
  sad: () => m.builtin_emotion_sad(),
  angry: () => m.builtin_emotion_angry(),
  lonely: () => m.builtin_emotion_lonely(),
  bored: () => m.builtin_emotion_bored(),
  ashamed: () => m.builtin_emotion_ashamed(),
  stressed: () => m.builtin_emotion_stressed(),
  tired: () => m.builtin_emotion_tired(),
  calm: () => m.builtin_emotion_calm(),
  hopeful: () => m.builtin_emotion_hopeful(),
  grateful: () => m.builtin_emotion_grateful(),
  proud: () => m.builtin_emotion_proud(),
};

/** Built-in triggers, by the name stored in the journal (a renamed one keeps its new name). */
export const BUILTIN_TRIGGERS: Readonly<Record<string, () => string>> = {
  'Grief and loss': () => m.builtin_trigger_grief_loss(),
  'Crime or legal trouble': () => m.builtin_trigger_legal_trouble(),
  'Divorce or a break-up': () => m.builtin_trigger_breakup_divorce(),
  'Major illness or pain': () => m.builtin_trigger_illness_pain(),
  'Family problems': () => m.builtin_trigger_family_problems(),
  'Loneliness and isolation': () => m.builtin_trigger_loneliness_isolation(),
  'Peer pressure and social situations': () => m.builtin_trigger_peer_pressure(),
  'Easy access (drugs around, being offered)': () => m.builtin_trigger_easy_access(),
  'Stress or anxiety': () => m.builtin_trigger_stress_anxiety(),
  Depression: () => m.builtin_trigger_depression(),
  'Boredom or curiosity': () => m.builtin_trigger_boredom_curiosity(),
  Celebrations: () => m.builtin_trigger_celebrations(),
};

/** Built-in coping actions, by the name stored in the journal. */
export const BUILTIN_ACTIONS: Readonly<Record<string, () => string>> = {
  'Called someone': () => m.builtin_action_called_someone(),
  'Went to a meeting': () => m.builtin_action_went_to_a_meeting(),
  'Urge surfing': () => m.builtin_action_urge_surfing(),
  'Breathing exercise': () => m.builtin_action_breathing_exercise(),
  Walked: () => m.builtin_action_walked(),
  'Ate something': () => m.builtin_action_ate_something(),
  Slept: () => m.builtin_action_slept(),
  'Read an article': () => m.builtin_action_read_an_article(),
  'Played the delay': () => m.builtin_action_played_the_delay(),
  'Something else': () => m.builtin_action_something_else(),
};

const BY_NAME = new Map<string, () => string>(
  [BUILTIN_EMOTIONS, BUILTIN_TRIGGERS, BUILTIN_ACTIONS].flatMap((table) =>
    Object.entries(table).map(([name, message]) => [name.toLowerCase(), message] as const),
  ),
);

/**
 * A name as it is shown: a built-in one in the interface's language, anything else as written.
 * For names that come without their label (counts, findings); names are unique per catalogue.
 */
export function labelName(name: string): string {
  return BY_NAME.get(name.trim().toLowerCase())?.() ?? name;
}

/** An emotion or coping action as it is shown: only a built-in one is translated. */
export function labelText(label: { name: string; builtin?: boolean }): string {
  return label.builtin ? labelName(label.name) : label.name;
}

/** A trigger as it is shown: a built-in one (it has a catalogue key) in the interface's language. */
export function triggerText(trigger: { key: string | null; name: string }): string {
  return trigger.key !== null ? labelName(trigger.name) : trigger.name;
}
