#!/usr/bin/env node
// Sharewise report receiver: stores each report exactly once, as one line of NDJSON. Node 20 or newer,
// no dependencies. How to run it, and what to use beyond one machine: docs/admin.md, "Receiving reports".
//
//   node scripts/receive-reports.mjs                      # http://127.0.0.1:8080, behind your TLS proxy
//   TLS_CERT=cert.pem TLS_KEY=key.pem PORT=8443 HOST=0.0.0.0 node scripts/receive-reports.mjs   # HTTPS itself
//
// Environment (all optional):
//   HOST, PORT          where to listen (127.0.0.1, 8080; PORT=0 picks a free port and prints it)
//   TLS_CERT, TLS_KEY   PEM files: serve HTTPS directly instead of plain HTTP behind a proxy
//   REPORTS_FILE        the NDJSON file (reports.ndjson); one {"key","receivedAt","report"} per line
//   REPORTS_PATH        the URL path reports are POSTed to (/sharewise/reports)
//   MAX_BYTES           largest accepted body (262144)
//   CHROME_EXTENSION_IDS comma-separated ids allowed as chrome-extension:// origins (default: any);
//                       Firefox's moz-extension:// origin differs per installation, so any is allowed
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';

const env = process.env;
const HOST = env.HOST || '127.0.0.1';
const PORT = Number(env.PORT ?? 8080);
const FILE = env.REPORTS_FILE || 'reports.ndjson';
const PATH = env.REPORTS_PATH || '/sharewise/reports';
const MAX_BYTES = Number(env.MAX_BYTES || 256 * 1024);
const CHROME_IDS = (env.CHROME_EXTENSION_IDS || '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** installId:week|month:YYYY-MM-DD, as the extension sends it (lib/report/delivery.ts). */
const KEY = /^([A-Za-z0-9-]{1,64}):(week|month):(\d{4}-\d{2}-\d{2})$/;

/** The keys already stored: rebuilt from the file on start, so a restart never stores a report twice. */
function loadKeys(file) {
  const keys = new Set();
  if (!existsSync(file)) return keys;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const key = JSON.parse(line).key;
      if (typeof key === 'string') keys.add(key);
    } catch {
      // A line cut short by a crash mid-write: its report was never acknowledged, so the sender retries it.
      console.warn(`[receive-reports] ${file}:${i + 1}: unreadable line skipped`);
    }
  });
  return keys;
}

/** The extension origins this server answers (CORS). Anything else gets no CORS headers, so browsers block it. */
function allowedOrigin(origin) {
  if (typeof origin !== 'string') return null;
  if (/^moz-extension:\/\/[0-9a-f-]{36}$/i.test(origin)) return origin;
  const chrome = /^chrome-extension:\/\/([a-p]{32})$/.exec(origin);
  if (chrome && (CHROME_IDS.length === 0 || CHROME_IDS.includes(chrome[1]))) return origin;
  return null;
}

function corsHeaders(req) {
  const origin = allowedOrigin(req.headers.origin);
  if (!origin) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type, idempotency-key',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

/** Why `report` is not a Sharewise report sent under `key`, or null. The shape is checked, not every field. */
function problem(report, key) {
  const k = KEY.exec(key);
  if (!k) return 'missing or malformed Idempotency-Key';
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return 'body is not a JSON object';
  if (report.schemaVersion !== 1) return 'unknown schemaVersion';
  if (report.identity?.installId !== k[1]) return 'Idempotency-Key does not match identity.installId';
  if (report.period?.kind !== k[2] || report.period?.start !== k[3]) return 'Idempotency-Key does not match period';
  return null;
}

const keys = loadKeys(FILE);
const fd = openSync(FILE, 'a');
// After a torn last line, start on a fresh one so the next report is not glued to it.
if (existsSync(FILE) && statSync(FILE).size > 0 && !readFileSync(FILE, 'utf8').endsWith('\n')) writeSync(fd, '\n');

/** Appends one line and waits for the disk before the sender is told it arrived. */
function store(key, report) {
  writeSync(fd, JSON.stringify({ key, receivedAt: new Date().toISOString(), report }) + '\n');
  fsyncSync(fd);
  keys.add(key);
}

async function handle(req, res) {
  const cors = corsHeaders(req);
  const reply = (status, body) => {
    res.writeHead(status, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/healthz') return reply(200, { ok: true, stored: keys.size });
  if (path !== PATH) return reply(404, { error: 'not found' });
  if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
  if (req.method !== 'POST') return reply(405, { error: 'POST only' });
  if (req.headers.origin && !cors['access-control-allow-origin']) return reply(403, { error: 'origin not allowed' });
  if (Number(req.headers['content-length'] ?? 0) > MAX_BYTES)
    return reply(413, { error: `larger than ${MAX_BYTES} bytes` });

  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BYTES) {
      reply(413, { error: `larger than ${MAX_BYTES} bytes` });
      req.destroy();
      return;
    }
    chunks.push(chunk);
  }
  let report;
  try {
    report = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return reply(400, { error: 'body is not JSON' });
  }
  const key = String(req.headers['idempotency-key'] ?? '');
  const why = problem(report, key);
  if (why) return reply(400, { error: why });
  // Exactly once: a key already stored is a retry of a report that arrived. 2xx, so the sender stops.
  if (keys.has(key)) return reply(200, { ok: true, duplicate: true });
  store(key, report);
  return reply(201, { ok: true, duplicate: false });
}

const tls = env.TLS_CERT && env.TLS_KEY ? { cert: readFileSync(env.TLS_CERT), key: readFileSync(env.TLS_KEY) } : null;
const onRequest = (req, res) =>
  void handle(req, res).catch((err) => {
    console.error('[receive-reports]', err);
    if (!res.headersSent) res.writeHead(500).end();
  });
const server = tls ? createHttps(tls, onRequest) : createHttp(onRequest);
server.listen(PORT, HOST, () => {
  const { port } = server.address();
  console.log(
    `[receive-reports] listening on ${tls ? 'https' : 'http'}://${HOST}:${port}${PATH} (${keys.size} reports in ${FILE})`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    closeSync(fd);
    process.exit(0);
  });
}
