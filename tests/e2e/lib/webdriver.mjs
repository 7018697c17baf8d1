// A tiny W3C WebDriver client over the built-in fetch. No dependencies.
//
// Only what the Daybreak end-to-end suite needs: sessions, finding elements by
// `[data-testid="..."]`, clicking, typing, reading text/attributes/properties,
// executing scripts, and bounded waits that fail with a message saying what
// had to hold.
//
// Never call the screenshot endpoint: it hangs under Xvfb on this machine.
// Use `screenshot()` from ./artifacts.mjs (ImageMagick `import`) instead.

/** The W3C web element identifier key. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** Default bound for every wait in the suite. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Bound for one HTTP round trip to the driver (new session gets its own). */
const REQUEST_TIMEOUT_MS = 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CSS selector for a data-testid. */
export function byTestId(testId) {
  if (!/^[A-Za-z0-9_-]+$/.test(testId)) {
    throw new Error(`byTestId: refusing odd test id ${JSON.stringify(testId)}`);
  }
  return `[data-testid="${testId}"]`;
}

/** An error answered by the remote end (W3C error object). */
export class WebDriverError extends Error {
  constructor({ method, path, status, error, message }) {
    super(`WebDriver ${method} ${path} -> HTTP ${status} ${error}: ${message}`);
    this.name = 'WebDriverError';
    this.status = status;
    this.error = error; // W3C error code, e.g. "no such element"
    this.remoteMessage = message;
  }
}

/** Errors that mean "the page is not there yet": waits retry on these. */
const TRANSIENT_ERRORS = new Set([
  'no such element',
  'stale element reference',
  'element not interactable',
  'element click intercepted',
  'invalid element state',
]);

export function isTransient(err) {
  return err instanceof WebDriverError && TRANSIENT_ERRORS.has(err.error);
}

/**
 * A fixed pause, only for proving that something does NOT happen (e.g. a navigation that must
 * not commit): anything that should happen is waited for with `waitUntil`, never by sleeping.
 */
export function pause(ms) {
  return sleep(ms);
}

/** Thrown by waitUntil when the condition did not hold in time. */
export class WaitTimeoutError extends Error {
  constructor(message) {
    super(message);
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Poll `condition` until it returns a truthy value; return that value.
 * Transient WebDriver errors (element missing, stale, not interactable) count
 * as "not yet"; any other error is thrown at once.
 *
 * @param {() => Promise<any>} condition
 * @param {{timeoutMs?: number, intervalMs?: number, message: string}} opts
 *   `message` says what must hold; it is the failure message.
 */
export async function waitUntil(condition, { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = 200, message } = {}) {
  if (!message) throw new Error('waitUntil: pass a message saying what must hold');
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  let lastValue;
  for (;;) {
    try {
      lastValue = await condition();
      if (lastValue) return lastValue;
    } catch (err) {
      if (!isTransient(err)) throw err;
      lastError = err;
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  const detail = lastError ? ` (last error: ${lastError.message})` : ` (last value: ${JSON.stringify(lastValue)})`;
  throw new WaitTimeoutError(`Timed out after ${timeoutMs} ms waiting until: ${message}${detail}`);
}

/** HTTP transport to one remote end, e.g. http://127.0.0.1:4444 */
export class WebDriverClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async request(method, path, body, { timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
    const init = {
      method,
      headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    else if (method === 'POST') init.body = '{}';
    let res;
    try {
      res = await fetch(this.baseUrl + path, init);
    } catch (err) {
      const why = err?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err?.cause?.message ?? err.message);
      throw new Error(`WebDriver ${method} ${path}: request failed: ${why}`, { cause: err });
    }
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // fall through: non-JSON answer
    }
    if (!res.ok) {
      const v = json?.value ?? {};
      throw new WebDriverError({
        method,
        path,
        status: res.status,
        error: v.error ?? 'unknown error',
        message: v.message ?? text.slice(0, 500),
      });
    }
    if (json === null || typeof json !== 'object' || !('value' in json)) {
      throw new Error(`WebDriver ${method} ${path}: unexpected answer: ${text.slice(0, 500)}`);
    }
    return json.value;
  }

  /** GET /status; resolves to the status value, throws if not reachable. */
  status({ timeoutMs = 5_000 } = {}) {
    return this.request('GET', '/status', undefined, { timeoutMs });
  }

  /** POST /session. `capabilities` is the whole body's `capabilities` member. */
  async newSession(capabilities, { timeoutMs = 90_000 } = {}) {
    const value = await this.request('POST', '/session', { capabilities }, { timeoutMs });
    const id = value?.sessionId;
    if (!id) throw new Error(`WebDriver new session: no sessionId in ${JSON.stringify(value).slice(0, 500)}`);
    return new Session(this, id, value.capabilities ?? {});
  }
}

/** A web element reference. */
export class Element {
  constructor(session, id, description) {
    this.session = session;
    this.id = id;
    this.description = description; // for messages, e.g. [data-testid="x"]
  }

  #cmd(method, suffix, body) {
    return this.session.cmd(method, `/element/${encodeURIComponent(this.id)}${suffix}`, body);
  }

  /**
   * Brings the element into sight as the page asks (its scroll padding keeps what is scrolled to
   * clear of a row held at the window's edge, the lock screen's SOS), then clicks it, as a
   * person would scroll to it first. WebKitWebDriver scrolls only an element outside the
   * window, so one inside it but under such a row would be refused as covered.
   */
  async click() {
    await this.session.executeScript("arguments[0].scrollIntoView({ block: 'nearest', inline: 'nearest' });", [this]);
    return this.#cmd('POST', '/click', {});
  }

  clear() {
    return this.#cmd('POST', '/clear', {});
  }

  /** Send keys; `text` is typed as is (W3C "text" plus legacy "value"). */
  sendKeys(text) {
    return this.#cmd('POST', '/value', { text, value: [...text] });
  }

  /** Rendered (visible) text, per WebDriver "Get Element Text". */
  text() {
    return this.#cmd('GET', '/text');
  }

  /** DOM attribute, or null. */
  attribute(name) {
    return this.#cmd('GET', `/attribute/${encodeURIComponent(name)}`);
  }

  /** DOM property (e.g. "textContent", "value"), or null. */
  property(name) {
    return this.#cmd('GET', `/property/${encodeURIComponent(name)}`);
  }

  async isDisplayed() {
    return Boolean(await this.#cmd('GET', '/displayed'));
  }

  async isEnabled() {
    return Boolean(await this.#cmd('GET', '/enabled'));
  }

  /** For passing to executeScript. */
  toJSON() {
    return { [ELEMENT_KEY]: this.id };
  }
}

/** One WebDriver session. */
export class Session {
  constructor(client, id, capabilities) {
    this.client = client;
    this.id = id;
    this.capabilities = capabilities;
    this.deleted = false;
  }

  cmd(method, suffix, body, opts) {
    return this.client.request(method, `/session/${encodeURIComponent(this.id)}${suffix}`, body, opts);
  }

  /** All elements currently matching the test id (possibly none). */
  async findAll(testId) {
    const sel = byTestId(testId);
    const list = await this.cmd('POST', '/elements', { using: 'css selector', value: sel });
    return list.map((ref) => new Element(this, ref[ELEMENT_KEY], sel));
  }

  /** The first element matching the test id, now; throws "no such element". */
  async find(testId) {
    const sel = byTestId(testId);
    const ref = await this.cmd('POST', '/element', { using: 'css selector', value: sel });
    return new Element(this, ref[ELEMENT_KEY], sel);
  }

  /** The first *displayed* element with this test id, or null. */
  async findDisplayed(testId) {
    for (const el of await this.findAll(testId)) {
      try {
        if (await el.isDisplayed()) return el;
      } catch (err) {
        if (!isTransient(err)) throw err;
      }
    }
    return null;
  }

  /** Wait until an element with this test id is displayed; return it. */
  waitFor(testId, { timeoutMs = DEFAULT_TIMEOUT_MS, why = '' } = {}) {
    return waitUntil(() => this.findDisplayed(testId), {
      timeoutMs,
      message: `element ${byTestId(testId)} is displayed${why ? ` (${why})` : ''}`,
    });
  }

  /**
   * Wait until the trimmed text of the displayed element with this test id equals `expected`
   * (a string) or matches it (a RegExp); return that text.
   */
  waitForText(testId, expected, { timeoutMs = DEFAULT_TIMEOUT_MS, why = '' } = {}) {
    const holds = (text) => (expected instanceof RegExp ? expected.test(text) : text === expected);
    return waitUntil(
      async () => {
        const el = await this.findDisplayed(testId);
        const text = el ? (await el.text()).trim() : null;
        return text !== null && holds(text) ? text : null;
      },
      { timeoutMs, message: `${byTestId(testId)} reads ${expected}${why ? ` (${why})` : ''}` },
    );
  }

  /** Wait until an attribute of the displayed element with this test id has this value. */
  waitForAttribute(testId, name, value, { timeoutMs = DEFAULT_TIMEOUT_MS, why = '' } = {}) {
    return waitUntil(
      async () => {
        const el = await this.findDisplayed(testId);
        return el !== null && (await el.attribute(name)) === value;
      },
      { timeoutMs, message: `${byTestId(testId)} has ${name}="${value}"${why ? ` (${why})` : ''}` },
    );
  }

  /** Wait until no element with this test id is in the DOM at all. */
  waitForAbsent(testId, { timeoutMs = DEFAULT_TIMEOUT_MS, why = '' } = {}) {
    return waitUntil(async () => (await this.findAll(testId)).length === 0, {
      timeoutMs,
      message: `no element ${byTestId(testId)} is left in the DOM${why ? ` (${why})` : ''}`,
    });
  }

  /** True when some element with this test id is displayed right now. */
  async isShown(testId) {
    return (await this.findDisplayed(testId)) !== null;
  }

  /** True when some element with this test id is in the DOM right now. */
  async exists(testId) {
    return (await this.findAll(testId)).length > 0;
  }

  /** Wait for the element to be displayed, then click it (retrying while it is covered/inert). */
  click(testId, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    return waitUntil(
      async () => {
        const el = await this.findDisplayed(testId);
        if (!el) return false;
        if (!(await el.isEnabled())) return false;
        await el.click();
        return true;
      },
      { timeoutMs, message: `element ${byTestId(testId)} is displayed, enabled and accepts a click` },
    );
  }

  /**
   * Wait for the field, clear it (unless clear: false), type `text`, and (unless
   * verify: false, e.g. for fields that reformat what is typed) check its value.
   */
  async type(testId, text, { clear = true, verify = clear, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    await waitUntil(
      async () => {
        const el = await this.findDisplayed(testId);
        if (!el) return false;
        if (!(await el.isEnabled())) return false;
        if (clear) await el.clear();
        await el.sendKeys(text);
        return true;
      },
      { timeoutMs, message: `field ${byTestId(testId)} is displayed, enabled and accepts typing` },
    );
    if (verify) {
      // Make sure the keystrokes landed (a field re-rendered mid-typing would lose them).
      await waitUntil(async () => (await (await this.find(testId)).property('value')) === text, {
        timeoutMs: 5_000,
        message: `field ${byTestId(testId)} holds the ${text.length} characters just typed`,
      });
    }
  }

  /** Clear a field. */
  async clear(testId, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const el = await this.waitFor(testId, { timeoutMs });
    await el.clear();
  }

  /** Rendered text of the first displayed element with this test id (waits for it). */
  async text(testId, opts) {
    const el = await this.waitFor(testId, opts);
    return el.text();
  }

  /** textContent of the first element with this test id (waits for it to be displayed). */
  async textContent(testId, opts) {
    const el = await this.waitFor(testId, opts);
    return (await el.property('textContent')) ?? '';
  }

  /** An attribute of the first displayed element with this test id (waits for it). */
  async attribute(testId, name, opts) {
    const el = await this.waitFor(testId, opts);
    return el.attribute(name);
  }

  /** Execute a synchronous script; `args` may contain Elements. */
  executeScript(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /**
   * Execute a script that answers by calling its last argument; the driver waits for that
   * answer without polling the page (up to the session's script timeout, 30 s by default).
   */
  executeAsyncScript(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  /** The page source (for failure artifacts). */
  source() {
    return this.cmd('GET', '/source', undefined, { timeoutMs: 15_000 });
  }

  /** DELETE /session/{id}. Idempotent; never throws (logs instead). */
  async delete({ timeoutMs = 20_000 } = {}) {
    if (this.deleted) return;
    this.deleted = true;
    try {
      await this.cmd('DELETE', '', undefined, { timeoutMs });
    } catch (err) {
      console.error(`warning: deleting WebDriver session ${this.id} failed: ${err.message}`);
    }
  }
}
