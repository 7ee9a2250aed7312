#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx, so `npx newsdesk` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
await main();
