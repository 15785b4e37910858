// What the adapters read about how an image was built, for the policy's rules (src/gate/rules/):
// its base images (BuildKit's provenance), its packages (the SBOM), its build checks. Types only.

/** A base image the build used (a `FROM`), as BuildKit's provenance names it. */
export interface BaseImage {
  /** The reference in full, as named: `docker.io/library/python:3.12-slim`, `registry/base/app@sha256:…`. */
  reference: string;
  /** registry/path, without tag or digest: `docker.io/library/python`. */
  repository: string;
  /** The tag it was named by; absent when named by digest only (or by nothing: then `latest`). */
  tag?: string;
  /** The digest the build resolved it to. */
  digest: string;
  /** Named by digest in the Dockerfile (`FROM name@sha256:…`, `FROM name:tag@sha256:…`). */
  pinned: boolean;
}

/** A package in the SBOM, as the rules read it. */
export interface SbomPackage {
  name: string;
  version?: string;
  /** Its package URL, when the SBOM gives one. */
  purl?: string;
  /** SPDX licence expressions the SBOM declares (declared, then concluded); empty when none (NOASSERTION). */
  licenses: string[];
}

/** A BuildKit build check that found something, where it is. */
export interface BuildCheck {
  /** The check's name, e.g. JSONArgsRecommended. */
  rule: string;
  message: string;
  /** The Dockerfile, workspace-relative, and its lines; absent when BuildKit gave no place. */
  file?: string;
  line?: number;
  endLine?: number;
  url?: string;
}
