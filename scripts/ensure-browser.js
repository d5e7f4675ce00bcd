// Makes sure `npm test` finds a Chromium: CHROME_PATH, the usual paths, else installs
// Debian's chromium when apt is there and we are root; else says what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser.js';

if (!findBrowser()) {
  const canApt = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (canApt) {
    console.log('No Chromium found: installing Debian\'s chromium package…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  }
  if (!findBrowser()) {
    console.error('No Chromium found: install Chromium or Chrome, or set CHROME_PATH to its executable.');
    process.exit(1);
  }
}
