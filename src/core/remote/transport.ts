/**
 * What deploy, rollback and the shadow gate need from a target. `local` and `ssh` implement
 * the same interface, so every step has one code path and the transport is the only
 * difference. Paths are absolute paths on the target.
 */
export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  /** Default: the transport's command timeout. A command that runs longer is killed and fails. */
  timeoutMs?: number;
  /** Bytes written to the command's stdin, then closed. */
  stdin?: Buffer | string;
}

export interface UploadProgress {
  sent: number;
  total: number;
}

export interface Transport {
  /** e.g. `ssh deploy@127.0.0.1:2222` or `local`. Never contains a secret. */
  readonly description: string;
  /** Runs a shell command (already quoted by the caller with `shellQuote`). */
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** Copies a local file to `remotePath`, appending from `offset` when resuming. */
  upload(
    localFile: string,
    remotePath: string,
    options?: { offset?: number; onProgress?: (p: UploadProgress) => void },
  ): Promise<void>;
  /** Copies a remote file to a local path (over ssh, a lost connection is resumed on a new one). */
  download(remotePath: string, localFile: string): Promise<void>;
  /** Size of a remote file, or undefined when it does not exist. */
  size(remotePath: string): Promise<number | undefined>;
  close(): Promise<void>;
}
