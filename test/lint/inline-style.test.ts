import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * No inline style attributes anywhere (issue 15, point 7): a host under `style-src 'self'` blocks each one and
 * logs a violation, and server-rendered HTML would carry them. Styles come from stylesheets and classes; a value
 * only known at run time goes through the CSSOM (`node.style.left = …`), which style-src does not govern.
 */

const root = process.cwd();

function filesUnder(folder: string, extensions: readonly string[]): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** What writes a style attribute: a React style prop, setAttribute('style', …), cssText, and style="…" in markup. */
const inlineStyle: readonly { name: string; pattern: RegExp }[] = [
  { name: 'React style prop', pattern: /\bstyle=\{/ },
  { name: "setAttribute('style')", pattern: /setAttribute(?:NS)?\(\s*(?:[^,()]+,\s*)?['"`]style['"`]/ },
  { name: 'cssText', pattern: /\.cssText\b/ },
  { name: 'style attribute in markup', pattern: /<[a-z][^>]*\sstyle=["']/i },
];

function offences(path: string): string[] {
  const lines = readFileSync(join(root, path), 'utf8').split('\n');
  return lines.flatMap((line, index) => inlineStyle.filter(({ pattern }) => pattern.test(line)).map(({ name }) => `${path}:${index + 1} ${name}: ${line.trim()}`));
}

describe('no inline style attributes', () => {
  it('finds each way of writing one (the patterns can fail)', () => {
    const samples = ['<div style={{ left: 0 }} />', "copy.setAttribute('style', text);", 'node.style.cssText = text;', '<iframe src="x" style="border:0"></iframe>'];
    expect(samples.map((sample) => inlineStyle.filter(({ pattern }) => pattern.test(sample)).length)).toEqual([1, 1, 1, 1]);
    expect(inlineStyle.some(({ pattern }) => pattern.test("node.style.left = '10%';"))).toBe(false);
    expect(inlineStyle.some(({ pattern }) => pattern.test("copy.setAttribute('fill', value);"))).toBe(false);
  });

  it('has none in the sources, the pages or the host script', () => {
    const files = [...filesUnder('src', ['.ts', '.tsx', '.html']), ...filesUnder('public', ['.html', '.js'])];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(offences)).toEqual([]);
  });
});
