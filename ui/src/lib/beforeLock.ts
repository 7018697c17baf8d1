// Work that must finish before the journal locks, such as saving the words someone is
// typing. Views register while they are on screen; the Shell awaits them all before it locks.
// Only functions are kept here, never journal data, and each view removes its own on unmount.

type Task = () => void | Promise<void>;

const tasks = new Set<Task>();

/** How long locking waits at most: someone who wants to lock must never be stuck. */
export const BEFORE_LOCK_TIMEOUT_MS = 5000;

/** Runs `task` before each lock. Returns the function that removes it again. */
export function onBeforeLock(task: Task): () => void {
  tasks.add(task);
  return () => {
    tasks.delete(task);
  };
}

/** Runs every registered task and waits for them (failures are ignored, time is capped). */
export async function runBeforeLock(timeoutMs = BEFORE_LOCK_TIMEOUT_MS): Promise<void> {
  if (tasks.size === 0) return;
  const all = Promise.allSettled([...tasks].map(async (task) => task()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([all, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
