import { afterAll, expect, it, vi } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The README's API example must run as written: extract it, point its import at the model, run it,
// and compare what it logs with the values its comments promise.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = join(root, 'test', '.readme-example');

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

it('runs the README API example and prints what its comments say', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /## The model's API[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block, 'README has a ts example under "The model\'s API"').toBeTypeOf('string');
  const code = (block ?? '').replace("from './src/model'", `from '${join(root, 'src/model/api.ts')}'`);
  mkdirSync(scratch, { recursive: true });
  const file = join(scratch, 'example.ts');
  writeFileSync(file, code);
  const logged: unknown[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((value: unknown) => {
    logged.push(value);
  });
  await import(/* @vite-ignore */ file);
  spy.mockRestore();
  const promised = [...(block ?? '').matchAll(/console\.log\([^)]*\);\s*\/\/ "([^"]+)"/g)].map((match) => match[1]);
  expect(promised.length).toBeGreaterThan(0);
  promised.forEach((value, index) => expect(logged[index]).toBe(value));
});
