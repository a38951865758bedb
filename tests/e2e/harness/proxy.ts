import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * Firefox's route to the fixture server. Chromium maps a host to any port (`--host-resolver-rules`), but
 * Firefox's `network.dns.localDomains` keeps port 443, which only root may bind. So Firefox gets a proxy
 * auto-config (served here, at /proxy.pac) that sends just the fixture hosts to this proxy, which tunnels
 * each CONNECT to the fixture server's port. TLS stays end to end: the proxy never sees plaintext.
 */
export interface FixtureProxy {
  readonly pacUrl: string;
  close(): Promise<void>;
}

export async function startFixtureProxy(hosts: string[], targetPort: number): Promise<FixtureProxy> {
  const sockets = new Set<Socket>();
  let port = 0;
  const pac = () =>
    `function FindProxyForURL(url, host) {\n  return ${JSON.stringify(hosts)}.indexOf(host) >= 0 ? "PROXY 127.0.0.1:${port}" : "DIRECT";\n}\n`;
  const server: Server = createServer((req, res) => {
    if (req.url === '/proxy.pac') {
      res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' });
      res.end(pac());
      return;
    }
    res.writeHead(404).end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const [host, targetHostPort] = (req.url ?? '').split(':');
    // Only the fixture hosts on the HTTPS port: nothing else is reachable through this proxy.
    if (!host || !hosts.includes(host) || targetHostPort !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  port = (server.address() as { port: number }).port;
  return {
    pacUrl: `http://127.0.0.1:${port}/proxy.pac`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
