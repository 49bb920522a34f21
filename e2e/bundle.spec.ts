import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'dist');
/** A kernel name every tfjs build registers: present in a chunk means tfjs is bundled into it. */
const TFJS_MARKER = 'Conv2DBackpropFilter';

/** The entry chunk and every chunk it imports statically: what the page loads before any import(). */
function staticChunks(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html names no entry script: run npm run build first.');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  visit(entry);
  return [...seen];
}

test('the page never loads tfjs: only the worker chunk holds it', () => {
  const chunks = staticChunks();
  expect(chunks.length).toBeGreaterThan(0);
  for (const chunk of chunks) {
    expect(readFileSync(join(dist, chunk), 'utf8').includes(TFJS_MARKER), `${chunk} contains tfjs`).toBe(false);
  }
  const workers = readdirSync(join(dist, 'assets')).filter((f) => /^worker-.*\.js$/.test(f));
  expect(workers).toHaveLength(1);
  expect(readFileSync(join(dist, 'assets', workers[0]), 'utf8')).toContain(TFJS_MARKER);
});
