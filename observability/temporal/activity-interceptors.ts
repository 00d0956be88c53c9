import type { Context as ActivityContext } from '@temporalio/activity';
import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityInterceptors } from '@temporalio/worker';
import { isValidCorrelationId, withCorrelationId } from '../correlation-context.ts';
import { activityDurationSeconds } from '../metrics.ts';
import { correlationHeader } from './correlation-header.ts';

/**
 * Activity interceptor factory (Worker option `interceptors.activity`): runs each activity under the
 * correlation id its workflow passed in the `mrv-correlation-id` header — so every pino line it
 * writes carries it, as do Temporal's own activity log lines — and times each attempt.
 */
export function activityObservabilityInterceptors(
  ctx: ActivityContext,
  now: () => number = () => performance.now() / 1000,
): ActivityInterceptors {
  let correlationId: string | undefined;
  return {
    inbound: {
      async execute(input, next) {
        const payload = input.headers[correlationHeader];
        const value: unknown = payload ? defaultPayloadConverter.fromPayload(payload) : undefined;
        correlationId = isValidCorrelationId(value) ? value : undefined;
        const activityType = ctx.info.activityType;
        const started = now();
        try {
          const result = await (correlationId
            ? withCorrelationId(correlationId, () => next(input))
            : next(input));
          activityDurationSeconds.observe(
            { activity_type: activityType, outcome: 'completed' },
            now() - started,
          );
          return result;
        } catch (error) {
          activityDurationSeconds.observe(
            { activity_type: activityType, outcome: 'failed' },
            now() - started,
          );
          throw error;
        }
      },
    },
    outbound: {
      getLogAttributes: (input, next) => next(correlationId ? { ...input, correlationId } : input),
    },
  };
}
