import { readFileSync } from 'node:fs';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { inputsToSpec } from '../../src/config/spec';
import { parseConfig } from '../../src/config/codec';
import { formatPrice } from '../../src/config/format';

/* What the embedding suites expect, shared by the page suite (embed.test.ts) and the package suite (package.test.ts). */

/** The liquidation price as a widget shows it, straight from the model for a flat configuration. */
export function expectedLiquidation(pairs: [string, string][]): string {
  const inputs = parseConfig(pairs).inputs;
  const analysis = analyze(inputsToSpec(inputs));
  if (!analysis.valid || analysis.liquidationPrice === null) throw new Error('the configuration should have a liquidation price');
  return formatPrice(analysis.liquidationPrice, findVenue(inputs.venue)?.tick ?? '0.01', { direction: analysis.side === 'long' ? 'up' : 'down' });
}

/** The code blocks of one language in the README's "Embedding" section, in order. */
export function readmeBlocks(language: string): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = /## Embedding\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1] ?? '');
}
