import type { Attachment } from 'svelte/attachments';

/** Moves keyboard and screen-reader focus to the element once it is on screen. */
export const focusOnMount: Attachment<HTMLElement> = (node) => {
  node.focus();
};

/**
 * Like `focusOnMount`, but leaves focus where the person has already put it: on a first screen
 * the shell serves drawn in the page (src-tauri/src/first_screen.rs), they may have clicked into
 * a field before the code took the drawing over.
 */
export const focusOnMountUnlessFocused: Attachment<HTMLElement> = (node) => {
  if (document.activeElement === null || document.activeElement === document.body) node.focus();
};
