// Makes sure the end-to-end tests have a Chromium: CHROMIUM_PATH, Debian's /usr/bin/chromium,
// or (where apt-get and root are available) installs Debian's package. Playwright cannot
// download its own browser on machines without general internet access.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) {
  console.log(`e2e browser: ${found}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log("e2e browser: installing Debian's chromium (apt-get install chromium)…");
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  process.exit(existsSync('/usr/bin/chromium') ? 0 : 1);
}
console.error(
  'No Chromium for the end-to-end tests. Install one (Debian: sudo apt-get install chromium) ' +
    'or set CHROMIUM_PATH to a Chromium/Chrome binary, then run npm test again.',
);
process.exit(1);
