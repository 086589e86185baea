/**
 * `inference`: the end-to-end result the training job printed (bull_prob, regime,
 * direction), as the seed's inference test showed it. When golden.json also carries the
 * stacking vectors, bull_prob is checked against the meta-learner's probability for the
 * latest bar (the last stacking row), recomputed here, as printed (to 3 decimals).
 *
 * The result is recorded, not recomputed end to end: after an earlier check failed (a model
 * that does not load, golden vectors that differ), the bundle does not reproduce it, so it is
 * not shown as a pass.
 */
import { errorMessage } from '../errors.js';
import type { CheckOutcome, HealthContext } from './context.js';
import { metaProbability, stackingMetaOf } from './stacking-meta.js';

/** bull_prob is printed with three decimals. */
const PRINTED = 0.0005;

export async function checkInference(ctx: HealthContext): Promise<CheckOutcome> {
  const golden = ctx.golden;
  if (!golden) {
    return {
      status: ctx.goldenError ? 'fail' : 'skip',
      message: ctx.goldenError
        ? `no inference result: ${ctx.goldenError}`
        : `no ${ctx.config.release.golden} in the bundle, so no inference result to show`,
    };
  }
  const inference = golden.inference;
  if (!inference)
    return {
      status: 'warn',
      message: `${ctx.config.release.golden} has no inference entry; have the training job record its end-to-end result (bull_prob, regime, direction)`,
    };
  const shown = `bull_prob ${inference.bull_prob}, regime ${inference.regime}, direction ${inference.direction}`;
  if (ctx.failed.length > 0)
    return {
      status: 'skip',
      message: `not shown as a result: ${ctx.failed.join(', ')} failed, so this bundle does not reproduce the recorded ${shown}`,
    };
  ctx.inference = {
    bull_prob: inference.bull_prob,
    regime: inference.regime,
    direction: inference.direction,
  };
  const details: Record<string, unknown> = { ...inference };

  if (golden.stacking && ctx.config.release.stacking) {
    try {
      const meta = await stackingMetaOf(ctx);
      const last = golden.stacking.base_outputs[golden.stacking.base_outputs.length - 1]!;
      if (meta.meta_learner.coef.length === last.length) {
        const recomputed = metaProbability(meta, last);
        details.recomputed_bull_prob = recomputed;
        if (Math.abs(recomputed - inference.bull_prob) > PRINTED + 1e-9)
          return {
            status: 'warn',
            message: `${shown}; but the meta-learner gives ${recomputed.toFixed(4)} for the latest bar (last stacking row of ${ctx.config.release.golden}): the printed result and the stacking disagree`,
            details,
          };
      }
    } catch (error) {
      // The stacking and golden checks report a broken meta JSON; here it only means no cross-check.
      details.cross_check = errorMessage(error);
    }
  }
  return { status: 'pass', message: shown, details };
}
