export const id = 682;
export const ids = [682];
export const modules = {

/***/ 5682:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   packageCommand: () => (/* binding */ packageCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8816);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3828);
/* harmony import */ var _core_health_healthcheck_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3425);
/* harmony import */ var _core_inputs_source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(16);
/* harmony import */ var _core_package_package_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7519);
/* harmony import */ var _core_validation_describe_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2502);
/* harmony import */ var _core_validation_json_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9717);
/* harmony import */ var _healthcheck_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8915);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9236);
/** `package`: bundle dir -> reproducible tarball, manifest, notes; optional artifact upload. */











const reportSchema = zod__WEBPACK_IMPORTED_MODULE_10__/* .object */ .Ikc({
    passed: zod__WEBPACK_IMPORTED_MODULE_10__/* .boolean */ .zMY(),
    checks: zod__WEBPACK_IMPORTED_MODULE_10__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_10__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_10__/* .string */ .YjP(),
        status: zod__WEBPACK_IMPORTED_MODULE_10__/* ["enum"] */ .k5n(['pass', 'warn', 'fail', 'skip']),
        ms: zod__WEBPACK_IMPORTED_MODULE_10__/* .number */ .aig(),
        message: zod__WEBPACK_IMPORTED_MODULE_10__/* .string */ .YjP(),
        details: zod__WEBPACK_IMPORTED_MODULE_10__/* .unknown */ .L5J().optional(),
    })),
});
async function readHealthReport(file) {
    let value;
    try {
        value = (0,_core_validation_json_text_js__WEBPACK_IMPORTED_MODULE_7__/* .parseJsonText */ .lk)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'), file).value;
    }
    catch (error) {
        const where = error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ ? error : undefined;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ(`${where ? where.message : `${file}: cannot read the health report (${error.message})`}; pass the report the healthcheck action wrote`, 'input', { file, line: where?.line });
    }
    const parsed = reportSchema.safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ(`${file}: ${(0,_core_validation_describe_js__WEBPACK_IMPORTED_MODULE_6__/* .dottedPath */ .wM)(issue.path)}: ${(0,_core_validation_describe_js__WEBPACK_IMPORTED_MODULE_6__/* .describeIssue */ .n6)(issue, value)}; expected a modelgate healthcheck report`, 'input', { file });
    }
    return parsed.data;
}
async function upload(ctx, enabled, name, files, dir, notes) {
    if (!enabled) {
        ctx.log.info('Artifact upload skipped (upload-artifact: false).');
        return '';
    }
    if (!ctx.inActions || !ctx.github) {
        ctx.log.notice('Not running inside GitHub Actions: artifact upload skipped.');
        return '';
    }
    if (!ctx.env.ACTIONS_RUNTIME_TOKEN) {
        notes.push({
            severity: 'warning',
            message: 'ACTIONS_RUNTIME_TOKEN is not set, so the tarball was not uploaded as an artifact; run this action as a step of a GitHub-hosted or self-hosted runner job, or set upload-artifact: false',
        });
        return '';
    }
    try {
        const id = await ctx.log.group(`Upload artifact ${name}`, () => ctx.github.uploadArtifact(name, files, dir));
        return id === undefined ? '' : String(id);
    }
    catch (error) {
        notes.push({
            severity: 'warning',
            message: `artifact upload failed: ${error.message}; the tarball is still at ${files[0]}`,
        });
        return '';
    }
}
const packageCommand = async (ctx) => {
    const loaded = await (0,_common_js__WEBPACK_IMPORTED_MODULE_9__/* .loadConfigInput */ .jl)(ctx);
    const bundleDir = (0,_common_js__WEBPACK_IMPORTED_MODULE_9__/* .resolveIn */ .QH)(ctx, (0,_core_inputs_source_js__WEBPACK_IMPORTED_MODULE_4__/* .requiredInput */ .YF)(ctx.inputs, 'bundle'));
    const name = (0,_core_inputs_source_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalInput */ .$m)(ctx.inputs, 'name');
    const timestamp = (0,_core_inputs_source_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalInput */ .$m)(ctx.inputs, 'timestamp');
    const language = (0,_core_inputs_source_js__WEBPACK_IMPORTED_MODULE_4__/* .choiceInput */ .ij)(ctx.inputs, 'language', ['en', 'zh'], 'en') ?? 'en';
    const uploadEnabled = (0,_core_inputs_source_js__WEBPACK_IMPORTED_MODULE_4__/* .booleanInput */ .tE)(ctx.inputs, 'upload-artifact', true);
    const outputInput = (0,_core_inputs_source_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalInput */ .$m)(ctx.inputs, 'output-dir');
    const outputDir = outputInput
        ? (0,_common_js__WEBPACK_IMPORTED_MODULE_9__/* .resolveIn */ .QH)(ctx, outputInput)
        : node_path__WEBPACK_IMPORTED_MODULE_1__.join(ctx.inActions ? ctx.tempDir : ctx.workspace, 'modelgate-release');
    const reportInput = (0,_core_inputs_source_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalInput */ .$m)(ctx.inputs, 'health-report');
    const health = reportInput
        ? await readHealthReport((0,_common_js__WEBPACK_IMPORTED_MODULE_9__/* .resolveIn */ .QH)(ctx, reportInput))
        : () => ctx.log.group('Healthcheck', () => (0,_core_health_healthcheck_js__WEBPACK_IMPORTED_MODULE_3__/* .runHealthcheck */ .sP)({
            bundle: bundleDir,
            config: loaded.config,
            configFile: loaded.file,
            workDir: ctx.tempDir,
            onProgress: (l) => ctx.log.info(l),
        }));
    const annotations = [];
    let healthChecks = [];
    let result;
    try {
        result = await ctx.log.group('Package', () => (0,_core_package_package_js__WEBPACK_IMPORTED_MODULE_5__/* .packageRelease */ .Ux)({
            bundleDir,
            config: loaded.config,
            configFile: loaded.file,
            ...(name ? { name } : {}),
            ...(timestamp ? { timestamp } : {}),
            outputDir,
            language,
            health: async () => {
                const report = typeof health === 'function' ? await health() : health;
                healthChecks = report.checks;
                return report;
            },
            env: ctx.env,
            onProgress: (line) => ctx.log.info(line),
        }));
    }
    catch (error) {
        // A failed healthcheck stops packaging: annotate the files it named, then fail once.
        if (!(error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ) || !healthChecks.some((c) => c.status === 'fail'))
            throw error;
        return { outputs: {}, annotations: (0,_healthcheck_js__WEBPACK_IMPORTED_MODULE_8__.checkAnnotations)(healthChecks), failure: error.message };
    }
    const artifactId = await upload(ctx, uploadEnabled, result.releaseId, [result.tarball, result.manifestPath], outputDir, annotations);
    return {
        outputs: {
            tarball: result.tarball,
            manifest: result.manifestPath,
            notes: result.notes,
            'release-id': result.releaseId,
            sha256: result.sha256,
            size: String(result.size),
            'artifact-id': artifactId,
        },
        summary: result.notes,
        annotations,
    };
};


/***/ })

};
