import type { ClassAttributes, HTMLAttributes } from 'react';
import type { LeverageLensAttributes } from './attributes';

/*
 * `leverage-lens/jsx-react`: `<leverage-lens entry="50000" leverage="20" />` in React's JSX (TypeScript checks
 * intrinsic elements by name, so without this every use is TS2339). Types only; a project opts in once with
 * `import type {} from 'leverage-lens/jsx-react'` (or `"types": ["leverage-lens/jsx-react"]` in tsconfig.json).
 * It is not part of `leverage-lens/element`: augmenting 'react' fails to compile in a project without React's types.
 * A misspelt attribute is a type error, as on any intrinsic element.
 */

/** The props of `<leverage-lens>`: the schema's keys (their own types win over HTML's `title`), HTML's global attributes, `ref` (an HTMLElement: `leverage-lens/element` has the element's own type) and `key`. */
export type LeverageLensJsxProps = ClassAttributes<HTMLElement> & Omit<HTMLAttributes<HTMLElement>, keyof LeverageLensAttributes> & LeverageLensAttributes;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace; augmenting them needs one.
  namespace JSX {
    interface IntrinsicElements {
      'leverage-lens': LeverageLensJsxProps;
    }
  }
}
