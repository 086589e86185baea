/**
 * `stacking`: the stacking meta JSON, the config and the learner pickle tell one story. Its
 * `base_models` exist in the bundle and are `release.stacking.base` in the same column
 * order, the meta-learner has one coefficient per base model, and the learner pickle holds
 * a known estimator class (read from the pickle's globals, never by unpickling it).
 */
import { errorMessage } from '../errors.js';
import type { Problem } from '../report/types.js';
import { pickleGlobalsOf } from './check-safety.js';
import { annotationPath, fileProblem, plural, type CheckOutcome, type HealthContext } from './context.js';
import { stackingMetaOf } from './stacking-meta.js';

/** scikit-learn estimators a `logistic` meta-learner can be: they expose coef_ and intercept_. */
const LOGISTIC_LEARNERS = new Set([
  'LogisticRegression',
  'LogisticRegressionCV',
  'SGDClassifier',
  'RidgeClassifier',
  'RidgeClassifierCV',
]);
const ESTIMATOR_CLASS = /^[A-Z][A-Za-z0-9_]*$/;

export async function checkStacking(ctx: HealthContext): Promise<CheckOutcome> {
  const stacking = ctx.config.release.stacking;
  if (!stacking) return { status: 'skip', message: `no release.stacking in ${ctx.configFile}` };
  const problems: Problem[] = [];
  const facts: Record<string, unknown> = {
    meta: stacking.meta,
    learner: stacking.learner,
    base: stacking.base,
  };
  const error = (rel: string | undefined, message: string): void => {
    problems.push(
      rel && ctx.byPath.has(rel)
        ? fileProblem(ctx, 'error', rel, message)
        : { severity: 'error', message, file: rel ? annotationPath(ctx) : ctx.configFile },
    );
  };

  let learnerClass: string | undefined;
  try {
    const meta = await stackingMetaOf(ctx);
    facts.base_models = meta.base_models;
    facts.coefficients = meta.meta_learner.coef.length;
    const missing = meta.base_models.filter((b) => !ctx.byPath.has(b));
    for (const b of missing)
      error(
        stacking.meta,
        `${stacking.meta}: base model ${b} (base_models) is not in the bundle; add it, or retrain the stacking without it`,
      );
    const notConfigured = meta.base_models.filter((b) => !stacking.base.includes(b));
    for (const b of notConfigured)
      error(
        stacking.meta,
        `${stacking.meta}: base model ${b} is not in release.stacking.base (${ctx.configFile}); add it there in the meta-learner's column order`,
      );
    const notInMeta = stacking.base.filter((b) => !meta.base_models.includes(b));
    for (const b of notInMeta)
      error(
        stacking.meta,
        `${stacking.meta}: release.stacking.base lists ${b} but base_models does not; the meta-learner has no column for it: fix the config or retrain`,
      );
    if (
      !notConfigured.length &&
      !notInMeta.length &&
      meta.base_models.join('\n') !== stacking.base.join('\n')
    )
      error(
        stacking.meta,
        `${stacking.meta}: base_models are in the order ${meta.base_models.join(', ')} but release.stacking.base is ${stacking.base.join(', ')}; the meta-learner's columns follow base_models: put release.stacking.base in that order`,
      );
    if (meta.meta_learner.coef.length !== meta.base_models.length)
      error(
        stacking.meta,
        `${stacking.meta}: meta_learner.coef has ${plural(meta.meta_learner.coef.length, 'coefficient')} for ${plural(meta.base_models.length, 'base model')}; the meta-learner was fitted on other inputs: re-export the stacking from one training run`,
      );
  } catch (e) {
    error(stacking.meta, errorMessage(e));
  }

  const learner = ctx.byPath.get(stacking.learner);
  if (!learner)
    error(
      undefined,
      `${stacking.learner}: the meta-learner pickle (release.stacking.learner) is not in the bundle`,
    );
  else {
    try {
      const globals = await pickleGlobalsOf(ctx, stacking.learner);
      // The object's own class is the first sklearn class the pickle imports (its parts follow).
      const estimator = globals.find((g) => g.module.startsWith('sklearn.') && ESTIMATOR_CLASS.test(g.name));
      if (!estimator) {
        const seen = [...new Set(globals.map((g) => `${g.module}.${g.name}`))];
        error(
          stacking.learner,
          `${stacking.learner}: holds no scikit-learn estimator class (${seen.length ? `imports ${seen.slice(0, 5).join(', ')}` : 'imports nothing'}); the service expects the fitted meta-learner: save it with pickle.dump(model)`,
        );
      } else {
        learnerClass = `${estimator.module}.${estimator.name}`;
        facts.learner_class = learnerClass;
        if (!LOGISTIC_LEARNERS.has(estimator.name))
          error(
            stacking.learner,
            `${stacking.learner}: the meta-learner is a ${estimator.name}, not a known logistic estimator (${[...LOGISTIC_LEARNERS].join(', ')}), so meta_learner type "logistic" does not describe it`,
          );
      }
    } catch (e) {
      error(stacking.learner, errorMessage(e));
    }
  }

  if (problems.length) {
    const first = problems[0]!.message;
    return {
      status: 'fail',
      message: problems.length > 1 ? `${first} (and ${plural(problems.length - 1, 'more problem')})` : first,
      details: facts,
      problems,
    };
  }
  return {
    status: 'pass',
    message: `${plural(stacking.base.length, 'base model')} in the bundle and the config, in column order; ${plural(stacking.base.length, 'coefficient')}; learner ${learnerClass}`,
    details: facts,
  };
}
