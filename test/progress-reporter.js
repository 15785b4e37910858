// A jest reporter for long runs (scripts/test.sh uses it for the end-to-end tests, about six
// minutes): names each test file when it starts and each test when it ends, with its time, so a
// run never sits silent for minutes. jest's default reporter prints a file only once it ends.
import * as path from 'node:path';

const seconds = (ms) =>
  ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s` : `${(ms / 1000).toFixed(1)}s`;

export default class ProgressReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.total = 0;
    this.started = 0;
    this.startedAt = new Map();
  }

  onRunStart(results) {
    this.total = results.numTotalTestSuites;
    this.runStart = Date.now();
  }

  onTestFileStart(test) {
    this.started += 1;
    this.startedAt.set(test.path, Date.now());
    this.write(`[${this.started}/${this.total}] ${this.name(test)} running (${seconds(Date.now() - this.runStart)} into the run)`);
  }

  onTestCaseResult(test, result) {
    const mark = result.status === 'passed' ? '✓' : result.status === 'failed' ? '✕' : '○';
    this.write(`      ${mark} ${result.fullName} (${seconds(result.duration ?? 0)})`);
  }

  onTestFileResult(test, result) {
    const took = seconds(Date.now() - (this.startedAt.get(test.path) ?? Date.now()));
    const failed = result.numFailingTests + (result.testExecError ? 1 : 0);
    this.write(`      ${this.name(test)}: ${result.numPassingTests} passed, ${failed} failed in ${took}`);
  }

  name(test) {
    return path.relative(this.rootDir, test.path);
  }

  write(line) {
    process.stderr.write(`${line}\n`);
  }
}
