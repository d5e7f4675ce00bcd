// Takes a screenshot of a page in headless Chromium: node scripts/screenshot.js URL OUT.png [width] [height]
// Optional: SCREENSHOT_CLIP='x,y,width,height' (page coordinates, with FULL_PAGE=1 past the viewport).
// Optional actions: SCREENSHOT_ACTIONS='[{"click":"css"},{"focus":"css"},{"rightclick":[x,y]},{"press":"Tab"},{"wait":500}]'
// Optional: FORCED_COLORS=1 (Windows high contrast, emulated); SCREENSHOT_ELEMENT='css' (that element only).
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';

const [url, out, width = '1280', height = '800'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  if (process.env.FORCED_COLORS === '1') await page.emulateMedia({ forcedColors: 'active' });
  page.on('console', (m) => console.log(`[console.${m.type()}]`, m.text()));
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(Number(process.env.SCREENSHOT_WAIT ?? 1500));
  for (const action of JSON.parse(process.env.SCREENSHOT_ACTIONS ?? '[]')) {
    if (action.click) await page.locator(action.click).first().click();
    if (action.focus) await page.locator(action.focus).first().focus();
    if (action.rightclick) await page.mouse.click(action.rightclick[0], action.rightclick[1], { button: 'right' });
    if (action.press) await page.keyboard.press(action.press);
    if (action.type) await page.keyboard.type(action.type);
    if (action.wait) await page.waitForTimeout(action.wait);
  }
  const clip = process.env.SCREENSHOT_CLIP?.split(',').map(Number);
  if (process.env.SCREENSHOT_ELEMENT) await page.locator(process.env.SCREENSHOT_ELEMENT).first().screenshot({ path: out });
  else await page.screenshot({ path: out, fullPage: process.env.FULL_PAGE === '1', ...(clip && { clip: { x: clip[0], y: clip[1], width: clip[2], height: clip[3] } }) });
} finally {
  await browser.close();
}
