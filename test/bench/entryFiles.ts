import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An ES module of a build directory and what it loads: the files of the directory it imports, transitively (itself
 * included), and the packages those import. Read from the emitted `import`/`from "…"` clauses (minified output).
 */
export function entryFiles(directory: string, entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (name: string): void => {
    if (files.has(name)) return;
    files.add(name);
    for (const match of readFileSync(join(directory, name), 'utf8').matchAll(/(?:\bfrom|\bimport)\s*"([^"]+)"/g)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('./')) visit(specifier.slice(2));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages].sort() };
}
