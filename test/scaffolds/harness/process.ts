// Running a toolchain command from a scaffold test.
import { execFile } from "node:child_process";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export type RunFn = (cmd: string, args: string[], cwd: string, env?: Record<string, string>, timeout?: number) => Promise<Run>;

/**
 * A `run` with a test file's defaults: its timeout and the environment its toolchain needs (merged
 * under each call's own). Async on purpose: the mock server lives in this process, so a sync spawn
 * would block it.
 */
export function runner(defaults: { timeout: number; env?: Record<string, string> }): RunFn {
  return (cmd, args, cwd, env = {}, timeout = defaults.timeout) =>
    new Promise((done) => {
      execFile(cmd, args, { cwd, env: { ...process.env, ...defaults.env, ...env }, timeout, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
        // A command that could not start (or was killed) says why only in the error.
        done({ code, stdout: String(stdout), stderr: String(stderr) + (err && !stderr ? String(err.message) : "") });
      });
    });
}

/** A failed run as an assertion message: the exit code and the ends of both outputs. */
export const show = (r: Run): string => `exit ${r.code}\n--- stdout\n${r.stdout.slice(-8000)}\n--- stderr\n${r.stderr.slice(-8000)}`;

/** The last line a program printed, parsed: the smoke programs print their result as one JSON line, last. */
export const lastJsonLine = (r: Run): unknown => JSON.parse(r.stdout.trim().split("\n").pop() as string);
