/** The document layer of the editor: plain TypeScript, no React, tested without a browser. */
export * from './json.ts';
export * from './commands.ts';
export * from './store.ts';
export * from './indicator-tree.ts';
export * from './json-positions.ts';
export * from './move-indicator.ts';
export * from './remove-indicator.ts';
export * from './leaf-to-group.ts';
export * from './assumption-pointers.ts';
export * from './merge.ts';
