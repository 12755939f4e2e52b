import WebSocket from 'ws';

// @medplum/core reads the global WebSocket when it loads, and Node 20 has
// none without a flag. Imported before any Medplum module.
const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= WebSocket;
