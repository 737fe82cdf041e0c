/**
 * Several test files in one test process (scripts/test.ts gives it their paths). Each file keeps its own tests,
 * hooks, server connection and browser contexts, as it would in a process of its own; what they share is one Node,
 * one tsx and one playwright-core, which cost about 1.4 CPU-seconds a process. node:test runs the files' top-level
 * `before` hooks before the process's first test and their `after` hooks after its last, and the tests one at a time.
 */
import { pathToFileURL } from 'node:url';

export const SHARD_FILES_ENV = 'READER_TEST_FILES';

for (const file of (process.env[SHARD_FILES_ENV] ?? '').split('\n').filter(Boolean)) {
  await import(pathToFileURL(file).href);
}
