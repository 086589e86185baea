import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  checkAnnotations,
  runHealthcheck
} from "./chunk-NFDXAGWM.js";
import {
  cancelOnSignals,
  packageRelease
} from "./chunk-DOFWXOVV.js";
import "./chunk-W2QENP6Y.js";
import "./chunk-HGXEVXB7.js";
import {
  loadConfigInput,
  resolveIn
} from "./chunk-A7JTYF5J.js";
import {
  booleanInput,
  choiceInput,
  optionalInput,
  requiredInput
} from "./chunk-ZY3O6VA3.js";
import {
  _enum,
  array,
  boolean,
  describeIssue,
  number,
  object,
  optional,
  string,
  unknown
} from "./chunk-GU6PC365.js";
import "./chunk-TR7OBBKO.js";
import "./chunk-PKWGZ4YD.js";
import "./chunk-4J2XETWS.js";
import {
  parseJsonText
} from "./chunk-7MJOQLOW.js";
import {
  dottedPath
} from "./chunk-OVS6HWYE.js";
import {
  ModelgateError
} from "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";

// src/commands/package.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
var reportSchema = object({
  passed: boolean(),
  checks: array(
    object({
      name: string(),
      status: _enum(["pass", "warn", "fail", "skip"]),
      ms: number(),
      message: string(),
      details: optional(unknown())
    })
  )
});
async function readHealthReport(file) {
  let value;
  try {
    value = parseJsonText(await readFile(file, "utf8"), file).value;
  } catch (error) {
    const where = error instanceof ModelgateError ? error : void 0;
    throw new ModelgateError(
      `${where ? where.message : `${file}: cannot read the health report (${error.message})`}; pass the report the healthcheck action wrote`,
      "input",
      { file, line: where?.line }
    );
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelgateError(
      `${file}: ${dottedPath(issue.path)}: ${describeIssue(issue, value)}; expected a modelgate healthcheck report`,
      "input",
      { file }
    );
  }
  return parsed.data;
}
async function upload(ctx, enabled, name, files, dir, notes) {
  if (!enabled) {
    ctx.log.info("Artifact upload skipped (upload-artifact: false).");
    return "";
  }
  if (!ctx.inActions || !ctx.github) {
    ctx.log.notice("Not running inside GitHub Actions: artifact upload skipped.");
    return "";
  }
  if (!ctx.env.ACTIONS_RUNTIME_TOKEN) {
    notes.push({
      severity: "warning",
      message: "ACTIONS_RUNTIME_TOKEN is not set, so the tarball was not uploaded as an artifact; run this action as a step of a GitHub-hosted or self-hosted runner job, or set upload-artifact: false"
    });
    return "";
  }
  try {
    const id = await ctx.log.group(
      `Upload artifact ${name}`,
      () => ctx.github.uploadArtifact(name, files, dir)
    );
    return id === void 0 ? "" : String(id);
  } catch (error) {
    notes.push({
      severity: "warning",
      message: `artifact upload failed: ${error.message}; the tarball is still at ${files[0]}`
    });
    return "";
  }
}
var packageCommand = async (ctx) => {
  const loaded = await loadConfigInput(ctx);
  const bundleDir = resolveIn(ctx, requiredInput(ctx.inputs, "bundle"));
  const name = optionalInput(ctx.inputs, "name");
  const timestamp = optionalInput(ctx.inputs, "timestamp");
  const language = choiceInput(ctx.inputs, "language", ["en", "zh"], "en") ?? "en";
  const uploadEnabled = booleanInput(ctx.inputs, "upload-artifact", true);
  const outputInput = optionalInput(ctx.inputs, "output-dir");
  const outputDir = outputInput ? resolveIn(ctx, outputInput) : path.join(ctx.inActions ? ctx.tempDir : ctx.workspace, "modelgate-release");
  const reportInput = optionalInput(ctx.inputs, "health-report");
  const health = reportInput ? await readHealthReport(resolveIn(ctx, reportInput)) : () => ctx.log.group(
    "Healthcheck",
    () => runHealthcheck({
      bundle: bundleDir,
      config: loaded.config,
      configFile: loaded.file,
      workDir: ctx.tempDir,
      onProgress: (l) => ctx.log.info(l)
    })
  );
  const annotations = [];
  let healthChecks = typeof health === "function" ? [] : health.checks;
  let result;
  try {
    const log = (line) => ctx.log.info(line);
    result = await ctx.log.group(
      "Package",
      () => cancelOnSignals(
        log,
        "removes its unfinished files",
        (signal) => packageRelease({
          bundleDir,
          config: loaded.config,
          configFile: loaded.file,
          ...name ? { name } : {},
          ...timestamp ? { timestamp } : {},
          outputDir,
          language,
          ...typeof health === "function" ? {
            health: async () => {
              const report = await health();
              healthChecks = report.checks;
              return report;
            }
          } : { health, healthSource: reportInput },
          env: ctx.env,
          onProgress: log,
          signal
        })
      )
    );
  } catch (error) {
    if (!(error instanceof ModelgateError) || !healthChecks.some((c) => c.status === "fail")) throw error;
    return { outputs: {}, annotations: checkAnnotations(healthChecks), failure: error.message };
  }
  const artifactId = await upload(
    ctx,
    uploadEnabled,
    result.releaseId,
    [result.tarball, result.manifestPath],
    outputDir,
    annotations
  );
  return {
    outputs: {
      tarball: result.tarball,
      manifest: result.manifestPath,
      notes: result.notes,
      "release-id": result.releaseId,
      sha256: result.sha256,
      size: String(result.size),
      "artifact-id": artifactId
    },
    summary: result.notes,
    annotations
  };
};
export {
  packageCommand
};
