import { describe, expect, it } from 'vitest';
import { JobPool } from '../../server/jobs/pool.ts';
import { Jobs } from '../../server/jobs/registry.ts';

describe('the jobs registry', () => {
  it('hands bytes to the request that waited, and keeps only their size in the job it lists', async () => {
    const jobs = new Jobs(new JobPool({}), { now: () => new Date('2026-12-08T00:00:00Z') }, () => undefined);
    const bytes = new Uint8Array(1000).fill(7);
    const { view, done } = jobs.track('export', 'clerk', async () => ({ status: 200, body: bytes }));
    const answer = await done;
    expect(answer.body).toBe(bytes);
    expect(jobs.get(view.id)?.answer).toEqual({ status: 200, body: { bytes: 1000 } });
    // a JSON answer (an upload's, a run's) stays whole: an ?async=1 client fetches it from the job
    const json = jobs.track('run', 'clerk', async () => ({ status: 201, body: { run: { id: 'r1' } } }));
    await json.done;
    expect(jobs.get(json.view.id)?.answer).toEqual({ status: 201, body: { run: { id: 'r1' } } });
  });
});
