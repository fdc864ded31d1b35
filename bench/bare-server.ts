// The baseline: a bare Fastify route on the same machine, same Node.js, no database.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
const port = Number(process.argv[2]);
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
