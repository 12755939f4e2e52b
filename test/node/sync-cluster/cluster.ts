import type { SyncServerOptions } from '../../../sync/server/index.js';
import {
  freshSchema,
  sharedPostgres,
  startPostgres,
  startRedis,
  type Service,
} from '../sync-server/services.js';
import { startTestServer, type TestServer } from '../sync-server/support.js';

// Several sync processes sharing one PostgreSQL schema and one Redis, as a
// deployment behind a load balancer runs them; each in this test process,
// with its own port and log.

export interface Cluster {
  nodes: TestServer[];
  redis: Service;
  postgres: { url: string; schema: string };
  /** The PostgreSQL server, when the cluster has one of its own (to stop and start). */
  postgresServer?: Service;
  /** Another process on the same store; without the broker when `broker` is false (it then hears of nothing the others store). */
  addNode(options?: Partial<SyncServerOptions> & { broker?: boolean }): Promise<TestServer>;
  stop(): Promise<void>;
}

export async function startCluster(
  count: number,
  options: Partial<SyncServerOptions> & { ownPostgres?: boolean } = {},
): Promise<Cluster> {
  const { ownPostgres, ...serverOptions } = options;
  const postgresServer = ownPostgres ? await startPostgres() : undefined;
  const postgres = { url: (postgresServer ?? (await sharedPostgres())).url, schema: freshSchema() };
  const redis = await startRedis();
  const nodes: TestServer[] = [];
  const addNode = async ({
    broker = true,
    ...more
  }: Partial<SyncServerOptions> & { broker?: boolean } = {}) => {
    const node = await startTestServer({
      ...serverOptions,
      ...more,
      postgres: { ...postgres, migrate: true },
      redis: broker ? redis.url : undefined,
    });
    nodes.push(node);
    return node;
  };
  for (let i = 0; i < count; i++) await addNode();
  return {
    nodes,
    redis,
    postgres,
    postgresServer,
    addNode,
    stop: async () => {
      for (const node of nodes.splice(0)) await node.stop();
      await redis.destroy();
      await postgresServer?.destroy();
    },
  };
}
