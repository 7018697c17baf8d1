import { views } from '../components/shell/Shell.svelte';

/**
 * Loads every area's view once, as the running app's background prefetch does, so a test that
 * clicks through the sidebar does not wait on the first import (slow under a busy test run).
 */
export function loadAreaViews(): Promise<unknown> {
  return Promise.all(Object.values(views).map((view) => view()));
}
