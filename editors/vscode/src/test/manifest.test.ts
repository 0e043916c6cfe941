import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DOCUMENT_SELECTOR } from '../documents';
import { EXTENSION_ROOT, REPO_ROOT } from './paths';

interface RuleSetting {
  enum: string[];
  default: string;
  markdownDescription: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, 'package.json'), 'utf8'));
const properties: Record<string, any> = manifest.contributes.configuration.properties;

/** The rule catalogue table of rules/README.md (generated from the code by RuleDocumentationTests). */
function catalogue(): Map<string, { title: string; severity: string }> {
  const table = fs.readFileSync(path.join(REPO_ROOT, 'rules', 'README.md'), 'utf8');
  const rules = new Map<string, { title: string; severity: string }>();
  for (const m of table.matchAll(/^\| \[(PL\d{4})\]\(PL\d{4}\.md\) \| (.+?) \| \w+ \| (\w+) \|$/gm)) {
    rules.set(m[1], { title: m[2], severity: m[3].toLowerCase() });
  }
  return rules;
}

describe('package.json', () => {
  it('has a severity setting for exactly the rules of rules/README.md', () => {
    const rules = catalogue();
    assert.ok(rules.size >= 20, `only ${rules.size} rules read from rules/README.md`);
    const settings: Record<string, RuleSetting> = properties['peeringlint.rules'].properties;
    assert.deepEqual(Object.keys(settings).sort(), [...rules.keys()].sort());
    for (const [id, rule] of rules) {
      const s = settings[id];
      assert.deepEqual(s.enum, ['default', 'off', 'error', 'warning', 'note'], id);
      assert.equal(s.default, 'default', id);
      assert.ok(s.markdownDescription.startsWith(`${rule.title} (default: ${rule.severity}).`), `${id}: ${s.markdownDescription}`);
      assert.ok(s.markdownDescription.includes(`/rules/${id}.md)`), id);
    }
  });

  it('activates on every language the document selector names, and on a .peeringlint.yaml', () => {
    const events: string[] = manifest.activationEvents;
    for (const f of DOCUMENT_SELECTOR) {
      if (f.language !== undefined) {
        assert.ok(events.includes(`onLanguage:${f.language}`), f.language);
      }
    }
    assert.ok(events.includes('workspaceContains:**/.peeringlint.yaml'));
  });

  it('declares the settings and commands the extension reads', () => {
    for (const key of ['peeringlint.serverPath', 'peeringlint.serverArgs', 'peeringlint.configPath', 'peeringlint.rules', 'peeringlint.trace.server']) {
      assert.ok(key in properties, key);
    }
    const source = fs.readFileSync(path.join(EXTENSION_ROOT, 'src', 'extension.ts'), 'utf8');
    for (const c of manifest.contributes.commands) {
      assert.ok(source.includes(`'${c.command}'`), `command ${c.command} is not registered in extension.ts`);
    }
    // The client id must be the settings prefix: vscode-languageclient reads `<id>.trace.server`.
    assert.match(source, /new LanguageClient\(SECTION,/);
    assert.match(source, /const SECTION = 'peeringlint';/);
  });

  it('points main at the compiled extension and keeps @types/vscode within engines.vscode', () => {
    assert.equal(manifest.main, './out/extension.js');
    const engine = /^\^(\d+)\.(\d+)\./.exec(manifest.engines.vscode);
    const types = /^(\d+)\.(\d+)\./.exec(manifest.devDependencies['@types/vscode']);
    assert.ok(engine && types, 'engines.vscode and @types/vscode must be plain versions');
    const [em, en] = [Number(engine[1]), Number(engine[2])];
    const [tm, tn] = [Number(types[1]), Number(types[2])];
    assert.ok(tm < em || (tm === em && tn <= en), '@types/vscode is newer than engines.vscode: vsce refuses to package');
  });
});
