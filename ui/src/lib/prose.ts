import type { Attachment } from 'svelte/attachments';

/**
 * For rendered Markdown (`.prose`): links never navigate the window. `article:` links will
 * open the library later; for now a click only keeps focus on the link. Web links are already
 * stripped of their address by the backend's sanitizer.
 */
export const keepLinksInApp: Attachment<HTMLElement> = (node) => {
  const stop = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest('a');
    if (!link || !node.contains(link)) return;
    event.preventDefault();
    link.focus();
  };
  node.addEventListener('click', stop);
  node.addEventListener('auxclick', stop);
  return () => {
    node.removeEventListener('click', stop);
    node.removeEventListener('auxclick', stop);
  };
};
