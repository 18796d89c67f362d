// Accessibility checks of a page in its current state, for the e2e suites:
// axe-core (WCAG 2 A/AA and best practices) and the focus ring's contrast,
// in light and dark color schemes, at desktop and mobile widths, with a
// screenshot of each into tests/artifacts/e2e/.

import fs from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SHOTS = path.join(ROOT, "tests", "artifacts", "e2e");
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const SCHEMES = ["light", "dark"];
export const WIDTHS = { desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } };

/**
 * The WCAG contrast of the focus ring (the stylesheet's --focus) against the
 * background around every visible focusable element, and of each input's border:
 * the lowest found, with where.
 */
function lowestNonTextContrast() {
  const rgb = (css) => {
    const probe = document.createElement("span");
    probe.style.color = css;
    document.body.append(probe);
    const m = getComputedStyle(probe).color.match(/[\d.]+/g).map(Number);
    probe.remove();
    return m;
  };
  const lum = ([r, g, b]) =>
    [r, g, b]
      .map((c) => c / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((a, c, i) => a + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const backgroundOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor.match(/[\d.]+/g).map(Number);
      if (c.length < 4 || c[3] === 1) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const focus = rgb(getComputedStyle(document.documentElement).getPropertyValue("--focus"));
  let lowest = { ratio: Infinity, where: "" };
  const visible = (el) => el.getClientRects().length > 0;
  for (const el of document.querySelectorAll("a[href], button, input, [tabindex]")) {
    if (!visible(el)) continue;
    const name = el.id || el.tagName;
    const ring = ratio(focus, backgroundOf(el.parentElement));
    if (ring < lowest.ratio) lowest = { ratio: ring, where: `focus ring around #${name}` };
    if (el.tagName === "INPUT") {
      const border = ratio(getComputedStyle(el).borderTopColor.match(/[\d.]+/g).map(Number).slice(0, 3), backgroundOf(el.parentElement));
      if (border < lowest.ratio) lowest = { ratio: border, where: `border of #${name}` };
    }
  }
  return lowest;
}

/**
 * Checks the page as it is, in both schemes and widths: 0 axe violations,
 * focus ring and input borders at 3:1 or more; screenshots `<name>-<scheme>-<width>.png`.
 * Leaves the page in light mode at desktop width.
 */
export async function checkAccessibility(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, size] of Object.entries(WIDTHS)) {
      await page.setViewportSize(size);
      const violations = await page.evaluate(async () => {
        const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
        return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      assert.deepEqual(violations, [], `axe, ${name}, ${scheme}, ${width}`);
      const lowest = await page.evaluate(lowestNonTextContrast);
      assert.ok(lowest.ratio >= 3, `${name}, ${scheme}, ${width}: ${lowest.where} is ${lowest.ratio.toFixed(2)}:1, below 3:1`);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${scheme}-${width}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(WIDTHS.desktop);
}

/** The focused element shows the focus ring: a solid outline of --focus, at least 2 px. */
export async function assertFocusRing(page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const probe = document.createElement("span");
    probe.style.color = getComputedStyle(document.documentElement).getPropertyValue("--focus");
    document.body.append(probe);
    const focus = getComputedStyle(probe).color;
    probe.remove();
    return { id: el.id, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, focus };
  });
  assert.equal(ring.style, "solid", `#${ring.id} shows a focus ring`);
  assert.ok(ring.width >= 2, `#${ring.id}'s focus ring is ${ring.width}px`);
  assert.equal(ring.color, ring.focus, `#${ring.id}'s focus ring has the focus color`);
}
