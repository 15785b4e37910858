// Issue 13: an image like the users' — examples/retail-api (multi-stage, venv from PyPI in a
// RUN step, model trained at build time, non-root, HEALTHCHECK) built and pushed by the action
// through the remote BuildKit, then run on the stack's Docker engine.
import { describe, expect, test } from '@jest/globals';
import { pushEvent, runAction } from './harness.js';
import { exampleFiles, retailApiInputs, runOnEngine } from './retail-api.js';
import { imageConfig, putRepository, registryManifest, uniqueRepository } from './stack.js';

describe('examples/retail-api', () => {
  test('the action builds and pushes it; on the engine it answers /health and /predict, runs as uid 10001 and turns healthy', async () => {
    const repository = uniqueRepository('retail-api');
    await putRepository(repository, { scanOnPush: true, scenario: { scanDelayMs: 0 } });
    const event = pushEvent();
    const run = await runAction({ inputs: { repository, ...retailApiInputs() }, event, files: exampleFiles() });
    // Built (or taken from the shared builder's cache) with its builder stage's pip install from PyPI.
    expect(run.main.log).toMatch(/\[builder \d\/\d\] RUN \/opt\/venv\/bin\/pip install -r \/tmp\/requirements.txt/);
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs['scan-status']).toBe('COMPLETE');
    const served = await registryManifest(repository, event.sha);
    expect(run.outputs.digest).toBe(served?.digest);

    const [platformDigest] = Object.values(JSON.parse(run.outputs['platform-digests']) as Record<string, string>);
    const config = (await imageConfig(repository, platformDigest)) as unknown as {
      config?: { User?: string; Healthcheck?: { Test?: string[] } };
    };
    expect(config.config?.User).toBe('10001');
    expect(config.config?.Healthcheck?.Test).toEqual(['CMD', 'python', '-m', 'app.healthcheck']);

    const container = await runOnEngine(run.outputs['image-uri']);
    try {
      const health = await fetch(`${container.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', model_version: 'demand-rf-1', service_version: '1.0.0' });

      const predict = await fetch(`${container.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          items: [
            { price: 2.5, promotion: true, day_of_week: 5, store_size: 1500 },
            { price: 15, promotion: false, day_of_week: 1, store_size: 300 },
          ],
        }),
      });
      expect(predict.status).toBe(200);
      const body = (await predict.json()) as { model_version: string; units: number[] };
      expect(body.model_version).toBe('demand-rf-1');
      expect(body.units).toHaveLength(2);
      // Cheap, promoted, weekend, big store sells more than dear, plain, weekday, small store.
      expect(body.units[0]).toBeGreaterThan(body.units[1] * 5);

      const invalid = await fetch(`${container.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ price: -1, day_of_week: 9, store_size: 10 }] }),
      });
      expect(invalid.status).toBe(422);

      // The image's own HEALTHCHECK, run by the engine (every 5 s).
      let status = '';
      for (let i = 0; i < 60 && status !== 'healthy'; i += 1) {
        status = (await container.inspect()).State.Health?.Status ?? 'none';
        if (status !== 'healthy') await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(status).toBe('healthy');
      expect((await container.inspect()).Config.User).toBe('10001');
    } finally {
      await container.stop();
    }
  });
});
