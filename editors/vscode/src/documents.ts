// Which documents the server sees, and which ones start it. No `vscode` import: the unit tests run this under node.
//
// VS Code can only activate an extension by language, file name or workspace content; it cannot look inside a
// file. `yaml` and `json` cover far more than PeeringLint reads (workflows, docker-compose, package.json), so the
// extension activates on them but starts the .NET server only once an open document looks like an input by its
// content (`looksLikeInput`, a cheap check of the top-level keys the CLI's format detection keys on), or the
// workspace has a `.peeringlint.yaml`. From then on every YAML/JSON document is synchronised and the server decides
// by content what is an input, with the same detection as `peeringlint lint`, so the editor and the CLI never
// disagree about a file (a document that becomes a template while it is typed gets diagnostics at once).

/** An LSP document filter (the shape of vscode-languageclient's `DocumentSelector` entries): one key at least. */
export type DocumentFilter =
  | { readonly language: string; readonly scheme?: string; readonly pattern?: string }
  | { readonly language?: string; readonly scheme: string; readonly pattern?: string }
  | { readonly language?: string; readonly scheme?: string; readonly pattern: string };

/**
 * YAML and JSON on disk and in unsaved editors, and `*.template` files (CloudFormation's old extension, which
 * VS Code gives no language).
 */
export const DOCUMENT_SELECTOR: readonly DocumentFilter[] = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'untitled', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'untitled', language: 'jsonc' },
  { scheme: 'file', pattern: '**/*.template' },
];

/** The configuration file, watched so that the server re-lints when it changes. */
export const CONFIG_FILE_NAME = '.peeringlint.yaml';

/** Files whose changes on disk the server is told about (workspace/didChangeWatchedFiles). */
export const WATCHED_FILES = '**/*.{yaml,yml,json,template}';

export type InputKind = 'cloudformation' | 'tutorial' | 'aws-json' | 'configuration';

/** A document as the start check sees it: the part of VS Code's TextDocument it needs. */
export interface DocumentInfo {
  readonly uri: { readonly scheme: string; readonly fsPath: string };
  readonly languageId: string;
  /** The start of the text; `looksLikeInput` reads at most the first `HEAD_CHARS` characters. */
  readonly head: string;
}

/** How much of a document the start check reads: the top-level keys that matter come early in real files. */
export const HEAD_CHARS = 64 * 1024;

/** True when the selector above would hand the document to the server (the way vscode.languages.match does). */
export function isSelected(doc: Pick<DocumentInfo, 'uri' | 'languageId'>): boolean {
  return DOCUMENT_SELECTOR.some(
    (f) =>
      (f.scheme === undefined || f.scheme === doc.uri.scheme) &&
      (f.language === undefined || f.language === doc.languageId) &&
      (f.pattern === undefined || matchesTemplatePattern(doc.uri.fsPath)),
  );
}

function matchesTemplatePattern(fsPath: string): boolean {
  return fsPath.toLowerCase().endsWith('.template');
}

// YAML: a key at the start of a line (top level), bare or quoted, maybe opening a flow mapping.
const yamlKey = (keys: string): RegExp => new RegExp(`^(?:\\{[ \\t]*)?["']?(?:${keys})["']?[ \\t]*:`, 'm');
// JSON: a quoted key anywhere (a describe-* export or a template is one object; nesting does not matter here).
const jsonKey = (keys: string): RegExp => new RegExp(`"(?:${keys})"\\s*:`);

const CFN = 'AWSTemplateFormatVersion|Resources';
const TUTORIAL = 'vpcs|peerings|intents';
// describe-* list keys, create-*/accept-* single keys, and the id fields of bare records (`--query` output, boto3
// recordings): what docs/aws-json.md lists as readable.
const AWS =
  'Vpcs|Subnets|RouteTables|VpcPeeringConnections?|SecurityGroups|NetworkAcls|Reservations|InternetGateways|' +
  'NatGateways?|Addresses|NetworkInterfaces?|Vpc|Subnet|VpcId|VpcPeeringConnectionId|RouteTableId|SubnetId';

const PATTERNS: readonly [InputKind, RegExp][] = [
  ['cloudformation', yamlKey(CFN)],
  ['cloudformation', jsonKey(CFN)],
  ['tutorial', yamlKey(TUTORIAL)],
  ['tutorial', jsonKey(TUTORIAL)],
  ['aws-json', jsonKey(AWS)],
];

/**
 * What input the text looks like, or undefined: a CloudFormation template (top-level `AWSTemplateFormatVersion` or
 * `Resources`), a tutorial YAML (`vpcs`, `peerings`, `intents`), an AWS CLI describe-* export (its list keys or
 * record ids). Case matters, as in the CLI: Kubernetes' `resources:` is not a template.
 */
export function looksLikeInput(text: string): Exclude<InputKind, 'configuration'> | undefined {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  for (const [kind, re] of PATTERNS) {
    if (re.test(head)) {
      return kind as Exclude<InputKind, 'configuration'>;
    }
  }
  return undefined;
}

/** The kind of input that makes the extension start the server for this document, or undefined. */
export function startReason(doc: DocumentInfo): InputKind | undefined {
  if (doc.uri.scheme === 'file' && baseName(doc.uri.fsPath) === CONFIG_FILE_NAME) {
    return 'configuration';
  }
  if (!isSelected(doc)) {
    return undefined;
  }
  return looksLikeInput(doc.head);
}

function baseName(fsPath: string): string {
  const i = Math.max(fsPath.lastIndexOf('/'), fsPath.lastIndexOf('\\'));
  return fsPath.slice(i + 1);
}
