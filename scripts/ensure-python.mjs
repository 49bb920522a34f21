// Makes sure the training-project tests have their Python: /usr/bin/python3 (or STUDIO_PYTHON)
// importing torch, numpy, icu and keras_preprocessing, or (where apt-get and root are available)
// installs Debian's packages for them. pip's registry is out of reach on the machines we build on.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const python = process.env.STUDIO_PYTHON || '/usr/bin/python3';
const MODULES = 'torch, numpy, icu, keras_preprocessing';
const PACKAGES = 'python3-torch python3-numpy python3-icu python3-keras-preprocessing';

function ready() {
  try {
    execSync(`${python} -c "import ${MODULES}"`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (ready()) {
  console.log(`training-project tests: ${python} has ${MODULES}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!process.env.STUDIO_PYTHON && isRoot && existsSync('/usr/bin/apt-get')) {
  console.log(`training-project tests: installing Debian's ${PACKAGES}…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${PACKAGES}`, { stdio: 'inherit' });
  process.exit(ready() ? 0 : 1);
}
console.error(
  `${python} cannot import ${MODULES}, which the training-project tests need. ` +
    `Install them (Debian: sudo apt-get install ${PACKAGES}) or set STUDIO_PYTHON to a Python that has them, then run npm test again.`,
);
process.exit(1);
