export { App } from './App';
export { addressFor, initialState, isDefaultState, noticesFor, parseStored, queryFor, readLink, shareLink, STORAGE_KEY, storedText } from './urlState';
export { startSync } from './sync';
