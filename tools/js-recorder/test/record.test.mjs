// node --test test/   (from tools/js-recorder, after npm ci)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import {
  startRecorder, recordModel, loadClientModule, buildParams, schemaExamples, paramValue,
  decodeEntities, splitArrayCell, parseQuery, serialise, DEFAULT_OUT, FILE_NAME, FILE_TEXT,
} from '../record.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const toolDir = path.resolve(here, '..');
const repoRoot = path.resolve(toolDir, '..', '..');
const testModel = JSON.parse(fs.readFileSync(path.join(toolDir, 'test-model.json'), 'utf8'));

const JS_HEADERS = {
  accept: 'application/json',
  'accept-version': '^1.24.5',
  authorization: 'Bearer recorder-token',
};
const DEFAULT_QUERY = [['_actions', 'false'], ['_links', 'true'], ['_embedded', 'true']];

let recorder;
let recording;
let skipped;
const warnings = [];

before(async () => {
  recorder = await startRecorder();
  ({ recording, skipped } = await recordModel(testModel, recorder, { warn: (w) => warnings.push(w) }));
});

after(async () => {
  await recorder.close();
});

function recorded(resource, action) {
  const found = recording.filter((r) => r.resource === resource && r.action === action);
  assert.equal(found.length, 1, `one record of ${resource}.${action}`);
  return found[0];
}

test('the installed client is the published wegnology-rest 2.12.5', () => {
  const require = createRequire(import.meta.url);
  const installed = path.join(path.dirname(require.resolve('wegnology-rest/package.json')), 'lib', 'api');
  const published = path.join(repoRoot, 'spec', 'published', 'wegnology-rest', 'lib', 'api');
  const names = fs.readdirSync(published).sort();
  assert.deepEqual(fs.readdirSync(installed).sort(), names);
  for (const name of names) {
    assert.ok(fs.readFileSync(path.join(installed, name)).equals(fs.readFileSync(path.join(published, name))),
      `lib/api/${name} as committed under spec/published/wegnology-rest`);
  }
});

test('value rules', () => {
  assert.equal(decodeEntities('current user&#x27;s &amp; &quot;x&quot; &#39;y&#39;'), 'current user\'s & "x" \'y\'');
  assert.deepEqual(splitArrayCell(decodeEntities('[ &#x27;gps&#x27;, &#x27;aws&#x27; ]')), ['gps', 'aws']);
  assert.deepEqual(splitArrayCell('a, "b" ,c'), ['a', 'b', 'c']);
  assert.deepEqual(splitArrayCell('[]'), []);
  const schemas = new Map([['with', { a: 1 }], ['without', null]]);
  const lit = (value, kind = 'string') => ({ name: 'p', type: { kind }, example: { kind: 'literal', value } });
  assert.equal(paramValue(lit('1465790400000', 'integer'), schemas), '1465790400000');
  assert.equal(paramValue(lit('true', 'boolean'), schemas), 'true');
  assert.equal(paramValue({ name: 'p', type: { kind: 'string' }, example: null }, schemas), undefined);
  assert.deepEqual(paramValue({ name: 'p', type: { kind: 'schema' }, example: { kind: 'schema_example', value: 'with' } }, schemas), { a: 1 });
  const warned = [];
  assert.equal(paramValue({ name: 'p', type: { kind: 'schema' }, example: { kind: 'schema_example', value: 'without' } }, schemas, (w) => warned.push(w)), undefined);
  assert.equal(warned.length, 1);
  assert.throws(() => paramValue({ name: 'p', type: { kind: 'schema' }, example: { kind: 'schema_example', value: 'nowhere' } }, schemas));
  for (const example of [null, { kind: 'literal', value: 'undefined' }]) {
    const file = paramValue({ name: 'f', type: { kind: 'file' }, example }, schemas);
    assert.ok(Buffer.isBuffer(file));
    assert.equal(file.toString('utf8'), FILE_TEXT);
    assert.equal(file.name, FILE_NAME);
  }
  const params = buildParams(testModel.actions.find((a) => a.resource === 'applicationTemplates'), schemaExamples(testModel));
  assert.deepEqual(params.keywords, ['gps', 'aws']);
  assert.equal(params.filter, 'my * app');
});

test('query strings are decoded into ordered pairs', () => {
  assert.deepEqual(parseQuery(''), []);
  assert.deepEqual(parseQuery('b=2&a=1&a=%20x%2By+z&flag&k%5B0%5D=v'),
    [['b', '2'], ['a', '1'], ['a', ' x+y+z'], ['flag', ''], ['k[0]', 'v']]);
});

test('the test model is recorded completely, sorted, with nothing to report', () => {
  assert.deepEqual(skipped, []);
  assert.deepEqual(warnings, []);
  assert.deepEqual(recording.map((r) => `${r.resource}.${r.action}`), [
    'application.import', 'applicationTemplates.get', 'device.delete', 'device.get', 'devices.get', 'file.upload',
  ]);
  assert.deepEqual(JSON.parse(serialise(recording)), recording);
});

test('device.get: path parameters, query and headers; a GET has no body', () => {
  const r = recorded('device', 'get');
  assert.equal(r.method, 'GET');
  assert.equal(r.path, '/applications/575ec8687ae143cd83dc4a97/devices/575ecf887ae143cd83dc4aa2');
  assert.deepEqual(r.query, [...DEFAULT_QUERY,
    ['excludeConnectionInfo', 'true'], ['tagsAsObject', 'true'], ['attributesAsObject', 'false']]);
  assert.deepEqual(r.headers, { ...JS_HEADERS, losantdomain: 'example.com' });
  assert.equal(r.body, null);
});

test('device.delete: an action without a body parameter sends {} as JSON', () => {
  const r = recorded('device', 'delete');
  assert.equal(r.method, 'DELETE');
  assert.deepEqual(r.query, DEFAULT_QUERY);
  assert.deepEqual(r.headers, { ...JS_HEADERS, 'content-type': 'application/json', losantdomain: 'example.com' });
  assert.deepEqual(r.body, {});
});

test('devices.get: query_json is one JSON-encoded value, schema query values are bracketed by qs', () => {
  const r = recorded('devices', 'get');
  assert.equal(r.path, '/applications/575ec8687ae143cd83dc4a97/devices');
  const query = new Map(r.query);
  assert.equal(query.get('query'), '{"$or":[{"name":{"$ne":"myValue"}},{"parentId":"575ec8687ae143cd83dc4a97"}]}');
  assert.equal(query.get('filter'), 'my * device');
  assert.deepEqual(r.query.filter(([k]) => k.startsWith('deviceClass') || k.startsWith('tagFilter')), [
    ['deviceClass[0]', 'standalone'], ['deviceClass[1]', 'edgeCompute'],
    ['tagFilter[0][key]', 'Floor'], ['tagFilter[0][value]', '2'], ['tagFilter[1][key]', 'Serial'],
  ]);
  assert.deepEqual(r.query.slice(0, 3), DEFAULT_QUERY);
});

test('applicationTemplates.get: an array parameter', () => {
  const r = recorded('applicationTemplates', 'get');
  assert.deepEqual(r.query.filter(([k]) => k.startsWith('keywords')), [['keywords[0]', 'gps'], ['keywords[1]', 'aws']]);
});

test('application.import and file.upload: multipart parts, boundary normalised', () => {
  const file = { name: null, filename: FILE_NAME, content_type: 'text/plain', text: FILE_TEXT };
  const imp = recorded('application', 'import');
  assert.equal(imp.method, 'POST');
  assert.equal(imp.path, '/applications/575ec8687ae143cd83dc4a97/import');
  assert.deepEqual(imp.headers, {
    ...JS_HEADERS, 'content-type': 'multipart/form-data; boundary=<boundary>', losantdomain: 'example.com',
  });
  assert.deepEqual(imp.body, [
    { ...file, name: 'importBundle' },
    { name: 'email', filename: null, content_type: null, text: 'email@example.com' },
    { name: 'options', filename: null, content_type: null,
      text: '{"importUrl":"https://storage.mySite.com/myZipFile.zip","include":["Flow","Device"]}' },
  ]);
  const up = recorded('file', 'upload');
  assert.equal(up.path, '/applications/575ec8687ae143cd83dc4a97/file/575ec76c7ae143cd83dc4a96/upload');
  assert.deepEqual(up.body, [{ ...file, name: 'file' }]);
});

test('what the client does with other file values (why the fixed file carries a name)', async () => {
  const client = loadClientModule().createClient({ url: recorder.url, accessToken: 'recorder-token' });
  const first = recorder.requests.length;
  await client.file.upload({ applicationId: 'a', fileId: 'f', file: Buffer.from([0xff, 0x00, 0x41]) });
  await client.file.upload({ applicationId: 'a', fileId: 'f', file: 'text content' });
  const [buffer, string] = recorder.requests.slice(first).map((r) => r.body);
  assert.deepEqual(buffer, [{ name: 'file', filename: null, content_type: 'application/octet-stream', base64: '/wBB' }]);
  assert.deepEqual(string, [{ name: 'file', filename: 'file', content_type: null, text: 'text content' }]);
});

test('a stream action gets an event-stream that ends at once, and does not reconnect', async () => {
  const client = loadClientModule().createClient({ url: recorder.url, accessToken: 'recorder-token' });
  const first = recorder.requests.length;
  const source = await client.device.stateStream({ applicationId: 'a', deviceId: 'd' });
  source.close();
  await new Promise((resolve) => setTimeout(resolve, 1500)); // eventsource retries after 1 s
  const seen = recorder.requests.slice(first);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].stream, true);
  assert.equal(seen[0].path, '/applications/a/devices/d/stateStream');
  assert.deepEqual(seen[0].headers, JS_HEADERS);
});

test('the committed recording is what record.mjs writes for spec/generated/model.json', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js-recorder-'));
  try {
    const runs = [1, 2].map((n) => {
      const out = path.join(dir, `run${n}.json`);
      execFileSync(process.execPath, [path.join(toolDir, 'record.mjs'), '--out', out], { stdio: 'pipe' });
      return fs.readFileSync(out, 'utf8');
    });
    assert.equal(runs[0], runs[1], 'two runs write the same bytes');
    assert.equal(runs[0], fs.readFileSync(DEFAULT_OUT, 'utf8'), `${path.relative(repoRoot, DEFAULT_OUT)} is up to date`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
