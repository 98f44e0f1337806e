import type {
  MappingDoc, PreviewResult, PublishResult, SampleOption, SaveResult, Suggestions, TestCase, TestResult,
  VersionDiff, VersionInfo,
} from './contract';

/** A schema as a mapping names it: a catalog id ("sp-api/Order") or a JSON Schema inline. */
export type SchemaRef = string | Record<string, unknown>;

/** The @ClientCallable methods of MappingEditorComponent.java, typed. Each argument travels as a JSON string, each
 * answer comes back as a JSON string and is parsed here, so Java and TypeScript agree on plain JSON only. */
export interface MapperServer {
  /** Runs the working copy on a sample (no save needed). Never throws for a mapping that does not compile: the
   * answer says compiled=false with the problems. */
  preview(document: MappingDoc, sample: unknown): Promise<PreviewResult>;
  save(document: MappingDoc, baseVersion: number, comment: string): Promise<SaveResult>;
  publish(version: number): Promise<PublishResult>;
  versions(): Promise<VersionInfo[]>;
  /** The document of a saved version (for "previous version vs this" and restore previews). */
  versionDocument(version: number): Promise<MappingDoc>;
  diff(from: number, to: number): Promise<VersionDiff>;
  /** Saves version `version`'s document as a new version on top of `baseVersion`; answers the save and the document. */
  restore(version: number, baseVersion: number): Promise<SaveResult & { document?: MappingDoc }>;
  suggest(source: SchemaRef, target: SchemaRef): Promise<Suggestions>;
  /** A JSON Schema inferred from a sample record (types of every field, arrays from their elements). */
  inferSchema(sample: unknown): Promise<Record<string, unknown>>;
  /** A sample record made from a schema (every field with a plausible value of its type/format/enum); null when the
   * schema is neither a shipped schema's id nor a JSON Schema. */
  generateSample(schema: SchemaRef): Promise<unknown>;
  /** A sample parsed from an uploaded file's text: format "json", "xml" or "csv" (first data row, header as keys).
   * Answers {error} naming what is wrong for text that does not parse. */
  parseSample(format: 'json' | 'xml' | 'csv', text: string): Promise<{ sample?: unknown; error?: string }>;
  /** The first record a read-only operation of a connection answers (never one that may write). */
  fetchSample(connectionId: string, operation: string): Promise<{ sample?: unknown; error?: string }>;
  /** Inputs of map nodes that ran this mapping in the last runs, newest first. */
  runSamples(): Promise<SampleOption[]>;
  /** The saved test case; refused (a VIEWER or OPERATOR, a blank name, over 1 MiB): `error` says why, nothing saved.
   * On success the `testCases` state is sent again too. */
  saveTestCase(name: string, sample: unknown, expected: unknown): Promise<TestCase & { error?: string | null }>;
  /** Nothing when deleted (the `testCases` state is sent again); `{error}` when refused. */
  deleteTestCase(id: string): Promise<void | { error: string }>;
  /** Runs every saved test case on the working copy. */
  runTests(document: MappingDoc): Promise<TestResult[]>;
}

type Raw = Record<string, (...args: string[]) => Promise<string | null>>;

const json = (value: unknown) => JSON.stringify(value ?? null);
const parse = <T,>(text: string | null): T => (text == null || text === '' ? (undefined as T) : (JSON.parse(text) as T));

export function mapperServer(element: HTMLElement): MapperServer {
  const raw = () => (element as unknown as { $server: Raw }).$server;
  const call = async <T,>(method: string, ...args: unknown[]): Promise<T> => parse<T>(await raw()[method](...args.map(json)));
  return {
    preview: (document, sample) => call('preview', document, sample),
    save: (document, baseVersion, comment) => call('save', document, baseVersion, comment),
    publish: (version) => call('publish', version),
    versions: () => call('versions'),
    versionDocument: (version) => call('versionDocument', version),
    diff: (from, to) => call('diff', from, to),
    restore: (version, baseVersion) => call('restore', version, baseVersion),
    suggest: (source, target) => call('suggest', source, target),
    inferSchema: (sample) => call('inferSchema', sample),
    generateSample: (schema) => call('generateSample', schema),
    parseSample: (format, text) => call('parseSample', format, text),
    fetchSample: (connectionId, operation) => call('fetchSample', connectionId, operation),
    runSamples: () => call('runSamples'),
    saveTestCase: (name, sample, expected) => call('saveTestCase', name, sample, expected),
    deleteTestCase: (id) => call('deleteTestCase', id),
    runTests: (document) => call('runTests', document),
  };
}
