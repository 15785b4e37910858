// Where a --cpu-prof profile spends its time, by package: each sample goes to the nearest frame
// in a bundled file, mapped back through the bundle's source map to its node_modules package or
// src/ file; V8's own work (compiling modules, GC) gets its own line. For --profile.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface SourceMap {
  /** Per generated line: [column, source index] pairs, by column. */
  lines: Array<Array<[number, number]>>;
  sources: string[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeMap(text: string): SourceMap {
  const map = JSON.parse(text) as { mappings: string; sources: string[] };
  const lines: SourceMap['lines'] = [];
  let source = 0;
  for (const line of map.mappings.split(';')) {
    const segments: Array<[number, number]> = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        let digit = BASE64.indexOf(char);
        const more = digit & 32;
        digit &= 31;
        value += digit << shift;
        if (more) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length > 1) {
        source += values[1];
        segments.push([column, source]);
      }
    }
    lines.push(segments);
  }
  return { lines, sources: map.sources };
}

export function profileByPackage(dir: string): { profiles: number; meanMs: number; rows: Array<[string, number]> } {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      try {
        maps.set(file, decodeMap(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        maps.set(file, undefined);
      }
    }
    return maps.get(file);
  };
  const bundled = (url: string) => /\.(m?js|cjs)$/.test(url) && url.startsWith('file://') && !url.includes('/node_modules/');
  const packageOf = (frame: CallFrame): string => {
    const file = frame.url.replace('file://', '');
    const map = mapOf(file);
    if (!map) return path.basename(file);
    let source: number | undefined;
    for (const [column, index] of map.lines[frame.lineNumber] ?? []) {
      if (column > frame.columnNumber) break;
      source = index;
    }
    const name = source === undefined ? undefined : map.sources[source];
    if (!name) return `${path.basename(file)} (unmapped bundle code)`;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name);
    if (pkg) return pkg[1];
    return name.includes('webpack/') ? 'bundler runtime' : name.replace(/^.*?\b(src|bench|__fixtures__)\//, '$1/');
  };

  const totals = new Map<string, number>();
  let all = 0;
  let profiles = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    profiles += 1;
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((id, i) => {
      const micros = profile.timeDeltas[i] ?? 0;
      const node = byId.get(id);
      if (!node) return;
      const fn = node.callFrame.functionName;
      let key: string;
      if (fn === 'compileSourceTextModule' || fn === 'compileFunction' || fn === 'wrapSafe' || fn === 'compileForInternalLoader')
        key = 'V8: compiling modules';
      else if (fn === '(garbage collector)') key = 'V8: garbage collection';
      else if (fn === '(idle)') key = 'idle (waiting for I/O or timers)';
      else if (fn === '(program)') key = 'V8/Node native (program)';
      else {
        let at: ProfileNode | undefined = node;
        while (at && !bundled(at.callFrame.url)) at = byId.get(parent.get(at.id) ?? -1);
        key = at
          ? packageOf(at.callFrame)
          : node.callFrame.url.startsWith('node:') || !node.callFrame.url
            ? 'Node internals'
            : path.basename(node.callFrame.url);
      }
      totals.set(key, (totals.get(key) ?? 0) + micros);
      all += micros;
    });
  }
  const rows = [...totals].map(([k, v]): [string, number] => [k, v / 1000 / Math.max(1, profiles)]).sort((a, b) => b[1] - a[1]);
  return { profiles, meanMs: all / 1000 / Math.max(1, profiles), rows };
}
