// Where the `peeringlint` language server is and how to start it. No `vscode` import: the unit tests run this under
// plain node with a fake file system and environment.

import * as path from 'node:path';

/** The settings that choose the server (`peeringlint.serverPath`, `peeringlint.serverArgs`). */
export interface ServerSettings {
  readonly serverPath: string;
  readonly serverArgs: readonly string[];
}

/** What the resolution may look at: the platform, the environment, the home folder and the file system. */
export interface ResolveContext {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  /** The first workspace folder, against which a relative `serverPath` is resolved; undefined without one. */
  readonly workspaceFolder?: string;
  /** True when the path is an existing regular file (a link to one counts). */
  readonly isFile: (p: string) => boolean;
}

export type ServerCommand = {
  readonly found: true;
  readonly command: string;
  readonly args: readonly string[];
  /** Where the command came from, for the output channel. */
  readonly source: 'setting' | 'PATH' | 'dotnet tools folder';
};

export type ServerNotFound = {
  readonly found: false;
  /** The message shown to the user: what was searched and how to install the tool. */
  readonly message: string;
  readonly searched: readonly string[];
};

export type ServerResolution = ServerCommand | ServerNotFound;

export const INSTALL_COMMAND = 'dotnet tool install --global PeeringLint';

const TOOL = 'peeringlint';

/**
 * Finds the server: `peeringlint.serverPath` when set (a `.dll` is run with `dotnet`; `~` and relative paths are
 * expanded), else `peeringlint` on PATH, else the dotnet global tools folder (`~/.dotnet/tools`, or
 * `$DOTNET_CLI_HOME/.dotnet/tools`), which `dotnet tool install --global` fills but which a desktop session's PATH
 * often lacks. The arguments are `lsp` followed by `peeringlint.serverArgs`.
 */
export function resolveServer(settings: ServerSettings, ctx: ResolveContext): ServerResolution {
  const p = ctx.platform === 'win32' ? path.win32 : path.posix;
  const lspArgs = ['lsp', ...settings.serverArgs];
  const configured = settings.serverPath.trim();
  if (configured !== '') {
    const full = expand(configured, ctx, p);
    if (!ctx.isFile(full)) {
      return {
        found: false,
        searched: [full],
        message:
          `PeeringLint: the language server set in peeringlint.serverPath was not found: ${full}. ` +
          `Fix the setting, or clear it to use 'peeringlint' from PATH (install it with '${INSTALL_COMMAND}').`,
      };
    }
    if (full.toLowerCase().endsWith('.dll')) {
      return { found: true, command: 'dotnet', args: [full, ...lspArgs], source: 'setting' };
    }
    return { found: true, command: full, args: lspArgs, source: 'setting' };
  }

  const names = executableNames(ctx);
  const searched: string[] = [];
  const pathValue = envValue(ctx, 'PATH') ?? '';
  const delimiter = ctx.platform === 'win32' ? ';' : ':';
  for (const rawDir of pathValue.split(delimiter)) {
    const dir = stripQuotes(rawDir.trim());
    if (dir === '') {
      continue;
    }
    for (const name of names) {
      const candidate = p.join(dir, name);
      searched.push(candidate);
      if (ctx.isFile(candidate)) {
        return { found: true, command: candidate, args: lspArgs, source: 'PATH' };
      }
    }
  }

  const toolsDir = p.join(envValue(ctx, 'DOTNET_CLI_HOME') || ctx.homedir, '.dotnet', 'tools');
  for (const name of names) {
    const candidate = p.join(toolsDir, name);
    searched.push(candidate);
    if (ctx.isFile(candidate)) {
      return { found: true, command: candidate, args: lspArgs, source: 'dotnet tools folder' };
    }
  }

  return {
    found: false,
    searched,
    message:
      `PeeringLint: the language server 'peeringlint' was not found on PATH or in ${toolsDir}. ` +
      `Install the .NET tool with '${INSTALL_COMMAND}' (it needs the .NET 10 runtime), ` +
      `or set peeringlint.serverPath to the 'peeringlint' executable, then run 'PeeringLint: Restart Language Server'.`,
  };
}

/** `peeringlint` on Unix; on Windows the names PATHEXT allows (`peeringlint.exe`, `.cmd`, …), `.exe` first. */
function executableNames(ctx: ResolveContext): string[] {
  if (ctx.platform !== 'win32') {
    return [TOOL];
  }
  const exts = (envValue(ctx, 'PATHEXT') ?? '.COM;.EXE;.BAT;.CMD')
    .split(';')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.startsWith('.'));
  // A .cmd or .bat shim cannot be spawned without a shell; dotnet's tool shims are .exe files.
  const runnable = exts.filter((e) => e === '.exe' || e === '.com');
  return (runnable.length > 0 ? runnable : ['.exe']).map((e) => TOOL + e);
}

/** Environment look-up; Windows names are case-insensitive (`Path`). */
function envValue(ctx: ResolveContext, name: string): string | undefined {
  if (ctx.platform !== 'win32') {
    return ctx.env[name];
  }
  const key = Object.keys(ctx.env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : ctx.env[key];
}

function expand(configured: string, ctx: ResolveContext, p: path.PlatformPath): string {
  let value = configured;
  if (value === '~') {
    value = ctx.homedir;
  } else if (value.startsWith('~/') || value.startsWith('~\\')) {
    value = p.join(ctx.homedir, value.slice(2));
  }
  if (ctx.workspaceFolder !== undefined) {
    value = value.replace(/\$\{workspaceFolder\}/g, ctx.workspaceFolder);
  }
  if (!p.isAbsolute(value) && ctx.workspaceFolder !== undefined) {
    value = p.join(ctx.workspaceFolder, value);
  }
  return p.normalize(value);
}

function stripQuotes(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** How vscode-languageclient spawns the server (its `Executable` server options). */
export interface ServerExecutable {
  readonly command: string;
  readonly args: string[];
  readonly options: { readonly cwd?: string; readonly env: Readonly<Record<string, string | undefined>> };
}

/**
 * The spawn options for a found server: exactly `peeringlint lsp [serverArgs]`, in the workspace folder (where the
 * CLI would look for `.peeringlint.yaml`). No `transport`: with `TransportKind.stdio` vscode-languageclient would
 * append `--stdio`, which only servers that accept it understand; standard input and output are the default anyway.
 */
export function serverExecutable(
  server: ServerCommand,
  cwd: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ServerExecutable {
  return { command: server.command, args: [...server.args], options: { cwd, env } };
}
