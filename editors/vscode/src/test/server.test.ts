import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { INSTALL_COMMAND, resolveServer, serverExecutable, type ResolveContext, type ServerSettings } from '../server';

const none: ServerSettings = { serverPath: '', serverArgs: [] };

function unix(files: string[], env: Record<string, string> = {}, workspaceFolder?: string): ResolveContext {
  const set = new Set(files);
  return { platform: 'linux', env, homedir: '/home/ada', workspaceFolder, isFile: (p) => set.has(p) };
}

describe('resolveServer', () => {
  it('runs the configured executable with lsp and the extra arguments', () => {
    const r = resolveServer({ serverPath: '/opt/pl/peeringlint', serverArgs: ['--verbose'] }, unix(['/opt/pl/peeringlint']));
    assert.deepEqual(r, { found: true, command: '/opt/pl/peeringlint', args: ['lsp', '--verbose'], source: 'setting' });
  });

  it('runs a configured peeringlint.dll with dotnet', () => {
    const dll = '/src/PeeringLint.Cli/bin/Debug/net10.0/peeringlint.dll';
    const r = resolveServer({ serverPath: dll, serverArgs: [] }, unix([dll]));
    assert.deepEqual(r, { found: true, command: 'dotnet', args: [dll, 'lsp'], source: 'setting' });
  });

  it('resolves a relative, ~ or ${workspaceFolder} serverPath', () => {
    const ctx = unix(['/repo/tools/peeringlint', '/home/ada/bin/peeringlint'], {}, '/repo');
    for (const [setting, expected] of [
      ['tools/peeringlint', '/repo/tools/peeringlint'],
      ['./tools/../tools/peeringlint', '/repo/tools/peeringlint'],
      ['${workspaceFolder}/tools/peeringlint', '/repo/tools/peeringlint'],
      ['~/bin/peeringlint', '/home/ada/bin/peeringlint'],
    ]) {
      const r = resolveServer({ serverPath: setting, serverArgs: [] }, ctx);
      assert.ok(r.found, setting);
      assert.equal(r.command, expected, setting);
    }
  });

  it('does not fall back to PATH when the configured path is missing, and says which path', () => {
    const r = resolveServer({ serverPath: '/nowhere/peeringlint', serverArgs: [] }, unix(['/usr/bin/peeringlint'], { PATH: '/usr/bin' }));
    assert.equal(r.found, false);
    assert.ok(!r.found && r.message.includes('/nowhere/peeringlint') && r.message.includes('peeringlint.serverPath'));
    assert.ok(!r.found && r.message.includes(INSTALL_COMMAND));
  });

  it('takes the first PATH entry that has peeringlint, skipping empty entries', () => {
    const ctx = unix(['/b/peeringlint', '/c/peeringlint'], { PATH: ':/a::/b:/c' });
    const r = resolveServer(none, ctx);
    assert.deepEqual(r, { found: true, command: '/b/peeringlint', args: ['lsp'], source: 'PATH' });
  });

  it('falls back to ~/.dotnet/tools, which a desktop session PATH often lacks', () => {
    const r = resolveServer(none, unix(['/home/ada/.dotnet/tools/peeringlint'], { PATH: '/usr/bin' }));
    assert.deepEqual(r, {
      found: true,
      command: '/home/ada/.dotnet/tools/peeringlint',
      args: ['lsp'],
      source: 'dotnet tools folder',
    });
  });

  it('honours DOTNET_CLI_HOME for the tools folder', () => {
    const r = resolveServer(none, unix(['/cli/.dotnet/tools/peeringlint'], { DOTNET_CLI_HOME: '/cli' }));
    assert.ok(r.found);
    assert.equal(r.command, '/cli/.dotnet/tools/peeringlint');
  });

  it('explains how to install the tool when it is nowhere, listing what it searched', () => {
    const r = resolveServer(none, unix([], { PATH: '/usr/bin:/usr/local/bin' }));
    assert.equal(r.found, false);
    if (!r.found) {
      assert.match(r.message, /dotnet tool install --global PeeringLint/);
      assert.match(r.message, /peeringlint\.serverPath/);
      assert.match(r.message, /\/home\/ada\/\.dotnet\/tools/);
      assert.deepEqual(r.searched, ['/usr/bin/peeringlint', '/usr/local/bin/peeringlint', '/home/ada/.dotnet/tools/peeringlint']);
    }
  });

  it('on Windows reads Path case-insensitively, strips quotes and finds the .exe shim, never a .cmd', () => {
    const files = new Set(['C:\\tools\\peeringlint.cmd', 'C:\\Program Files\\pl\\peeringlint.exe']);
    const ctx: ResolveContext = {
      platform: 'win32',
      env: { Path: 'C:\\tools;"C:\\Program Files\\pl"', PATHEXT: '.COM;.EXE;.BAT;.CMD' },
      homedir: 'C:\\Users\\ada',
      isFile: (p) => files.has(p),
    };
    const r = resolveServer(none, ctx);
    assert.deepEqual(r, { found: true, command: 'C:\\Program Files\\pl\\peeringlint.exe', args: ['lsp'], source: 'PATH' });
  });

  it('on Windows finds the tool in %USERPROFILE%\\.dotnet\\tools', () => {
    const ctx: ResolveContext = {
      platform: 'win32',
      env: { PATH: 'C:\\Windows' },
      homedir: 'C:\\Users\\ada',
      isFile: (p) => p === 'C:\\Users\\ada\\.dotnet\\tools\\peeringlint.exe',
    };
    const r = resolveServer(none, ctx);
    assert.ok(r.found);
    assert.equal(r.command, 'C:\\Users\\ada\\.dotnet\\tools\\peeringlint.exe');
  });

  it('spawns exactly `peeringlint lsp [serverArgs]` over plain stdio, in the workspace folder', () => {
    const r = resolveServer({ serverPath: '', serverArgs: ['--verbose'] }, unix(['/usr/bin/peeringlint'], { PATH: '/usr/bin' }));
    assert.ok(r.found);
    const exe = serverExecutable(r, '/repo', { PATH: '/usr/bin' });
    assert.deepEqual(exe, { command: '/usr/bin/peeringlint', args: ['lsp', '--verbose'], options: { cwd: '/repo', env: { PATH: '/usr/bin' } } });
    assert.ok(!('transport' in exe), 'a transport would make vscode-languageclient append --stdio');
  });
});
