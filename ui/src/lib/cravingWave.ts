// How long a craving's wave usually takes to pass, in minutes: the one figure the app and the
// article "Cravings and triggers" (src-tauri/core/library/articles/05-cravings-and-triggers.md)
// both give. cravingWave.test.ts fails when they differ.

export const CRAVING_WAVE_MINUTES = { from: 15, to: 30 } as const;

/** "15 to 30 minutes", as the screens and the article write it. */
export const CRAVING_WAVE = `${CRAVING_WAVE_MINUTES.from} to ${CRAVING_WAVE_MINUTES.to} minutes`;
