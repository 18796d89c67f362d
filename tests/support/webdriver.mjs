// A small W3C WebDriver client over `fetch`, for the engines Playwright cannot
// drive here: Debian's Firefox (geckodriver) and WebKitGTK (WebKitWebDriver).
// It also drives Chromium through chromedriver, so a page test reads the same
// in every engine.
//
// Only what the page tests use: start a driver, open a session, navigate, run
// a script (sync or async), find an element, send keys, press keys, read
// the focused element, take a screenshot, close.
// https://www.w3.org/TR/webdriver2/ has the endpoints.
//
// The engine comes from BROWSER (chrome, firefox or webkit); WebKit needs an X
// display, so run its tests under `xvfb-run -a`.

import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

// Firefox phones home at start (updates, telemetry, captive portal, remote
// settings); on a closed network each of those only costs time.
const FIREFOX_PREFS = {
  "app.update.disabledForTesting": true,
  "browser.shell.checkDefaultBrowser": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "services.settings.server": "http://127.0.0.1:9/",
  "toolkit.telemetry.enabled": false,
};

const MINIBROWSER = ["/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser"];

function which(name) {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    const file = `${dir}/${name}`;
    if (dir && fs.existsSync(file)) return file;
  }
  throw new Error(`${name} is not on PATH (bash scripts/setup.sh installs it)`);
}

/** What each engine needs: its driver, the arguments that give it a port, the session's capabilities. */
export const ENGINES = {
  chrome: {
    driver: () => process.env.CHROMEDRIVER || which("chromedriver"),
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      browserName: "chrome",
      "goog:chromeOptions": { binary: "/usr/bin/chromium", args: CHROMIUM_FLAGS },
    }),
  },
  firefox: {
    driver: () => which("geckodriver"),
    args: (port) => ["--port", String(port), "--log", "warn"],
    capabilities: () => ({
      browserName: "firefox",
      "moz:firefoxOptions": { binary: which("firefox-esr"), args: ["-headless"], prefs: FIREFOX_PREFS },
    }),
  },
  webkit: {
    driver: () => which("WebKitWebDriver"),
    args: (port) => [`--port=${port}`],
    capabilities: () => {
      const binary = MINIBROWSER.find((f) => fs.existsSync(f));
      if (!binary) throw new Error("WebKitGTK's MiniBrowser is missing (apt-get install webkit2gtk-driver)");
      return { "webkitgtk:browserOptions": { binary, args: ["--automation"] } };
    },
  },
};

/** The engine named by BROWSER (default chrome). */
export function engineName() {
  const name = process.env.BROWSER ?? "chrome";
  if (!(name in ENGINES)) throw new Error(`BROWSER=${name}: expected one of ${Object.keys(ENGINES).join(", ")}`);
  return name;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** An error answer from the driver, with the W3C error code as `name`. */
class WebDriverError extends Error {
  constructor(command, status, value) {
    super(`${command}: ${value?.error ?? status}: ${value?.message ?? ""}`.trim());
    this.name = "WebDriverError";
    this.code = value?.error;
  }
}

async function request(base, method, path, body, timeoutMs = 60000) {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let value;
  try {
    value = JSON.parse(text).value;
  } catch {
    throw new WebDriverError(`${method} ${path}`, res.status, { message: text.slice(0, 500) });
  }
  if (!res.ok) throw new WebDriverError(`${method} ${path}`, res.status, value);
  return value;
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** Special keys, as WebDriver's key codes. */
export const Key = { TAB: "\uE004", ENTER: "\uE007", BACKSPACE: "\uE003" };

class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  navigate(url) {
    return this.cmd("POST", "/url", { url });
  }

  /** Runs `body` (a function body: `arguments[i]` are `args`) and returns its value. */
  execute(body, ...args) {
    return this.cmd("POST", "/execute/sync", { script: body, args });
  }

  /**
   * Awaits `fn(...args)` in the page, where `fn` is the source of an async
   * function, and returns what it resolved to; a rejection comes back as an
   * Error carrying the page's `name` and `message`.
   */
  async evaluate(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn})(...Array.from(arguments).slice(0, -1))).then(
        (value) => done({ value }),
        (e) => done({ error: { name: e && e.name, message: String(e && e.message) } }));`;
    const out = await this.cmd("POST", "/execute/async", { script, args });
    if (out?.error) throw Object.assign(new Error(out.error.message), { name: out.error.name });
    return out?.value;
  }

  /** Waits until `fn(...args)` (in the page) is truthy; returns that value. */
  async waitFor(fn, { timeoutMs = 15000, what = fn } = {}, ...args) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.evaluate(fn, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async find(css) {
    const found = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return found[ELEMENT];
  }

  /** Types into an element (focusing it first); `Key` codes press special keys. */
  async sendKeys(css, text) {
    return this.cmd("POST", `/element/${await this.find(css)}/value`, { text });
  }

  /** Key presses to whatever has focus, as a person at a keyboard makes them. */
  async press(text) {
    const actions = [];
    for (const key of text) actions.push({ type: "keyDown", value: key }, { type: "keyUp", value: key });
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  }

  /** A PNG of the viewport, as a Buffer. */
  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  /** The focused element's id. */
  activeId() {
    return this.execute("return document.activeElement && document.activeElement.id;");
  }

  close() {
    return request(this.base, "DELETE", `/session/${this.id}`).catch(() => {});
  }
}

/**
 * Starts the engine's driver on a free port and opens a session; resolves to
 * `{ name, session, stop() }`. `stop` closes the session and the driver.
 */
export async function openBrowser(name = engineName()) {
  const engine = ENGINES[name];
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const driver = spawn(engine.driver(), engine.args(port), { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    driver.stdout.on("data", (d) => (output += d));
    driver.stderr.on("data", (d) => (output += d));
    const exited = new Promise((resolve) => driver.once("exit", resolve));
    // A test process that ends without its after() hooks must not leave the driver (and its browser) behind.
    const orphaned = () => driver.kill();
    process.once("exit", orphaned);
    exited.then(() => process.off("exit", orphaned));
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForDriver(base, exited);
      const created = await request(base, "POST", "/session", { capabilities: { alwaysMatch: engine.capabilities() } }, 90000);
      const session = new Session(base, created.sessionId);
      const version = created.capabilities?.browserVersion ?? "?";
      return {
        name,
        version,
        session,
        async stop() {
          await session.close();
          driver.kill();
          await exited;
        },
      };
    } catch (e) {
      driver.kill();
      await exited;
      lastError = new Error(`${name}: ${e.message}\n${output.slice(-2000)}`);
    }
  }
  throw lastError;
}

async function waitForDriver(base, exited) {
  let gone = false;
  exited.then(() => (gone = true));
  for (let i = 0; i < 200; i++) {
    if (gone) throw new Error("the driver exited");
    try {
      const status = await request(base, "GET", "/status", undefined, 2000);
      if (status) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the driver did not start");
}
