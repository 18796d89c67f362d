// Debian's Chromium driven by playwright-core, with the flags this machine
// needs (no sandbox as root, no background traffic to a closed network).
import { chromium } from "playwright-core";

/** `extra`: more command-line flags, such as `--js-flags=...` for a measurement. */
export function launchChromium(extra = []) {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
      ...extra,
    ],
  });
}
