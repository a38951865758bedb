import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:https';
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * scripts/receive-reports.mjs as a company runs it: a real Node process on a free port, answering real
 * HTTP requests, writing a real file. Restarting it must not store a report twice.
 */
const SCRIPT = join(process.cwd(), 'scripts/receive-reports.mjs');
const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.kill('SIGTERM');
});

async function start(
  file: string,
  env: Record<string, string> = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', REPORTS_FILE: file, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`receiver exited (${code}): ${out}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop };
}

const report = (installId: string, start: string, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  identity: { kind: 'anonymous', installId },
  period: { kind: 'week', start, end: '2026-11-23' },
  generatedAt: '2026-11-23T08:00:00.000Z',
  ...extra,
});

const CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = 'moz-extension://0b6f3c2e-5d1a-4c8e-9f00-123456789abc';

function post(url: string, body: unknown, key: string, origin = CHROME) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, origin },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('scripts/receive-reports.mjs', () => {
  it('stores a report once however often it is retried, also across a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sw-recv-')), 'reports.ndjson');
    const first = await start(file);
    const r = report('install-0001', '2026-11-16', { bonus: [] });
    const a = await post(first.url, r, 'install-0001:week:2026-11-16');
    expect(a.status).toBe(201);
    expect(await a.json()).toEqual({ ok: true, duplicate: false });
    const again = await post(first.url, r, 'install-0001:week:2026-11-16', FIREFOX);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    await first.stop();

    const second = await start(file);
    expect((await post(second.url, r, 'install-0001:week:2026-11-16')).status).toBe(200);
    expect((await post(second.url, report('install-0002', '2026-11-16'), 'install-0002:week:2026-11-16')).status).toBe(
      201,
    );
    const stored = lines(file);
    expect(stored.map((l) => l.key)).toEqual(['install-0001:week:2026-11-16', 'install-0002:week:2026-11-16']);
    expect(stored[0]).toEqual({ key: 'install-0001:week:2026-11-16', receivedAt: expect.any(String), report: r });
  });

  it('skips a line cut short by a crash and keeps the keys of the others', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sw-recv-')), 'reports.ndjson');
    writeFileSync(file, JSON.stringify({ key: 'install-0001:week:2026-11-09', receivedAt: 'x', report: {} }) + '\n');
    appendFileSync(file, '{"key":"install-0001:week:2026-11-16","rec');
    const first = await start(file);
    expect((await post(first.url, report('install-0001', '2026-11-09'), 'install-0001:week:2026-11-09')).status).toBe(
      200,
    );
    // The torn one was never acknowledged: its retry is stored, on a line of its own.
    expect((await post(first.url, report('install-0001', '2026-11-16'), 'install-0001:week:2026-11-16')).status).toBe(
      201,
    );
    await first.stop();
    const second = await start(file);
    expect((await post(second.url, report('install-0001', '2026-11-16'), 'install-0001:week:2026-11-16')).status).toBe(
      200,
    );
    expect(readFileSync(file, 'utf8').split('\n').at(-2)).toMatch(
      /^\{"key":"install-0001:week:2026-11-16","receivedAt"/,
    );
  });

  it('answers the CORS preflight for extension origins only', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sw-recv-')), 'reports.ndjson');
    const { url } = await start(file, { CHROME_EXTENSION_IDS: 'abcdefghijklmnopabcdefghijklmnop' });
    const preflight = (origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    for (const origin of [CHROME, FIREFOX]) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toBe('content-type, idempotency-key');
    }
    expect(
      (await preflight('chrome-extension://pppppppppppppppppppppppppppppppp')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const fromPage = await post(
      url,
      report('install-0001', '2026-11-16'),
      'install-0001:week:2026-11-16',
      'https://evil.example',
    );
    expect(fromPage.status).toBe(403);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('refuses what is not a report, with the reason, and stores nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sw-recv-')), 'reports.ndjson');
    const { url } = await start(file, { MAX_BYTES: '2000' });
    const cases: [unknown, string, number, RegExp][] = [
      ['{not json', 'install-0001:week:2026-11-16', 400, /not JSON/],
      [report('install-0001', '2026-11-16'), '', 400, /Idempotency-Key/],
      [report('install-0001', '2026-11-16'), 'install-0002:week:2026-11-16', 400, /installId/],
      [report('install-0001', '2026-11-16'), 'install-0001:week:2026-11-09', 400, /period/],
      [
        { ...report('install-0001', '2026-11-16'), schemaVersion: 7 },
        'install-0001:week:2026-11-16',
        400,
        /schemaVersion/,
      ],
      [
        report('install-0001', '2026-11-16', { padding: 'x'.repeat(3000) }),
        'install-0001:week:2026-11-16',
        413,
        /larger than 2000/,
      ],
    ];
    for (const [body, key, status, message] of cases) {
      const res = await post(url, body, key);
      expect(res.status, String(message)).toBe(status);
      expect((await res.json()).error).toMatch(message);
    }
    expect((await fetch(url.replace('/sharewise/reports', '/other'), { method: 'POST', body: '{}' })).status).toBe(404);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('serves HTTPS itself with the certificate it is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-recv-tls-'));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    // A throwaway self-signed certificate for 127.0.0.1 (openssl, as the e2e fixture server uses).
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const file = join(dir, 'reports.ndjson');
    const { url } = await start(file, { TLS_CERT: cert, TLS_KEY: key });
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/sharewise\/reports$/);
    const body = JSON.stringify(report('install-0001', '2026-11-16'));
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          ca: readFileSync(cert),
          headers: {
            'content-type': 'application/json',
            'idempotency-key': 'install-0001:week:2026-11-16',
            origin: FIREFOX,
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(201);
    expect(lines(file).map((l) => l.key)).toEqual(['install-0001:week:2026-11-16']);
  });
});
