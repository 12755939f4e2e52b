// The `cds-service` server command of the browser tests: the small CDS Hooks
// service of test/support/cds-service.ts on 127.0.0.1, started with the test
// run and stopped after it. Operations: `info` ({ url, privateJwk, issuer,
// clientId, keyId }), `calls` and `feedback` (recorded since `from`),
// `refused` (requests refused with 401).

/** @returns a web-test-runner plugin */
export function cdsServicePlugin() {
  let service;
  let module;
  return {
    name: 'cds-service',
    async serverStart() {
      const { tsImport } = await import('tsx/esm/api');
      module = await tsImport('./cds-service.ts', import.meta.url);
      service = await module.startCdsTestService();
    },
    async serverStop() {
      await service?.close();
    },
    executeCommand({ command, payload }) {
      if (command !== 'cds-service') return undefined;
      switch (payload?.op) {
        case 'info':
          return {
            url: service.url,
            privateJwk: service.privateJwk,
            issuer: module.CDS_CLIENT_ISSUER,
            clientId: module.CDS_CLIENT_ID,
            keyId: module.CDS_CLIENT_KID,
          };
        case 'calls':
          return service.calls.slice(payload.from ?? 0);
        case 'feedback':
          return service.feedback.slice(payload.from ?? 0);
        case 'refused':
          return service.refused.slice(payload.from ?? 0);
        default:
          throw new Error(`cds-service: no operation ${payload?.op}`);
      }
    },
  };
}
