/*
 * `leverage-lens/model`: the model's public API alone — pure TypeScript and decimal.js, no React, no DOM and no side
 * effects on load, so it runs in a server component, a worker or plain Node. The main entry re-exports the same API
 * from the same shared file of the package, so a consumer that imports both never loads the model twice.
 */
export * from '../model/api';
