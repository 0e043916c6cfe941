import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { HEAD_CHARS, isSelected, looksLikeInput, startReason, type DocumentInfo } from '../documents';
import { REPO_ROOT } from './paths';

function read(rel: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8').replace(/^\uFEFF/, '');
}

function doc(fsPath: string, languageId: string, head: string, scheme = 'file'): DocumentInfo {
  return { uri: { scheme, fsPath }, languageId, head };
}

describe('looksLikeInput on the shipped examples', () => {
  it('recognises the CloudFormation templates, YAML and JSON', () => {
    for (const f of [
      'examples/cloudformation/nextwork-broken.yaml',
      'examples/cloudformation/nextwork-broken.json',
      'examples/cloudformation/nextwork-working.yaml',
      'examples/multi-stack/templates/app.yaml',
      'examples/multi-stack/templates/network.yaml',
      'examples/multi-stack/templates/peering.yaml',
      'tests/Fixtures/cfn-json/cdk-nextwork.template.json',
    ]) {
      assert.equal(looksLikeInput(read(f)), 'cloudformation', f);
    }
  });

  it('recognises the tutorial YAML and the intents file', () => {
    for (const f of ['examples/nextwork-peering-broken.yaml', 'examples/nextwork-peering.yaml', 'examples/nextwork-intents.yaml']) {
      assert.equal(looksLikeInput(read(f)), 'tutorial', f);
    }
  });

  it('recognises every describe-* export of the examples', () => {
    const dir = 'examples/aws-json/nextwork-broken';
    const files = fs.readdirSync(path.join(REPO_ROOT, dir)).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 10, `only ${files.length} files in ${dir}`);
    for (const f of files) {
      assert.equal(looksLikeInput(read(`${dir}/${f}`)), 'aws-json', f);
    }
  });

  it('leaves parameter files, the configuration file and CI files alone', () => {
    for (const f of [
      'examples/multi-stack/params/peering.json',
      'examples/multi-stack/params/app-configuration.json',
      'examples/multi-stack/.peeringlint.yaml',
      'docs/ci/github-workflow.yml',
      'docs/ci/gitlab-ci.yml',
      'editors/vscode/package.json',
      'editors/vscode/tsconfig.json',
    ]) {
      assert.equal(looksLikeInput(read(f)), undefined, f);
    }
  });
});

describe('looksLikeInput on small texts', () => {
  it('needs the key at the top level of YAML, and its exact case', () => {
    assert.equal(looksLikeInput('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n'), 'cloudformation');
    assert.equal(looksLikeInput('# a comment\n"AWSTemplateFormatVersion": "2010-09-09"\n'), 'cloudformation');
    assert.equal(looksLikeInput('{Resources: {}}\n'), 'cloudformation');
    assert.equal(looksLikeInput('Outputs:\n  Resources: 3\n'), undefined, 'an indented key is not top level');
    assert.equal(looksLikeInput('spec:\n  containers:\n    - resources:\n        limits: {cpu: 1}\n'), undefined);
    assert.equal(looksLikeInput('resources:\n  - x\n'), undefined, 'lower-case resources is not CloudFormation');
    assert.equal(looksLikeInput('services:\n  web:\n    image: nginx\n'), undefined);
    assert.equal(looksLikeInput(''), undefined);
  });

  it('recognises tutorial keys in YAML and JSON', () => {
    assert.equal(looksLikeInput('name: x\nvpcs:\n  - name: a\n'), 'tutorial');
    assert.equal(looksLikeInput('peerings: []\n'), 'tutorial');
    assert.equal(looksLikeInput('{ "vpcs": [] }'), 'tutorial');
  });

  it('recognises describe-* list keys and bare records in JSON', () => {
    assert.equal(looksLikeInput('{ "VpcPeeringConnections": [] }'), 'aws-json');
    assert.equal(looksLikeInput('[ { "RouteTableId": "rtb-1", "Routes": [] } ]'), 'aws-json');
    assert.equal(looksLikeInput('{ "Reservations" : [] }'), 'aws-json');
    assert.equal(looksLikeInput('{ "name": "x", "version": "1.0.0" }'), undefined);
  });

  it('reads only the head of a long document', () => {
    const padding = '#'.repeat(HEAD_CHARS) + '\n';
    assert.equal(looksLikeInput(padding + 'Resources:\n'), undefined);
    assert.equal(looksLikeInput('Resources:\n' + padding), 'cloudformation');
  });
});

describe('document selector and start check', () => {
  it('selects YAML and JSON on disk and unsaved, and *.template files', () => {
    assert.ok(isSelected(doc('/r/a.yaml', 'yaml', '')));
    assert.ok(isSelected(doc('Untitled-1', 'yaml', '', 'untitled')));
    assert.ok(isSelected(doc('/r/a.json', 'json', '')));
    assert.ok(isSelected(doc('/r/a.json', 'jsonc', '')));
    assert.ok(isSelected(doc('/r/stack.template', 'plaintext', '')));
    assert.ok(isSelected(doc('/r/STACK.TEMPLATE', 'plaintext', '')));
  });

  it('does not select other languages or views of other schemes (git diffs, output)', () => {
    assert.ok(!isSelected(doc('/r/a.txt', 'plaintext', '')));
    assert.ok(!isSelected(doc('/r/a.ts', 'typescript', '')));
    assert.ok(!isSelected(doc('/r/a.yaml', 'yaml', '', 'git')));
    assert.ok(!isSelected(doc('extension-output-1', 'json', '', 'output')));
  });

  it('starts the server for an input or the configuration file, not for other YAML', () => {
    assert.equal(startReason(doc('/r/t.yaml', 'yaml', 'Resources:\n')), 'cloudformation');
    assert.equal(startReason(doc('/r/sub/.peeringlint.yaml', 'yaml', 'rules: {}\n')), 'configuration');
    assert.equal(startReason(doc('C:\\r\\.peeringlint.yaml', 'yaml', '')), 'configuration');
    assert.equal(startReason(doc('/r/.github/workflows/ci.yml', 'yaml', 'on: push\njobs: {}\n')), undefined);
    assert.equal(startReason(doc('/r/t.yaml', 'yaml', 'Resources:\n', 'git')), undefined, 'a git diff view');
    assert.equal(startReason(doc('/r/notes.md', 'markdown', 'Resources:\n')), undefined);
  });
});
