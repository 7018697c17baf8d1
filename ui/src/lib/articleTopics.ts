// The shipped articles' topics in the person's language. An article names its topics in English
// (`topics:` in src-tauri/core/library/articles/*.md, the Spanish articles too), and the library
// groups by those names; the screens show them through the catalogue. articleTopics.test.ts fails
// when a shipped article has a topic with no message here.
import { m } from './i18n';

/** The shipped articles' topics, by the name their front matter gives. */
export const ARTICLE_TOPICS: ReadonlyMap<string, () => string> = new Map(
  Object.entries({
    Causes: () => m.library_topic_causes(),
    Connection: () => m.library_topic_connection(),
    'Coping skills': () => m.library_topic_coping_skills(),
    Cravings: () => m.library_topic_cravings(),
    Families: () => m.library_topic_families(),
    Grief: () => m.library_topic_grief(),
    Overdose: () => m.library_topic_overdose(),
    'Relapse prevention': () => m.library_topic_relapse_prevention(),
    Risk: () => m.library_topic_risk(),
    Slips: () => m.library_topic_slips(),
    Support: () => m.library_topic_support(),
    'The brain': () => m.library_topic_the_brain(),
    Treatment: () => m.library_topic_treatment(),
    Withdrawal: () => m.library_topic_withdrawal(),
    'Young people': () => m.library_topic_young_people(),
  }),
);

/** A topic as it is shown: a shipped one in the interface's language, any other as written. */
export function topicName(topic: string): string {
  return ARTICLE_TOPICS.get(topic)?.() ?? topic;
}
