import type { Attachment } from 'svelte/attachments';

/** Moves keyboard and screen-reader focus to the element once it is on screen. */
export const focusOnMount: Attachment<HTMLElement> = (node) => {
  node.focus();
};
