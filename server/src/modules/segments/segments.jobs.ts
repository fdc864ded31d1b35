import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import { parisDay } from './criteria/criteria-sql.ts';
import { listSegmentIdsWithoutSnapshot } from './segments.repository.ts';
import { createSegmentsService } from './segments.service.ts';

/**
 * `segments.snapshot-sizes`: every night, the count of each saved segment for the size history.
 * Resumable: a retried run skips the segments already counted that day; running it twice a day
 * changes nothing.
 */
export const snapshotSizesJob = defineJob({
  type: 'segments.snapshot-sizes',
  version: 1,
  payload: z.object({}),
  schedule: '15 3 * * *',
  async run(job) {
    const now = new Date();
    const day = parisDay(now);
    const service = createSegmentsService({ database: job.database, logger: job.logger });
    const ids = await listSegmentIdsWithoutSnapshot(job.database.db, job.scope.tenantId, day);
    let done = 0;
    let failed = 0;
    await job.reportProgress(0, ids.length);
    for (const id of ids) {
      await job.throwIfCancelled();
      try {
        await service.snapshotSize(job.scope, id, now);
      } catch (error) {
        // A segment made invalid since it was saved (a custom field removed…) must not stop the others.
        failed += 1;
        job.logger.warn({ err: error, segmentId: id }, 'segment size snapshot failed');
      }
      done += 1;
      await job.reportProgress(done, ids.length);
    }
    return { day, counted: done - failed, failed };
  },
});
