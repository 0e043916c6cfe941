// The settings the server receives. No `vscode` import: the unit tests run this under node.
//
// One shape, `PeeringLintServerSettings` (the server's `ServerOptions`, src/PeeringLint.Cli/LanguageServer), everywhere
// the server may read settings:
//   - `initializationOptions` of the `initialize` request;
//   - the answer to `workspace/configuration` for the section `peeringlint` (per workspace folder);
//   - `workspace/didChangeConfiguration` as `{ settings: { peeringlint: … } }` whenever a setting changes.

import * as path from 'node:path';

export type RuleSeverity = 'off' | 'error' | 'warning' | 'note';

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'error', 'warning', 'note']);
const RULE_ID = /^PL\d{4}$/;

export interface PeeringLintServerSettings {
  /** Absolute path of the configuration file to use, or null for the nearest `.peeringlint.yaml`. */
  readonly configPath: string | null;
  /** Rule id → severity, only for rules the user changed (`default` entries are left out); wins over the file. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
}

/** The raw `peeringlint` section as VS Code returns it (any of it may be missing or of the wrong type). */
export interface RawSettings {
  readonly configPath?: unknown;
  readonly rules?: unknown;
}

/**
 * Normalises the user's settings: `peeringlint.configPath` made absolute against the workspace folder (`~` is the home folder),
 * empty meaning null; `rules` keeping only `PLnnnn` ids with a real severity. Values of the wrong type are dropped
 * rather than sent (VS Code already warns about them in settings.json).
 */
export function serverSettings(
  raw: RawSettings,
  folder: string | undefined,
  homedir: string,
  platform: NodeJS.Platform = process.platform,
): PeeringLintServerSettings {
  const p = platform === 'win32' ? path.win32 : path.posix;
  let configPath: string | null = null;
  if (typeof raw.configPath === 'string' && raw.configPath.trim() !== '') {
    let value = raw.configPath.trim();
    if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
      value = p.join(homedir, value.slice(1));
    }
    if (folder !== undefined) {
      value = value.replace(/\$\{workspaceFolder\}/g, folder);
      if (!p.isAbsolute(value)) {
        value = p.join(folder, value);
      }
    }
    configPath = p.normalize(value);
  }

  const rules: Record<string, RuleSeverity> = {};
  if (raw.rules !== null && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
    for (const [id, severity] of Object.entries(raw.rules as Record<string, unknown>)) {
      const key = id.trim().toUpperCase();
      if (RULE_ID.test(key) && typeof severity === 'string' && SEVERITIES.has(severity.toLowerCase())) {
        rules[key] = severity.toLowerCase() as RuleSeverity;
      }
    }
  }
  return { configPath, rules };
}
