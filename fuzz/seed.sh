#!/usr/bin/env bash
# Seeds fuzz/corpus/parse_spec with some of the project's own specs and a few catalogue cases.
# Each seed starts with one selector byte (`0`: the file is `specs/things/getThing.md`).
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus/parse_spec
mkdir -p "$out"
for spec in specs/packages/getPackageVersionForOrganization.md specs/repos/uploadReleaseAsset.md \
  specs/actions/createWorkflowDispatch.md specs/issues/removeAssignees.md specs/git/createTree.md \
  specs/repos/getContent.md specs/meta/root.md specs/markdown/renderRaw.md \
  tests/hostile-specs/table-nested-table/things/getThing.md \
  tests/hostile-specs/explicit-duplicate/things/getThing.md \
  tests/hostile-specs/doc-doctest-fence/doctestFence/getThing.md; do
  name=$(echo "$spec" | tr '/' '_')
  { printf '0'; cat "$spec"; } > "$out/$name"
done
echo "seeded $(ls "$out" | wc -l) files into $out"
