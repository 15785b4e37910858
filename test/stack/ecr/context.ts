// What every ECR operation handler gets.
import type { Input } from './input.ts';
import type { RegistryClient } from './registry-client.ts';
import type { Scanner } from './scans.ts';
import type { Store } from './store.ts';

export interface OpContext {
  store: Store;
  registry: RegistryClient;
  scanner: Scanner;
  /** The caller's account (from its access key): the registry of calls that name none. */
  account: string;
  /** The region the request was signed for (ARNs use it). */
  region: string;
  /** Epoch ms when the request arrived. */
  now: number;
}

export type Operation = (input: Input, ctx: OpContext) => Promise<Record<string, unknown>>;
