#!/usr/bin/env bash
# Seeds fuzz/corpus/{parse_spec,pipeline} with some of the project's own specs and a few
# catalogue cases. Each seed starts with one selector byte (`0`: the first path of the
# target's list, e.g. `specs/things/getThing.md`).
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=(
  specs/packages/getPackageVersionForOrganization.md specs/repos/uploadReleaseAsset.md
  specs/actions/createWorkflowDispatch.md specs/issues/removeAssignees.md specs/git/createTree.md
  specs/repos/getContent.md specs/meta/root.md specs/markdown/renderRaw.md
  tests/hostile-specs/table-nested-table/things/getThing.md
  tests/hostile-specs/explicit-duplicate/things/getThing.md
  tests/hostile-specs/doc-doctest-fence/doctestFence/getThing.md
  tests/hostile-specs/hostile-enum-values/enumValues/listThings.md
  tests/hostile-specs/odd-param-names/oddNames/getThing.md
)
for target in parse_spec pipeline; do
  out=fuzz/corpus/$target
  mkdir -p "$out"
  for spec in "${seeds[@]}"; do
    { printf '0'; cat "$spec"; } > "$out/$(echo "$spec" | tr '/' '_')"
  done
  echo "seeded $out ($(ls "$out" | wc -l) files)"
done
