// The VS Code client of `peeringlint lsp`. Everything that can be decided without VS Code lives in server.ts,
// documents.ts and settings.ts (tested under node); this file wires them to the editor.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CONFIG_FILE_NAME,
  DOCUMENT_SELECTOR,
  HEAD_CHARS,
  startReason,
  WATCHED_FILES,
  type DocumentInfo,
} from './documents';
import { INSTALL_COMMAND, resolveServer, serverExecutable } from './server';
import { serverSettings, type PeeringLintServerSettings } from './settings';

const SECTION = 'peeringlint';

let output: vscode.LogOutputChannel;
let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;
/** Set after the server could not be found or started: no more automatic attempts until the restart command. */
let gaveUp = false;
const startWatchers: vscode.Disposable[] = [];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('PeeringLint', { log: true });
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('peeringlint.restartServer', async () => {
      gaveUp = false;
      await stopServer();
      await startServer('restart command');
    }),
    vscode.commands.registerCommand('peeringlint.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SECTION}.serverPath`) || e.affectsConfiguration(`${SECTION}.serverArgs`)) {
        if (client !== undefined || gaveUp) {
          gaveUp = false;
          await stopServer();
          await startServer('server settings changed');
        }
      } else if (
        client !== undefined &&
        (e.affectsConfiguration(`${SECTION}.rules`) || e.affectsConfiguration(`${SECTION}.configPath`))
      ) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: settingsFor(undefined) },
        });
      }
    }),
    { dispose: () => disposeStartWatchers() },
  );

  // Start when a document that looks like an input is open now, is opened later, or becomes one while typed.
  startWatchers.push(
    vscode.workspace.onDidOpenTextDocument((doc) => considerStarting(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => considerStarting(e.document)),
  );
  for (const doc of vscode.workspace.textDocuments) {
    considerStarting(doc);
  }
  // ... or when the workspace has a .peeringlint.yaml (the folder is a PeeringLint project).
  if (client === undefined && starting === undefined && !gaveUp) {
    const configs = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**', 1);
    if (configs.length > 0) {
      await startServer(`workspace has ${vscode.workspace.asRelativePath(configs[0])}`);
    }
  }
}

export async function deactivate(): Promise<void> {
  disposeStartWatchers();
  await stopServer();
}

function considerStarting(doc: vscode.TextDocument): void {
  if (client !== undefined || starting !== undefined || gaveUp) {
    return;
  }
  const reason = startReason(documentInfo(doc));
  if (reason !== undefined) {
    void startServer(`${reason} ${vscode.workspace.asRelativePath(doc.uri)}`);
  }
}

function documentInfo(doc: vscode.TextDocument): DocumentInfo {
  const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(HEAD_CHARS)));
  return { uri: doc.uri, languageId: doc.languageId, head };
}

async function startServer(reason: string): Promise<void> {
  if (starting !== undefined) {
    return starting;
  }
  starting = doStart(reason).finally(() => {
    starting = undefined;
  });
  return starting;
}

async function doStart(reason: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const config = vscode.workspace.getConfiguration(SECTION);
  const resolution = resolveServer(
    {
      serverPath: config.get<string>('serverPath', ''),
      serverArgs: config.get<string[]>('serverArgs', []).filter((a) => typeof a === 'string'),
    },
    { platform: process.platform, env: process.env, homedir: os.homedir(), workspaceFolder: folder, isFile },
  );
  if (!resolution.found) {
    gaveUp = true;
    output.error(resolution.message);
    output.info(`searched: ${resolution.searched.join(', ') || '(nothing)'}`);
    void showNotFound(resolution.message);
    return;
  }

  output.info(`starting ${resolution.command} ${resolution.args.join(' ')} (from ${resolution.source}; ${reason})`);
  const serverOptions: ServerOptions = serverExecutable(resolution, folder, process.env);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR.map((f) => ({ ...f })),
    outputChannel: output,
    initializationOptions: () => settingsFor(undefined),
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`),
        vscode.workspace.createFileSystemWatcher(WATCHED_FILES),
      ],
    },
    middleware: {
      workspace: {
        // workspace/configuration: the `peeringlint` section in the server's shape, per workspace folder.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return params.items.map((item, i) => (item.section === SECTION ? settingsFor(item.scopeUri) : result[i]));
        },
      },
    },
  };

  const created = new LanguageClient(SECTION, 'PeeringLint', serverOptions, clientOptions);
  try {
    await created.start();
  } catch (error) {
    gaveUp = true;
    const message =
      `PeeringLint: the language server '${resolution.command}' did not start: ${describe(error)}. ` +
      `A PeeringLint without the 'lsp' command is too old: update it with 'dotnet tool update --global PeeringLint'.`;
    output.error(message);
    void showNotFound(message);
    try {
      await created.dispose();
    } catch {
      // The process may not have started at all; nothing to clean up then.
    }
    return;
  }
  client = created;
  disposeStartWatchers();
}

async function stopServer(): Promise<void> {
  const current = client;
  client = undefined;
  if (current !== undefined) {
    try {
      // dispose = stop the server and drop the client's watchers and providers (our output channel stays open).
      await current.dispose();
    } catch (error) {
      output.warn(`stopping the server: ${describe(error)}`);
    }
  }
}

async function showNotFound(message: string): Promise<void> {
  const copy = 'Copy Install Command';
  const settings = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(message, copy, settings);
  if (choice === copy) {
    await vscode.env.clipboard.writeText(INSTALL_COMMAND);
  } else if (choice === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.serverPath`);
  }
}

function settingsFor(scopeUri: string | undefined): PeeringLintServerSettings {
  const scope = scopeUri !== undefined ? vscode.Uri.parse(scopeUri) : undefined;
  const folder =
    (scope !== undefined ? vscode.workspace.getWorkspaceFolder(scope) : undefined) ??
    vscode.workspace.workspaceFolders?.[0];
  const config = vscode.workspace.getConfiguration(SECTION, scope ?? folder?.uri);
  return serverSettings(
    { configPath: config.get('configPath'), rules: config.get('rules') },
    folder?.uri.fsPath,
    os.homedir(),
  );
}

function disposeStartWatchers(): void {
  for (const d of startWatchers.splice(0)) {
    d.dispose();
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
