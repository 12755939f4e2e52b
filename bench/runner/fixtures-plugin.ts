// Serves the fixture folder (a sibling of the repository, not part of it) to
// browser suites at /@fixtures/<set>/<file>; a folder URL lists its .json
// files as a JSON array, and /@fixtures/ lists the sets.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';
import { FIXTURES_URL } from '../harness/fixtures.js';

/** EMR_FIXTURES_DIR, else the `shared/fixtures` folder beside the repository. */
export function fixturesDir(repoRoot: string): string {
  return process.env.EMR_FIXTURES_DIR
    ? path.resolve(process.env.EMR_FIXTURES_DIR)
    : path.resolve(repoRoot, '../shared/fixtures');
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function listing(dir: string, atRoot: boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => (atRoot ? e.isDirectory() : e.isFile() && e.name.endsWith('.json')))
    .map((e) => e.name)
    .sort();
}

export function fixturesPlugin(baseDir: string): Plugin {
  return {
    name: 'emr-bench-fixtures',
    configureServer(server) {
      server.middlewares.use(FIXTURES_URL, (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        // Mounted under FIXTURES_URL, so req.url is the rest of the path.
        let rel: string;
        try {
          rel = decodeURIComponent((req.url ?? '/').split('?')[0]!);
        } catch {
          return send(res, 400, 'text/plain', 'malformed URL');
        }
        const file = path.resolve(baseDir, '.' + rel);
        if (file !== baseDir && !file.startsWith(baseDir + path.sep)) {
          return send(res, 403, 'text/plain', 'outside the fixtures folder');
        }
        stat(file)
          .then(
            async (info) => {
              if (info.isDirectory()) {
                const names = await listing(file, file === baseDir);
                return send(res, 200, 'application/json', JSON.stringify(names));
              }
              res.writeHead(200, {
                'content-type': file.endsWith('.json')
                  ? 'application/json'
                  : 'application/octet-stream',
                'content-length': info.size,
                'cache-control': 'no-store',
              });
              if (req.method === 'HEAD') return res.end();
              createReadStream(file).pipe(res);
            },
            () => send(res, 404, 'text/plain', `no fixture ${rel} under ${FIXTURES_URL}`),
          )
          .catch(next);
      });
    },
  };
}
