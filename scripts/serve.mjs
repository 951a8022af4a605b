// Serves dist/ until Ctrl+C. Usage: node scripts/serve.mjs [port] (default 8080, or $PORT).
import { serve } from './lib/static-server.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const port = Number(process.argv[2] || process.env.PORT || 8080);
const { url, close } = await serve(root, { port, log: true });
console.log(`SSI Self-Check: ${url}  (Ctrl+C stops)`);
process.on('SIGINT', async () => { await close(); process.exit(0); });
process.on('SIGTERM', async () => { await close(); process.exit(0); });
