/**
 * A health report vouches for the files it hashed, and for no others. `package` takes a report
 * the healthcheck step wrote earlier (input `health-report`); a report of another bundle, or of
 * this one before a file changed, must not let a release ship marked healthy. The report's
 * integrity check lists every file with its size and sha256: the sizes are compared before
 * anything is written, the hashes as the tarball is written (package hashes each file then).
 */
import * as z from '../validation/zod.js';
import { ModelgateError } from '../errors.js';
import type { Report } from '../report/types.js';
import { PARSE_ONCE } from '../validation/once.js';

const integrityDetails = z.object({
  files: z.array(z.object({ path: z.string(), size: z.number(), sha256: z.string() })),
});

type Vouched = ReadonlyMap<string, { size: number; sha256: string }>;

export class HealthReportMatch {
  private constructor(
    private readonly files: Vouched,
    private readonly source: string,
    private readonly bundle: string,
  ) {}

  /**
   * The files `report` vouches for. `source` names the report in messages (its file), `bundle`
   * the folder being packaged.
   */
  static of(report: Report, source: string, bundle: string): HealthReportMatch {
    const integrity = report.checks.find((c) => c.name === 'integrity');
    const parsed = integrityDetails.safeParse(integrity?.details, PARSE_ONCE);
    if (!parsed.success)
      throw new ModelgateError(
        `${source}: the health report has no integrity check listing the files it hashed, so it cannot vouch for ${bundle}; pass the report modelgate's healthcheck wrote for this bundle, or leave health-report empty to run the healthcheck here`,
        'input',
        { file: source },
      );
    return new HealthReportMatch(
      new Map(parsed.data.files.map((f) => [f.path, { size: f.size, sha256: f.sha256 }])),
      source,
      bundle,
    );
  }

  /** The bundle's files are the report's, at the same sizes. */
  checkSizes(files: readonly { path: string; size: number }[]): void {
    const here = new Set<string>();
    for (const f of files) {
      here.add(f.path);
      const vouched = this.files.get(f.path);
      if (!vouched) this.refuse(`${f.path} is in the bundle but not in the report`);
      if (vouched.size !== f.size)
        this.refuse(`${f.path} is ${f.size} bytes here and ${vouched.size} bytes in the report`);
    }
    for (const path of this.files.keys())
      if (!here.has(path)) this.refuse(`${path} is in the report but not in the bundle`);
  }

  /** Each file's sha256 as package read it equals the report's. */
  checkHashes(sha256: ReadonlyMap<string, string>): void {
    for (const [path, vouched] of this.files) {
      const actual = sha256.get(path);
      if (actual !== undefined && actual !== vouched.sha256)
        this.refuse(`${path} has sha256 ${actual} here and ${vouched.sha256} in the report`);
    }
  }

  private refuse(difference: string): never {
    throw new ModelgateError(
      `${this.source}: this health report was written for other files than ${this.bundle}: ${difference}; run the healthcheck on this bundle and pass its report (or leave health-report empty to run it here)`,
      'input',
      { file: this.source },
    );
  }
}
