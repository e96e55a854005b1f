// What the accessibility test checks on each screen: axe-core's WCAG 2.0/2.1/2.2 A and AA rules
// (serious and critical findings), and a tap target of at least 44 × 44 CSS px for everything a
// gloved finger can press, links included. axe-core is read from node_modules by path and
// evaluated in the page, so the app's bundle never carries it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MIN_TARGET = 44;

interface AxeFinding { id: string; impact: string | null; help: string; targets: string[] }

/** axe's serious and critical violations on the page as it is now. */
async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the debugging protocol: the app's CSP (script-src 'self') stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    // label-content-name-mismatch is still "experimental" in axe, so off unless asked for: the
    // directory's tel: links once failed it, and a voice-control user must be able to say what she reads.
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, WCAG_TAGS);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Every visible control smaller than 44 × 44 CSS px. A checkbox or radio counts with its label
 * (the whole label is what a finger presses); an element clipped to nothing (a visually hidden
 * input, the skip link until it is focused) is not a target.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="checkbox"], [role="radio"], [role="tab"], [role="link"]';
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let target: HTMLElement = el;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) target = el.closest('label') ?? el;
      const box = target.getBoundingClientRect();
      if (box.width <= 2 || box.height <= 2) continue; // visually hidden
      if (box.bottom < 0 || box.right < 0 || box.left > innerWidth + 1) continue; // moved off screen
      if (box.width + 0.5 < min || box.height + 0.5 < min) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        out.push(`${el.tagName.toLowerCase()}.${el.className || '-'} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return out;
  }, MIN_TARGET);
}

/** What is wrong on this screen, as lines a reader can act on (empty when nothing is). */
export async function screenProblems(page: Page, screen: string): Promise<string[]> {
  const axe = (await axeViolations(page)).map((v) => `${screen}: axe ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(' | ')}`);
  const small = (await smallTargets(page)).map((s) => `${screen}: tap target under ${MIN_TARGET} px: ${s}`);
  return [...axe, ...small];
}
