/** The hidden sample of Today's fonts the unlock screen lays out (src/lib/fontWarmup.ts). */
export const FONT_SAMPLE = 'body > div[aria-hidden="true"][inert]';
