/**
 * Slow I/O, many requests: each task is an HTTP GET to a loopback server that answers after 10 ms.
 * The server starts in setup (once per host, worker or process) and costs almost no CPU, so the
 * client spends its time waiting. Expected: async wins, with concurrency up to the number of tasks.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkloadDefinition } from '../src/define.ts';

const LATENCY_MS = 10;
let server: Server;
let port = 0;
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
    });
    req.on('error', reject);
    req.end();
  });
}

const workload: WorkloadDefinition = {
  async setup() {
    server = createServer((_req, res) => setTimeout(() => res.end('{"ok":true}'), LATENCY_MS));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    server.unref();
  },
  run: (taskIndex: number) => get(`/item/${taskIndex}`),
  async teardown() {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  },
};
export default workload;
