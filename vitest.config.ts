// Two projects: fast unit tests in Node, and end-to-end tests that drive Chromium (findChromium) through the browser host.
// Both first build the CLI bundle, which the CLI suites and the export e2e run (test/setup/buildCliBundle.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/shared/**/*.test.ts',
            'test/electron/**/*.test.ts',
            'test/renderer/**/*.test.ts',
            'test/scripts/**/*.test.ts',
          ],
          environment: 'node',
          globalSetup: ['test/setup/buildCliBundle.ts'],
          testTimeout: 60_000,
          expect: { poll: { timeout: 10_000 } },
          // Against a real CouchDB (NEWSDESK_TEST_COUCHDB_URL) the sync files share one server's _users,
          // where tests make accounts by name (rita, lin): one file at a time, as on the e2e project.
          fileParallelism: !process.env.NEWSDESK_TEST_COUCHDB_URL,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/buildCliBundle.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll's default of 1 s is shorter than one parse in a worker on a loaded 2-core CI machine
          // (copydesk's preview missed it at load 21); a poll still fails if the page never gets there.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
