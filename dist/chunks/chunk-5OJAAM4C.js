import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  beginEarly,
  failureOutputs
} from "./chunk-364ZFVRL.js";
import {
  debug,
  error,
  getInput,
  group,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-EOU7NOBG.js";
import {
  ModelgateError,
  errorMessage
} from "./chunk-UAYJCUJE.js";

// src/actions/runtime.ts
import os from "node:os";
import path from "node:path";
function annotate(a) {
  const props = {};
  if (a.file) props.file = a.file;
  if (a.line) props.startLine = a.line;
  if (a.title) props.title = a.title;
  if (a.severity === "error") error(a.message, props);
  else if (a.severity === "warning") warning(a.message, props);
  else notice(a.message, props);
}
function actionContext(github) {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  return {
    inputs: { get: (name) => getInput(name) },
    workspace,
    tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
    env: process.env,
    inActions: process.env.GITHUB_ACTIONS === "true",
    log: {
      info: (line) => info(line),
      debug: (line) => debug(line),
      warning: (message) => warning(message),
      notice: (message) => notice(message),
      group: (title, fn) => group(title, fn)
    },
    secret: (value) => {
      if (value) setSecret(value);
    },
    github: {
      uploadArtifact: async () => {
        throw new ModelgateError("this action cannot upload artifacts");
      },
      pullRequestComments: () => void 0,
      runUrl: () => runUrl(),
      ...github
    }
  };
}
function relativeToWorkspace(file, workspace) {
  if (!file) return void 0;
  const abs = path.resolve(workspace, file);
  const rel = path.relative(workspace, abs);
  return rel.startsWith("..") ? file : rel.split(path.sep).join("/");
}
function runUrl() {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : void 0;
}
async function runAction(name, load, github) {
  const ctx = actionContext(github);
  try {
    beginEarly(name, ctx.inputs, ctx.workspace);
    const command = await load();
    const result = await command(ctx);
    for (const [name2, value] of Object.entries(result.outputs)) setOutput(name2, value);
    if (result.summary) {
      const summary2 = result.summary.length > 9e5 ? `${result.summary.slice(0, 9e5)}

_(summary cut at 900 kB; see the JSON report)_
` : result.summary;
      await summary.addRaw(summary2, true).write();
    }
    for (const a of result.annotations) annotate({ ...a, file: relativeToWorkspace(a.file, ctx.workspace) });
    if (result.failure) {
      const annotated = result.annotations.some((a) => a.severity === "error");
      if (annotated) {
        info(`\u2717 ${result.failure}`);
        process.exitCode = 1;
      } else setFailed(result.failure);
    }
  } catch (error2) {
    for (const [output, value] of Object.entries(failureOutputs(name))) setOutput(output, value);
    if (error2 instanceof ModelgateError) {
      annotate({
        severity: "error",
        message: error2.message,
        file: relativeToWorkspace(error2.file, ctx.workspace),
        line: error2.line
      });
      process.exitCode = 1;
    } else {
      setFailed(
        `${errorMessage(error2)}${error2 instanceof Error && error2.stack ? `
${error2.stack}` : ""}`
      );
    }
  }
}

export {
  actionContext,
  runUrl,
  runAction
};
