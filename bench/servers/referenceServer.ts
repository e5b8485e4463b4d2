// The reference of the fan-out benchmark: the stock @y/websocket-server 0.1.1 (in memory, no persistence, no auth).
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

function startReferenceServer(port: number, host: string): http.Server {
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', setupWSConnection);
  const server = http.createServer((_req, res) => res.end('okay'));
  // As the package's own src/server.js does: the room name is the path, the query string is ignored.
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  server.listen(port, host, () => {
    const address = server.address();
    console.log(`reference listening on port ${typeof address === 'object' && address ? address.port : port}`);
  });
  return server;
}

startReferenceServer(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
