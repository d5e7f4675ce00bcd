/**
 * The API the tests talk to (bundled for Node by `scripts/demo-api-plugins.js`): the demo data
 * on the fixed `TEST_CLOCK` under `/api`, and the misbehaving scenario routes under `/api-test`.
 */
import { DemoDataSource } from '../src/data/demo-data-source.js';
import { createDemoApi, type DemoApi } from './demo-api.js';
import { TEST_CLOCK } from './test-shared.js';

export function createTestApi(): DemoApi {
  const now = new Date(TEST_CLOCK.now);
  return createDemoApi({
    basePath: '/api',
    testBasePath: '/api-test',
    dataSource: new DemoDataSource({ referenceTime: TEST_CLOCK.referenceTime, now: () => now }),
  });
}
