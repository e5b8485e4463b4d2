// The floor of the fan-out benchmark: a bare `ws` server relaying each frame verbatim to the other sockets of its room.
import http from 'node:http';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';

/**
 * y-websocket clients open with sync step 1 and wait for step 2 before they count as synced. A relay has no
 * state to answer with, so it answers every step 1 itself with an empty step 2 (and does not relay it):
 * relaying it would make every peer answer with its whole doc, an O(n^2) storm at join. Everything else
 * (updates, awareness) is relayed untouched.
 */
const EMPTY_STEP2 = new Uint8Array([0, 1, 2, 0, 0]);

function startFloorServer(port: number, host: string): http.Server {
  const rooms = new Map<string, Set<WebSocket>>();
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_req, res) => res.end('floor'));
  server.on('upgrade', (req, socket, head) => {
    const room = (req.url ?? '/').slice(1).split('?')[0] ?? '';
    wss.handleUpgrade(req, socket, head, (ws) => {
      let peers = rooms.get(room);
      if (!peers) rooms.set(room, (peers = new Set()));
      const members = peers;
      members.add(ws);
      ws.on('message', (data: RawData, isBinary: boolean) => {
        const bytes = data as Buffer;
        if (bytes[0] === 0 && bytes[1] === 0) {
          ws.send(EMPTY_STEP2);
          return;
        }
        for (const peer of members)
          if (peer !== ws && peer.readyState === peer.OPEN) peer.send(bytes, { binary: isBinary });
      });
      ws.on('close', () => {
        members.delete(ws);
        if (members.size === 0) rooms.delete(room);
      });
      ws.on('error', () => ws.terminate());
    });
  });
  server.listen(port, host, () => {
    const address = server.address();
    console.log(`floor listening on port ${typeof address === 'object' && address ? address.port : port}`);
  });
  return server;
}

startFloorServer(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
