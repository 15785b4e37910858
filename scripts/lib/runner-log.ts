// Shows an action's raw output the way the GitHub runner shows it in a job's log: workflow
// commands (https://docs.github.com/actions/reference/workflow-commands-for-github-actions)
// are interpreted, not printed. `::add-mask::` registers a secret that is replaced by `***` in
// every later line (and in whatever else the caller masks: outputs, the job summary), with the
// encoded forms the runner's secret masker also hides (base64 at each of the three byte
// alignments, URL-encoded); groups become headings; annotations become `Error:` / `Warning:` /
// `Notice:` lines; debug lines are hidden, as without RUNNER_DEBUG.
//
// Our own code, not a library: @actions/core writes these commands and the runner (C#) reads
// them, but no package reads them back from a captured log. The demo is its user.

const ANNOTATIONS: Record<string, string> = { error: 'Error', warning: 'Warning', notice: 'Notice' };

/** `%25` `%0D` `%0A` (and in properties `%3A` `%2C`), as @actions/core escapes them. */
function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/gi, ':').replace(/%2C/gi, ','));
}

/** The forms of a secret the runner also masks; short fragments are left alone (they would mask noise). */
export function maskedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = new Set<string>([secret, encodeURIComponent(secret)]);
  for (const line of secret.split(/\r?\n/)) if (line.trim() !== '') forms.add(line);
  // A secret inside a longer base64 text (e.g. "AWS:<password>" in a Docker auth string) starts at
  // any byte offset; from the next 3-byte boundary on, its base64 is the base64 of its own
  // bytes from that shift, without the last, incomplete group.
  for (let shift = 0; shift < 3; shift++) {
    const rest = bytes.subarray(shift);
    const whole = rest.subarray(0, rest.length - (rest.length % 3));
    if (whole.length > 0) forms.add(whole.toString('base64'));
    forms.add(rest.toString('base64'));
  }
  return [...forms].filter((form) => form.length >= 6).sort((a, b) => b.length - a.length);
}

interface Command {
  name: string;
  properties: Record<string, string>;
  data: string;
}

function parseCommand(line: string): Command | undefined {
  const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const [, name, props = '', data] = match;
  const properties: Record<string, string> = {};
  for (const pair of props.split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) properties[pair.slice(0, at).trim()] = unescapeProperty(pair.slice(at + 1));
  }
  return { name: name.toLowerCase(), properties, data: unescapeData(data) };
}

function location(properties: Record<string, string>): string {
  const { file, line, col } = properties;
  if (file === undefined) return '';
  return ` (${file}${line !== undefined ? `:${line}` : ''}${col !== undefined ? `:${col}` : ''})`;
}

/** One job's log: masks registered in one phase stay registered for the next, as in the runner. */
export class RunnerLog {
  private readonly forms: string[] = [];
  private stopToken: string | undefined;
  private inGroup = false;

  /** Secrets the runner knows before the step starts (`secrets.*`, the GITHUB_TOKEN). */
  constructor(secrets: readonly string[] = []) {
    for (const secret of secrets) this.addMask(secret);
  }

  addMask(secret: string): void {
    if (secret === '') return;
    for (const form of maskedForms(secret)) if (!this.forms.includes(form)) this.forms.push(form);
    this.forms.sort((a, b) => b.length - a.length);
  }

  /** Text with every registered secret (in each of its forms) replaced by `***`. */
  mask(text: string): string {
    let masked = text;
    for (const form of this.forms) masked = masked.split(form).join('***');
    return masked;
  }

  /** A phase's raw stdout/stderr, rendered line by line. */
  render(raw: string): string {
    const out: string[] = [];
    const print = (text: string) => {
      for (const line of text.split('\n')) out.push(this.mask(`${this.inGroup ? '  ' : ''}${line}`));
    };
    for (const line of raw.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')) {
      if (this.stopToken !== undefined) {
        if (line === `::${this.stopToken}::`) this.stopToken = undefined;
        else print(line);
        continue;
      }
      const command = parseCommand(line);
      if (!command) {
        print(line);
        continue;
      }
      const { name, properties, data } = command;
      if (name === 'add-mask') this.addMask(data);
      else if (name === 'group') {
        this.inGroup = false;
        print(`▶ ${data}`);
        this.inGroup = true;
      } else if (name === 'endgroup') this.inGroup = false;
      else if (name in ANNOTATIONS) {
        const title = properties.title !== undefined ? `${properties.title}: ` : '';
        print(`${ANNOTATIONS[name]}: ${title}${data}${location(properties)}`);
      } else if (name === 'stop-commands') this.stopToken = data;
      else if (name === 'debug' || name === 'echo') continue;
      else print(line); // not a command the runner knows: it shows the line as it is
    }
    return out.join('\n');
  }
}
