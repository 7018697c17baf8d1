// How long a craving's wave usually takes to pass, in minutes: the one figure the app and the
// article "Cravings and triggers" (src-tauri/core/library/articles/05-cravings-and-triggers.md,
// and its Spanish version in es/) both give. The messages take the two numbers, so each language
// words the span its own way. cravingWave.test.ts fails when the app and an article differ.

export const CRAVING_WAVE_MINUTES = { from: 15, to: 30 } as const;
