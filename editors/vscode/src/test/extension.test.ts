// extension.ts under plain node: `vscode` and `vscode-languageclient/node` replaced by small fakes that record what
// the extension does (which client it creates, with which server command and options, which messages it shows).

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DOCUMENT_SELECTOR } from '../documents';
import Module = require('node:module');

type Listener = (e: any) => unknown;

interface FakeClient {
  id: string;
  serverOptions: any;
  clientOptions: any;
  started: boolean;
  disposed: boolean;
  notifications: { type: any; params: any }[];
}

class Fakes {
  settings: Record<string, unknown> = {};
  textDocuments: any[] = [];
  configFiles: string[] = [];
  errors: string[] = [];
  clients: FakeClient[] = [];
  commands = new Map<string, (...args: any[]) => unknown>();
  listeners = { open: [] as Listener[], change: [] as Listener[], config: [] as Listener[] };
  startFails = false;

  vscode(): unknown {
    const self = this;
    class Position {
      constructor(
        readonly line: number,
        readonly character: number,
      ) {}
    }
    class Range {
      constructor(
        readonly start: unknown,
        readonly end: unknown,
      ) {}
    }
    const event = (list: Listener[]) => (l: Listener) => {
      list.push(l);
      return { dispose: () => list.splice(list.indexOf(l), 1) };
    };
    return {
      Position,
      Range,
      Uri: { parse: (s: string) => ({ scheme: 'file', fsPath: s.replace(/^file:\/\//, ''), toString: () => s }) },
      window: {
        createOutputChannel: () => ({ info() {}, warn() {}, error() {}, show() {}, dispose() {} }),
        showErrorMessage: async (message: string) => {
          self.errors.push(message);
          return undefined;
        },
      },
      commands: {
        registerCommand: (id: string, fn: (...args: any[]) => unknown) => {
          self.commands.set(id, fn);
          return { dispose() {} };
        },
        executeCommand: async () => undefined,
      },
      env: { clipboard: { writeText: async () => undefined } },
      workspace: {
        get textDocuments() {
          return self.textDocuments;
        },
        workspaceFolders: [{ uri: { fsPath: '/repo', scheme: 'file' }, name: 'repo', index: 0 }],
        getWorkspaceFolder: () => undefined,
        findFiles: async () => self.configFiles.map((f) => ({ fsPath: f, scheme: 'file' })),
        asRelativePath: (u: any) => (typeof u === 'string' ? u : u.fsPath),
        createFileSystemWatcher: (glob: string) => ({ glob, dispose() {} }),
        getConfiguration: () => ({
          get: (key: string, fallback?: unknown) => (key in self.settings ? self.settings[key] : fallback),
        }),
        onDidOpenTextDocument: event(this.listeners.open),
        onDidChangeTextDocument: event(this.listeners.change),
        onDidChangeConfiguration: event(this.listeners.config),
      },
    };
  }

  languageClient(): unknown {
    const self = this;
    return {
      DidChangeConfigurationNotification: { type: { method: 'workspace/didChangeConfiguration' } },
      LanguageClient: class {
        readonly record: FakeClient;
        constructor(id: string, _name: string, serverOptions: unknown, clientOptions: unknown) {
          this.record = { id, serverOptions, clientOptions, started: false, disposed: false, notifications: [] };
          self.clients.push(this.record);
        }
        async start(): Promise<void> {
          if (self.startFails) {
            throw new Error('spawn EACCES');
          }
          this.record.started = true;
        }
        async dispose(): Promise<void> {
          this.record.disposed = true;
        }
        async sendNotification(type: unknown, params: unknown): Promise<void> {
          this.record.notifications.push({ type, params });
        }
      },
    };
  }
}

function document(fsPath: string, languageId: string, text: string, scheme = 'file'): unknown {
  return {
    uri: { scheme, fsPath, toString: () => `${scheme}://${fsPath}` },
    languageId,
    getText: () => text,
    positionAt: (n: number) => ({ line: 0, character: n }),
  };
}

const extensionPath = path.resolve(__dirname, '..', 'extension.js');
const moduleInternals = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
  _cache: Record<string, unknown>;
};
const originalResolve = moduleInternals._resolveFilename;

let fakes: Fakes;
let ext: { activate(ctx: unknown): Promise<void>; deactivate(): Promise<void> };
let binDir: string;
let savedEnv: { PATH?: string; DOTNET_CLI_HOME?: string };
const context = { subscriptions: [] as unknown[] };

/** Loads a fresh copy of extension.js against fresh fakes (its module state is the running client). */
function load(): void {
  fakes = new Fakes();
  const fakeModules: Record<string, unknown> = {
    vscode: fakes.vscode(),
    'vscode-languageclient/node': fakes.languageClient(),
  };
  moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request in fakeModules ? `fake:${request}` : originalResolve.call(this, request, ...rest);
  };
  for (const [name, exports] of Object.entries(fakeModules)) {
    require.cache[`fake:${name}`] = { id: name, filename: name, loaded: true, exports } as NodeJS.Module;
  }
  delete require.cache[extensionPath];
  ext = require(extensionPath);
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setImmediate(r));
  }
}

describe('extension activation', () => {
  beforeEach(() => {
    binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peeringlint-bin-'));
    savedEnv = { PATH: process.env.PATH, DOTNET_CLI_HOME: process.env.DOTNET_CLI_HOME };
    // An empty dotnet tools folder: a tool installed on this machine must not be found by the fallback.
    process.env.DOTNET_CLI_HOME = path.join(binDir, 'home');
    load();
  });

  afterEach(async () => {
    await ext.deactivate();
    moduleInternals._resolveFilename = originalResolve;
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = v;
      }
    }
    fs.rmSync(binDir, { recursive: true, force: true });
  });

  function installServer(): string {
    const exe = path.join(binDir, 'peeringlint');
    fs.writeFileSync(exe, '#!/bin/sh\n', { mode: 0o755 });
    process.env.PATH = binDir;
    return exe;
  }

  it('does not start the server for YAML that is no input, and starts it once a template is opened', async () => {
    const exe = installServer();
    fakes.textDocuments.push(document('/repo/.github/workflows/ci.yml', 'yaml', 'on: push\njobs: {}\n'));
    await ext.activate(context);
    await settle();
    assert.equal(fakes.clients.length, 0, 'a workflow file must not start the server');

    for (const l of fakes.listeners.open) {
      l(document('/repo/network.yaml', 'yaml', 'AWSTemplateFormatVersion: 2010-09-09\nResources: {}\n'));
    }
    await settle();
    assert.equal(fakes.clients.length, 1);
    const client = fakes.clients[0];
    assert.ok(client.started);
    assert.equal(client.id, 'peeringlint', 'the id is the settings prefix (peeringlint.trace.server)');
    assert.deepEqual(client.serverOptions, { command: exe, args: ['lsp'], options: { cwd: '/repo', env: process.env } });
    assert.deepEqual(client.clientOptions.documentSelector, DOCUMENT_SELECTOR);
    assert.deepEqual(fakes.errors, []);

    // Started once: more inputs do not start a second server.
    for (const l of fakes.listeners.open) {
      l(document('/repo/other.yaml', 'yaml', 'Resources: {}\n'));
    }
    await settle();
    assert.equal(fakes.clients.length, 1);
  });

  it('starts when a document becomes a template while typed', async () => {
    installServer();
    await ext.activate(context);
    assert.equal(fakes.clients.length, 0);
    for (const l of fakes.listeners.change) {
      l({ document: document('Untitled-1', 'yaml', 'Resources:\n', 'untitled') });
    }
    await settle();
    assert.equal(fakes.clients.length, 1);
  });

  it('starts in a workspace with a .peeringlint.yaml even with nothing open', async () => {
    installServer();
    fakes.configFiles.push('/repo/.peeringlint.yaml');
    await ext.activate(context);
    await settle();
    assert.equal(fakes.clients.length, 1);
  });

  it('sends the rule settings and config path as initializationOptions and on change', async () => {
    installServer();
    fakes.settings = { rules: { PL2003: 'off', PL1001: 'default' }, configPath: 'ci/.peeringlint.yaml' };
    fakes.textDocuments.push(document('/repo/t.yaml', 'yaml', 'Resources: {}\n'));
    await ext.activate(context);
    await settle();
    const client = fakes.clients[0];
    assert.deepEqual(client.clientOptions.initializationOptions(), {
      configPath: '/repo/ci/.peeringlint.yaml',
      rules: { PL2003: 'off' },
    });

    fakes.settings = { rules: { PL4004: 'warning' } };
    for (const l of fakes.listeners.config) {
      await l({ affectsConfiguration: (s: string) => s === 'peeringlint.rules' || s === 'peeringlint' });
    }
    assert.deepEqual(client.notifications, [
      {
        type: { method: 'workspace/didChangeConfiguration' },
        params: { settings: { peeringlint: { configPath: null, rules: { PL4004: 'warning' } } } },
      },
    ]);

    // workspace/configuration for our section is answered in the same shape; other sections pass through.
    const answer = await client.clientOptions.middleware.workspace.configuration(
      { items: [{ section: 'peeringlint' }, { section: 'editor' }] },
      undefined,
      async () => [{ raw: true }, { tabSize: 2 }],
    );
    assert.deepEqual(answer, [{ configPath: null, rules: { PL4004: 'warning' } }, { tabSize: 2 }]);
  });

  it('restarts the server when serverPath changes', async () => {
    const exe = installServer();
    fakes.textDocuments.push(document('/repo/t.yaml', 'yaml', 'Resources: {}\n'));
    await ext.activate(context);
    await settle();
    const other = path.join(binDir, 'peeringlint-dev');
    fs.writeFileSync(other, '', { mode: 0o755 });
    fakes.settings = { serverPath: other };
    for (const l of fakes.listeners.config) {
      await l({ affectsConfiguration: (s: string) => s === 'peeringlint.serverPath' || s === 'peeringlint' });
    }
    assert.equal(fakes.clients.length, 2);
    assert.ok(fakes.clients[0].disposed);
    assert.equal(fakes.clients[0].serverOptions.command, exe);
    assert.equal(fakes.clients[1].serverOptions.command, other);
  });

  it('says how to install the tool when the server is missing, once, and retries on the restart command', async () => {
    process.env.PATH = binDir; // an empty folder
    fakes.textDocuments.push(document('/repo/t.yaml', 'yaml', 'Resources: {}\n'));
    fakes.configFiles.push('/repo/.peeringlint.yaml'); // a second reason to start: still one message
    await ext.activate(context);
    await settle();
    assert.equal(fakes.clients.length, 0);
    assert.equal(fakes.errors.length, 1);
    assert.match(fakes.errors[0], /dotnet tool install --global PeeringLint/);

    for (const l of fakes.listeners.open) {
      l(document('/repo/u.yaml', 'yaml', 'Resources: {}\n'));
    }
    await settle();
    assert.equal(fakes.errors.length, 1, 'no second message for every file opened');

    installServer();
    await fakes.commands.get('peeringlint.restartServer')!();
    assert.equal(fakes.clients.length, 1);
    assert.ok(fakes.clients[0].started);
  });

  it('reports a server that does not start, without a client left behind', async () => {
    installServer();
    fakes.startFails = true;
    fakes.textDocuments.push(document('/repo/t.yaml', 'yaml', 'Resources: {}\n'));
    await ext.activate(context);
    await settle();
    assert.equal(fakes.clients.length, 1);
    assert.ok(fakes.clients[0].disposed);
    assert.equal(fakes.errors.length, 1);
    assert.match(fakes.errors[0], /did not start: spawn EACCES/);
  });
});
