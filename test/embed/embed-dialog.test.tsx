import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { defaultInputs } from '../../src/config/presets';
import { parseConfig, toQueryString } from '../../src/config/codec';
import type { Inputs } from '../../src/config/schema';
import { CalculatorProvider } from '../../src/store/context';
import { createCalculatorStore } from '../../src/store/calculatorStore';
import { EmbedDialog } from '../../src/app/EmbedDialog';
import { embedSnippets } from '../../src/app/embedSnippets';
import type { EmbedChoices } from '../../src/app/embedSnippets';
import { attributeEntries, readEmbedConfig } from '../../src/embed/config';
import { failOnConsoleErrors } from '../ui/helpers';

failOnConsoleErrors();

const base = 'https://lens.example.org/tools/';

const shortOnBybit: Inputs = { ...parseConfig([['venue', 'bybit-usdt-btcusdt'], ['side', 'short'], ['entry', '61000'], ['leverage', '12.5'], ['mmr', '0.006']]).inputs };

function choices(inputs: Inputs, overrides: Partial<EmbedChoices> = {}): EmbedChoices {
  return { inputs, theme: 'dark', controls: ['leverage', 'side'], views: ['results', 'chart'], ...overrides };
}

/** The attributes of the first <leverage-lens> in an HTML snippet, read as the element reads them. */
function elementAttributes(html: string): [string, string][] {
  const element = new DOMParser().parseFromString(html, 'text/html').querySelector('leverage-lens');
  if (element === null) throw new Error('no <leverage-lens> in the snippet');
  return attributeEntries(element);
}

function iframeSource(html: string): URL {
  const frame = new DOMParser().parseFromString(html, 'text/html').querySelector('iframe');
  if (frame === null) throw new Error('no iframe in the snippet');
  return new URL(frame.getAttribute('src') ?? '');
}

describe('embed snippets', () => {
  it('pass the page’s locale and currency on to every form, and leave them out when the page has none', () => {
    const snippets = embedSnippets(base, choices(shortOnBybit, { locale: 'de-DE', currency: 'EUR' }));
    const element = parseConfig(elementAttributes(snippets.element));
    expect(element.widget.locale).toBe('de-DE');
    expect(element.widget.currency).toBe('EUR');
    const frame = parseConfig(iframeSource(snippets.iframe).searchParams.entries());
    expect(frame.widget.locale).toBe('de-DE');
    expect(frame.widget.currency).toBe('EUR');
    expect(snippets.react).toContain('locale="de-DE"');
    const plain = embedSnippets(base, choices(shortOnBybit));
    expect(parseConfig(elementAttributes(plain.element)).widget.locale).toBeUndefined();
    expect(plain.react).not.toContain('locale');
  });

  it('carry the current inputs: the element’s attributes read back to the same state', () => {
    const snippets = embedSnippets(base, choices(shortOnBybit));
    // Read as the element reads its attributes (`editable` is the list of controls).
    const config = readEmbedConfig(elementAttributes(snippets.element), 'attributes');
    expect(config.notices).toEqual([]);
    expect(toQueryString(config.inputs)).toBe(toQueryString(shortOnBybit));
    expect(config).toMatchObject({ theme: 'dark', controls: ['leverage', 'side'], views: ['results', 'chart'] });
    expect(snippets.element).toContain(`<script type="module" src="${base}leverage-lens.js"></script>`);
  });

  it('carry the same state in the iframe URL, plus an instance id for the host script', () => {
    const snippets = embedSnippets(base, choices(shortOnBybit));
    const source = iframeSource(snippets.iframe);
    expect(`${source.origin}${source.pathname}`).toBe(`${base}embed.html`);
    expect(source.searchParams.get('id')).toBe('leverage-lens-1');
    const parsed = parseConfig([...source.searchParams.entries()].filter(([key]) => key !== 'id'));
    expect(parsed.rejected).toEqual([]);
    expect(toQueryString(parsed.inputs)).toBe(toQueryString(shortOnBybit));
    expect(snippets.iframe).toContain(`<script src="${base}leverage-lens-host.js" defer></script>`);
  });

  it('write React props with the same names and values', () => {
    const snippets = embedSnippets(base, choices(shortOnBybit));
    expect(snippets.react).toContain(`import { LeverageLens } from 'leverage-lens';`);
    expect(snippets.react).toContain(`import 'leverage-lens/style.css';`);
    const props = [...snippets.react.matchAll(/^\s+(\w+)="([^"]*)"$/gm)].map((match): [string, string] => [match[1] ?? '', match[2] ?? '']);
    const byKey = (pairs: [string, string][]): [string, string][] => [...pairs].sort(([a], [b]) => a.localeCompare(b));
    expect(byKey(props)).toEqual(byKey(elementAttributes(snippets.element)));
  });

  it('escape a title so the markup stays one element', () => {
    const inputs = defaultInputs();
    const snippets = embedSnippets(base, choices(inputs, { controls: [] }));
    expect(elementAttributes(snippets.element).some(([key]) => key === 'editable' || key === 'controls')).toBe(false);
    const hostile = embedSnippets(base, { ...choices(inputs), views: ['results"><script>alert(1)</script>'] });
    const attributes = elementAttributes(hostile.element);
    expect(attributes.find(([key]) => key === 'views')?.[1]).toBe('results"><script>alert(1)</script>');
    expect(new DOMParser().parseFromString(hostile.element, 'text/html').querySelectorAll('script')).toHaveLength(1);
  });
});

describe('the Embed dialog', () => {
  it('opens on the Embed button with the three snippets for the current state, and closes again', async () => {
    const user = userEvent.setup();
    const store = createCalculatorStore({ inputs: shortOnBybit });
    render(
      <CalculatorProvider store={store}>
        <EmbedDialog />
      </CalculatorProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Embed' }));
    const dialog = screen.getByRole('dialog', { name: 'Embed this calculation' });
    const element = within(dialog).getByLabelText<HTMLTextAreaElement>('Custom element');
    const iframe = within(dialog).getByLabelText<HTMLTextAreaElement>('iframe');
    const react = within(dialog).getByLabelText<HTMLTextAreaElement>('React (npm package)');
    expect(toQueryString(parseConfig(elementAttributes(element.value)).inputs)).toBe(toQueryString(shortOnBybit));
    expect(iframe.value).toContain('embed.html?v=1&amp;');
    expect(react.value).toContain('<LeverageLens');

    // Opening the entry price to the reader adds it to the controls of every snippet.
    await user.click(within(dialog).getByRole('checkbox', { name: 'Entry price' }));
    expect(elementAttributes(element.value).find(([key]) => key === 'editable')?.[1]).toBe('entry,leverage');
    expect(iframeSource(iframe.value).searchParams.get('editable')).toBe('entry,leverage');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('copies a snippet to the clipboard', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    const clipboard = vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ ...navigator.clipboard, writeText });
    render(
      <CalculatorProvider store={createCalculatorStore()}>
        <EmbedDialog />
      </CalculatorProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Embed' }));
    await user.click(screen.getByRole('button', { name: 'Copy the iframe snippet' }));
    expect(writeText).toHaveBeenCalledWith(screen.getByLabelText<HTMLTextAreaElement>('iframe').value);
    // Announced through a live region beside the snippet.
    expect(screen.getByText('Copied').getAttribute('role')).toBe('status');
    clipboard.mockRestore();
  });
});
