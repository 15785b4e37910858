// An SBOM generator for BuildKit (its SBOM scanner protocol, moby/buildkit
// docs/attestations/sbom-protocol.md), built from the Go module proxy so that the end-to-end
// tests run offline: the stack pushes it as docker/buildkit-syft-scanner:stable-1 to the local
// registry, which BuildKit reaches as its docker.io mirror. The scan is syft's (as in
// docker/buildkit-syft-scanner); each result is an in-toto statement with the SPDX document as
// its predicate, the form BuildKit reads from BUILDKIT_SCAN_DESTINATION.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/anchore/syft/syft"
	"github.com/anchore/syft/syft/format"
	"github.com/anchore/syft/syft/format/spdxjson"
	// syft's RPM database cataloger needs a sqlite driver; its CLI registers this one (pure Go).
	_ "modernc.org/sqlite"
)

type statement struct {
	Type          string          `json:"_type"`
	PredicateType string          `json:"predicateType"`
	Subject       []any           `json:"subject"`
	Predicate     json.RawMessage `json:"predicate"`
}

func main() {
	destination := os.Getenv("BUILDKIT_SCAN_DESTINATION")
	source := os.Getenv("BUILDKIT_SCAN_SOURCE")
	if destination == "" || source == "" {
		fail(fmt.Errorf("BUILDKIT_SCAN_DESTINATION and BUILDKIT_SCAN_SOURCE must be set"))
	}
	targets := []string{source}
	if extras := os.Getenv("BUILDKIT_SCAN_SOURCE_EXTRAS"); extras != "" {
		if entries, err := os.ReadDir(extras); err == nil {
			for _, entry := range entries {
				if entry.IsDir() {
					targets = append(targets, filepath.Join(extras, entry.Name()))
				}
			}
		}
	}
	for _, target := range targets {
		if err := scan(target, filepath.Join(destination, filepath.Base(target)+".spdx.json")); err != nil {
			fail(fmt.Errorf("scanning %s: %w", target, err))
		}
	}
}

func scan(target, out string) error {
	ctx := context.Background()
	src, err := syft.GetSource(ctx, target, syft.DefaultGetSourceConfig().WithSources("dir"))
	if err != nil {
		return err
	}
	defer src.Close()
	sbom, err := syft.CreateSBOM(ctx, src, syft.DefaultCreateSBOMConfig())
	if err != nil {
		return err
	}
	encoder, err := spdxjson.NewFormatEncoderWithConfig(spdxjson.DefaultEncoderConfig())
	if err != nil {
		return err
	}
	document, err := format.Encode(*sbom, encoder)
	if err != nil {
		return err
	}
	data, err := json.Marshal(statement{
		Type:          "https://in-toto.io/Statement/v0.1",
		PredicateType: "https://spdx.dev/Document",
		Subject:       []any{},
		Predicate:     document,
	})
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "sbom-generator:", err)
	os.Exit(1)
}
