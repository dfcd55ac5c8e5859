#!/usr/bin/env node
// Runs the bundled build (dist/pingyi.js, `npm run build:cli`) when it is there and newer than
// every source file that went into it (dist/pingyi.meta.json); otherwise the TypeScript sources
// through tsx, so the repository works without a build step and never runs a stale build.
// PINGYI_FROM_SOURCE=1 forces the sources (the tests use it).
import { readFileSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const dist = new URL('dist/pingyi.js', root);

function buildIsFresh() {
  if (process.env.PINGYI_FROM_SOURCE === '1') return false;
  try {
    const built = statSync(dist).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(new URL('dist/pingyi.meta.json', root), 'utf8'));
    return inputs.every((f) => statSync(new URL(f, root)).mtimeMs <= built);
  } catch {
    return false; // no build, or a source file moved: run the sources
  }
}

if (buildIsFresh()) await import(dist.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
