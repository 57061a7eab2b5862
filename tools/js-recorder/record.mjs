// Records what the official JavaScript client (wegnology-rest 2.12.5) sends for every action of
// the endpoint model: `node record.mjs [model.json] [--out recording.json]`. See README.md.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

export const CLIENT_VERSION = '2.12.5';
export const ACCESS_TOKEN = 'recorder-token';
export const DEFAULT_MODEL = path.join(repoRoot, 'spec', 'generated', 'model.json');
export const DEFAULT_OUT = path.join(
  repoRoot, 'crates', 'client', 'tests', 'conformance', `js-client-${CLIENT_VERSION}.json`);

/** The headers kept in a recording, in the order they are written. */
export const RECORDED_HEADERS = ['accept', 'accept-version', 'authorization', 'content-type', 'losantdomain'];

/** What every `file` parameter is given: this Buffer, carrying `name` (see README.md). */
export const FILE_NAME = 'example.txt';
export const FILE_TEXT = 'example file content from the wegnology-rest recorder\n';
export function exampleFile() {
  const file = Buffer.from(FILE_TEXT, 'utf8');
  // form-data takes a part's filename (and, through mime-types, its content type) from `name`,
  // as it does for a browser File; a Buffer without it would go out with no filename.
  file.name = FILE_NAME;
  return file;
}

/** The placeholder that replaces a multipart boundary in a recorded content-type. */
export const BOUNDARY_PLACEHOLDER = '<boundary>';

export function loadClientModule() {
  const version = require('wegnology-rest/package.json').version;
  if (version !== CLIENT_VERSION) {
    throw new Error(`wegnology-rest ${version} is installed, the recorder is for ${CLIENT_VERSION}: run npm ci`);
  }
  return require('wegnology-rest');
}

// ---------------------------------------------------------------------------------------------
// Parameter values

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML entities the documents use: numeric ones and the few named ones above. */
export function decodeEntities(text) {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref] : whole;
  });
}

/**
 * An `array` cell as a list: `[ 'gps', 'aws' ]` → ['gps', 'aws']. Brackets around the whole cell
 * are dropped, the rest is split at commas, each item trimmed and one pair of matching quotes
 * (' or ") around it removed; empty items are dropped.
 */
export function splitArrayCell(text) {
  let inner = text.trim();
  if (inner.startsWith('[') && inner.endsWith(']')) inner = inner.slice(1, -1);
  return inner
    .split(',')
    .map((item) => item.trim())
    .map((item) => (item.length >= 2 && (item[0] === "'" || item[0] === '"') && item.at(-1) === item[0]
      ? item.slice(1, -1)
      : item))
    .filter((item) => item !== '');
}

/**
 * The value given to one parameter, or `undefined` when it is left out. `schemas` maps a schema
 * anchor to its example; `warn` is told about a schema example that is missing.
 */
export function paramValue(param, schemas, warn = () => {}) {
  const kind = param.type && param.type.kind;
  if (kind === 'file') return exampleFile();
  const example = param.example;
  if (example == null) return undefined;
  if (example.kind === 'literal') {
    const text = decodeEntities(String(example.value));
    return kind === 'array' ? splitArrayCell(text) : text;
  }
  if (example.kind === 'schema_example') {
    if (!schemas.has(example.value)) {
      throw new Error(`parameter ${param.name}: no schema with anchor ${JSON.stringify(example.value)}`);
    }
    const value = schemas.get(example.value);
    if (value == null) {
      warn(`parameter ${param.name}: schema ${example.value} has no example; left out`);
      return undefined;
    }
    return structuredClone(value);
  }
  throw new Error(`parameter ${param.name}: unknown example kind ${JSON.stringify(example.kind)}`);
}

/** The params object for one action, keys in the model's order. */
export function buildParams(action, schemas, warn) {
  const params = {};
  for (const param of action.params || []) {
    const value = paramValue(param, schemas, (msg) => warn && warn(`${action.camel_name}: ${msg}`));
    if (value !== undefined) params[param.name] = value;
  }
  return params;
}

export function schemaExamples(model) {
  return new Map((model.schemas || []).map((schema) => [schema.anchor, schema.example ?? null]));
}

/** The JS client's resource property for an action: its `resource`, else `me`. */
export function resourceOf(action) {
  return action.resource || 'me';
}

// ---------------------------------------------------------------------------------------------
// The recorder

function decodeComponent(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A query string as [key, value] pairs in order, percent-decoded (`+` is kept as is). */
export function parseQuery(search) {
  if (search === '') return [];
  return search.split('&').filter((pair) => pair !== '').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0
      ? [decodeComponent(pair), '']
      : [decodeComponent(pair.slice(0, eq)), decodeComponent(pair.slice(eq + 1))];
  });
}

/** The parameters of a header value such as `form-data; name="a"; filename="b"`. */
function headerParams(value) {
  const out = {};
  const re = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  let m;
  while ((m = re.exec(value)) !== null) {
    let v = m[2].trim();
    if (v.startsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    out[m[1].toLowerCase()] = v;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `{ text }` when the bytes are UTF-8, else `{ base64 }`. */
function content(bytes) {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { base64: Buffer.from(bytes).toString('base64') };
  }
}

/** The parts of a multipart body: name, filename, content_type, and text or base64. */
export function parseMultipart(body, boundary) {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error('multipart body without its boundary');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    if (body.subarray(pos, pos + 2).toString() !== '\r\n') throw new Error('malformed multipart delimiter');
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new Error('multipart part without a header end');
    const headers = {};
    for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const start = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), start);
    if (next < 0) throw new Error('multipart part without an end');
    const disposition = headerParams(headers['content-disposition'] || '');
    parts.push({
      name: disposition.name ?? null,
      filename: disposition.filename ?? null,
      content_type: headers['content-type'] ?? null,
      ...content(body.subarray(start, next)),
    });
    pos = next + 2;
  }
  return parts;
}

function mediaType(contentType) {
  return (contentType || '').split(';')[0].trim().toLowerCase();
}

/**
 * A recorded body: null when empty; parsed JSON for a JSON content type; the list of parts for
 * multipart/form-data; otherwise `{ text }` or `{ base64 }`.
 */
export function recordBody(bytes, contentType) {
  if (bytes.length === 0) return null;
  const type = mediaType(contentType);
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(utf8.decode(bytes));
    } catch {
      // not JSON after all: recorded as it came
    }
  }
  if (type === 'multipart/form-data') {
    const boundary = headerParams(contentType).boundary;
    if (boundary) return parseMultipart(bytes, boundary);
  }
  return content(bytes);
}

function recordHeaders(headers) {
  const out = {};
  for (const name of RECORDED_HEADERS) {
    const value = headers[name];
    if (value === undefined) continue;
    out[name] = name === 'content-type' && mediaType(value) === 'multipart/form-data'
      ? value.replace(/boundary=("[^"]*"|[^;]*)/i, `boundary=${BOUNDARY_PLACEHOLDER}`)
      : value;
  }
  return out;
}

/**
 * Starts the recorder on 127.0.0.1 with a free port. Every request is answered `200 {}`, except
 * one from the EventSource of a stream action (it asks for `cache-control: no-cache`, which the
 * client's axios requests never do): that gets an empty `text/event-stream` that ends at once.
 * Resolves to `{ url, requests, close }`; `requests` fills up as requests arrive.
 */
export function startRecorder() {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const rawQuery = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
      const stream = req.headers['cache-control'] === 'no-cache';
      requests.push({
        method: req.method,
        path: url.pathname,
        query: parseQuery(rawQuery),
        headers: recordHeaders(req.headers),
        body: recordBody(Buffer.concat(chunks), req.headers['content-type']),
        stream,
      });
      if (stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.end();
      } else {
        const body = '{}';
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Recording a model

/** The method and (decoded) path the model expects, when it has them; else null. */
function expectedRequestLine(action, params) {
  if (typeof action.method !== 'string' || typeof action.path !== 'string') return null;
  return {
    method: action.method.toUpperCase(),
    path: action.path.replace(/\{([^}]+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole)),
  };
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Calls every action of the model through a client pointed at `recorder`, one at a time, and
 * returns `{ recording, skipped }`: the recording sorted by resource, then action, and the
 * actions the client does not have (`resource.action`), which are left out. Throws listing every
 * action whose resource the client lacks, whose call failed or that did not give exactly one
 * request.
 */
export async function recordModel(model, recorder, { warn = () => {} } = {}) {
  const { createClient } = loadClientModule();
  const client = createClient({ url: recorder.url, accessToken: ACCESS_TOKEN });
  const schemas = schemaExamples(model);
  const actions = [...(model.actions || [])].sort((a, b) =>
    compare(resourceOf(a), resourceOf(b)) || compare(a.camel_name, b.camel_name));
  const recording = [];
  const failures = [];
  const skipped = [];
  for (const action of actions) {
    const resource = resourceOf(action);
    const name = `${resource}.${action.camel_name}`;
    if (!client[resource] || typeof client[resource] !== 'object') {
      failures.push(`${name}: the client has no resource ${JSON.stringify(resource)}`);
      continue;
    }
    const fn = client[resource][action.camel_name];
    if (typeof fn !== 'function') {
      // A newer action than this client: not recorded, only reported.
      skipped.push(name);
      warn(`${name}: not in wegnology-rest ${CLIENT_VERSION}; not recorded`);
      continue;
    }
    const params = buildParams(action, schemas, (msg) => warn(`${resource}.${msg}`));
    // The generated functions read each parameter as `params.<name>`; one they never read is
    // dropped by the client without a word, so say so.
    const source = Function.prototype.toString.call(fn);
    for (const key of Object.keys(params)) {
      if (!source.includes(`params.${key}`)) warn(`${name}: the client ignores parameter ${key}`);
    }
    const first = recorder.requests.length;
    try {
      const result = await fn(params);
      if (result && typeof result.close === 'function') result.close(); // an EventSource
    } catch (err) {
      failures.push(`${name}: the call failed: ${err && err.message}`);
      continue;
    }
    const seen = recorder.requests.slice(first);
    if (seen.length !== 1) {
      failures.push(`${name}: ${seen.length} requests instead of 1`);
      continue;
    }
    const { method, path: reqPath, query, headers, body } = seen[0];
    const expected = expectedRequestLine(action, params);
    if (expected && (expected.method !== method || expected.path !== decodeComponent(reqPath))) {
      warn(`${name}: the model says ${expected.method} ${expected.path}, the client sent ${method} ${reqPath}`);
    }
    recording.push({ resource, action: action.camel_name, method, path: reqPath, query, headers, body });
  }
  if (failures.length > 0) {
    throw new Error(`could not record ${failures.length} action(s):\n  ${failures.join('\n  ')}`);
  }
  return { recording, skipped };
}

/**
 * The recording as pretty JSON (two-space indent, a newline at the end), with each query pair
 * on one line: `["key", "value"]`.
 */
export function serialise(recording) {
  const indent = (text, by) => text.replace(/\n/g, `\n${by}`);
  const records = recording.map((record) => {
    const fields = Object.entries(record).map(([key, value]) => {
      let text;
      if (key === 'query' && value.length > 0) {
        text = `[\n${value.map(([k, v]) => `  [${JSON.stringify(k)}, ${JSON.stringify(v)}]`).join(',\n')}\n]`;
      } else {
        text = JSON.stringify(value, null, 2);
      }
      return `  ${JSON.stringify(key)}: ${indent(text, '  ')}`;
    });
    return `{\n${fields.join(',\n')}\n}`;
  });
  if (records.length === 0) return '[]\n';
  return `[\n  ${records.map((r) => indent(r, '  ')).join(',\n  ')}\n]\n`;
}

function parseArgs(argv) {
  let model = DEFAULT_MODEL;
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--out' || arg === '-o') {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a path`);
      out = path.resolve(argv[++i]);
    } else if (arg === '--help' || arg === '-h') {
      return null;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      model = path.resolve(arg);
    }
  }
  return { model, out };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args === null) {
    console.log(`usage: node record.mjs [model.json] [--out recording.json]
  model.json  the endpoint model (default ${path.relative(process.cwd(), DEFAULT_MODEL)})
  --out       where to write the recording (default ${path.relative(process.cwd(), DEFAULT_OUT)})`);
    return;
  }
  const model = JSON.parse(fs.readFileSync(args.model, 'utf8'));
  const recorder = await startRecorder();
  let recording;
  let skipped;
  try {
    ({ recording, skipped } = await recordModel(model, recorder, { warn: (msg) => console.error(`warning: ${msg}`) }));
  } finally {
    await recorder.close();
  }
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, serialise(recording));
  console.log(`recorded ${recording.length} action(s) of wegnology-rest ${CLIENT_VERSION} to ${path.relative(process.cwd(), args.out)}`
    + (skipped.length ? `; ${skipped.length} not in the client: ${skipped.join(', ')}` : ''));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`error: ${err.message}`);
    process.exitCode = 1;
  });
}
