import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { serverSettings } from '../settings';

describe('serverSettings', () => {
  it('sends nothing for untouched settings', () => {
    assert.deepEqual(serverSettings({}, '/repo', '/home/ada', 'linux'), { configPath: null, rules: {} });
    assert.deepEqual(serverSettings({ configPath: '  ', rules: {} }, '/repo', '/home/ada', 'linux'), {
      configPath: null,
      rules: {},
    });
  });

  it('makes configPath absolute against the workspace folder', () => {
    const at = (configPath: string) => serverSettings({ configPath }, '/repo', '/home/ada', 'linux').configPath;
    assert.equal(at('ci/.peeringlint.yaml'), '/repo/ci/.peeringlint.yaml');
    assert.equal(at('/etc/pl.yaml'), '/etc/pl.yaml');
    assert.equal(at('~/pl.yaml'), '/home/ada/pl.yaml');
    assert.equal(at('${workspaceFolder}/x/../pl.yaml'), '/repo/pl.yaml');
    assert.equal(
      serverSettings({ configPath: 'pl.yaml' }, 'C:\\repo', 'C:\\Users\\ada', 'win32').configPath,
      'C:\\repo\\pl.yaml',
    );
  });

  it('keeps only rule ids with a real severity, normalised', () => {
    const s = serverSettings(
      {
        rules: {
          PL2003: 'off',
          pl2001: 'Warning',
          PL1001: 'default',
          PL4004: 'note',
          PL9001: 'error',
          'missing-return-route': 'off',
          PL12: 'off',
          PL3001: 3,
          PL3002: 'loud',
        },
      },
      '/repo',
      '/home/ada',
      'linux',
    );
    assert.deepEqual(s.rules, { PL2003: 'off', PL2001: 'warning', PL4004: 'note', PL9001: 'error' });
  });

  it('ignores a rules value of the wrong type', () => {
    for (const rules of [null, 'off', ['PL2001'], 7]) {
      assert.deepEqual(serverSettings({ rules }, undefined, '/h', 'linux').rules, {}, String(rules));
    }
  });
});
