// End-to-end smoke test of the extension's spawn logic against the real server, without VS Code:
// resolves the server as the extension does (resolveServer, with `--server` as peeringlint.serverPath), spawns it,
// speaks LSP over its stdio (vscode-jsonrpc, the transport under vscode-languageclient), and checks
//   initialize → capabilities; initialized; didOpen of a broken input → publishDiagnostics with the expected rule
//   ids; the settings sent as initializationOptions / workspace/configuration reach the server (`--off` rule is
//   absent); codeAction on one diagnostic; shutdown and exit → the process ends with code 0.
//
// usage: node out/test/smoke/lsp-smoke.js --server <peeringlint | peeringlint.dll> --file <input> [--root <folder>]
//                                         [--expect PL1002,PL2001] [--off PL2003] [--absent PL2004]
//                                         [--config-path FILE] [--code-action PL1002]
//                                         [--settle-ms 0] [--timeout-seconds 120]

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { resolveServer, serverExecutable } from '../../server';
import { serverSettings } from '../../settings';

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string | number;
  message: string;
  source?: string;
}

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) {
    return process.argv[i + 1];
  }
  if (fallback !== undefined) {
    return fallback;
  }
  throw new Error(`missing --${name}`);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function fail(message: string): never {
  console.error(`lsp-smoke: FAILED: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const file = path.resolve(arg('file'));
  const expected = list(arg('expect', 'PL1002,PL2001'));
  const off = list(arg('off', ''));
  const absent = list(arg('absent', ''));
  const configPath = arg('config-path', '');
  const codeActionFor = arg('code-action', '');
  const timeoutMs = Number(arg('timeout-seconds', '120')) * 1000;
  const settleMs = Number(arg('settle-ms', '0'));
  const root = path.resolve(arg('root', path.dirname(file)));

  const resolution = resolveServer(
    { serverPath: arg('server'), serverArgs: [] },
    {
      platform: process.platform,
      env: process.env,
      homedir: os.homedir(),
      workspaceFolder: root,
      isFile: (p) => fs.existsSync(p) && fs.statSync(p).isFile(),
    },
  );
  if (!resolution.found) {
    fail(resolution.message);
  }

  const settings = serverSettings(
    { rules: Object.fromEntries(off.map((id) => [id, 'off'])), configPath },
    root,
    os.homedir(),
  );
  const started = Date.now();
  const exe = serverExecutable(resolution, root, process.env);
  const child = spawn(exe.command, exe.args, { cwd: exe.options.cwd, env: exe.options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let shuttingDown = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (!shuttingDown) {
        fail(`the server exited (code ${code}) before shutdown\n${stderr}`);
      }
      resolve(code);
    }),
  );
  child.on('error', (e) => fail(`spawn ${resolution.command}: ${e.message}`));

  const timer = setTimeout(() => {
    child.kill();
    fail(`no answer within ${timeoutMs / 1000} s\n${stderr}`);
  }, timeoutMs);

  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  let configurationRequests = 0;
  const published = new Map<string, Diagnostic[]>();
  let onPublish: (() => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    published.set(p.uri, p.diagnostics);
    onPublish?.();
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
    configurationRequests++;
    return p.items.map((item) => (item.section === 'peeringlint' ? settings : null));
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();

  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    clientInfo: { name: 'peeringlint-vscode-smoke' },
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
    initializationOptions: settings,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        definition: {},
      },
    },
  })) as { capabilities?: Record<string, unknown>; serverInfo?: { name?: string; version?: string } };
  if (init?.capabilities === undefined) {
    fail('initialize returned no capabilities');
  }
  const initMs = Date.now() - started;
  await connection.sendNotification('initialized', {});

  const text = fs.readFileSync(file, 'utf8');
  const languageId = file.endsWith('.json') ? 'json' : 'yaml';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });

  // Diagnostics may come in several rounds (empty first, then the lint): wait until every expected id is there.
  const codes = (): string[] => (published.get(uri) ?? []).map((d) => String(d.code ?? ''));
  await new Promise<void>((resolve) => {
    const check = (): void => {
      if (expected.every((id) => codes().includes(id))) {
        onPublish = undefined;
        resolve();
      }
    };
    onPublish = check;
    check();
  });
  const diagMs = Date.now() - started;
  if (settleMs > 0) {
    // Let later rounds arrive (a file that must stay clean, or one whose findings change after a debounce).
    await new Promise((r) => setTimeout(r, settleMs));
  }
  const diagnostics = published.get(uri) ?? [];
  if (process.env.LSP_SMOKE_VERBOSE) {
    for (const d of diagnostics) {
      console.error(`  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code ?? '-'} ${d.message}`);
    }
  }
  for (const id of off) {
    if (codes().includes(id)) {
      fail(`${id} was turned off in the settings but is still reported: ${codes().join(', ')}`);
    }
  }
  for (const id of absent) {
    if (codes().includes(id)) {
      fail(`${id} should not be reported (${configPath || 'settings'}): ${codes().join(', ')}`);
    }
  }

  let actions = 0;
  if (codeActionFor !== '') {
    const target = diagnostics.find((d) => String(d.code) === codeActionFor);
    if (target === undefined) {
      fail(`no ${codeActionFor} diagnostic to ask a code action for`);
    }
    const result = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as unknown[] | null;
    actions = result?.length ?? 0;
    if (actions === 0) {
      fail(`no code action for ${codeActionFor}`);
    }
  }

  shuttingDown = true;
  const stopping = Date.now();
  await connection.sendRequest('shutdown');
  const shutdownMs = Date.now() - stopping;
  await connection.sendNotification('exit');
  const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30000).unref())]);
  const exitMs = Date.now() - stopping - shutdownMs;
  clearTimeout(timer);
  connection.dispose();
  if (code !== 0) {
    child.kill();
    fail(`the server did not exit with 0 after shutdown/exit (got ${code})\n${stderr}`);
  }
  const summary = [...new Set(codes())].sort().join(', ');
  console.log(
    `lsp-smoke: ${resolution.command} ${resolution.args.join(' ')}: initialize ${initMs} ms, ` +
      `${diagnostics.length} diagnostics (${summary}) after ${diagMs} ms, ` +
      `${configurationRequests} workspace/configuration request(s)` +
      (codeActionFor !== '' ? `, ${actions} code action(s) for ${codeActionFor}` : '') +
      `, shutdown ${shutdownMs} ms, exit 0 after ${exitMs} ms`,
  );
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
