// Prints the Chromium the tests will use, or exits 1 when there is none.
import { findBrowser } from './find-browser.js';

const browser = findBrowser();
if (!browser) {
  console.error('No Chromium found.');
  process.exit(1);
}
console.log(browser);
