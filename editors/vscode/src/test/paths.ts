import * as path from 'node:path';

/** editors/vscode (the compiled tests run from editors/vscode/out/test). */
export const EXTENSION_ROOT = path.resolve(__dirname, '..', '..');
/** The repository root. */
export const REPO_ROOT = path.resolve(EXTENSION_ROOT, '..', '..');
