// @ts-check
/* global module */
/**
 * GitHub Deployment records of what is live on the service, and in which phase, so the
 * repository's environment page answers "which model release is serving right now".
 *
 * deploy.yml and shadow-watch.yml write them (environment $SERVICE_ENVIRONMENT, default
 * macd-analysis); shadow-watch.yml reads the newest successful one to know what to watch and
 * since when. Called from actions/github-script:
 *
 *   await require('./.github/scripts/deployment.cjs').start({ github, context, core })
 *
 * Every value comes from process.env (the step's `env:`), never from `${{ }}` inside a script.
 */

const TASK = 'deploy:modelgate';
const PHASES = ['shadow', 'promote', 'rollback-stacking'];
const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** @param {string} name @param {string} [fallback] */
function env(name, fallback = '') {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** @param {string} name */
function required(name) {
  const value = env(name);
  if (!value) throw new Error(`${name} is not set: pass it in the github-script step's env:`);
  return value;
}

function serviceEnvironment() {
  return env('SERVICE_ENVIRONMENT', 'macd-analysis');
}

/** @param {any} context */
function runUrl(context) {
  return `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`;
}

/** @param {string} releaseId @param {string} phase */
function checkRelease(releaseId, phase) {
  if (!RELEASE_ID.test(releaseId))
    throw new Error(`RELEASE_ID ${JSON.stringify(releaseId)} is not a release id`);
  if (!PHASES.includes(phase))
    throw new Error(`PHASE ${JSON.stringify(phase)} is not one of ${PHASES.join(', ')}`);
}

/**
 * @param {any} github @param {any} context @param {number} id
 * @param {'in_progress' | 'success' | 'failure' | 'error' | 'inactive'} state @param {string} description
 */
async function setStatus(github, context, id, state, description) {
  await github.rest.repos.createDeploymentStatus({
    ...context.repo,
    deployment_id: id,
    state,
    description: description.slice(0, 140),
    log_url: runUrl(context),
    environment: serviceEnvironment(),
    auto_inactive: false,
  });
}

/** @param {any} github @param {any} context @param {string} releaseId @param {string} phase */
async function create(github, context, releaseId, phase) {
  const { data } = await github.rest.repos.createDeployment({
    ...context.repo,
    ref: context.sha,
    task: TASK,
    environment: serviceEnvironment(),
    description: `${releaseId} (${phase})`.slice(0, 140),
    payload: {
      release_id: releaseId,
      phase,
      artifact_run_id: env('ARTIFACT_RUN_ID'),
      workflow_run_id: String(context.runId),
    },
    auto_merge: false,
    required_contexts: [],
    production_environment: true,
    transient_environment: false,
  });
  if (typeof data?.id !== 'number')
    throw new Error(`GitHub did not create the deployment: ${data?.message ?? 'no id returned'}`);
  return data.id;
}

/**
 * Before the deploy step: a deployment in progress. Sets output `id`.
 * env: RELEASE_ID, PHASE, ARTIFACT_RUN_ID, SERVICE_ENVIRONMENT.
 * @param {{ github: any, context: any, core: any }} args
 */
async function start({ github, context, core }) {
  const releaseId = required('RELEASE_ID');
  const phase = required('PHASE');
  checkRelease(releaseId, phase);
  const id = await create(github, context, releaseId, phase);
  await setStatus(github, context, id, 'in_progress', `${phase}: deploying ${releaseId}`);
  core.setOutput('id', String(id));
  core.info(`Deployment ${id}: ${releaseId} (${phase}) on ${serviceEnvironment()}`);
  return id;
}

/**
 * After the deploy step (if: always()): success, failure, or error when it never ran to the end.
 * env: DEPLOYMENT_ID, OUTCOME (steps.<deploy>.outcome), DEPLOY_STATUS (the deploy action's status),
 * RELEASE_ID, PHASE.
 * @param {{ github: any, context: any, core: any }} args
 */
async function finish({ github, context, core }) {
  const raw = env('DEPLOYMENT_ID');
  if (!raw) {
    core.info('No deployment record was started; nothing to finish.');
    return;
  }
  const id = Number(raw);
  if (!Number.isSafeInteger(id))
    throw new Error(`DEPLOYMENT_ID ${JSON.stringify(raw)} is not a deployment id`);
  const outcome = env('OUTCOME', 'cancelled');
  const status = env('DEPLOY_STATUS');
  const what = `${env('RELEASE_ID', 'release')} (${env('PHASE', 'shadow')})`;
  if (outcome === 'success') {
    await setStatus(github, context, id, 'success', `live: ${what}`);
  } else if (outcome === 'failure') {
    // deploy rolls back by itself on a failed verification: the previous record stays the live one.
    const detail =
      status === 'rolled-back'
        ? 'failed; rolled back to the previous release'
        : `failed (${status || 'no status'})`;
    await setStatus(github, context, id, 'failure', `${what} ${detail}`);
  } else {
    await setStatus(github, context, id, 'error', `${what}: the deploy step did not finish (${outcome})`);
  }
  core.info(`Deployment ${id}: ${outcome}`);
}

/**
 * A change that is finished by the time it is recorded (shadow-watch's rollback).
 * env: RELEASE_ID, PHASE, ARTIFACT_RUN_ID, DESCRIPTION.
 * @param {{ github: any, context: any, core: any }} args
 */
async function record({ github, context, core }) {
  const releaseId = required('RELEASE_ID');
  const phase = required('PHASE');
  checkRelease(releaseId, phase);
  const id = await create(github, context, releaseId, phase);
  await setStatus(github, context, id, 'success', env('DESCRIPTION', `${releaseId} (${phase})`));
  core.setOutput('id', String(id));
  return id;
}

/** @param {unknown} payload @returns {Record<string, unknown>} */
function payloadOf(payload) {
  if (typeof payload === 'string') {
    try {
      return JSON.parse(payload);
    } catch {
      return {};
    }
  }
  return payload && typeof payload === 'object' ? /** @type {Record<string, unknown>} */ (payload) : {};
}

/**
 * What is live: the newest deployment whose latest status is success. Sets outputs release-id,
 * phase (shadow, promote, rollback-stacking, or none), artifact-run-id, since (when that status
 * was set) and deployment-id. env: SERVICE_ENVIRONMENT.
 * @param {{ github: any, context: any, core: any }} args
 */
async function current({ github, context, core }) {
  const environment = serviceEnvironment();
  const { data: deployments } = await github.rest.repos.listDeployments({
    ...context.repo,
    environment,
    task: TASK,
    per_page: 30,
  });
  for (const deployment of deployments) {
    const { data: statuses } = await github.rest.repos.listDeploymentStatuses({
      ...context.repo,
      deployment_id: deployment.id,
      per_page: 1,
    });
    if (statuses[0]?.state !== 'success') continue; // failed, in progress or cancelled: never became live
    const payload = payloadOf(deployment.payload);
    const releaseId = String(payload.release_id ?? '');
    const phase = String(payload.phase ?? '');
    const runId = String(payload.artifact_run_id ?? '');
    if (!RELEASE_ID.test(releaseId) || !PHASES.includes(phase) || (runId && !/^[0-9]+$/.test(runId))) {
      core.warning(
        `Deployment ${deployment.id} on ${environment} has a payload this script did not write; skipped`,
      );
      continue;
    }
    const outputs = {
      'release-id': releaseId,
      phase,
      'artifact-run-id': runId,
      since: statuses[0].created_at,
      'deployment-id': String(deployment.id),
    };
    for (const [key, value] of Object.entries(outputs)) core.setOutput(key, value);
    core.info(`Live on ${environment}: ${releaseId} (${phase}) since ${outputs.since}`);
    return outputs;
  }
  core.setOutput('phase', 'none');
  core.info(`Nothing live on ${environment} according to its deployment records.`);
  return { phase: 'none' };
}

module.exports = { start, finish, record, current, TASK };
