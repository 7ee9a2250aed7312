/**
 * The stand-in hub (pouchdb-server) in a process of its own for the sync bench: a newsroom's CouchDB is
 * another machine, so its CPU and garbage collection must not be charged to the desk's pull. Prints the
 * server URL on one line; stops when its stdin closes.
 */
import { startStandInHub } from '../test/electron/services/sync/standInHub';

// Pinned: the figures on record are against pouchdb-server; the CouchDB double is the tests' default.
const hub = await startStandInHub('newsroom', { impl: 'pouchdb-server' });
process.stdout.write(`${hub.serverUrl}\n`);
process.stdin.on('end', () => void hub.close().then(() => process.exit(0)));
process.stdin.resume();
