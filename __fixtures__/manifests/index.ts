// Manifests as BatchGetImage returns them (imageManifest is the raw JSON text).
import { readFileSync } from 'node:fs';

export type ManifestFixture = 'oci-manifest' | 'oci-index' | 'oci-index-attestations' | 'docker-manifest-list';

export function manifestText(name: ManifestFixture): string {
  return readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8');
}

/** A sha256 digest of one repeated hex character, as the fixtures use. */
export function digestOf(hex: string): string {
  return `sha256:${hex.repeat(64)}`;
}
