// Starts the build worker from the TypeScript sources (CLI, host, tests); the Electron bundle ships a built searchBuildWorker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./searchBuildWorker.ts');
