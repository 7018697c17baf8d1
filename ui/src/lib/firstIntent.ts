/**
 * What a person does first when they mean to use the window: press a key or a pointer, or put
 * text in a field with no key pressed (an assistive tool can, through the accessibility
 * interface).
 */
const INTENT_EVENTS = ['keydown', 'pointerdown', 'input'] as const;

/**
 * Calls `then` once, at the first key or pointer pressed (or text put in) anywhere in
 * `target`, before the page itself sees it. Returns a function that stops waiting (a no-op
 * once `then` has run).
 */
export function onFirstIntent(then: () => void, target: EventTarget = window): () => void {
  const stop = () => INTENT_EVENTS.forEach((name) => target.removeEventListener(name, fire, true));
  function fire() {
    stop();
    then();
  }
  INTENT_EVENTS.forEach((name) => target.addEventListener(name, fire, true));
  return stop;
}
