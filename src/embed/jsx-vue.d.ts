/*
 * `leverage-lens/jsx-vue`: `<leverage-lens entry="50000" leverage="20" />` in Vue templates, type-checked by
 * vue-tsc / Vue's language tools like a registered component (Vue's recommended way for custom elements not built
 * with Vue). Types only; opt in once with `import type {} from 'leverage-lens/jsx-vue'`. This file is copied into
 * the package as written (the project does not install Vue); the attribute list comes from the schema through
 * attributes.ts. Vue must still be told the tag is a custom element (`compilerOptions.isCustomElement`).
 */
import type { HTMLAttributes } from 'vue';
import type { LeverageLensAttributes } from './attributes.js';

declare module 'vue' {
  interface GlobalComponents {
    'leverage-lens': new () => HTMLElement & {
      /** The attributes a template may set: for type checks only (it is not a property of the element). */
      $props: Omit<HTMLAttributes, keyof LeverageLensAttributes> & LeverageLensAttributes;
    };
  }
}
